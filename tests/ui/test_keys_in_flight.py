"""A key on its way when a dialog opens or closes, or a question opens, still lands where typed.

Textual hands a key to the focused widget, and a key that widget does not take as text
(Backspace, an arrow, Ctrl+Z, Tab) then bubbles up to the app, which looks up its binding
on the screen on top by then. These tests put the changed-on-disk dialog on the app's
queue right behind such a key, the moment that typing at 15 keys a second meets now and
then, and check that the key still acted on the answer (or the row) beneath.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Kpi, Meta, Profile
from alignment_tui.session import WriteResult
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.modals import ChangedOnDiskScreen
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for
from tests.ui.test_keys_dialog import TONE, _edit_on_disk, _profile, _typing_area
from tests.ui.typing import cpu_burnt, key_event, keys_of, type_keys


def _keys_then_the_dialog(app: AlignmentApp, keys: list[str]) -> None:
    """``keys`` on the app's queue, then a save that found the file changed (the dialog)."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)
    assert app.walker is not None
    app.call_later(app.walker.saving._after_write, WriteResult("conflict"))


async def _dialog(pilot, app: AlignmentApp) -> ChangedOnDiskScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen))
    dialog = app.screen
    assert isinstance(dialog, ChangedOnDiskScreen)
    return dialog


@pytest.mark.parametrize(
    ("keys", "then", "expected"),
    [
        (["backspace"], "", TONE[:-1]),
        (["left"], "X", TONE[:-1] + "X."),
        (["home"], "X", "X" + TONE),
        (["left", "left", "backspace"], "", TONE[:-3] + "n."),
        (["enter"], "Y", TONE + "\nY"),
        (["ctrl+z"], "", TONE),
    ],
    ids=["backspace", "left", "home", "left-left-backspace", "enter", "ctrl+z"],
)
async def test_a_key_on_its_way_as_the_dialog_opens_acts_on_the_answer(
    workdir: Path, keys: list[str], then: str, expected: str
) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        area = await _typing_area(pilot, app)
        if keys == ["ctrl+z"]:  # something to undo: a word typed just before
            await type_keys(app, keys_of(" draft"))
            await wait_for(pilot, lambda: area.text == TONE + " draft")
        _edit_on_disk(path)
        _keys_then_the_dialog(app, keys)
        dialog = await _dialog(pilot, app)
        await type_keys(app, keys_of(then))
        await wait_for(pilot, lambda: area.text == expected)
        assert not dialog.engaged and dialog.focused is None
        assert app.screen is dialog
        assert load_profile(path).meta.organisation == "Le Fournil"
        await pilot.press("ctrl+q")


def _kpi_profile(path: Path) -> Path:
    profile = Profile(lang="en", meta=Meta(organisation="Kiln", position="objectives.kpis"))
    profile.objectives.kpis = [Kpi(name="Orders")]
    save_profile(profile, path)
    return path


@pytest.mark.parametrize(
    ("keys", "cell"),
    [(["tab", "tab", "tab"], "baseline"), (["tab", "tab", "tab", "shift+tab"], "axis")],
    ids=["tab", "shift+tab"],
)
async def test_a_tab_on_its_way_as_the_dialog_opens_moves_beneath(
    workdir: Path, keys: list[str], cell: str
) -> None:
    path = _kpi_profile(workdir / "kpis.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == "name")
        path.write_text(path.read_text("utf-8").replace('"Kiln"', '"Kiln & Co"'), "utf-8")
        _keys_then_the_dialog(app, keys)
        dialog = await _dialog(pilot, app)
        beneath = app.screen_stack[-2]
        await wait_for(pilot, lambda: getattr(beneath.focused, "name", None) == cell)
        assert not dialog.engaged and dialog.focused is None
        await pilot.press("ctrl+q")


@pytest.mark.parametrize(
    ("choice", "organisation", "answer"),
    [("alt+o", "Fournil", TONE + " then"), ("alt+r", "Le Fournil", TONE + " then")],
    ids=["overwrite", "reload"],
)
async def test_keys_typed_as_the_dialog_closes_go_into_the_answer(
    workdir: Path, choice: str, organisation: str, answer: str
) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _typing_area(pilot, app)
        _edit_on_disk(path)
        _keys_then_the_dialog(app, [])
        await _dialog(pilot, app)
        with cpu_burnt():
            await type_keys(app, [choice, *keys_of(" then")])
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: app.screen.query("#answer-text"))
        area = app.screen.query_one("#answer-text", TextArea)
        await wait_for(pilot, lambda: area.text == answer)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: load_profile(path).execution.tone == answer, 5.0)
        assert load_profile(path).meta.organisation == organisation
        await pilot.press("ctrl+q")


async def test_keys_typed_as_a_question_opens_go_into_its_answer(workdir: Path) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _typing_area(pilot, app)
        with cpu_burnt():
            # Back one step and on again to the tone, typing straight on as it opens.
            await type_keys(app, ["ctrl+b", "ctrl+n", *keys_of("Warm"), "backspace", "left", "X"])
        expected = TONE + "WaXr"
        await wait_for(pilot, lambda: _answer(app) == expected)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: load_profile(path).execution.tone == expected, 5.0)
        await pilot.press("ctrl+q")


def _answer(app: AlignmentApp) -> str | None:
    areas = app.screen.query("#answer-text").results(TextArea)
    return next((area.text for area in areas if area.has_focus), None)
