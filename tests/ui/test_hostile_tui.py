"""Markup and escape sequences in every text and id of a profile and a bank: every screen of
the walk, each editor, the review, the summary, the palette and a notification show them
as written, at 120×36 and at 40×12, and nothing a terminal would obey is drawn."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.session import Step
from alignment_tui.tui.screens.intro import IntroScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.review import ReviewScreen
from alignment_tui.tui.screens.summary import SummaryScreen
from tests.ui.conftest import wait_for
from tests.ui.tmux import app_in_tmux
from tests.unit.hostile_cases import BANK, ESCAPES, MARKUP, PROFILE_CASES

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A file name a terminal would obey too, holding markup.
NAME = "[b]plan[i] [@click=app.quit]x \x1b]0;pwned\x07.toml"


def hostile_profile(folder: Path) -> Path:
    case = next(c for c in PROFILE_CASES if c.name == "hostile-text-everywhere")
    return case.make(folder / NAME)


def hostile_bank(folder: Path) -> Path:
    """The built-in bank with markup and escapes in each layer's title and first prompt."""
    bank = folder / "bank"
    shutil.copytree(BANK, bank)
    for file in bank.glob("*.toml"):
        text = file.read_text("utf-8")
        text = re.sub(r'(title\.en = "[^"]*)"', rf'\1 {MARKUP} {_toml(ESCAPES)}"', text, count=1)
        text = re.sub(r'(prompt\.en = "[^"]*)"', rf'\1 {MARKUP}"', text, count=1)
        file.write_text(text, "utf-8")
    return bank


def _toml(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\\\u{ord(c):04x}" for c in text)


def screen_text(app: AlignmentApp) -> str:
    """What the terminal is sent for the whole screen, as text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def assert_safe(app: AlignmentApp, where: str) -> str:
    text = screen_text(app)
    raw = RAW_CONTROL.search(text)
    assert raw is None, f"{where}: {raw.group()!r} drawn raw"
    return text


SCREENS = {
    "intro": IntroScreen,
    "question": QuestionScreen,
    "review": ReviewScreen,
    "summary": SummaryScreen,
}


async def _settle(pilot: Pilot[object], app: AlignmentApp, step: Step, *, analysed: bool) -> None:
    """Until the step's screen is up and, if ``analysed``, its analysis (findings, review,
    summary) drawn."""

    def arrived() -> bool:
        screen = app.screen
        if not isinstance(screen, SCREENS[step.kind]) or not screen.is_mounted:
            return False
        return not isinstance(screen, QuestionScreen) or screen.question.id == step.qid

    await wait_for(pilot, arrived, 10)
    screen = app.screen
    if not analysed:
        await pilot.pause()
        return
    if isinstance(screen, ReviewScreen):
        await wait_for(pilot, lambda: screen.query("#review-findings OptionList, #review-findings"))
        lists = screen.query("#review-findings").results(OptionList)
        found = next(lists, None)
        if found is not None:
            await wait_for(pilot, lambda: found.option_count > 0, 10)
    elif isinstance(screen, SummaryScreen):
        await wait_for(pilot, lambda: screen.query("#align-chain"), 10)
    elif isinstance(screen, QuestionScreen):
        await wait_for(pilot, lambda: screen.query("#live-title"), 10)
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (40, 12)], ids=["120x36", "40x12"])
async def test_every_screen_shows_markup_and_escapes_as_text(
    size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = hostile_profile(tmp_path)
    app = make_app(path, lang="en", bank=hostile_bank(tmp_path))
    seen: set[str] = set()
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_for(pilot, lambda: app.walk is not None, 10)
        assert app.walk is not None
        session = app.walk.session
        for step in session.steps.steps:
            app.jump(step.key)
            # Findings are drawn by the same code at any size: waited for once, at 120x36.
            await _settle(pilot, app, step, analysed=size == (120, 36))
            text = assert_safe(app, step.key)
            for marker in (MARKUP, "[UK]", "[@click=app.quit]x[/]", "\\x1b]0;pwned\\x07"):
                if marker in text:
                    seen.add(marker)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"valu")
        await pilot.pause(0.5)
        palette = assert_safe(app, "palette")
        assert "[/]" in palette or size == (40, 12)
        await pilot.press("escape")
        await pilot.press("ctrl+s")  # the notification names the file, markup and all
        await wait_for(pilot, lambda: app._notifications)
        await pilot.pause(0.3)
        notified = assert_safe(app, "notification")
        if size == (120, 36):
            assert "[b]plan[i] [@click=app.quit]x" in notified
        await pilot.press("ctrl+q")
    assert app.return_code in (None, 0)
    if size == (120, 36):
        # The literal text was on screen somewhere, each kind of it.
        assert seen == {MARKUP, "[UK]", "[@click=app.quit]x[/]", "\\x1b]0;pwned\\x07"}


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_in_a_real_terminal_nothing_retitles_or_clears_the_window(tmp_path: Path) -> None:
    """What Pilot cannot see: the window's title and a screen the profile did not clear.
    In a tmux server of its own (the default one is shared with whatever else runs tmux),
    and waiting for the opened profile's own screen, not for the brief "Opening …" one (the
    only one that showed the escapes at this width: a busy machine let the test miss it).
    That the escapes are drawn escaped is the walk test's to check, on every screen."""
    path = hostile_profile(tmp_path)
    with app_in_tmux(path, tmp_path / "home", size=(120, 36)) as term:
        term.wait_for_text("Two Ovens Bakery [/] [bold]b[/bold]")  # the profile is open
        assert "pwned" not in term.tmux("display", "-p", "-t", "app", "#{pane_title}")
        time.sleep(1)  # a clear screen sent with the profile would have wiped it by now
        assert "Two Ovens Bakery [/] [bold]b[/bold] [@click=app.quit]x[/] [UK]" in term.screen()
