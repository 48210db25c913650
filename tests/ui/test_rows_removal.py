"""Removing a row: one row per press, said in a notice, and Ctrl+Z brings it back as it was."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Persona, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import cpu_burnt, type_keys

PERSONAS = [
    Persona(id="bakers", name="Village bakers", description="Two ovens, up at four."),
    Persona(id="caterers", name="Wedding caterers", description="Forty weddings a summer."),
    Persona(id="cafes", name="Corner cafés", description="Croissants by eight."),
]


def _profile(path: Path, lang: str) -> Path:
    profile = Profile(lang=lang, meta=Meta(organisation="Fournil", position="personas"))
    profile.personas = [p.model_copy() for p in PERSONAS]
    save_profile(profile, path)
    return path


async def _in_second_row(pilot, app: AlignmentApp) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
    await wait_for(pilot, lambda: isinstance(app.focused, Input))
    editor = app.screen.editor
    editor.focus_at("[1].name")
    await wait_for(pilot, lambda: app.focused is editor.rows()[1].cells()[0])


def _notices(app: AlignmentApp) -> list[str]:
    return [n.message for n in app._notifications]


async def _saved(pilot, app: AlignmentApp) -> None:
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)


async def test_a_double_ctrl_del_removes_one_row_and_ctrl_z_brings_it_back(workdir: Path) -> None:
    path = _profile(workdir / "personas.toml", "en")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _in_second_row(pilot, app)
        editor = app.screen.editor
        with cpu_burnt():
            # A double press at 15 keys a second: the second lands on the next row.
            await type_keys(app, ["ctrl+delete", "ctrl+delete"])
            await wait_for(pilot, lambda: len(_notices(app)) >= 2, 10)
        assert [p.name for p in editor.value] == ["Village bakers", "Corner cafés"]
        removed, kept = _notices(app)[-2:]
        assert removed == "“Wedding caterers” removed. Ctrl+Z brings it back."
        assert "“Corner cafés” is kept" in kept
        await _saved(pilot, app)
        assert [p.name for p in load_profile(path).personas] == ["Village bakers", "Corner cafés"]
        with cpu_burnt():
            await type_keys(app, ["ctrl+z"])
            await wait_for(pilot, lambda: len(editor.value) == 3, 10)
        # Back where it was, as it was (its id too), with the cursor in it.
        assert [p.model_dump() for p in editor.value] == [p.model_dump() for p in PERSONAS]
        assert app.focused is editor.rows()[1].cells()[0]
        await _saved(pilot, app)
    assert load_profile(path).personas == PERSONAS


async def test_after_another_key_ctrl_del_removes_the_next_row_too(workdir: Path) -> None:
    path = _profile(workdir / "personas.toml", "fr")
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _in_second_row(pilot, app)
        editor = app.screen.editor
        await type_keys(app, ["ctrl+delete", "right", "ctrl+delete"], rate=5)
        await wait_for(pilot, lambda: len(editor.value) == 1)
        assert [p.name for p in editor.value] == ["Village bakers"]
        assert "Ligne « Corner cafés » supprimée. Ctrl+Z la rétablit." in _notices(app)
        await type_keys(app, ["ctrl+z", "ctrl+z"], rate=5)  # the last removed comes back first
        await wait_for(pilot, lambda: len(editor.value) == 3)
        assert [p.name for p in editor.value] == [p.name for p in PERSONAS]
        await type_keys(app, ["ctrl+z"], rate=5)
        await wait_for(pilot, lambda: "Aucune ligne supprimée à rétablir." in _notices(app))
        assert len(editor.value) == 3


async def test_the_last_row_removed_and_brought_back_replaces_the_empty_one(
    workdir: Path,
) -> None:
    path = workdir / "one.toml"
    profile = Profile(lang="en", meta=Meta(organisation="Fournil", position="personas"))
    profile.personas = [PERSONAS[0].model_copy()]
    save_profile(profile, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        editor = app.screen.editor
        await type_keys(app, ["ctrl+delete"], rate=5)
        await wait_for(pilot, lambda: editor.value == [])
        assert len(editor.rows()) == 1  # an empty row to type in
        await type_keys(app, ["ctrl+z"], rate=5)
        await wait_for(pilot, lambda: len(editor.value) == 1)
        assert len(editor.rows()) == 1 and editor.value == [PERSONAS[0]]
