"""One typed cell of a structured editor: read what was typed, show the canonical value back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from textual import events
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from alignment_tui.i18n import t
from alignment_tui.model.typed import (
    Money,
    fold,
    format_deadline,
    format_money,
    format_number,
    format_share,
    parse_deadline,
    parse_measure,
    parse_money,
    parse_share,
)
from alignment_tui.tui.widgets.editors.base import EditorContext
from alignment_tui.tui.widgets.literal import ShowsControls

CellKind = Literal["text", "measure", "deadline", "share", "money", "select"]
Options = Callable[[EditorContext], list[tuple[str, str]]]


@dataclass(frozen=True)
class Column:
    """One field of a row: the model attribute it fills, how it is typed, its label keys."""

    field: str
    kind: CellKind = "text"
    label: str = ""  # key under editors.col (default: the field name)
    placeholder: str = ""  # key under editors.placeholder ("" for none)
    options: Options | None = None
    names: Literal["", "personas", "axes"] = ""  # the names a select offers, named elsewhere

    def label_text(self, lang: str) -> str:
        return t(f"editors.col.{self.label or self.field}", lang)

    def placeholder_text(self, lang: str) -> str:
        """An example, said to be one ("e.g. …"), so it is never taken for an answer."""
        if not self.placeholder:
            return ""
        if self.placeholder == "id":  # not an example: what the cell does when left empty
            return t("editors.placeholder.id", lang)
        return t("editors.example", lang, text=t(f"editors.placeholder.{self.placeholder}", lang))


def read_cell(kind: CellKind, text: str, lang: str) -> Any:
    """The canonical value of a typed cell (``None`` when blank); raises ``TypedValueError``.

    A ``measure`` reads as ``(number, unit)`` so that "12.5%" can also fill the unit.
    """
    text = text.strip()
    if kind == "text":
        return text
    if not text:
        return None
    if kind == "measure":
        return parse_measure(text, lang)
    if kind == "deadline":
        return parse_deadline(text)
    if kind == "share":
        return parse_share(text, lang)
    if kind == "money":
        return parse_money(text, lang)
    return text


def show_cell(kind: CellKind, value: Any, lang: str) -> str:
    """What a cell shows for a canonical value, written as people of ``lang`` write it."""
    if value is None:
        return ""
    if kind == "measure" and isinstance(value, int | float):
        return format_number(value, lang)
    if kind == "deadline" and isinstance(value, date):
        return format_deadline(value, lang)
    if kind == "share" and isinstance(value, float | int):
        return format_share(float(value), lang)
    if kind == "money" and isinstance(value, Money):
        return format_money(value, lang)
    return str(value)


def shown_read_only(widget: Any) -> bool:
    """Is the editor on a screen that must not change the profile (another app holds it)?"""
    return bool(getattr(widget.screen, "read_only", False))


class TypedInput(ShowsControls, Input):
    """An input whose value is read as a whole: when the user pauses (``Paused``, after
    ``PAUSE`` s without a change) or leaves it — never half-typed, key by key."""

    PAUSE = 0.6

    class Paused(Message):
        def __init__(self, cell: TypedInput) -> None:
            super().__init__()
            self.cell = cell

        @property
        def control(self) -> TypedInput:
            return self.cell

    _pause: Timer | None = None

    @property
    def unread(self) -> bool:
        """Typed into and not read yet (no pause since, and not left)."""
        return self._pause is not None

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self:  # typed (changes made by the editor itself post nothing)
            self.select_on_focus = False  # what the user typed is not replaced on return
            self._stop_pause()
            self._pause = self.set_timer(self.PAUSE, self._paused)

    def _paused(self) -> None:
        self._pause = None
        self.post_message(self.Paused(self))

    def _stop_pause(self) -> None:
        if self._pause is not None:
            self._pause.stop()
            self._pause = None

    def on_blur(self, event: events.Blur) -> None:
        self._stop_pause()  # leaving reads the whole cell anyway


class CellInput(TypedInput):
    """A cell's input: a paste holding tabs or several lines (from a spreadsheet) is spread
    over the row's cells and the rows below, instead of keeping only its first line."""

    class Pasted(Message):
        def __init__(self, cell: CellInput, text: str) -> None:
            super().__init__()
            self.cell = cell
            self.text = text

    def _on_paste(self, event: events.Paste) -> None:
        if "\t" in event.text or "\n" in event.text.strip("\r\n"):
            event.stop()
            self.post_message(self.Pasted(self, event.text))
            return
        super()._on_paste(event)


def choice_for(text: str, options: list[tuple[str, str]]) -> str | None:
    """The option value a typed or pasted word stands for: its value or its label, any case."""
    wanted = fold(text)
    for label, value in options:
        if wanted in (fold(value), fold(label)):
            return value
    return None
