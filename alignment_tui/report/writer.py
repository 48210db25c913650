"""Render a profile's report and write it atomically (temporary file, fsync, rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

from alignment_tui.analysis.findings import ProfileResult
from alignment_tui.model.profile import Profile
from alignment_tui.report.content import build_report

FORMATS = ("md", "html")
_EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def format_for(path: str | os.PathLike[str]) -> str | None:
    """The report format a file name asks for (``None`` when its extension says nothing)."""
    return _EXTENSIONS.get(Path(path).suffix.lower())


def render_report(
    profile: Profile,
    result: ProfileResult | None,
    *,
    fmt: str,
    lang: str,
    notes: bool = False,
    today: date | None = None,
) -> str:
    """The report as Markdown (``fmt="md"``) or as one self-contained HTML page."""
    report = build_report(profile, result, lang=lang, notes=notes, today=today)
    if fmt == "html":
        # lazy: only the format asked for is loaded
        from alignment_tui.report.html import render_html

        return render_html(report)
    # lazy: only the format asked for is loaded
    from alignment_tui.report.markdown import render_markdown

    return render_markdown(report)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` so that ``path`` is either the old file or the whole new one.

    Raises ``OSError``; on failure no temporary file is left behind.
    """
    # lazy: only the format asked for is loaded
    from alignment_tui.store.files import real_target

    p = real_target(path)  # a link is kept, and the file it points to gets the report
    folder = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            # Reports carry the client's confidential strategy: owner-only, like the profile.
            os.fchmod(handle.fileno(), 0o600)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
