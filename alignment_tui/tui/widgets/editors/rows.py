"""Editors made of rows, filled like a spreadsheet: add, remove and reorder by key or by mouse."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from alignment_tui.i18n import t
from alignment_tui.tui.widgets.editors.base import AnswerEditor, EditorContext
from alignment_tui.tui.widgets.editors.cells import Column, shown_read_only
from alignment_tui.tui.widgets.editors.row import Row

MAX_PASTED_ROWS = 30  # rows a paste may add; a longer paste is cut, and the user told
# Rows built when the editor opens; the others when asked. A KPI row is about fifty
# widgets and Textual builds them at a few milliseconds each: 52 KPIs took 25 s to show.
SHOWN_AT_ONCE = 10

# (key, action, locale key of the description, how the key is written in the hint)
ROW_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("ctrl+r", "add_row", "editors.key.add", "Ctrl+R"),
    ("ctrl+delete,ctrl+y", "remove_row", "editors.key.remove", "Ctrl+Del"),
    ("alt+up", "move_row(-1)", "editors.key.up", "Alt+↑"),
    ("alt+down", "move_row(1)", "editors.key.down", "Alt+↓"),
    ("ctrl+z", "restore_row", "editors.key.restore", "Ctrl+Z"),
)
REMOVE_KEYS = frozenset(ROW_KEYS[1][0].split(","))


@dataclass(frozen=True)
class Removed:
    """A row taken out, as it was: where, what it came from, what its cells held."""

    position: int
    origin: BaseModel | None
    data: dict[str, Any]
    column: int  # the cell that had the focus


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
        self.hidden: list[Any] = []  # rows not built yet, kept in the value as they are
        for key, action, description, _ in ROW_KEYS:
            self._bindings.bind(key, action, t(description, self.lang))
        self.removed: list[Removed] = []  # what Ctrl+Z brings back, the last removed last
        # The cell the focus fell on after a removal, and its value then: until the user
        # does anything else there, a second Ctrl+Del (a double press, a held key) is no
        # order to remove that row too.
        self._landing: tuple[Any, Any] | None = None

    def compose(self) -> ComposeResult:
        add, remove, up, down, restore = (shown for *_, shown in ROW_KEYS)
        down = down.removeprefix("Alt+")  # "Alt+↑↓" reads better than "Alt+↑ Alt+↓"
        hint = t(
            "editors.keys_hint",
            self.lang,
            add=add,
            remove=remove,
            up=up,
            down=down,
            restore=restore,
        )
        yield Static(hint, classes="rows-hint", markup=False)
        for column in self.COLUMNS:
            if column.names and not getattr(self.context, column.names):
                # Nothing to choose from yet: say where those names are given.
                yield Static(t(f"editors.no_{column.names}", self.lang), classes="rows-hint")
        items = list(self.value or [None])
        self.hidden = items[SHOWN_AT_ONCE:]
        with Vertical(id="rows"):
            for item in items[:SHOWN_AT_ONCE]:
                yield Row(self, item)
        more = Button(self._more_label(), id="more-rows", compact=True)
        more.display = bool(self.hidden)
        yield more
        yield Button(t(f"editors.add.{self.ADD_KEY}", self.lang), id="add-row", compact=True)

    def _more_label(self) -> str:
        count = len(self.hidden)
        return t("editors.more_rows", self.lang, count=count, shown=min(count, SHOWN_AT_ONCE))

    async def show_more(self, *, everything: bool = False) -> None:
        """Build the next rows (all of them with ``everything``)."""
        count = len(self.hidden) if everything else SHOWN_AT_ONCE
        batch, self.hidden = self.hidden[:count], self.hidden[count:]
        if batch:
            await self.query_one("#rows").mount_all([Row(self, item) for item in batch])
        more = self.query_one("#more-rows", Button)
        more.label = self._more_label()
        more.display = bool(self.hidden)

    @on(Button.Pressed, "#more-rows")
    async def _more_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        first_new = len(self.rows())
        await self.show_more()
        rows = self.rows()
        if first_new < len(rows):
            self._focus_row(rows[first_new], 0)

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
            value = self.build(self.rows()) + [item.model_copy() for item in self.hidden]
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
        if current is None and self.hidden:
            await self.show_more(everything=True)  # the end is after the rows not shown yet
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

    def _focus_row(self, row: Row, index: int) -> Any:
        """Focus the row's cell ``index`` (or its last one); that cell, if there is one."""
        cells = row.cells()
        if not cells:
            return None
        cell = cells[min(index, len(cells) - 1)]
        cell.focus()
        row.scroll_visible()
        return cell

    def _focused_index(self, row: Row) -> int:
        cells = row.cells()
        return next((i for i, c in enumerate(cells) if c.has_focus), 0)

    def on_key(self, event: events.Key) -> None:
        if event.key not in REMOVE_KEYS:
            self._landing = None  # the user did something else: the next Ctrl+Del is meant

    async def action_remove_row(self) -> None:
        row = self.current_row()
        if row is None:
            return
        focused = self.screen.focused
        if self._landing is not None and self._landing == (focused, _value_of(focused)):
            self.notify(
                t("editors.row_kept", self.lang, name=self.row_name(row), key=ROW_KEYS[1][3]),
                timeout=8,
            )
            return
        await self.remove_row(row)

    async def remove_row(self, row: Row) -> None:
        """Take ``row`` out (the last one is emptied instead); Ctrl+Z brings it back."""
        rows = self.rows()
        index = self._focused_index(row)
        position = rows.index(row)
        if not row.is_blank():
            self.removed.append(Removed(position, row.origin, dict(row.data), index))
            name, key = self.row_name(row), ROW_KEYS[-1][3]
            self.notify(t("editors.row_removed", self.lang, name=name, key=key), timeout=8)
        if len(rows) == 1:
            # The last row is emptied rather than removed: there is always a row to type in.
            neighbour = Row(self, None)
            await self.query_one("#rows").mount(neighbour)
        else:
            neighbour = rows[position + 1] if position + 1 < len(rows) else rows[position - 1]
        await row.remove()
        self.row_changed()
        landed = self._focus_row(neighbour, index)
        self._landing = (landed, _value_of(landed))

    async def action_restore_row(self) -> None:
        """Ctrl+Z: the last row removed comes back where it was, as it was."""
        if not self.removed:
            self.notify(t("editors.nothing_removed", self.lang), timeout=5)
            return
        removed = self.removed.pop()
        row = Row(self, removed.origin)
        row.data = dict(removed.data)
        rows = self.rows()
        container = self.query_one("#rows")
        if len(rows) == 1 and rows[0].is_blank():
            await rows[0].remove()  # the empty row left in its place
            rows = []
        if removed.position < len(rows):
            await container.mount(row, before=rows[removed.position])
        else:
            await container.mount(row)
        self._landing = None
        self.row_changed()
        self._focus_row(row, removed.column)
        self.notify(t("editors.row_restored", self.lang, name=self.row_name(row)), timeout=5)

    def row_name(self, row: Row) -> str:
        """How a notice names a row: its first cell that has text, else its number."""
        for column in self.COLUMNS:
            value = row.data.get(column.field)
            if isinstance(value, str) and value.strip():
                return value.strip()
        rows = self.rows()
        number = rows.index(row) + 1 if row in rows else len(rows) + 1
        return t("editors.row_number", self.lang, number=number)

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


def _value_of(widget: Any) -> Any:
    return getattr(widget, "value", None)
