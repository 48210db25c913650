"""The next period from the TUI: where to write it, written as ``next`` writes it, then opened.

The file is asked for in the save-as dialog (prefilled beside the current file; an existing
file or a missing folder is refused there in one line), written by ``session/period.py``
from what the walk shows, and offered: open it (this profile saved and closed first) or
stay, being told where it is. It knows the app only as a Textual ``App``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from alignment_tui.i18n import t
from alignment_tui.session import ProfileSession, clock
from alignment_tui.session.period import Refused, Written, suggested_path, write_next_period
from alignment_tui.store import ProfileError
from alignment_tui.store.paths import remember_profile
from alignment_tui.tui.screens.modals import OpenNextScreen, SaveAsScreen


class NextPeriod:
    """``start()`` asks, writes and offers; ``open_profile`` opens the new file in the app."""

    def __init__(
        self,
        app: App[Any],
        session: ProfileSession,
        lang: str,
        open_profile: Callable[[Path], object],
    ) -> None:
        self.app = app
        self.session = session
        self.lang = lang
        self.open_profile = open_profile

    def start(self, suggestion: Path | None = None) -> None:
        session, lang = self.session, self.lang
        suggestion = suggestion or suggested_path(session.path, session.profile, clock.today())
        dialog = SaveAsScreen(
            suggestion,
            lang,
            title=t("period.title", lang),
            hint=t("period.hint", lang),
            action=t("period.write", lang),
        )
        self.app.push_screen(dialog, self._chosen)

    def _chosen(self, path: Path | None) -> None:
        if path is None:
            return
        lang = self.lang
        try:
            # What the walk shows (a change not yet autosaved included), as `next` reads it.
            written = write_next_period(
                self.session.snapshot(), self.session.path, path, clock.today()
            )
        except Refused:
            # Created between the dialog's check and the write: asked again, nothing written.
            self.app.notify(t("save_as.exists", lang), severity="error", markup=False)
            self.start(path)
            return
        except ProfileError as exc:
            self.app.notify(exc.message(lang), severity="error", markup=False, timeout=10)
            return
        remember_profile(path)
        dialog = OpenNextScreen(written.line(lang), lang)
        self.app.push_screen(dialog, lambda open_it: self._then(written, bool(open_it)))

    def _then(self, written: Written, open_it: bool) -> None:
        if open_it:
            self.open_profile(written.path)
        else:
            notice = t("period.stayed", self.lang, path=str(written.path))
            self.app.notify(notice, markup=False, timeout=12)
