"""The six layers as a chain in a sidebar: completion per layer, click or Enter to jump."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from alignment_tui.safe_text import visible


@dataclass(frozen=True)
class ChainEntry:
    """One line of the chain: a layer (with its completion) or, under it, one of its steps."""

    key: str
    label: str
    is_layer: bool = False
    done: int = 0
    total: int = 0
    current: bool = False
    mark: str = ""  # "answered", "skipped" or "" for a question line


_MARKS = {"answered": "✓", "skipped": "»", "": "·"}


def _bar(done: int, total: int, width: int = 5) -> str:
    if total == 0:
        return " " * width
    full = round(width * done / total)
    return "█" * full + "░" * (width - full)


def render_entry(entry: ChainEntry, width: int = 26) -> Text:
    """The text of one sidebar line; the current step is shown in bold reverse."""
    if entry.is_layer:
        count = f"{entry.done}/{entry.total}" if entry.total else ""
        name = visible(entry.label)[: max(4, width - 12)]
        line = Text.assemble(
            (f"{name:<{width - 12}}", "bold"), f"{_bar(entry.done, entry.total)} ", count
        )
    else:
        label = visible(entry.label)
        label = label if len(label) <= width - 4 else label[: width - 5] + "…"
        line = Text(f"  {_MARKS.get(entry.mark, '·')} {label}")
    if entry.current:
        line.stylize("reverse")
    return line


class Chain(OptionList):
    """Layers and the current layer's steps; selecting a line asks the app to jump there."""

    DEFAULT_CSS = """
    Chain { width: 30; height: 1fr; border: none; padding: 0; }
    """

    class Jump(Message):
        """The user picked a step in the chain; ``where`` (a field path) is the part of the
        answer to put the cursor on (a KPI's target cell, a list's line)."""

        def __init__(self, key: str, where: str = "") -> None:
            super().__init__()
            self.key = key
            self.where = where

    def __init__(self, entries: list[ChainEntry], *, id: str | None = None) -> None:
        options = [Option(render_entry(e), id=e.key) for e in entries]
        super().__init__(*options, id=id)
        self.entries = list(entries)
        self._current = next((i for i, e in enumerate(entries) if e.current), None)

    def on_mount(self) -> None:
        if self._current is not None:
            self.highlighted = self._current

    def update_entries(self, entries: list[ChainEntry]) -> None:
        """Show ``entries``: only the lines that changed are drawn again (a mark, a count,
        the current step), so highlight and scroll stay; another layer's steps replace the
        lines. The highlight follows the current step when it moved."""
        relined = [e.key for e in entries] != [e.key for e in self.entries]
        was = next((i for i, e in enumerate(self.entries) if e.current), None)
        current = next((i for i, e in enumerate(entries) if e.current), None)
        if relined:
            self.set_options(Option(render_entry(e), id=e.key) for e in entries)
        else:
            for index, (old, new) in enumerate(zip(self.entries, entries, strict=True)):
                if old != new:
                    self._redraw_line(index, render_entry(new))
        self.entries = list(entries)
        self._current = current
        if current is None:
            return
        if relined or not self._one_line_each():
            self.highlighted = current
        elif current != was or self.highlighted != current:
            self._move_highlight(current)

    def _one_line_each(self) -> bool:
        """Every entry drawn on one line (the chain is wide enough): then a line's option
        is line number ``index`` and can be drawn again on its own."""
        lines = self._lines
        return self.is_mounted and len(lines) == len(self.entries)

    def _redraw_line(self, index: int, prompt: Text) -> None:
        """Line ``index`` shows ``prompt``. OptionList's ``replace_option_prompt_at_index``
        forgets how every line was drawn and draws the whole list again: a step, which
        changes two or three lines, paid for drawing the whole chain afresh. A line that
        stays one line high has only its own drawing forgotten and drawn again
        (``_option_render_cache`` is private: textual is pinned)."""
        width = self.scrollable_content_region.width
        if not self._one_line_each() or not width or prompt.cell_len > width:
            self.replace_option_prompt_at_index(index, prompt)  # it may wrap: measured again
            return
        option = self.get_option_at_index(index)
        cache = self._option_render_cache  # an LRUCache: keys() is how it lists them
        for key in [key for key in list(cache.keys()) if key[0] is option]:
            cache.discard(key)
        option._set_prompt(prompt)
        self.refresh_line(index)

    def _move_highlight(self, index: int) -> None:
        """The highlight onto line ``index``, the two lines it leaves and lands on drawn
        again (setting ``highlighted`` draws every line of the chain again)."""
        left = self.highlighted
        self.set_reactive(OptionList.highlighted, index)
        if left is not None:
            self.refresh_line(left)
        self.refresh_line(index)
        self.scroll_to_highlight()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Jump(event.option.id))
