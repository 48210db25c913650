"""A browser tab's app, ended by textual-serve rather than by its own quit, keeps every word."""

from __future__ import annotations

from pathlib import Path

from textual import messages
from textual.pilot import Pilot
from textual.widgets import TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.cli.commands.serve import finish_tab
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import ProfileLock, load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for


def _profile(path: Path) -> Path:
    save_profile(Profile(lang="en", meta=Meta(organisation="Kiln", position="values.origin")), path)
    return path


async def _at_the_answer(pilot: Pilot[int], app: AlignmentApp) -> None:
    """The profile reopened at its question, the keyboard in the answer."""
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen), 20)
    screen = app.screen
    await wait_for(pilot, lambda: screen.query("#answer-text"), 20)
    screen.query_one("#answer-text", TextArea).focus()


async def test_a_tab_closed_just_after_typing_saves_what_was_typed(tmp_path: Path) -> None:
    path = _profile(tmp_path / "kiln.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _at_the_answer(pilot, app)
        await pilot.press(*"fired")
        # What textual-serve sends when the tab closes or the server stops: the app ends
        # at once, long before the autosave's pause is over.
        app.post_message(messages.ExitApp())
    finish_tab(app)
    assert load_profile(path).values.origin == "fired"
    assert ProfileLock(path).acquire()  # and the profile is free for the next tab


async def test_after_the_tab_s_own_quit_nothing_is_written_again(tmp_path: Path) -> None:
    path = _profile(tmp_path / "kiln.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _at_the_answer(pilot, app)
        await pilot.press(*"fired", "ctrl+q")
    written = path.stat().st_mtime_ns, path.read_bytes()
    assert load_profile(path).values.origin == "fired"
    finish_tab(app)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == written
