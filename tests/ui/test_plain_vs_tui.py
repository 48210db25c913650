"""The same answers, given in plain mode and typed into the TUI, make the same profile."""

from __future__ import annotations

import inspect
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList, TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.answers import is_answered
from alignment_tui.model.bank import Question, load_bank
from alignment_tui.model.profile import Profile
from alignment_tui.store import load_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.widgets.editors.rows import RowsEditor
from tests.unit.test_plain import full_input, plain


def _comparable(profile: Profile) -> dict[str, Any]:
    """The profile without timestamps and the walk's own bookkeeping (where, what skipped)."""
    data = profile.model_dump(mode="json")
    for key in ("created", "updated", "position", "skipped"):
        data["meta"].pop(key, None)
    return data


def _typed(value: Any, lang: str) -> str:
    """A canonical value as a person types it in a cell."""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and 0 <= value <= 1:
        percent = f"{value * 100:g}"
        return f"{percent} %" if lang == "fr" else f"{percent}%"
    return str(value)


async def _settle(pilot: Pilot[Any], condition: Any, timeout: float = 5.0) -> None:
    """Pause until ``condition()`` holds (the machine is shared: never trust one pause)."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not condition():
        assert time.monotonic() < deadline, "the app did not settle"
        await pilot.pause(0.05)


async def _fill_rows(pilot: Pilot[Any], editor: RowsEditor, rows: list[dict[str, Any]]) -> None:
    for index, row in enumerate(rows):
        if index >= len(editor.rows()):
            added = editor.action_add_row(at_end=True)
            if inspect.isawaitable(added):
                await added
            await _settle(pilot, lambda i=index: len(editor.rows()) > i)
        for cell in editor.rows()[index].cells():
            name = cell.name or ""
            # Ids are left blank: the editor makes them from the names, as for a user.
            if name == "id" or row.get(name) is None:
                continue
            if isinstance(cell, Select):
                cell.value = row[name]
            elif isinstance(cell, Input):
                cell.value = _typed(row[name], editor.lang)
    await pilot.pause()


async def _answer(pilot: Pilot[Any], app: AlignmentApp, question: Question, value: Any) -> None:
    app.jump(question.id)
    await _settle(
        pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.question is question
    )
    screen = app.screen
    assert isinstance(screen, QuestionScreen) and screen.editor is not None, question.kind
    editor = screen.editor
    kind = question.kind
    if kind in ("text", "list"):
        area = editor.query_one(TextArea)
        area.insert(value if isinstance(value, str) else "\n".join(value))
    elif kind == "horizon":
        editor.query_one("#horizon", Input).value = str(value)
    elif kind == "budget":
        editor.query_one("#amount", Input).value = f"{value['amount']} {value['currency']}"
        editor.query_one("#period", Select).value = value["period"]
    elif kind == "choice":
        choices = editor.query_one(SelectionList)
        for item in value:
            choices.select(item)
    else:
        assert isinstance(editor, RowsEditor)
        await _fill_rows(pilot, editor, value)
    await _settle(pilot, lambda: app.profile is not None and is_answered(app.profile, question))


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_plain_mode_and_the_tui_write_the_same_profile(tmp_path: Path, lang: str) -> None:
    stdin, answers = full_input(lang)
    (tmp_path / "plain").mkdir()
    result = plain(tmp_path / "plain", stdin, "--lang", lang)
    assert result.returncode == 0, result.stderr
    from_plain = load_profile(tmp_path / "plain" / "atelier-semelle.toml")

    target = tmp_path / "tui" / "atelier-semelle.toml"
    target.parent.mkdir()
    app = make_app(target, lang=lang)
    bank = load_bank()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(pilot, lambda: app.bank is not None and app.screen.query("#organisation"))
        await pilot.click("#organisation")
        await pilot.press(*"Atelier Semelle")
        app.screen.query_one("#respondent", Input).value = "Camille"
        await pilot.click("#create")
        await _settle(pilot, lambda: app.walk is not None)
        for question in bank.questions():
            if question.id in answers:
                await _answer(pilot, app, question, answers[question.id])
        await app.action_quit()
    from_tui = load_profile(target)

    assert _comparable(from_tui) == _comparable(from_plain)
    assert from_tui.personas and from_tui.objectives.kpis and from_tui.execution.channels
