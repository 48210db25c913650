"""Editors made of rows, filled like a spreadsheet: add, remove and reorder by key or by mouse."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from alignment_tui.i18n import t
from alignment_tui.model.typed import TypedValueError
from alignment_tui.widgets.editors.base import AnswerEditor, EditorContext
from alignment_tui.widgets.editors.cells import Column, read_cell, show_cell, shown_read_only

# (key, action, locale key of the description, how the key is written in the hint)
ROW_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("ctrl+r", "add_row", "editors.key.add", "Ctrl+R"),
    ("ctrl+delete,ctrl+y", "remove_row", "editors.key.remove", "Ctrl+Del"),
    ("alt+up", "move_row(-1)", "editors.key.up", "Alt+↑"),
    ("alt+down", "move_row(1)", "editors.key.down", "Alt+↓"),
)


def select_options(column: Column, context: EditorContext, current: Any) -> list[tuple[str, str]]:
    """The choices of a select cell; a current value no longer offered is kept, not lost."""
    options = column.options(context) if column.options else []
    if current and all(value != current for _, value in options):
        options = [*options, (str(current), str(current))]
    return options


class Row(Vertical):
    """One row: a cell per column, buttons to move or remove it, and its messages."""

    DEFAULT_CSS = """
    Row { height: auto; padding: 0 0 1 0; }
    Row:focus-within { background: $boost; }
    Row > .row-line { height: auto; }
    Row .row-fields {
        layout: grid; grid-size: 3; grid-gutter: 0 1; grid-rows: 2; height: auto; width: 1fr;
    }
    Row .cell { height: 2; }
    Row .cell > Label { color: $text-muted; text-style: italic; width: 1fr; height: 1; }
    Row .cell Input { width: 1fr; }
    Row .cell Input.-unreadable { background: $error 30%; }
    Row .cell Select { width: 1fr; }
    Row .row-buttons { width: auto; height: 1; margin-left: 1; margin-top: 1; }
    Row .row-buttons Button { min-width: 3; width: 3; margin: 0; }
    Row .row-error { color: $error; height: auto; display: none; }
    Row .row-error.-shown { display: block; }
    """

    def __init__(self, editor: RowsEditor, origin: BaseModel | None) -> None:
        super().__init__()
        self.editor = editor
        self.origin = origin
        self.data: dict[str, Any] = {}
        for column in editor.COLUMNS:
            self.data[column.field] = getattr(origin, column.field, None) if origin else None
        self.errors: dict[str, str] = {}
        self.shown: set[str] = set()  # fields whose error the user has seen (left the field)

    @property
    def lang(self) -> str:
        return self.editor.lang

    def compose(self) -> ComposeResult:
        lang, context = self.lang, self.editor.context
        with Horizontal(classes="row-line"):
            with Container(classes="row-fields"):
                for column in self.editor.COLUMNS:
                    with Vertical(classes=f"cell cell-{column.field}"):
                        yield Label(column.label_text(lang))
                        value = self.data[column.field]
                        if column.kind == "select":
                            options = select_options(column, context, value)
                            known = any(v == value for _, v in options)
                            yield Select(
                                [(label, v) for label, v in options],
                                value=value if known else Select.NULL,
                                prompt=t("editors.choose", lang),
                                compact=True,
                                name=column.field,
                            )
                        else:
                            yield Input(
                                show_cell(column.kind, value, lang),
                                placeholder=column.placeholder_text(lang),
                                compact=True,
                                select_on_focus=False,
                                name=column.field,
                            )
            with Horizontal(classes="row-buttons"):
                for glyph, action, tip in (
                    ("↑", "up", "editors.button.up"),
                    ("↓", "down", "editors.button.down"),
                    ("✕", "remove", "editors.button.remove"),
                ):
                    button = Button(glyph, classes=action, compact=True, tooltip=t(tip, lang))
                    button.can_focus = False  # keys do this from any cell: keep Tab for cells
                    yield button
        yield Static("", classes="row-error")

    def on_mount(self) -> None:
        self.query_one(".row-fields").styles.grid_size_columns = self.editor.grid_columns

    def column(self, name: str) -> Column:
        return next(c for c in self.editor.COLUMNS if c.field == name)

    def model_data(self, model: type[BaseModel]) -> dict[str, Any]:
        """The row as model fields: what it came from, overlaid with its cells (blank: default)."""
        base = self.origin.model_dump() if self.origin is not None else {}
        for name, value in self.data.items():
            base[name] = value if value is not None else model.model_fields[name].default
        return base

    def is_blank(self) -> bool:
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.data.values())

    def cells(self) -> list[Widget]:
        return [w for w in self.query(".cell > *") if isinstance(w, Input | Select)]

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._read(event.input, final=False)

    def _read(self, cell: Input, *, final: bool) -> None:
        """Parse a cell; store what reads, remember what does not (shown on leaving the cell).

        A typed cell emptied while typing is only stored as empty when the cell is left:
        clearing a date to type another must not wipe it if the new one cannot be read.
        """
        name = cell.name or ""
        column = self.column(name)
        try:
            value = read_cell(column.kind, cell.value, self.lang)
        except TypedValueError as error:
            self.errors[name] = error.message(self.lang)
            cell.add_class("-unreadable")
        else:
            self.errors.pop(name, None)
            self.shown.discard(name)
            cell.remove_class("-unreadable")
            if column.kind == "measure" and value is not None:
                value, unit = value
                self._fill_unit(unit)
            if value is not None or final or column.kind == "text":
                self.data[name] = value
                self.editor.row_changed(self)
        if final and name in self.errors:
            self.shown.add(name)
        self._show_errors()

    def _fill_unit(self, unit: str) -> None:
        """ "12.5%" in a number cell puts "%" in the unit cell, when that one is still empty."""
        if not unit or "unit" not in self.data or self.data["unit"]:
            return
        self.data["unit"] = unit
        for widget in self.query(Input):
            if widget.name == "unit":
                with widget.prevent(Input.Changed):
                    widget.value = unit

    def _settle(self, cell: Input) -> bool:
        """On leaving a cell: store it, show its message or its value written canonically."""
        self._read(cell, final=True)
        name = cell.name or ""
        if name in self.errors:
            return False
        column = self.column(name)
        if column.kind != "text":
            canonical = show_cell(column.kind, self.data.get(name), self.lang)
            if canonical != cell.value:
                with cell.prevent(Input.Changed):
                    cell.value = canonical
        return True

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        self._settle(event.input)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._settle(event.input):
            return
        cells = self.cells()
        is_last_row = self.editor.rows()[-1] is self
        if is_last_row and cells and cells[-1] is event.input and not self.is_blank():
            self.editor.call_later(self.editor.action_add_row)
        else:
            self.screen.focus_next()

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        event.stop()
        name = event.select.name or ""
        self.data[name] = None if event.value is Select.NULL else event.value
        self.editor.row_changed(self)

    @on(Button.Pressed, ".row-buttons Button")
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("remove"):
            # Run by the editor: a row cannot wait for its own removal in its own handler.
            self.editor.call_later(self.editor.remove_row, self)
        else:
            self.editor.move_row(self, -1 if event.button.has_class("up") else 1)

    def _show_errors(self) -> None:
        lang = self.lang
        lines = [
            t("editors.field_error", lang, field=self.column(n).label_text(lang), message=m)
            for n, m in self.errors.items()
            if n in self.shown
        ]
        message = self.query_one(".row-error", Static)
        message.update("\n".join(lines))
        message.set_class(bool(lines), "-shown")


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
