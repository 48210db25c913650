"""Helpers for the Pilot tests: a working folder, polling instead of fixed sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from alignment_tui.app import AlignmentApp
from alignment_tui.tui.screens.question import QuestionScreen

SIZE = (100, 36)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """New profiles are created in the current folder: make it a temporary one."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


async def wait_for(
    pilot: Pilot[object], condition: Callable[[], object], timeout: float = 20.0
) -> None:
    """Poll ``condition`` (the app keeps running meanwhile); fail after ``timeout`` s.

    A wait, not a timing: it ends as soon as the condition holds. The default allows for a
    machine several times busier than its cores (an analysis of a whole profile took over
    5 s there); a call that checks a promised delay (autosave) passes its own, shorter one.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await pilot.pause(0.02)


async def create_profile(pilot: Pilot[object], app: AlignmentApp, organisation: str) -> None:
    """Fill the welcome form (a few real key presses) and create the profile."""
    await wait_for(pilot, lambda: app.screen.query("#organisation"))
    await pilot.press(*organisation[:3])
    app.screen.query_one("#organisation", Input).value = organisation
    app.screen.query_one("#respondent", Input).value = "Camille"
    await pilot.pause()  # the target path shown under the form may re-wrap the layout
    await pilot.click("#create")
    await wait_for(pilot, lambda: app.walk is not None)


async def open_question(pilot: Pilot[object], app: AlignmentApp) -> QuestionScreen:
    """The question screen the app opens on, once its findings panel is mounted and the
    cursor is in a text box."""
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    await wait_for(pilot, lambda: screen.live.is_mounted and isinstance(app.focused, TextArea))
    return screen
