"""The changed-on-disk dialog opens while the user types: no key chooses, none is lost."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from textual.widgets import Button, Input, TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Kpi, Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.modals import ChangedOnDiskScreen
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import keys_of, type_keys

TONE = "Chaleureux, sans jargon."


def _profile(path: Path, position: str = "execution.tone") -> Path:
    profile = Profile(lang="fr", meta=Meta(organisation="Fournil", position=position))
    profile.execution.tone = TONE
    save_profile(profile, path)
    return path


def _edit_on_disk(path: Path) -> None:
    """What ``sed -i`` does: a changed copy renamed over the file."""
    changed = path.read_text("utf-8").replace(
        'organisation = "Fournil"', 'organisation = "Le Fournil"'
    )
    copy = path.with_suffix(".sed")
    copy.write_text(changed, "utf-8")
    os.replace(copy, path)


async def _typing_area(pilot, app: AlignmentApp) -> TextArea:
    await wait_for(
        pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.query("#answer-text")
    )
    area = app.screen.query_one("#answer-text", TextArea)
    await wait_for(pilot, lambda: area.has_focus)
    await pilot.press("end")
    return area


async def _when_dialog(app: AlignmentApp, seen: list[float]) -> None:
    while not isinstance(app.screen, ChangedOnDiskScreen):
        await asyncio.sleep(0.01)
    seen.append(time.monotonic())


async def test_typing_through_the_dialog_keeps_every_key_and_overwrites_nothing(
    workdir: Path,
) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        area = await _typing_area(pilot, app)
        _edit_on_disk(path)
        typed = " et on évite les points d'exclamation, sobre."
        seen: list[float] = []
        watcher = asyncio.create_task(_when_dialog(app, seen))
        await type_keys(app, keys_of(typed))  # 15 keys a second
        finished = time.monotonic()
        await wait_for(pilot, lambda: bool(seen))
        watcher.cancel()
        # The dialog opened while the keys were still coming (the first save is due
        # within a second; the typing lasts three).
        assert seen[0] < finished - 1
        dialog = app.screen
        assert isinstance(dialog, ChangedOnDiskScreen)
        await wait_for(pilot, lambda: area.text == TONE + typed)
        assert not dialog.engaged and dialog.focused is None
        # Nothing was written over the other change: the file is theirs, not ours.
        on_disk = load_profile(path)
        assert on_disk.meta.organisation == "Le Fournil"
        assert on_disk.execution.tone == TONE
        # The choice is an explicit act: here its Alt key (Alt+E: « Écraser »).
        await pilot.press("alt+e")
        await wait_for(pilot, lambda: load_profile(path).execution.tone == TONE + typed, 3.0)
        assert load_profile(path).meta.organisation == "Fournil"
        await pilot.press("ctrl+q")


async def test_enter_and_backspace_in_flight_stay_in_the_answer(workdir: Path) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        area = await _typing_area(pilot, app)
        _edit_on_disk(path)
        keys = keys_of(" read aloud") + ["backspace"] * 5 + keys_of("calmly\nrarely a word over ")
        keys += keys_of("ten; reload or overwrite nothing")
        await type_keys(app, keys)
        await wait_for(pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen))
        expected = TONE + " read calmly\nrarely a word over ten; reload or overwrite nothing"
        await wait_for(pilot, lambda: area.text == expected)
        assert load_profile(path).execution.tone == TONE
        await pilot.press("ctrl+q")
    # Quitting mid-conflict keeps both versions: theirs in place, ours in a copy.
    assert load_profile(path).meta.organisation == "Le Fournil"
    copies = [p for p in workdir.glob("*.toml") if p != path]
    assert [load_profile(p).execution.tone for p in copies] == [expected]


async def test_after_a_pause_tab_reaches_the_buttons_and_enter_chooses(workdir: Path) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        area = await _typing_area(pilot, app)
        _edit_on_disk(path)
        area.insert(" Short sentences.")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen))
        dialog = app.screen
        await asyncio.sleep(1.1)  # the user stops, reads the dialog, then turns to it
        await pilot.press("tab")
        assert dialog.engaged
        assert isinstance(dialog.focused, Button) and dialog.focused.id == "reload"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: app.screen.query("#answer-text"))
        assert app.screen.query_one("#answer-text", TextArea).text == TONE  # reloaded: their file
        assert app.profile is not None and app.profile.meta.organisation == "Le Fournil"
        await pilot.press("ctrl+q")


async def test_a_click_chooses_and_the_buttons_say_their_keys(workdir: Path) -> None:
    path = _profile(workdir / "fournil.toml")
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        area = await _typing_area(pilot, app)
        _edit_on_disk(path)
        area.insert(" Des phrases courtes.")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen) and app.screen.query(Button)
        )
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == [
            "Recharger (Alt+R)",
            "Écraser (Alt+E)",
            "Enregistrer sous… (Alt+S)",
        ]
        await pilot.pause()
        await pilot.click("#overwrite")
        await wait_for(pilot, lambda: load_profile(path).execution.tone.endswith("courtes."), 3.0)
        await pilot.press("ctrl+q")


async def test_tab_in_flight_moves_between_cells_beneath_the_dialog(workdir: Path) -> None:
    path = workdir / "kpis.toml"
    profile = Profile(lang="en", meta=Meta(organisation="Kiln", position="objectives.kpis"))
    profile.objectives.kpis = [Kpi(name="Orders")]
    save_profile(profile, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == "name")
        await pilot.press("end")
        _edit_on_disk_kpi = path.read_text("utf-8").replace('"Kiln"', '"Kiln & Co"')
        path.write_text(_edit_on_disk_kpi, "utf-8")
        # Keep typing (name, then three cells on: the baseline) while the dialog opens.
        await type_keys(app, keys_of(" per week, counted at the till") + ["tab"] * 3 + list("120"))
        await wait_for(pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen))
        beneath = app.screen_stack[-2]
        cells = {w.name: w for w in beneath.query(Input)}
        await wait_for(pilot, lambda: cells["baseline"].value == "120")
        assert cells["name"].value == "Orders per week, counted at the till"
        assert beneath.focused is cells["baseline"]
        assert load_profile(path).meta.organisation == "Kiln & Co"
        await pilot.press("alt+o")
        await wait_for(pilot, lambda: load_profile(path).objectives.kpis[0].baseline == 120, 3.0)
        await pilot.press("ctrl+q")
