"""The answer box shows the answer's text at every size; arriving, the cursor follows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from alignment_tui.app import make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.widgets.highlight import HighlightTextArea
from tests.ui.conftest import wait_for
from tests.ui.typing import cpu_burnt, keys_of, type_keys

# Long enough to wrap over several lines, vague enough to be underlined in many places.
ANSWER = (
    "We are an innovative, world-class partner delivering excellence and synergy for every"
    " client, a leading holistic solution billed to the firm, minimum 25 files a month, with a"
    " bank feed reconciled weekly; our passion is quality, value and trust, an empowering"
    " best-in-class experience that transforms how small firms think about their books, with a"
    " bank feed that is always on, and a named bookkeeper who answers within a working day."
)


def visible_rows(pilot: Pilot[Any]) -> list[str]:
    """The answer box's rows as the screen shows them (the composited screen, not the widget)."""
    area = pilot.app.screen.query_one(HighlightTextArea)
    region = area.scrollable_content_region
    assert pilot.app.screen.region.contains_region(region), "the answer box is off the screen"
    strips = pilot.app.screen._compositor.render_strips()
    return [strips[y].text[region.x : region.right] for y in range(region.y, region.bottom)]


async def _shows_the_answer(pilot: Pilot[Any], stored: str, when: str) -> None:
    area = pilot.app.screen.query_one(HighlightTextArea)
    await wait_for(pilot, lambda: area.marks)  # the analysis has come back and underlined
    rows = visible_rows(pilot)
    # The rows read the answer, every word once, in order: none cut off, none repeated.
    assert " ".join(rows).split() == stored.split(), f"{when}:\n" + "\n".join(rows)


async def test_a_long_highlighted_answer_reads_as_stored_at_every_width(tmp_path: Path) -> None:
    path = tmp_path / "ledger.toml"
    profile = Profile(lang="en", meta=Meta(organisation="Ledger", position="vision.statement"))
    profile.vision.statement = ANSWER
    save_profile(profile, path)
    stored = load_profile(path).vision.statement
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(HighlightTextArea))
        await _shows_the_answer(pilot, stored, "at 120×36")
        assert len(app.screen.query_one(HighlightTextArea).marks) >= 3
        await pilot.press("f2")
        await pilot.pause()
        await _shows_the_answer(pilot, stored, "with the examples shown")
        await pilot.press("f2")
        await pilot.pause()
        await _shows_the_answer(pilot, stored, "with the examples hidden")
        # One or two columns at a time, as a scroll bar coming or going takes them: the
        # re-wrapped answer often keeps its number of lines.
        for size in [(119, 36), (118, 36), (116, 36), (117, 36), (100, 30), (120, 36)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await _shows_the_answer(pilot, stored, f"after a resize to {size}")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_reopening_shows_the_question_and_typing_resumes_after_the_answer(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    path = tmp_path / "ledger.toml"
    profile = Profile(lang="en", meta=Meta(organisation="Ledger", position="vision.statement"))
    profile.vision.statement = f"{ANSWER} {ANSWER}"  # taller than the screen leaves for it
    save_profile(profile, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, HighlightTextArea))
        area = app.screen.query_one(HighlightTextArea)
        await wait_for(pilot, lambda: area.marks)
        assert area.cursor_location == area.document.end
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        prompt = " ".join(app.screen.question.prompt("en").split()[:5])  # its first line
        assert prompt in screen
        x, y = area.cursor_screen_offset
        assert area.scrollable_content_region.contains(x, y)  # the cursor is in view
        with cpu_burnt():
            await type_keys(app, keys_of(" Twice checked."))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)
    assert load_profile(path).vision.statement == f"{ANSWER} {ANSWER} Twice checked."
