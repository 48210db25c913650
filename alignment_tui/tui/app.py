"""The Textual app: opens or creates a profile, then shows its session's walk (tui/walker.py)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen
from textual.worker import Worker

from alignment_tui.i18n import t
from alignment_tui.tui.keyroute import KeyRouter
from alignment_tui.tui.opening import OpeningApp
from alignment_tui.tui.screens.modals import TooSmallScreen
from alignment_tui.tui.terminal import paste_safe

if TYPE_CHECKING:
    from alignment_tui.tui.walker import Walker

MIN_SIZE = (40, 12)


def walking(method: Callable[..., Any]) -> Callable[..., Any]:
    """An act on the walk: handed to the walker once a profile is open, else ignored."""

    @functools.wraps(method)
    def run(self: AlignmentApp, *args: Any) -> Any:
        return method(self, self.walker, *args) if self.walker is not None else None

    return run


class AlignmentApp(OpeningApp):
    """The guided walk: what the user does, handed to the walker (tui/walker.py)."""

    CSS_PATH = "app.tcss"
    # Below 72 columns the chain sidebar gives way to the answer (Ctrl+G then opens the palette).
    # -roomy and -vast let coach mode put the coach's column beside the answer (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide"), (110, "-roomy"), (150, "-vast")]  # noqa: RUF012
    TITLE = "alignment-tui"

    def __init__(self, profile_path: Path | None, lang: str | None, bank_dir: str | None) -> None:
        super().__init__(profile_path, lang, bank_dir)
        self.keys = KeyRouter(self, super().on_event)

    # -- input: every key and paste where it was typed (tui/keyroute.py) ---------------------
    async def on_event(self, event: events.Event) -> None:
        routed = isinstance(event, events.Key | events.Paste) and not event.is_forwarded
        if routed and await self.keys.route(event):  # type: ignore[arg-type]
            return
        await super().on_event(event)

    def get_driver_class(self) -> type[Driver]:
        return paste_safe(super().get_driver_class())

    # -- the walk: every act goes to the walker, which hands it to the session ---------------
    @walking
    def show_step(self, walker: Walker) -> None:
        walker.show()

    @walking
    def jump(self, walker: Walker, key: str, where: str = "") -> None:
        """Go to step ``key``; on a question, with the cursor on ``where`` in its answer."""
        walker.jump(key, where)

    def on_chain_jump(self, message: Any) -> None:
        self.jump(message.key, getattr(message, "where", ""))

    @walking
    def action_go_next(self, walker: Walker) -> None:
        walker.move("next")

    @walking
    def action_go_back(self, walker: Walker) -> None:
        walker.move("back")

    @walking
    def action_skip(self, walker: Walker) -> None:
        walker.move("skip")

    @walking
    def on_answer_editor_changed(self, walker: Walker, message: Any) -> None:
        walker.answer(message.question, message.value)

    @walking
    def on_live_feedback_term_accepted(self, walker: Walker, message: Any) -> None:
        walker.accept_term(message.words)

    @walking
    def on_waiver_list_remove(self, walker: Walker, message: Any) -> None:
        walker.take_back_waiver(message.waiver)

    @walking
    def on_term_list_remove(self, walker: Walker, message: Any) -> None:
        walker.take_back_term(message.term)

    @walking
    def on_live_feedback_waived(self, walker: Walker, message: Any) -> None:
        walker.waive(message.finding, message.reason, message.by, message.among)

    @walking
    def on_coach_panel_note_changed(self, walker: Walker, message: Any) -> None:
        walker.session.note(message.qid, message.text)

    @walking
    def action_toggle_coach(self, walker: Walker) -> None:
        walker.toggle_coach()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
        if self.walker is not None:
            self.walker.session.set_theme(self.theme)

    @walking
    def action_external_edit(self, walker: Walker) -> None:
        walker.edit_externally(self.screen)

    def action_timer(self, action: str) -> None:
        """The coach's session timer: ``toggle`` (pause or go on) or ``reset``."""
        if self.walker is not None and action in ("toggle", "reset"):
            self.walker.timer("toggle" if action == "toggle" else "reset")

    # -- the next period (tui/period.py) ------------------------------------------------------
    @walking
    def action_next_period(self, walker: Walker) -> None:
        from alignment_tui.tui.period import NextPeriod  # lazy: as in get_system_commands

        walker.keep_editors()  # what is typed goes into the next period too
        lang = walker.lang

        def open_new(path: Path) -> None:
            self.open_instead(path, t("period.opened", lang, path=str(path)))

        NextPeriod(self, walker.session, lang, open_new).start()

    # -- saving (tui/saving.py) ---------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "save" and self.walker is not None:
            self.walker.saving.finished(event)

    @walking
    def action_save_now(self, walker: Walker) -> None:
        # Ctrl+Z then Ctrl+S at 15 keys a second: the restored row's change may not have
        # reached the session yet, and the save must hold what the screen shows.
        walker.keep_editors()
        walker.saving.save_now()

    async def action_quit(self) -> None:
        self.exit(0, message=(self.walker.close() if self.walker else "") or None)

    @walking
    def last_save(self, walker: Walker) -> None:
        walker.close()

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
            "checkin": walker.checkin if walker else self.action_go_next,
            "next_period": self.action_next_period,
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
