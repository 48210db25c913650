"""The question screen keeps one editor of each kind it has shown, hidden when another kind's
is in use, and shows it again for the next answer of its kind: what is typed at 15 keys a
second on a busy machine, across steps between kinds and back, lands in the answer shown and
is saved where it was typed; a kept editor starts afresh (no text, undo, unreadable entry or
message of another question's answer)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.editors.fields import HorizonEditor
from alignment_tui.tui.widgets.editors.text import ListEditor, TextEditor
from tests.ui.conftest import SIZE, open_question, wait_for
from tests.ui.typing import caught_up, cpu_burnt, keys_of, type_keys

# The mission's last three questions: a text, a list, a horizon.
NEEDS, PLAN, HORIZON = "mission.needs", "mission.plan", "mission.horizon_years"
# The execution's: a text, a budget, channels (rows), a text again.
OFFER, BUDGET, CHANNELS, TONE = (
    "execution.value_proposition",
    "execution.budget",
    "execution.channels",
    "execution.tone",
)


def _profile(path: Path, position: str) -> Path:
    profile = Profile(lang="en", meta=Meta(organisation="Kiln"))
    profile.meta.position = position
    profile.mission.needs = "Safe firing"
    profile.execution.value_proposition = "Kilns that last"
    profile.execution.tone = "Calm"
    save_profile(profile, path)
    return path


async def _saved(pilot: Pilot[object], app: AlignmentApp) -> None:
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)
    await pilot.press("ctrl+q")


def _shown_editors(screen: QuestionScreen) -> list[AnswerEditor]:
    return [editor for editor in screen.query(AnswerEditor) if editor.display]


async def test_keys_typed_across_kinds_and_back_land_in_the_answer_shown(workdir: Path) -> None:
    path = _profile(workdir / "across.toml", NEEDS)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        text = screen.editor
        with cpu_burnt():
            # text → list → horizon → back to the list → back to the text, no pause anywhere:
            # the keys after each step are on their way while it is shown.
            keys = [*keys_of(" and"), "ctrl+n", *keys_of("Build\nShip"), "ctrl+n", "3"]
            keys += ["ctrl+b", *keys_of("\nSell"), "ctrl+b", *keys_of(" checks")]
            await type_keys(app, keys)
        await caught_up(pilot, app)
        await wait_for(pilot, lambda: screen.shown == NEEDS)
        # The text's own editor again, the only one shown, with the cursor in it.
        assert screen.editor is text and _shown_editors(screen) == [text]
        assert isinstance(text, TextEditor) and text.text == "Safe firing and checks"
        assert app.focused is text.text_area
        # One editor of each kind met, the others hidden: none holds the cursor.
        kinds = sorted(type(e).__name__ for e in screen.query(AnswerEditor))
        assert kinds == ["HorizonEditor", "ListEditor", "TextEditor"]
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.mission.needs == "Safe firing and checks"
    assert saved.mission.plan == ["Build", "Ship", "Sell"]
    assert saved.mission.horizon_years == 3


async def test_a_kept_editor_of_another_kind_holds_only_its_new_answer(workdir: Path) -> None:
    path = _profile(workdir / "undo.toml", OFFER)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        text = screen.editor
        assert text is not None
        # The offer's change, made before the steps and handled after the text editor has
        # taken the tone (a busy app can take its messages in that order).
        late = AnswerEditor.Changed(text, "Kilns that last a lifetime")
        with cpu_burnt():
            keys = [*keys_of(" decades"), "ctrl+n", *keys_of("10k EUR"), "ctrl+n", "ctrl+n"]
            # On the tone, in the text editor kept from the offer: undo and redo at once.
            keys += ["ctrl+z", "ctrl+z", "ctrl+z", "ctrl+y", "ctrl+z", *keys_of(" and warm")]
            await type_keys(app, keys)
        await caught_up(pilot, app)
        await wait_for(pilot, lambda: screen.shown == TONE)
        assert screen.editor is text and isinstance(text, TextEditor)
        assert text.question.id == TONE
        await wait_for(pilot, lambda: text.value == "Calm and warm")
        app.post_message(late)
        # Undone now, over and over: the tone as it was loaded, never the offer's text.
        for _ in range(5):
            await pilot.press("ctrl+z")
        assert text.text == "Calm"
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y")
        assert text.text == "Calm and warm"
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.execution.value_proposition == "Kilns that last a lifetime"
    assert saved.execution.budget.amount == 10000
    assert saved.execution.budget.currency == "EUR"
    assert saved.execution.tone == "Calm and warm"


async def test_a_kept_horizon_starts_afresh(workdir: Path) -> None:
    path = _profile(workdir / "horizon.toml", PLAN)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        listed = screen.editor
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == HORIZON)
        horizon = screen.editor
        assert isinstance(horizon, HorizonEditor)
        cell = horizon.query_one("#horizon", Input)
        await wait_for(pilot, lambda: cell.has_focus)
        # Something that cannot be read, then away and back before anything else.
        await pilot.press(*"soon")
        await pilot.press("enter")
        error = horizon.query_one(".error", Static)
        await wait_for(pilot, lambda: error.has_class("-shown"))
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: screen.shown == PLAN)
        assert screen.editor is listed and isinstance(listed, ListEditor)
        assert _shown_editors(screen) == [listed] and not horizon.display
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == HORIZON and cell.has_focus)
        # The same editor, as a new one would show the horizon: empty (nothing readable was
        # typed), no message, no mark on the input, no read pending.
        assert screen.editor is horizon and _shown_editors(screen) == [horizon]
        assert cell.value == "" and not cell.has_class("-unreadable")
        assert not error.has_class("-shown") and horizon.error_text is None
        await pilot.press("5")
        await pilot.press("enter")
        await wait_for(pilot, lambda: horizon.value == 5)
        await _saved(pilot, app)
    assert load_profile(path).mission.horizon_years == 5
