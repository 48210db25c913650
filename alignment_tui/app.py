"""The Textual app: opens or creates a profile, walks the layers, autosaves."""

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
from textual.driver import Driver
from textual.screen import Screen
from textual.worker import Worker

from alignment_tui.i18n import normalise_lang, t
from alignment_tui.screens.autosave import Autosave
from alignment_tui.screens.base import APP_KEYS, bindings
from alignment_tui.screens.keyroute import KeyRouter
from alignment_tui.screens.modals import TooSmallScreen
from alignment_tui.screens.welcome import OpeningScreen, WelcomeScreen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from alignment_tui.model.bank import Bank
    from alignment_tui.model.profile import Profile
    from alignment_tui.screens.walk import Walk
    from alignment_tui.session import ProfileWriter, SaveState
    from alignment_tui.store import ProfileLock

MIN_SIZE = (40, 12)


class AlignmentApp(App[int]):
    """The guided walk. Heavy modules (pydantic, the bank) load after the first frame."""

    CSS_PATH = "app.tcss"
    # Below 72 columns the chain sidebar gives way to the answer (Ctrl+G then opens the palette).
    # -roomy and -vast let coach mode put the coach's column beside the answer (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide"), (110, "-roomy"), (150, "-vast")]  # noqa: RUF012
    TITLE = "alignment-tui"

    def __init__(self, profile_path: Path | None, lang: str | None, bank_dir: str | None) -> None:
        super().__init__()
        self.lang = normalise_lang(lang)
        self.lang_fixed = lang is not None
        self.path = profile_path
        self.bank_dir = bank_dir
        self.bank: Bank | None = None
        self.bank_ready = asyncio.Event()
        self.profile: Profile | None = None
        self.walk: Walk | None = None
        self.focus_on = ""  # where a jump asked the next question to put the cursor
        self.saves: SaveState | None = None
        self.writer: ProfileWriter | None = None
        self.lock: ProfileLock | None = None
        self.autosave = Autosave(self)
        self._marks: dict[str, str] = {}  # question id → chain mark last drawn
        self._busy = False  # a profile is being created or opened from the welcome screen
        self.keys = KeyRouter(self, super().on_event)
        self._set_lang(self.lang)

    def _set_lang(self, lang: str) -> None:
        self.lang = normalise_lang(lang)
        self._bindings = BindingsMap(bindings(APP_KEYS, self.lang))
        # Ctrl+C quits like Ctrl+Q (saving first) wherever it does not copy text.
        self._bindings.bind("ctrl+c", "quit", show=False)
        self.refresh_bindings()

    # -- input: every key and paste where it was typed (screens/keyroute.py) --------------
    async def on_event(self, event: events.Event) -> None:
        routed = isinstance(event, events.Key | events.Paste) and not event.is_forwarded
        if routed and await self.keys.route(event):  # type: ignore[arg-type]
            return
        await super().on_event(event)

    def get_driver_class(self) -> type[Driver]:
        from alignment_tui.screens.terminal import paste_safe

        return paste_safe(super().get_driver_class())

    # -- start ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        # os.path.exists, not Path.exists: a name too long is "not there", never a crash.
        opening = self.path is not None and os.path.exists(self.path)
        if opening and self.path is not None:
            self.push_screen(OpeningScreen(self.lang, self.path))
        else:
            self.push_screen(WelcomeScreen(self.lang, target=self.path))
        if opening:
            self.call_after_refresh(self._start, opening)
        else:
            # Loading the bank holds the GIL for a while: let the welcome form paint and
            # settle first (a person needs seconds to fill it anyway).
            self.set_timer(0.6, lambda: self._start(opening))

    @work(group="start")
    async def _start(self, opening: bool) -> None:
        from alignment_tui.model.bank import BankError, load_bank

        try:
            self.bank = await asyncio.to_thread(load_bank, self.bank_dir)
        except BankError as exc:
            self.exit(2, return_code=2, message=exc.text(self.lang))
            return
        self.bank_ready.set()
        if opening and self.path is not None:
            await self._open(self.path)
        elif isinstance(self._top(), WelcomeScreen):
            from alignment_tui.store.paths import recent_entries

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
        from alignment_tui.screens.flow import open_profile

        result = await asyncio.to_thread(open_profile, path, self.lang)
        if isinstance(result, str):
            self.switch_screen(WelcomeScreen(self.lang, error=result))
            return
        profile, stamp, lock = result
        lang = self.lang if self.lang_fixed else (profile.lang or self.lang)
        self._begin(profile, path, stamp, lock, lang, checkin=checkin)

    @work(group="start")
    async def on_welcome_screen_open(self, message: WelcomeScreen.Open) -> None:
        if self._busy or self.walk is not None:
            return  # a second Enter while the first one is being handled
        self._busy = True
        try:
            await self.bank_ready.wait()
            await self._open(message.path, checkin=message.checkin)
        finally:
            self._busy = False

    @work(group="start")
    async def on_welcome_screen_create(self, message: WelcomeScreen.Create) -> None:
        from alignment_tui.screens.flow import create_profile

        if self._busy or self.walk is not None:
            return  # a second Enter must not create a second file
        self._busy = True
        try:
            await self.bank_ready.wait()
            result = await asyncio.to_thread(
                create_profile,
                self.path,
                message.organisation,
                message.respondent,
                self.lang,
                self.bank_dir,
            )
        finally:
            self._busy = False
        if isinstance(result, str):
            self.notify(result, severity="error", markup=False, timeout=10)
            return
        self._begin(*result, self.lang)

    def on_welcome_screen_language(self, message: WelcomeScreen.Language) -> None:
        if not isinstance(self.screen, WelcomeScreen):
            return
        fields = self.screen.current_fields()
        self._set_lang(message.lang)
        self.switch_screen(WelcomeScreen(self.lang, target=self.path, fields=fields))

    def _begin(
        self,
        profile: Profile,
        path: Path,
        stamp: Any,
        lock: ProfileLock,
        lang: str,
        *,
        checkin: bool = False,
    ) -> None:
        from alignment_tui.screens.flow import begin

        self._set_lang(lang)
        self.profile, self.path, self.lock = profile, path, lock
        self.walk, self.saves, self.writer = begin(self.bank, profile, path, stamp, lock, self.lang)
        if profile.settings.theme in self.available_themes:
            self.theme = profile.settings.theme
        self.show_step()
        if checkin:
            from alignment_tui.screens.flow import open_checkin

            open_checkin(self)
        if self.saves.read_only:
            from alignment_tui.screens.flow import read_only_notice

            self.push_screen(read_only_notice(path, lock, self.lang))

    # -- the walk ------------------------------------------------------------------------
    def show_step(self, *, keep_editor: bool = True) -> None:
        if self.walk is None or self.profile is None:
            return
        from alignment_tui.screens.flow import keep_editor_value

        if keep_editor:
            keep_editor_value(self.profile, self.screen, self.lang)
        from alignment_tui.screens.livewire import keep_timer

        keep_timer(self)
        key = self.walk.session.current.key
        if self.profile.meta.position != key:
            self.profile.meta.position = key
            self.touch()
        self.switch_screen(self.walk.screen(self.profile))

    def jump(self, key: str, where: str = "") -> None:
        """Go to step ``key``; on a question, with the cursor on ``where`` in its answer."""
        if self.walk is not None and self.walk.session.go(key):
            self.focus_on = where
            self.show_step()

    def on_chain_jump(self, message: Any) -> None:
        self.jump(message.key, getattr(message, "where", ""))

    def action_go_next(self) -> None:
        if self.walk is not None:
            self.walk.session.next()
            self.show_step()

    def action_go_back(self) -> None:
        if self.walk is not None:
            self.walk.session.back()
            self.show_step()

    def action_skip(self) -> None:
        if self.walk is not None and self.profile is not None:
            skipped = list(self.profile.meta.skipped)
            self.walk.session.skip(skipped)
            self.profile.meta.skipped = skipped
            self.show_step()

    def on_answer_editor_changed(self, message: Any) -> None:
        from alignment_tui.screens.flow import store_answer

        if self.profile is None:
            return
        error = store_answer(self.profile, message.editor.question, message.value, self.lang)
        if error:
            self.notify(error, severity="error", markup=False)
            return
        self.touch()
        from alignment_tui.screens.livewire import live_changed
        from alignment_tui.screens.question import QuestionScreen

        if isinstance(self.screen, QuestionScreen):
            live_changed(self.screen)
        if self.walk is not None:
            from alignment_tui.widgets.chain import Chain

            mark = self.walk.mark(self.profile, message.editor.question)
            if self._marks.get(message.editor.question.id) != mark:
                self._marks[message.editor.question.id] = mark
                for chain in self.screen.query(Chain):
                    chain.update_entries(self.walk.chain(self.profile))

    def on_live_feedback_term_accepted(self, message: Any) -> None:
        from alignment_tui.screens.livewire import store_term

        store_term(self, message.words)

    def on_waiver_list_remove(self, message: Any) -> None:
        from alignment_tui.screens.livewire import take_back_waiver

        take_back_waiver(self, message.waiver)

    def on_term_list_remove(self, message: Any) -> None:
        from alignment_tui.screens.livewire import take_back_term

        take_back_term(self, message.term)

    def on_live_feedback_waived(self, message: Any) -> None:
        from alignment_tui.screens.livewire import store_waiver

        store_waiver(self, message)

    def on_coach_panel_note_changed(self, message: Any) -> None:
        from alignment_tui.screens.livewire import store_note

        store_note(self, message)

    def action_toggle_coach(self) -> None:
        from alignment_tui.screens.question import QuestionScreen

        if self.profile is not None:
            self.profile.settings.coach_mode = not self.profile.settings.coach_mode
            self.touch()
            if isinstance(self.screen, QuestionScreen):
                self.screen.show_probes(self.profile.settings.coach_mode)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
        if self.profile is not None:
            self.profile.settings.theme = self.theme
            self.touch()

    def action_external_edit(self) -> None:
        from alignment_tui.screens.flow import edit_externally

        edit_externally(self)

    # -- saving (see screens/autosave.py) -------------------------------------------------
    def touch(self) -> None:
        """A change: autosave within the scheduler's debounce and maximum wait."""
        self.autosave.touch()

    def start_save(self, *, force: bool = False) -> None:
        self.autosave.start(force=force)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "save":
            self.autosave.finished(event)

    def action_save_now(self) -> None:
        from alignment_tui.screens.flow import keep_editor_value

        # Ctrl+Z then Ctrl+S at 15 keys a second: the restored row's change may not have
        # reached the profile yet, and the save must hold what the screen shows.
        if self.profile is not None:
            keep_editor_value(self.profile, self.screen, self.lang)
        self.autosave.save_now()

    def action_timer(self, action: str) -> None:
        """The coach's session timer: ``toggle`` (pause or go on) or ``reset``."""
        from alignment_tui.screens.livewire import timer_action

        timer_action(self, action)

    async def action_quit(self) -> None:
        from alignment_tui.screens.flow import save_on_exit
        from alignment_tui.screens.livewire import keep_timer

        keep_timer(self)
        self.exit(0, message=save_on_exit(self) or None)

    def _handle_exception(self, error: Exception) -> None:
        """A bug: one line on exit (\"internal error: …, please report it\"), exit code 2,
        what was typed saved first; Textual's traceback only with ALIGNMENT_TUI_DEBUG set."""
        from alignment_tui.commands.output import debugging, internal_error

        if debugging():
            super()._handle_exception(error)
            return
        if self._exception is None:  # the first one only: what follows is its aftermath
            self._exception = error  # kept for Pilot, which raises it in the test
            self._exception_event.set()
            with contextlib.suppress(Exception):
                from alignment_tui.screens.flow import save_on_exit

                save_on_exit(self)
            self._exit_renderables.append(internal_error(error, self.lang))
        self._return_code = 2
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        """The app's own exit lines (plain strings) go out as one escaped line each, not
        through Rich, which would wrap them; anything else is Textual's to print."""
        from alignment_tui.commands.output import say_error

        lines = [r for r in self._exit_renderables if isinstance(r, str)]
        self._exit_renderables[:] = [r for r in self._exit_renderables if not isinstance(r, str)]
        for line in lines:
            say_error(line)
        super()._print_error_renderables()

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
        from alignment_tui.safe_text import visible

        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    # -- palette, size -------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from alignment_tui.screens.flow import palette

        yield from palette(self, screen)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

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
