"""A table of many rows opens at once: the first rows are built, the others when asked,
and every row, shown or not, stays in the answer in its order."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button

from alignment_tui.model.profile import Kpi
from alignment_tui.tui.widgets.editors.rows import SHOWN_AT_ONCE, RowsEditor
from tests.ui.test_editors import Host, cell, fill, make, until

COUNT = 25


def _kpis() -> list[Kpi]:
    return [Kpi(name=f"KPI {i}", target=i + 1, unit="orders") for i in range(COUNT)]


def _names(value: Any) -> list[str]:
    return [k.name for k in value]


async def test_many_rows_open_with_the_first_ones_and_keep_all_in_order() -> None:
    editor = make("objectives.kpis", _kpis(), "en")
    assert isinstance(editor, RowsEditor)
    app = Host(editor)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert len(editor.rows()) == SHOWN_AT_ONCE
        more = app.screen.query_one("#more-rows", Button)
        assert str(more.label) == f"Show {SHOWN_AT_ONCE} more of the 15 rows not shown yet"
        await fill(pilot, cell(editor, 0, "name"), "Repeat orders")
        assert await until(pilot, lambda: app.values)
        # An edit among the rows shown keeps the others, after them, as they were.
        assert _names(app.values[-1]) == ["Repeat orders", *(f"KPI {i}" for i in range(1, COUNT))]
        more.press()
        assert await until(pilot, lambda: len(editor.rows()) == 2 * SHOWN_AT_ONCE)
        assert await until(pilot, lambda: app.focused is cell(editor, SHOWN_AT_ONCE, "name"))
        assert "5 more of the 5" in str(more.label)
        await pilot.press("ctrl+r")  # among the rows shown: after the current one
        assert await until(pilot, lambda: len(editor.rows()) == 2 * SHOWN_AT_ONCE + 1)
        app.screen.query_one("#add-row", Button).press()  # at the end: after every row
        assert await until(pilot, lambda: len(editor.rows()) == COUNT + 2)
        assert not more.display
        await fill(pilot, cell(editor, COUNT + 1, "name"), "Last one")
        assert await until(pilot, lambda: _names(app.values[-1])[-1] == "Last one")
        assert _names(app.values[-1])[:2] == ["Repeat orders", "KPI 1"]
        assert len(app.values[-1]) == COUNT + 1  # the blank row added by Ctrl+R is left out
