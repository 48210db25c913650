"""What the rows editors show: a narrow cell's whole text, the id a name gives, honest hints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Persona, Profile
from alignment_tui.store import save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import keys_of, type_keys

DESCRIPTION = (
    "The one person who runs the books at a design firm of 10 to 50 staff, closing the month"
    " alone in a spreadsheet and dreading the VAT return each quarter."
)


def _screen_text(pilot: Pilot[Any]) -> str:
    """The page's text as the screen shows it (the sidebar left out), lines joined."""
    page = pilot.app.screen.query_one("#main").region
    rows = pilot.app.screen._compositor.render_strips()[page.y : page.bottom]
    return " ".join(" ".join(s.text[page.x : page.right] for s in rows).split())


def _open(path: Path, position: str, lang: str = "en", **extra: Any) -> AlignmentApp:
    profile = Profile(lang=lang, meta=Meta(organisation="Ledger", position=position), **extra)
    save_profile(profile, path)
    return make_app(path, lang=lang)


async def _first_cell(pilot: Pilot[Any], app: AlignmentApp) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
    await wait_for(pilot, lambda: isinstance(app.focused, Input))


async def test_the_focused_cell_shows_its_whole_text_under_the_row(workdir: Path) -> None:
    persona = Persona(id="finance", name="Finance managers", description=DESCRIPTION)
    app = _open(workdir / "p.toml", "personas", personas=[persona])
    async with app.run_test(size=SIZE) as pilot:
        await _first_cell(pilot, app)
        full = app.screen.query_one(".row-full", Static)
        assert not full.has_class("-shown")  # the name fits its cell: nothing repeated
        await type_keys(app, ["tab", "tab"], rate=5)
        await wait_for(pilot, lambda: full.has_class("-shown"))
        cell = app.focused
        assert isinstance(cell, Input) and cell.name == "description"
        assert cell.content_size.width < len(DESCRIPTION)  # the cell alone cannot show it
        # The class is set before the screen is drawn again: wait for the drawing.
        await wait_for(pilot, lambda: f"Description: {DESCRIPTION}" in _screen_text(pilot))
        await type_keys(app, keys_of(" Twice."), rate=15)
        await wait_for(pilot, lambda: f"{DESCRIPTION} Twice." in _screen_text(pilot))
        await type_keys(app, ["shift+tab"], rate=5)
        await wait_for(pilot, lambda: not full.has_class("-shown"))


async def test_the_id_a_name_gives_can_be_read_whole(workdir: Path) -> None:
    app = _open(workdir / "p.toml", "personas")
    async with app.run_test(size=SIZE) as pilot:
        await _first_cell(pilot, app)
        await type_keys(app, [*keys_of("Finance managers at small design firms"), "tab"], rate=15)
        await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == "id")
        expected = "Short id: id finance-managers-at-small-design-firms, from the name"
        await wait_for(pilot, lambda: expected in _screen_text(pilot))


@pytest.mark.parametrize(("lang", "said"), [("en", "Enter opens it"), ("fr", "Entrée l’ouvre")])
async def test_the_rows_hint_says_what_enter_does_in_a_drop_down(
    workdir: Path, lang: str, said: str
) -> None:
    app = _open(workdir / "k.toml", "objectives.kpis", lang)
    async with app.run_test(size=SIZE) as pilot:
        await _first_cell(pilot, app)
        assert said in _screen_text(pilot)


@pytest.mark.parametrize("keys", [[], ["ctrl+g"], ["ctrl+g", "escape"], ["ctrl+p", "escape"]])
async def test_at_40_by_12_the_page_keeps_the_whole_width(workdir: Path, keys: list[str]) -> None:
    app = _open(workdir / "k.toml", "objectives.kpis")
    async with app.run_test(size=(40, 12)) as pilot:
        await _first_cell(pilot, app)
        question = app.screen
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        page = question.query_one("#main")
        assert not question.query_one("#chain").display
        assert page.region.width == 40
