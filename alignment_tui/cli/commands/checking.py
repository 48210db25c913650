"""What ``check`` learns of one file: its findings, each located on a line and column."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.i18n import Lang, normalise_lang, t
from alignment_tui.model.profile import Profile
from alignment_tui.output import debugging, internal_error
from alignment_tui.store.locate import Region, TomlLocator

# Below this many files one process is quicker than starting workers.
_PARALLEL_FROM = 48
# What tells a profile from another TOML file: ``schema_version = …`` before any table
# header, where the program writes it first.
_TOP = re.compile(
    r"\A\ufeff?(?:[ \t]*(?:(?:#|[A-Za-z0-9_\"'-])[^\n]*)?\r?\n)*?[ \t]*schema_version[ \t]*="
)


@dataclass(frozen=True)
class Located:
    """A finding, where it is in the file, where the other ends of a coherence rule are,
    and for a waived finding the waiver's reason and where that waiver is written."""

    finding: Finding
    region: Region
    related: tuple[Region, ...] = ()
    reason: str = ""
    waiver: Region | None = None


@dataclass
class Checked:
    """One file: a one-line error (and where it is), or the analysis with its locations."""

    path: str
    lang: Lang
    error: str | None = None
    error_region: Region | None = None
    result: ProfileResult | None = None
    findings: list[Located] = field(default_factory=list)
    waived: list[Located] = field(default_factory=list)
    dropped: list[tuple[str, str, Region]] = field(default_factory=list)  # rule, where, region


def looks_like_profile(path: str) -> bool:
    """Is ``path`` a profile rather than another TOML file? ``schema_version`` is set at its
    top level, before any ``[table]``. A file that cannot be read counts as one, so that its
    error is shown."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return True
    return bool(_TOP.match(head))


def check_file(path: str, cli_lang: str | None, lang: Lang) -> Checked:
    """Load, analyse and locate one file."""
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.analysis.profile import profile_lang
    from alignment_tui.store import ProfileError, read_profile

    try:
        profile, _ = read_profile(Path(path))
    except ProfileError as exc:
        line = exc.params.get("line")
        region = None
        if isinstance(line, int) and line > 0:
            col = exc.params.get("col")
            column = col if isinstance(col, int) and col > 0 else 1
            region = Region(line, column, line, column)
        message = exc.message(normalise_lang(cli_lang) if cli_lang else lang)
        return Checked(path, lang, error=message, error_region=region)
    ui = normalise_lang(cli_lang or profile.lang or profile_lang(profile))
    try:
        return _analysed(path, profile, ui)
    except Exception as exc:
        # A bug met on one file: said for that file, and the other files are still checked.
        if debugging():
            raise
        return Checked(path, ui, error=f"{path}: {internal_error(exc, ui)}")


def _analysed(path: str, profile: Profile, ui: Lang) -> Checked:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.analysis.profile import analyze_profile
    from alignment_tui.analysis.waivers import waiver_states
    from alignment_tui.store.files import MAX_PROFILE_BYTES, ReadError, read_text

    result = analyze_profile(profile, ui_lang=ui)
    try:
        text = read_text(path, MAX_PROFILE_BYTES)
    except ReadError:
        text = ""  # gone since it was read: every finding is put at the top
    locator = TomlLocator(text)

    def locate(finding: Finding) -> Located:
        region = locator.region(finding.where, finding.start, finding.end)
        related = tuple(locator.region(where) for where in finding.related)
        return Located(finding, region, related)

    states = waiver_states(profile, result)
    by_finding = {id(s.finding): s for s in states if s.finding is not None}
    waived: list[Located] = []
    for finding in result.waived:
        located = locate(finding)
        state = by_finding.get(id(finding))
        if state is not None:
            where = locator.region(f"waivers[{state.index}]")
            located = Located(finding, located.region, located.related, state.waiver.reason, where)
        waived.append(located)
    dropped = [
        (s.waiver.rule, s.waiver.where, locator.region(f"waivers[{s.index}]"))
        for s in states
        if s.stale
    ]
    return Checked(
        path,
        ui,
        result=result,
        findings=[locate(f) for f in result.findings],
        waived=waived,
        dropped=dropped,
    )


def check_files(paths: list[str], cli_lang: str | None, lang: Lang) -> Iterator[Checked]:
    """Every file checked, in order; many files are shared among a few processes."""
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) < _PARALLEL_FROM or workers < 2:
        for path in paths:
            yield check_file(path, cli_lang, lang)
        return
    from concurrent.futures import ProcessPoolExecutor

    n = len(paths)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(check_file, paths, [cli_lang] * n, [lang] * n, chunksize=16)


def dropped_waivers(done: Checked) -> list[tuple[str, Region]]:
    """Each waiver that no longer matches a finding: what to say, and where it is written."""
    return [
        (
            t(
                "check.dropped",
                done.lang,
                path=done.path,
                line=region.start_line,
                col=region.start_column,
                where=where,
                rule=rule,
            ),
            region,
        )
        for rule, where, region in done.dropped
    ]


def finding_message(finding: Finding, lang: Lang) -> str:
    """The message, with the words it is about when the message does not quote them."""
    if finding.text and finding.text.strip() not in finding.message:
        return t("check.quote", lang, message=finding.message, text=_short(finding.text))
    return finding.message


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"
