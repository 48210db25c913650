"""Fast typing on a busy machine: every key lands in the cell it was typed for."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Kpi, Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import caught_up, cpu_burnt, keys_of, type_keys


def _at(path: Path, position: str, profile: Profile | None = None) -> Path:
    profile = profile or Profile(lang="en", meta=Meta(organisation="Kiln"))
    profile.meta.position = position
    save_profile(profile, path)
    return path


async def _first_cell(pilot, app: AlignmentApp) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
    await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == "name")


async def _saved(pilot, app: AlignmentApp) -> None:
    await caught_up(pilot, app)  # under load the last keys may still be held
    await pilot.pause(0.5)
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)


async def test_tabs_between_typed_cells_at_15_keys_a_second(workdir: Path) -> None:
    path = _at(workdir / "kpis.toml", "objectives.kpis")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _first_cell(pilot, app)
        with cpu_burnt():
            # Name, past the two drop-downs, baseline, target (it fills the unit), past the
            # unit, the deadline — the sequence that used to give unit "%T".
            await type_keys(app, keys_of("Sales\t\t\t10\t45%\t\tT2 2027\tweekly"))
        await _saved(pilot, app)
    (kpi,) = load_profile(path).objectives.kpis
    assert (kpi.name, kpi.baseline, kpi.target, kpi.unit) == ("Sales", 10, 45, "%")
    assert kpi.deadline is not None and kpi.deadline.isoformat() == "2027-06-30"


async def test_text_typed_right_after_ctrl_r_goes_into_the_new_row(workdir: Path) -> None:
    path = _at(workdir / "personas.toml", "personas")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _first_cell(pilot, app)
        with cpu_burnt():
            keys = [*keys_of("Small firms"), "ctrl+r", *keys_of("Audit partners")]
            keys += ["ctrl+r", *keys_of("Sole traders\tsole")]
            await type_keys(app, keys)
        await _saved(pilot, app)
    personas = load_profile(path).personas
    assert [p.name for p in personas] == ["Small firms", "Audit partners", "Sole traders"]
    assert [p.id for p in personas] == ["small-firms", "audit-partners", "sole"]


async def test_a_tab_right_after_choosing_in_a_drop_down_is_kept(workdir: Path) -> None:
    profile = Profile(lang="en", meta=Meta(organisation="Kiln"))
    profile.objectives.kpis = [Kpi(name="Orders")]
    path = _at(workdir / "kpi.toml", "objectives.kpis", profile)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _first_cell(pilot, app)
        with cpu_burnt():
            # Open the branch list, take its second entry ("choose…" is the first), then on.
            keys = ["tab", "enter", "down", "down", "enter", "tab", "tab"]
            await type_keys(app, keys + keys_of("10000\t12000\torders\tJune 2027\t"))
        await _saved(pilot, app)
    (kpi,) = load_profile(path).objectives.kpis
    assert kpi.branch is not None and kpi.branch.value == "product"
    assert (kpi.baseline, kpi.target, kpi.unit) == (10000, 12000, "orders")
    assert kpi.deadline is not None and kpi.deadline.isoformat() == "2027-06-30"


async def test_keys_typed_after_moving_to_the_next_question_reach_it(workdir: Path) -> None:
    path = _at(workdir / "text.toml", "values.origin")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: app.focused is not None)
        with cpu_burnt():
            await type_keys(app, [*keys_of("A fire in 2019."), "ctrl+n", *keys_of("We said no.")])
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.values.origin == "A fire in 2019."
    assert saved.values.hard_choice == "We said no."
