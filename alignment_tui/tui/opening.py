"""The app's start: the bank loaded after the first frame, the welcome screen, a profile
opened or created as a session, and the walk begun on it."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import BindingsMap
from textual.screen import Screen

from alignment_tui.i18n import normalise_lang
from alignment_tui.safe_text import visible
from alignment_tui.tui.failsafe import OneLineErrors
from alignment_tui.tui.screens.base import APP_KEYS, bindings
from alignment_tui.tui.screens.welcome import OpeningScreen, WelcomeScreen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from alignment_tui.model.bank import Bank
    from alignment_tui.model.profile import Profile
    from alignment_tui.session import ProfileSession, SaveState
    from alignment_tui.tui.walk import Walk
    from alignment_tui.tui.walker import Walker


class OpeningApp(OneLineErrors):
    """Heavy modules (pydantic, the bank, the session) load after the first frame: they are
    imported where they are first needed, in the start-up worker."""

    def __init__(self, profile_path: Path | None, lang: str | None, bank_dir: str | None) -> None:
        super().__init__()
        self.lang = normalise_lang(lang)
        self.lang_fixed = lang is not None
        self.target = profile_path  # the file asked for on the command line, if any
        self.bank_dir = bank_dir
        self.bank: Bank | None = None
        self.bank_ready = asyncio.Event()
        self.walker: Walker | None = None  # once a profile is open
        self._busy = False  # a profile is being created or opened from the welcome screen
        self._set_lang(self.lang)

    # What tests and tools read: the session's, never a copy kept here.
    @property
    def session(self) -> ProfileSession | None:
        return self.walker.session if self.walker else None

    @property
    def path(self) -> Path | None:
        """The profile's file: the session's once one is open (it moves with a save-as)."""
        return self.walker.session.path if self.walker else self.target

    @property
    def profile(self) -> Profile | None:
        return self.walker.session.profile if self.walker else None

    @property
    def walk(self) -> Walk | None:
        return self.walker.walk if self.walker else None

    @property
    def saves(self) -> SaveState | None:
        return self.walker.session.saves if self.walker else None

    def _set_lang(self, lang: str) -> None:
        self.lang = normalise_lang(lang)
        if self.walker is not None:
            self.walker.lang = self.lang
        self._bindings = BindingsMap(bindings(APP_KEYS, self.lang))
        # Ctrl+C quits like Ctrl+Q (saving first) wherever it does not copy text.
        self._bindings.bind("ctrl+c", "quit", show=False)
        self.refresh_bindings()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is literal: a message quoting a file, a path or an answer is
        never read as markup, and its control characters are shown escaped."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    # -- start ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        # os.path.exists, not Path.exists: a name too long is "not there", never a crash.
        opening = self.path is not None and os.path.exists(self.path)
        if opening and self.path is not None:
            self.push_screen(OpeningScreen(self.lang, self.path))
            self.call_after_refresh(self._start, opening)
        else:
            self.push_screen(WelcomeScreen(self.lang, target=self.path))
            # Loading the bank holds the GIL for a while: let the welcome form paint and
            # settle first (a person needs seconds to fill it anyway).
            self.set_timer(0.6, lambda: self._start(opening))

    @work(group="start")
    async def _start(self, opening: bool) -> None:
        # Lazy for start-up speed: pydantic and the bank load after the first frame.
        from alignment_tui.model.bank import BankError, load_bank
        from alignment_tui.store.paths import recent_entries

        try:
            self.bank = await asyncio.to_thread(load_bank, self.bank_dir)
        except BankError as exc:
            self.exit(2, return_code=2, message=exc.text(self.lang))
            return
        self.bank_ready.set()
        if opening and self.path is not None:
            await self._open(self.path)
        elif isinstance(self._top(), WelcomeScreen):
            recent = await asyncio.to_thread(recent_entries)
            # The user may have moved on while the list was read.
            welcome = self._top()
            if isinstance(welcome, WelcomeScreen) and welcome.is_attached:
                welcome.show_recent(recent)

    def _top(self) -> Screen[Any] | None:
        """The screen on top, or None once the app is closing (its stack already empty:
        the start-up worker can still be running when a user quits at once)."""
        return self.screen_stack[-1] if self.screen_stack else None

    async def _open(self, path: Path, *, checkin: bool = False) -> None:
        # Lazy for start-up speed: the session core brings the analysis with it.
        from alignment_tui.session import open_session

        assert self.bank is not None
        made = await asyncio.to_thread(open_session, self.bank, path, self.lang)
        if isinstance(made, str):
            self.switch_screen(WelcomeScreen(self.lang, error=made))
            return
        lang = self.lang if self.lang_fixed else (made.profile.lang or self.lang)
        self._begin(made, lang, checkin=checkin)

    @work(group="start")
    async def on_welcome_screen_open(self, message: WelcomeScreen.Open) -> None:
        if self._busy or self.walker is not None:
            return  # a second Enter while the first one is being handled
        self._busy = True
        try:
            await self.bank_ready.wait()
            await self._open(message.path, checkin=message.checkin)
        finally:
            self._busy = False

    @work(group="start")
    async def on_welcome_screen_create(self, message: WelcomeScreen.Create) -> None:
        from alignment_tui.session import create_session  # lazy: as in _open

        if self._busy or self.walker is not None:
            return  # a second Enter must not create a second file
        self._busy = True
        try:
            await self.bank_ready.wait()
            assert self.bank is not None
            made = await asyncio.to_thread(
                create_session,
                self.bank,
                self.target,
                message.organisation,
                message.respondent,
                self.lang,
                bank_dir=self.bank_dir,
            )
        finally:
            self._busy = False
        if isinstance(made, str):
            self.notify(made, severity="error", markup=False, timeout=10)
            return
        self._begin(made, self.lang)

    @work(group="start")
    async def open_instead(self, path: Path, notice: str = "") -> None:
        """Close this profile (its last save, its lock) and open ``path`` in its place."""
        saving = [w for w in self.workers if w.group == "save" and w.is_running]
        if saving:  # its result belongs to this profile's walker, not the next one's
            await self.workers.wait_for_complete(saving)
        walker, self.walker = self.walker, None
        if walker is not None:
            line = walker.close()
            if line:
                self.notify(line, markup=False)
        while len(self.screen_stack) > 2:  # the walk's screen is switched below
            await self.pop_screen()
        await self.bank_ready.wait()
        await self._open(path)
        if self.walker is not None and notice:
            self.notify(notice, markup=False, timeout=10)

    def on_welcome_screen_language(self, message: WelcomeScreen.Language) -> None:
        if not isinstance(self.screen, WelcomeScreen):
            return
        fields = self.screen.current_fields()
        self._set_lang(message.lang)
        self.switch_screen(WelcomeScreen(self.lang, target=self.path, fields=fields))

    def _begin(self, session: ProfileSession, lang: str, *, checkin: bool = False) -> None:
        from alignment_tui.tui.walker import Walker  # lazy: as in _open

        self._set_lang(lang)
        self.walker = walker = Walker(self, session, self.lang)
        if session.profile.settings.theme in self.available_themes:
            self.theme = session.profile.settings.theme
        walker.show()
        if checkin:  # "Check in" on the welcome screen: its screen over the first step
            walker.checkin()
        notice = walker.notice()
        if notice is not None:
            self.push_screen(notice)
