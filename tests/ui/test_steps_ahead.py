"""A question screen builds ahead, hidden, an editor of each kind its layer's questions show
(when the editor can take another answer), while the user reads: the keys typed meanwhile
land in the answer shown, none reaches an editor built ahead, and a step to one of those
kinds shows that very editor with the next answer in it. A step to a kept editor whose
answer and prompt are of another height is laid out once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.keyroute import settled
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.editors.fields import HorizonEditor
from alignment_tui.tui.widgets.editors.text import ListEditor, TextEditor
from tests.ui.conftest import SIZE, open_question, wait_for
from tests.ui.typing import caught_up, cpu_burnt, keys_of, type_keys

# The mission: texts, then a list, then a horizon.
STATEMENT, NEEDS, PLAN, HORIZON = (
    "mission.statement",
    "mission.needs",
    "mission.plan",
    "mission.horizon_years",
)


def _profile(path: Path, position: str) -> Path:
    profile = Profile(lang="en", meta=Meta(organisation="Kiln"))
    profile.meta.position = position
    profile.mission.needs = "Safe firing"
    profile.mission.plan = ["Build", "Ship"]
    profile.mission.horizon_years = 4
    save_profile(profile, path)
    return path


def _drawn(app: AlignmentApp) -> bool:
    """Nothing left for the screen to lay out or draw, no message waiting anywhere."""
    screen = app.screen
    if screen._layout_required or screen._repaint_required or screen._dirty_widgets:
        return False
    return settled(app, inside_app=False)


def _by_kind(screen: QuestionScreen) -> dict[str, AnswerEditor]:
    return {type(e).__name__: e for e in screen.query(AnswerEditor)}


async def test_editors_built_ahead_are_hidden_and_take_no_key(workdir: Path) -> None:
    path = _profile(workdir / "ahead.toml", NEEDS)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        text = screen.editor
        assert isinstance(text, TextEditor)
        # Typed at once, while the editors are built ahead, with Tab and Shift+Tab among the
        # keys: the focus never goes into a hidden editor.
        with cpu_burnt():
            await type_keys(app, [*keys_of(" and"), "tab", "shift+tab", *keys_of(" care")])
        await caught_up(pilot, app)
        await wait_for(pilot, lambda: screen.built_ahead)
        editors = _by_kind(screen)
        assert sorted(editors) == ["HorizonEditor", "ListEditor", "TextEditor"]
        listed, horizon = editors["ListEditor"], editors["HorizonEditor"]
        assert isinstance(listed, ListEditor) and isinstance(horizon, HorizonEditor)
        assert not listed.display and not horizon.display
        assert not listed.has_focus_within and not horizon.has_focus_within
        assert text.text == "Safe firing and care"
        # Their own inputs hold what they were built with: no key went there.
        assert listed.text == "Build\nShip"
        assert horizon.query_one("#horizon", Input).value == "4 years"
        # The next step shows the list built ahead, with the plan in it; the one after, the
        # horizon built ahead.
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == PLAN and listed.text_area.has_focus)
        assert screen.editor is listed and listed.question.id == PLAN
        await pilot.press("ctrl+n")
        cell = horizon.query_one("#horizon", Input)
        await wait_for(pilot, lambda: screen.shown == HORIZON and cell.has_focus)
        assert screen.editor is horizon and horizon.question.id == HORIZON
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)
        await pilot.press("ctrl+q")
    saved = load_profile(path)
    assert saved.mission.needs == "Safe firing and care"
    assert saved.mission.plan == ["Build", "Ship"] and saved.mission.horizon_years == 4


async def test_a_step_to_a_kept_editor_of_another_kind_is_laid_out_once(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The prompt, the help and the answer change height: still one layout pass (the
    fitted boxes ask for none when their size changes, and the screen draws nothing until
    the cursor is in the next editor). Counts calls of Textual's ``Screen._refresh_layout``
    (textual is pinned)."""
    path = _profile(workdir / "once.toml", NEEDS)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        await wait_for(pilot, lambda: screen.built_ahead)
        await pilot.press("ctrl+n", "ctrl+n")  # the list and the horizon shown once
        await wait_for(pilot, lambda: screen.shown == HORIZON)
        await pilot.press("ctrl+b", "ctrl+b")
        await wait_for(pilot, lambda: screen.shown == NEEDS and isinstance(app.focused, TextArea))
        await pilot.pause(0.2)
        passes: list[str] = []
        layout = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            passes.append(screen.shown)
            layout(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(screen, "_refresh_layout", counted)
        await pilot.press("ctrl+n")  # the text, then the list (another height)
        await wait_for(pilot, lambda: screen.shown == PLAN and isinstance(app.focused, TextArea))
        await wait_for(pilot, lambda: _drawn(app))
        assert passes == [PLAN]
        await pilot.press("ctrl+q")
