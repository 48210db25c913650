"""Editors made of rows, filled like a spreadsheet: add, remove and reorder by key or by mouse."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from alignment_tui.i18n import t
from alignment_tui.widgets.editors.base import AnswerEditor, EditorContext
from alignment_tui.widgets.editors.cells import Column, shown_read_only
from alignment_tui.widgets.editors.row import Row

MAX_PASTED_ROWS = 30  # rows a paste may add; a longer paste is cut, and the user told

# (key, action, locale key of the description, how the key is written in the hint)
ROW_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("ctrl+r", "add_row", "editors.key.add", "Ctrl+R"),
    ("ctrl+delete,ctrl+y", "remove_row", "editors.key.remove", "Ctrl+Del"),
    ("alt+up", "move_row(-1)", "editors.key.up", "Alt+↑"),
    ("alt+down", "move_row(1)", "editors.key.down", "Alt+↓"),
)


class RowsEditor(AnswerEditor):
    """A list of model rows (values, personas, KPIs…); the value is the list of non-blank rows."""

    MODEL: ClassVar[type[BaseModel]]
    COLUMNS: ClassVar[tuple[Column, ...]]
    ADD_KEY: ClassVar[str]  # editors.add.<ADD_KEY>
    MIN_CELL: ClassVar[int] = 20  # narrowest useful cell, in columns

    DEFAULT_CSS = """
    RowsEditor { height: auto; }
    RowsEditor > .rows-hint { color: $text-muted; height: auto; margin-bottom: 1; }
    RowsEditor > #rows { height: auto; }
    RowsEditor > #add-row { margin-top: 0; }
    """

    def __init__(self, question: Any, value: Any, context: EditorContext, **kwargs: Any) -> None:
        items = [item.model_copy() for item in value or [] if isinstance(item, self.MODEL)]
        super().__init__(question, items, context, **kwargs)
        self.grid_columns = min(3, len(self.COLUMNS))
        for key, action, description, _ in ROW_KEYS:
            self._bindings.bind(key, action, t(description, self.lang))

    def compose(self) -> ComposeResult:
        add, remove, up, down = (shown for *_, shown in ROW_KEYS)
        down = down.removeprefix("Alt+")  # "Alt+↑↓" reads better than "Alt+↑ Alt+↓"
        hint = t("editors.keys_hint", self.lang, add=add, remove=remove, up=up, down=down)
        yield Static(hint, classes="rows-hint", markup=False)
        for column in self.COLUMNS:
            if column.names and not getattr(self.context, column.names):
                # Nothing to choose from yet: say where those names are given.
                yield Static(t(f"editors.no_{column.names}", self.lang), classes="rows-hint")
        with Vertical(id="rows"):
            for item in self.value or [None]:
                yield Row(self, item)
        yield Button(t(f"editors.add.{self.ADD_KEY}", self.lang), id="add-row", compact=True)

    def on_mount(self) -> None:
        # Read-only (the file is open elsewhere): shown, not editable.
        self.disabled = shown_read_only(self)

    def rows(self) -> list[Row]:
        """The rows in their order (none before the editor is composed)."""
        containers = self.query_children("#rows")
        return list(containers.first().query_children(Row)) if containers else []

    def on_resize(self, event: events.Resize) -> None:
        columns = max(1, min(len(self.COLUMNS), (event.size.width - 12) // self.MIN_CELL))
        if columns != self.grid_columns:
            self.grid_columns = columns
            for fields in self.query(".row-fields"):
                fields.styles.grid_size_columns = columns

    # -- the value

    def build(self, rows: list[Row]) -> list[Any]:
        """Models for the non-blank rows; subclasses complete them (ids…)."""
        items = []
        for row in rows:
            if row.is_blank():
                continue
            items.append(self.MODEL.model_validate(row.model_data(self.MODEL)))
        return items

    def row_changed(self, row: Row | None = None) -> None:
        try:
            value = self.build(self.rows())
        except ValidationError:
            return  # a cell's own check already says what is expected
        if value != self.value:
            self.value = value
            self.announce()

    # -- rows

    def flush(self) -> None:
        for row in self.rows():
            row.flush()

    def current_row(self) -> Row | None:
        node = self.screen.focused
        while node is not None and node is not self:
            if isinstance(node, Row):
                return node
            node = node.parent  # type: ignore[assignment]
        return None

    @on(Button.Pressed, "#add-row")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_add_row(at_end=True)

    async def action_add_row(self, at_end: bool = False) -> None:
        current = None if at_end else self.current_row()
        row = Row(self, None)
        container = self.query_one("#rows")
        if current is not None:
            await container.mount(row, after=current)
        else:
            await container.mount(row)
        self._focus_row(row, 0)

    def focus_at(self, inner: str) -> None:
        """``[i].column``: the cursor in that row's cell (the row's first cell when the
        column is not one of the editor's, the first row when there is no such row)."""
        match = re.match(r"\[(\d+)\](?:\.(\w+))?", inner)
        rows = self.rows()
        if match is None or not rows:
            self.focus_first()
            return
        row = rows[min(int(match.group(1)), len(rows) - 1)]
        names = [c.field for c in self.COLUMNS]
        column = match.group(2)
        self._focus_row(row, names.index(column) if column in names else 0)

    def _focus_row(self, row: Row, index: int) -> None:
        cells = row.cells()
        if cells:
            cells[min(index, len(cells) - 1)].focus()
            row.scroll_visible()

    def _focused_index(self, row: Row) -> int:
        cells = row.cells()
        return next((i for i, c in enumerate(cells) if c.has_focus), 0)

    async def action_remove_row(self) -> None:
        row = self.current_row()
        if row is not None:
            await self.remove_row(row)

    async def remove_row(self, row: Row) -> None:
        rows = self.rows()
        index = self._focused_index(row)
        position = rows.index(row)
        if len(rows) == 1:
            # The last row is emptied rather than removed: there is always a row to type in.
            neighbour = Row(self, None)
            await self.query_one("#rows").mount(neighbour)
        else:
            neighbour = rows[position + 1] if position + 1 < len(rows) else rows[position - 1]
        await row.remove()
        self.row_changed()
        self._focus_row(neighbour, index)

    async def paste_rows(self, row: Row, start: str, text: str) -> None:
        """A pasted block: tabs go across the cells, each further line fills a new row below.

        A list of rows is a few lines long: past ``MAX_PASTED_ROWS`` the rest is left out,
        and the user is told how much.
        """
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > MAX_PASTED_ROWS:
            self.notify(
                t("editors.paste_cut", self.lang, kept=MAX_PASTED_ROWS, total=len(lines)),
                severity="warning",
                timeout=10,
            )
            lines = lines[:MAX_PASTED_ROWS]
        added = [Row(self, None) for _ in lines[1:]]
        if added:
            await self.query_one("#rows").mount(*added, after=row)
        for target, line in zip([row, *added], lines, strict=True):
            target.fill(start, line.split("\t"))

    def action_move_row(self, delta: int) -> None:
        row = self.current_row()
        if row is not None:
            self.move_row(row, delta)

    def move_row(self, row: Row, delta: int) -> None:
        rows = self.rows()
        position = rows.index(row)
        target = position + delta
        if not 0 <= target < len(rows):
            return
        container = self.query_one("#rows")
        focused = self.screen.focused
        if delta < 0:
            container.move_child(row, before=rows[target])
        else:
            container.move_child(row, after=rows[target])
        if focused is not None:
            self.call_after_refresh(focused.focus)
        self.row_changed()
