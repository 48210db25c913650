"""Every screen of the walk at 40×12, 80×24 and 200×60: it draws, and Next is reachable by mouse."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from alignment_tui.app import make_app
from alignment_tui.model.bank import load_bank
from alignment_tui.tui.screens.modals import TooSmallScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.summary import SummaryScreen
from alignment_tui.tui.screens.welcome import WelcomeScreen


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {timeout} s")
        await pilot.pause(0.02)


async def show(pilot: Pilot[Any], widget: Widget) -> None:
    """Scroll the widget into view as a user would; it must then lie wholly on the screen."""
    screen = pilot.app.screen.region
    for _ in range(5):  # a layout that is still settling (text re-wrapping) moves it again
        widget.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        if screen.contains_region(widget.region) and widget.region.area:
            return
    raise AssertionError(f"{widget} stays out of view at {screen.size}: {widget.region}")


async def click_into_view(pilot: Pilot[Any], widget: Widget) -> None:
    """Scrolled into view, then clicked where it stays: a screen just mounted at 40×12 is
    still re-wrapping its text, and the button moved between the scroll and the click (a
    person clicks what has stopped moving too)."""
    for _ in range(10):
        await show(pilot, widget)  # again while it moves: a re-wrap can push it out of view
        where = widget.region
        await pilot.pause(0.05)
        if widget.region == where:
            break
    assert await pilot.click(widget), widget


def representative_steps() -> list[str]:
    """The first step of each kind of screen: intro, review, summary, each kind of question."""
    bank = load_bank()
    steps, kinds = ["intro:values", "review:values"], set()
    for q in bank.questions():
        if q.kind not in kinds:
            kinds.add(q.kind)
            steps.append(q.id)
    return [*steps, "summary"]


async def resize(pilot: Pilot[Any], size: tuple[int, int]) -> None:
    if pilot.app.size != size:
        await pilot.resize_terminal(*size)
        await pilot.pause()


@pytest.mark.parametrize(
    ("sizes", "lang"),
    [
        pytest.param([(40, 12)], "fr", id="40x12-fr"),
        # French: the longer strings, the harder layouts. (The English walk at 100×36 is in
        # test_walk.py, and the screenshot test draws English screens.)
        pytest.param([(200, 60), (80, 24)], "fr", id="200x60-80x24-fr"),
    ],
)
async def test_every_screen_at_each_size(
    tmp_path: Path, sizes: list[tuple[int, int]], lang: str
) -> None:
    app = make_app(tmp_path / "atelier.toml", lang=lang)
    async with app.run_test(size=sizes[0]) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, WelcomeScreen) and app.screen.query("#create")
        )
        app.screen.query_one("#organisation", Input).value = "Atelier Semelle"
        app.screen.query_one("#respondent", Input).value = "Camille"
        for size in reversed(sizes):  # the first size last: the form is sent from it
            await resize(pilot, size)
            await show(pilot, app.screen.query_one("#create"))
        await click_into_view(pilot, app.screen.query_one("#create"))
        await wait_for(pilot, lambda: app.walk is not None and app.screen.is_mounted)
        steps = representative_steps()
        for key in steps:
            app.jump(key)
            await wait_for(pilot, lambda k=key: getattr(app.screen, "shown", "") == k)  # type: ignore[misc]
            screen = app.screen
            if isinstance(screen, QuestionScreen):
                assert screen.editor is not None, key
                await wait_for(pilot, lambda e=screen.editor: e.region.width > 0)  # type: ignore[misc]
            if isinstance(screen, SummaryScreen):
                break
            for size in sizes:
                # The way on is always reachable: scrolled into view, it lies on the screen.
                await resize(pilot, size)
                await show(pilot, screen.query_one("#next"))
        assert isinstance(app.screen, SummaryScreen)
        for size in sizes:
            await resize(pilot, size)
            assert app.screen.region.size == size
        # Next by mouse, from the first question to the second.
        app.jump(steps[2])
        await wait_for(
            pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.is_mounted
        )
        first = app.screen
        await click_into_view(pilot, first.query_one("#next"))
        walk = app.walk
        assert walk is not None
        await wait_for(
            pilot,
            lambda: (
                walk.session.current.key != steps[2]
                and getattr(app.screen, "shown", "") == walk.session.current.key
            ),
        )
        # Smaller than 40×12: a message instead of a broken layout; back to the walk after.
        await pilot.resize_terminal(39, 11)
        await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.resize_terminal(*sizes[0])
        await wait_for(pilot, lambda: not isinstance(app.screen, TooSmallScreen))


async def test_screenshot_script_writes_the_screens(tmp_path: Path) -> None:
    from tools.screenshots import Shot, take

    shots = [Shot("welcome", ""), Shot("kpi-editor", "objectives.kpis", ("dark", "light"))]
    written = await take(tmp_path, langs=("en",), shots=shots)
    assert sorted(p.name for p in written) == [
        "en-dark-kpi-editor.svg",
        "en-dark-welcome.svg",
        "en-light-kpi-editor.svg",
    ]
    kpis = (tmp_path / "en-dark-kpi-editor.svg").read_text("utf-8")
    assert kpis.startswith("<svg") and "Weekly" in kpis and "Baseline" in kpis
    assert "/tmp" not in kpis  # no temporary folder in what the README shows


def test_committed_screenshots_are_the_scripts(repo_root: Path) -> None:
    from tools.screenshots import SHOTS

    expected = {
        f"{lang}-{theme}-{s.name}.svg" for s in SHOTS for theme in s.themes for lang in ("fr", "en")
    }
    committed = {p.name for p in (repo_root / "screenshots").glob("*.svg")}
    assert expected <= committed
    assert sum(len(s.themes) > 1 for s in SHOTS) >= 2  # light and dark for at least two screens
