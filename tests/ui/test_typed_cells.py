"""Typed cells are read from the whole cell, when the user pauses or leaves, never half-typed."""

from __future__ import annotations

import asyncio
import time
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.widgets.editors.cells import TypedInput
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import caught_up, keys_of, type_keys


def _at(path: Path, position: str, lang: str = "fr") -> Path:
    save_profile(Profile(lang=lang, meta=Meta(organisation="Semelle", position=position)), path)
    return path


async def _focused(pilot, app: AlignmentApp, name: str) -> Input:
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
    await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == name)
    assert isinstance(app.focused, Input)
    return app.focused


async def _saved(pilot, app: AlignmentApp) -> None:
    await caught_up(pilot, app)  # under load the last keys may still be held
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)


@pytest.mark.parametrize("rate", [5.0, 15.0])  # 200 ms a key, and a fast typist
async def test_numbers_with_spaces_are_read_whole_and_spill_into_no_other_cell(
    workdir: Path, rate: float
) -> None:
    path = _at(workdir / "kpis.toml", "objectives.kpis")
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _focused(pilot, app, "name")
        # "24 0" is on its way to "24 000": it used to be read as 24, unit "0".
        await type_keys(app, keys_of("Abonnés\t\t\t12 500\t24 000 €\t"), rate)
        await type_keys(app, keys_of("abonnés\t"), rate)  # replaces the "€" filled in
        await _saved(pilot, app)
        await pilot.press("ctrl+q")
    (kpi,) = load_profile(path).objectives.kpis
    assert (kpi.baseline, kpi.target, kpi.unit) == (12500, 24000, "abonnés")


async def test_a_pause_reads_the_cell_and_a_half_typed_number_writes_nothing(
    workdir: Path,
) -> None:
    path = _at(workdir / "kpis.toml", "objectives.kpis", "en")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _focused(pilot, app, "name")
        await type_keys(app, keys_of("Orders\t\t\t24 0"))
        await caught_up(pilot, app)
        cell = app.focused
        assert isinstance(cell, TypedInput) and cell.name == "baseline"
        await asyncio.sleep(TypedInput.PAUSE + 0.3)  # the user stops to think
        await pilot.pause()
        row_error = app.screen.query_one(".row-error", Static)
        # Said in words, and nothing stored: not 24, and no unit "0".
        assert "Baseline: Expected a number such as 24,000" in str(row_error.render())
        assert app.profile is not None
        assert app.profile.objectives.kpis[0].baseline is None
        assert app.profile.objectives.kpis[0].unit == ""
        await type_keys(app, keys_of("00"))
        await asyncio.sleep(TypedInput.PAUSE + 0.3)  # a pause is enough to keep it
        await wait_for(pilot, lambda: app.profile.objectives.kpis[0].baseline == 24000)
        assert not row_error.has_class("-shown")
        # A refused entry keeps the value before it.
        await type_keys(app, ["backspace"] * 6 + keys_of("lots\t"))
        await wait_for(pilot, lambda: "Expected a number" in str(row_error.render()))
        assert app.profile.objectives.kpis[0].baseline == 24000
        await pilot.press("ctrl+q")


HORIZONS_FR = [
    ("une dizaine d'années", 10),
    ("au moins 10 ans", 10),
    ("d'ici 2035", 2035 - date.today().year),
    ("une décennie", 10),
]
HORIZONS_EN = [("by 2035", 2035 - date.today().year), ("a decade", 10), ("at least 8 years", 8)]


@pytest.mark.parametrize(
    ("lang", "typed", "years"),
    [("fr", *h) for h in HORIZONS_FR] + [("en", *h) for h in HORIZONS_EN],
)
async def test_horizons_typed_as_people_say_them(
    workdir: Path, lang: str, typed: str, years: int
) -> None:
    path = _at(workdir / "h.toml", "values.horizon_years", lang)
    app = make_app(path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await type_keys(app, keys_of(typed + "\t"))
        await _saved(pilot, app)
        await pilot.press("ctrl+q")
    assert load_profile(path).values.horizon_years == years


async def test_a_refused_horizon_says_what_is_expected_and_keeps_the_value(
    workdir: Path,
) -> None:
    path = workdir / "h.toml"
    profile = Profile(lang="fr", meta=Meta(organisation="Semelle", position="values.horizon_years"))
    profile.values.horizon_years = 10
    save_profile(profile, path)
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press("end", *["backspace"] * 6)
        await type_keys(app, keys_of("pour toujours\t"))
        error = app.screen.query_one(".error", Static)
        await wait_for(pilot, lambda: error.has_class("-shown"))
        assert "Attendu\u202f: une durée comme 10 ans, une dizaine d'années" in str(error.render())
        assert app.profile is not None and app.profile.values.horizon_years == 10
        await pilot.press("ctrl+q")
    assert load_profile(path).values.horizon_years == 10


@pytest.mark.parametrize("leave", ["ctrl+n", "ctrl+q"])
async def test_a_number_typed_just_before_leaving_the_question_is_kept(
    workdir: Path, leave: str
) -> None:
    path = _at(workdir / "kpis.toml", "objectives.kpis", "en")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _focused(pilot, app, "name")
        # No pause after the last digit: the key to leave comes at once.
        await type_keys(app, [*keys_of("Orders\t\t\t24 000"), leave])
        if leave == "ctrl+n":
            await wait_for(
                pilot, lambda: app.walk and app.walk.session.current.key != "objectives.kpis"
            )
            await pilot.press("ctrl+q")
        else:  # the app quits by itself, once its router has let the held Ctrl+Q through
            await _quit(app)
    assert load_profile(path).objectives.kpis[0].baseline == 24000


async def _quit(app: AlignmentApp, timeout: float = 20.0) -> None:
    """Wait for the app to end by itself (leaving ``run_test`` first would end it instead)."""
    deadline = time.monotonic() + timeout
    while app.return_code is None:
        assert time.monotonic() < deadline, "the app did not quit"
        await asyncio.sleep(0.02)
