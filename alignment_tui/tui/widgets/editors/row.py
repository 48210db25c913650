"""One row of a rows editor: a cell per column, typed cells read as people type them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel
from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from alignment_tui.i18n import t
from alignment_tui.model.typed import TypedValueError
from alignment_tui.tui.widgets.editors.base import EditorContext
from alignment_tui.tui.widgets.editors.cells import (
    CellInput,
    Column,
    TypedInput,
    choice_for,
    read_cell,
    show_cell,
)
from alignment_tui.tui.widgets.literal import literal


class RowsHost(Protocol):
    """What a row asks of the editor holding it (``RowsEditor`` is one): its columns, its
    language and context, and to be told of changes. A protocol, so no import goes back."""

    COLUMNS: ClassVar[tuple[Column, ...]]
    grid_columns: int
    hidden: list[Any]  # rows of a long table not built yet (built when asked)

    @property
    def lang(self) -> str: ...
    @property
    def context(self) -> EditorContext: ...
    def rows(self) -> list[Row]: ...
    def row_changed(self, row: Row | None = None) -> None: ...
    def call_later(self, callback: Callable[..., Any], *args: Any) -> bool: ...
    async def action_add_row(self, at_end: bool = False) -> None: ...
    async def remove_row(self, row: Row) -> None: ...
    async def paste_rows(self, row: Row, start: str, text: str) -> None: ...
    def move_row(self, row: Row, delta: int) -> None: ...


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
    Row .cell Input > .input--placeholder { color: $text-disabled; text-style: italic; }
    Row .cell Input.-unreadable { background: $error 30%; }
    Row .cell Select { width: 1fr; }
    Row .row-buttons { width: auto; height: 1; margin-left: 1; margin-top: 1; }
    Row .row-buttons Button { min-width: 3; width: 3; margin: 0; }
    Row .row-error { color: $error; height: auto; display: none; }
    Row .row-error.-shown { display: block; }
    Row .row-full { color: $text-muted; height: auto; display: none; }
    Row .row-full.-shown { display: block; }
    """

    def __init__(self, editor: RowsHost, origin: BaseModel | None) -> None:
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
                                [(literal(label), v) for label, v in options],
                                value=value if known else Select.NULL,
                                prompt=t("editors.choose", lang),
                                compact=True,
                                name=column.field,
                            )
                        else:
                            yield CellInput(
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
        # The whole text of the focused cell, when the cell is too narrow to show it.
        yield Static("", classes="row-full")
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
        """Text cells are kept as typed; typed cells wait for a pause or for the user to leave."""
        event.stop()
        if self.column(event.input.name or "").kind == "text":
            self._read(event.input, final=False)
        self._show_full()

    def on_descendant_focus(self) -> None:
        self._show_full()

    def on_descendant_blur(self) -> None:
        self._show_full()

    def _show_full(self) -> None:
        """Under the row, the focused cell's text in full when it is wider than the cell."""
        focused = self.screen.focused
        full = self.query_one(".row-full", Static)
        cell = focused if isinstance(focused, Input) and focused in self.cells() else None
        # An empty id cell says which id the name gives: that is worth reading whole too.
        text = "" if cell is None else cell.value or (cell.placeholder if cell.name == "id" else "")
        if cell is None or cell_len(text) < cell.content_size.width:
            full.remove_class("-shown")
            return
        label = self.column(cell.name or "").label_text(self.lang)
        # The cell's text comes from the profile: shown as written, never obeyed (ESC).
        full.update(literal(t("editors.field_full", self.lang, field=label, text=text)))
        full.add_class("-shown")

    @on(TypedInput.Paused)
    def _paused(self, event: TypedInput.Paused) -> None:
        event.stop()
        if isinstance(event.cell, Input) and event.cell.parent is not None:
            self._read(event.cell, final=False, say=True)

    def _read(self, cell: Input, *, final: bool, say: bool = False) -> None:
        """Parse a cell as a whole; store what reads, say what does not.

        The previous value stays when the cell cannot be read. An emptied typed cell is only
        stored as empty when it is left (clearing a date to type another must not wipe it if
        the new one cannot be read), and a measure fills the unit cell only then.
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
                if final:
                    self._fill_unit(unit)
            if value is not None or final or column.kind == "text":
                self.data[name] = value
                self.editor.row_changed(self)
        if (final or say) and name in self.errors:
            self.shown.add(name)
        self._show_errors()

    def _fill_unit(self, unit: str) -> None:
        """ "12.5%" in a number cell puts "%" in the unit cell, when that one is still empty.

        The unit so filled is selected when the user reaches its cell, so that what they
        type there replaces it instead of being glued to it.
        """
        if not unit or "unit" not in self.data or self.data["unit"]:
            return
        self.data["unit"] = unit
        self.editor.row_changed(self)
        for widget in self.query(Input):
            if widget.name == "unit":
                with widget.prevent(Input.Changed):
                    widget.value = unit
                if widget.has_focus:  # reached before this cell was read
                    widget.select_all()
                else:
                    widget.select_on_focus = True

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

    def flush(self) -> None:
        """Read, as if left, the cells typed into since their last pause."""
        for cell in self.query(TypedInput):
            if cell.unread or cell.has_focus:
                cell._stop_pause()
                self._settle(cell)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        self._settle(event.input)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._settle(event.input):
            return
        cells = self.cells()
        # With rows not shown yet, the last one shown is not the table's end: Enter goes on.
        is_last_row = self.editor.rows()[-1] is self and not self.editor.hidden
        if is_last_row and cells and cells[-1] is event.input and not self.is_blank():
            self.editor.call_later(self.editor.action_add_row)
        else:
            self.screen.focus_next()

    @on(CellInput.Pasted)
    def _pasted(self, event: CellInput.Pasted) -> None:
        event.stop()
        self.editor.call_later(self.editor.paste_rows, self, event.cell.name or "", event.text)

    def fill(self, start: str, texts: list[str]) -> None:
        """Put pasted texts in the cells from column ``start`` on, as if typed and left."""
        names = [c.field for c in self.editor.COLUMNS]
        cells = {w.name: w for w in self.cells()}
        for name, text in zip(names[names.index(start) :], texts, strict=False):
            widget, text = cells[name], text.strip()
            if isinstance(widget, Input):
                with widget.prevent(Input.Changed):
                    widget.value = text
                self._settle(widget)
            elif isinstance(widget, Select) and text:
                column = self.column(name)
                options = select_options(column, self.editor.context, None)
                value = choice_for(text, options)
                if value is None:
                    labels = ", ".join(label for label, _ in options)
                    self.errors[name] = t(
                        "editors.no_such_choice", self.lang, text=text, choices=labels
                    )
                    self.shown.add(name)
                else:
                    self.errors.pop(name, None)
                    with widget.prevent(Select.Changed):
                        widget.value = value
                    self.data[name] = value
        self._show_errors()
        self.editor.row_changed(self)

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
        message.update(literal("\n".join(lines)))
        message.set_class(bool(lines), "-shown")
