"""The Textual app: opens or creates a profile, then shows its session's walk (tui/walker.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import BindingsMap
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen
from textual.worker import Worker

from alignment_tui.i18n import normalise_lang, t
from alignment_tui.output import debugging, internal_error, say_error
from alignment_tui.tui.keyroute import KeyRouter
from alignment_tui.tui.screens.base import APP_KEYS, bindings
from alignment_tui.tui.screens.modals import TooSmallScreen
from alignment_tui.tui.screens.welcome import OpeningScreen, WelcomeScreen
from alignment_tui.tui.terminal import paste_safe

if TYPE_CHECKING:
    from alignment_tui.model.bank import Bank
    from alignment_tui.model.profile import Profile
    from alignment_tui.session import ProfileSession, SaveState
    from alignment_tui.tui.walk import Walk
    from alignment_tui.tui.walker import Walker

MIN_SIZE = (40, 12)


class AlignmentApp(App[int]):
    """The guided walk. Heavy modules (pydantic, the bank, the session) load after the first
    frame: they are imported where they are first needed, in the start-up worker."""

    CSS_PATH = "app.tcss"
    # Below 72 columns the chain sidebar gives way to the answer (Ctrl+G then opens the palette).
    # -roomy and -vast let coach mode put the coach's column beside the answer (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide"), (110, "-roomy"), (150, "-vast")]  # noqa: RUF012
    TITLE = "alignment-tui"

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
        self.keys = KeyRouter(self, super().on_event)
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

    # -- input: every key and paste where it was typed (tui/keyroute.py) ---------------------
    async def on_event(self, event: events.Event) -> None:
        routed = isinstance(event, events.Key | events.Paste) and not event.is_forwarded
        if routed and await self.keys.route(event):  # type: ignore[arg-type]
            return
        await super().on_event(event)

    def get_driver_class(self) -> type[Driver]:
        return paste_safe(super().get_driver_class())

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

    async def _open(self, path: Path) -> None:
        # Lazy for start-up speed: the session core brings the analysis with it.
        from alignment_tui.session import open_session

        assert self.bank is not None
        made = await asyncio.to_thread(open_session, self.bank, path, self.lang)
        if isinstance(made, str):
            self.switch_screen(WelcomeScreen(self.lang, error=made))
            return
        lang = self.lang if self.lang_fixed else (made.profile.lang or self.lang)
        self._begin(made, lang)

    @work(group="start")
    async def on_welcome_screen_open(self, message: WelcomeScreen.Open) -> None:
        if self._busy or self.walker is not None:
            return  # a second Enter while the first one is being handled
        self._busy = True
        try:
            await self.bank_ready.wait()
            await self._open(message.path)
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

    def on_welcome_screen_language(self, message: WelcomeScreen.Language) -> None:
        if not isinstance(self.screen, WelcomeScreen):
            return
        fields = self.screen.current_fields()
        self._set_lang(message.lang)
        self.switch_screen(WelcomeScreen(self.lang, target=self.path, fields=fields))

    def _begin(self, session: ProfileSession, lang: str) -> None:
        from alignment_tui.tui.walker import Walker  # lazy: as in _open

        self._set_lang(lang)
        self.walker = walker = Walker(self, session, self.lang)
        if session.profile.settings.theme in self.available_themes:
            self.theme = session.profile.settings.theme
        walker.show()
        notice = walker.notice()
        if notice is not None:
            self.push_screen(notice)

    # -- the walk: every act goes to the walker, which hands it to the session ---------------
    def show_step(self) -> None:
        if self.walker is not None:
            self.walker.show()

    def jump(self, key: str, where: str = "") -> None:
        """Go to step ``key``; on a question, with the cursor on ``where`` in its answer."""
        if self.walker is not None:
            self.walker.jump(key, where)

    def on_chain_jump(self, message: Any) -> None:
        self.jump(message.key, getattr(message, "where", ""))

    def action_go_next(self) -> None:
        if self.walker is not None:
            self.walker.move("next")

    def action_go_back(self) -> None:
        if self.walker is not None:
            self.walker.move("back")

    def action_skip(self) -> None:
        if self.walker is not None:
            self.walker.move("skip")

    def on_answer_editor_changed(self, message: Any) -> None:
        if self.walker is not None:
            self.walker.answer(message.editor.question, message.value)

    def on_live_feedback_term_accepted(self, message: Any) -> None:
        if self.walker is not None:
            self.walker.accept_term(message.words)

    def on_waiver_list_remove(self, message: Any) -> None:
        if self.walker is not None:
            self.walker.take_back_waiver(message.waiver)

    def on_term_list_remove(self, message: Any) -> None:
        if self.walker is not None:
            self.walker.take_back_term(message.term)

    def on_live_feedback_waived(self, message: Any) -> None:
        if self.walker is not None:
            self.walker.waive(message.finding, message.reason, message.by, message.among)

    def on_coach_panel_note_changed(self, message: Any) -> None:
        if self.walker is not None:
            self.walker.session.note(message.qid, message.text)

    def action_toggle_coach(self) -> None:
        if self.walker is not None:
            self.walker.toggle_coach()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
        if self.walker is not None:
            self.walker.session.set_theme(self.theme)

    def action_external_edit(self) -> None:
        if self.walker is not None:
            self.walker.edit_externally(self.screen)

    def action_timer(self, action: str) -> None:
        """The coach's session timer: ``toggle`` (pause or go on) or ``reset``."""
        if self.walker is not None and action in ("toggle", "reset"):
            self.walker.timer("toggle" if action == "toggle" else "reset")

    # -- saving (tui/saving.py) ---------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "save" and self.walker is not None:
            self.walker.saving.finished(event)

    def action_save_now(self) -> None:
        if self.walker is not None:
            self.walker.saving.save_now()

    async def action_quit(self) -> None:
        self.exit(0, message=(self.walker.close() if self.walker else "") or None)

    def _handle_exception(self, error: Exception) -> None:
        """A bug: one line on exit (\"internal error: …, please report it\"), exit code 2,
        what was typed saved first; Textual's traceback only with ALIGNMENT_TUI_DEBUG set."""
        if debugging():
            super()._handle_exception(error)
            return
        if self._exception is None:  # the first one only: what follows is its aftermath
            self._exception = error  # kept for Pilot, which raises it in the test
            self._exception_event.set()
            if self.walker is not None:
                with contextlib.suppress(Exception):
                    self.walker.close()
            self._exit_renderables.append(internal_error(error, self.lang))
        self._return_code = 2
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        """The app's own exit lines (plain strings) go out as one escaped line each, not
        through Rich, which would wrap them; anything else is Textual's to print."""
        lines = [r for r in self._exit_renderables if isinstance(r, str)]
        self._exit_renderables[:] = [r for r in self._exit_renderables if not isinstance(r, str)]
        for line in lines:
            say_error(line)
        super()._print_error_renderables()

    # -- palette, size -------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from alignment_tui.tui.palette import palette  # lazy: as in _open

        walker = self.walker
        actions = {
            "next": self.action_go_next,
            "back": self.action_go_back,
            "skip": self.action_skip,
            "editor": self.action_external_edit,
            "summary": walker.show_summary if walker else self.action_go_next,
            "coach": self.action_toggle_coach,
            "timer": lambda: self.action_timer("toggle"),
            "timer_reset": lambda: self.action_timer("reset"),
            "save": self.action_save_now,
            "theme": self.action_toggle_theme,
            "quit": self.action_quit,
        }
        yield from palette(self.lang, screen, walker, actions)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = t("palette.placeholder", self.lang)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def on_resize(self, event: events.Resize) -> None:
        small = event.size.width < MIN_SIZE[0] or event.size.height < MIN_SIZE[1]
        shown = isinstance(self.screen, TooSmallScreen)
        if small and not shown:
            self.push_screen(TooSmallScreen(self.lang))
        elif shown and not small:
            self.pop_screen()


def make_app(
    profile_path: str | os.PathLike[str] | None = None,
    *,
    lang: str | None = None,
    bank: str | os.PathLike[str] | None = None,
) -> AlignmentApp:
    """The app for ``profile_path`` (opened, or created if missing), in ``lang``, with ``bank``."""
    path = Path(profile_path).expanduser().absolute() if profile_path is not None else None
    return AlignmentApp(path, lang, str(bank) if bank is not None else None)
