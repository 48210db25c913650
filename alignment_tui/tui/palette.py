"""The command palette: every action of the current screen, then a jump to every step."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.session import clock
from alignment_tui.session.period import closing
from alignment_tui.tui.screens.checkin import CheckinScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.welcome import WelcomeScreen
from alignment_tui.tui.walker import Walker
from alignment_tui.tui.widgets.literal import markup_safe

# The app's actions the palette offers on a step of the walk, in this order.
WALK = ("next", "back")
EVERYWHERE = ("summary", "checkin", "next_period", "coach")
COACH = ("timer", "timer_reset")
LAST = ("save", "theme", "quit")


def _closing_help(walker: Walker, lang: str) -> str:
    """The next period's help once the period is closing: it says so (else the usual one)."""
    end = closing(walker.session.profile, clock.today())
    if end is None:
        return ""
    key = "palette.next_period_help_past" if end.past else "palette.next_period_help_near"
    return t(key, lang, date=format_date(end.end, lang))


def palette(
    lang: str,
    screen: Screen[Any],
    walker: Walker | None,
    actions: Mapping[str, Callable[[], Any]],
) -> Iterator[SystemCommand]:
    """The commands for ``screen``, in the UI language; ``actions`` holds the app's own."""

    def cmd(name: str, callback: Callable[[], Any], help_text: str = "") -> SystemCommand:
        help_text = help_text or t(f"palette.{name}_help", lang)
        return SystemCommand(t(f"key.{name}", lang), help_text, callback)

    if walker is None:
        if isinstance(screen, WelcomeScreen):
            yield cmd("language", screen.action_toggle_lang)
        yield cmd("theme", actions["theme"])
        yield cmd("quit", actions["quit"])
        return
    if isinstance(screen, CheckinScreen):
        yield cmd("checkin_leave", screen.action_leave)
        for name in LAST:
            yield cmd(name, actions[name])
        return
    for name in WALK:
        yield cmd(name, actions[name])
    if isinstance(screen, QuestionScreen):
        yield cmd("skip", actions["skip"])
        yield cmd("examples", screen.action_toggle_examples)
        yield cmd("editor", actions["editor"])
        if not screen.read_only:
            yield cmd("waive", screen.action_waive)
    for name in EVERYWHERE:
        yield cmd(name, actions[name], _closing_help(walker, lang) if name == "next_period" else "")
    if walker.session.profile.settings.coach_mode:
        for name in COACH:
            yield cmd(name, actions[name])
    for name in LAST:
        yield cmd(name, actions[name])
    for entry in walker.walk.jumps():
        # The palette reads titles as markup: a bank's titles and ids are escaped for it.
        title, help_text = markup_safe(entry.title), markup_safe(entry.help)
        yield SystemCommand(title, help_text, partial(walker.jump, entry.key))
