"""A TextArea that underlines the words the analysis found, inside the answer being typed.

Textual has no public API for this: the private ``_build_highlight_map`` and ``_set_theme``
are overridden (textual is pinned in pyproject.toml; highlight offsets are UTF-8 bytes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from rich.style import Style

from alignment_tui.session.live import Location, Mark, highlight_rows, location_of
from alignment_tui.tui.widgets.literal import ShowsControls
from alignment_tui.tui.widgets.wraparea import WrapAtOnceTextArea

# Style names in the TextArea theme, one per severity.
STYLE_NAMES = {"info": "finding.info", "warning": "finding.warning", "error": "finding.error"}


class HighlightTextArea(ShowsControls, WrapAtOnceTextArea):
    """``show_marks(text, marks)`` highlights the marks; an edit that moves their words drops
    them until the next analysis comes back, so a highlight never lands on the wrong words."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._marks: list[tuple[Location, Location, str, str]] = []
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def marks(self) -> list[tuple[Location, Location, str, str]]:
        """(start, end, severity, words) of each highlight currently drawn."""
        return list(self._marks)

    def clear_marks(self) -> None:
        """No highlight until the next analysis (another answer is being loaded)."""
        self._marks = []
        self._build_highlight_map()
        self.refresh()

    def show_marks(self, text: str, marks: Sequence[Mark]) -> None:
        """Highlight ``marks`` (character offsets into ``text``, the text that was analysed)."""
        if text != self.text:
            return  # analysed an older text: its offsets mean nothing here
        lines = self.document.lines
        newline = len(self.document.newline)
        self._marks = [
            (
                location_of(lines, m.start, newline),
                location_of(lines, m.end, newline),
                m.severity,
                m.text,
            )
            for m in marks
        ]
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        if not getattr(self, "_marks", None):
            return
        document = self.document
        kept = [m for m in self._marks if _still_there(document.lines, m)]
        self._marks = kept
        spans = [(start, end, STYLE_NAMES.get(sev, "finding.info")) for start, end, sev, _ in kept]
        for row, found in highlight_rows(document.lines, spans).items():
            self._highlights[row].extend(found)

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        # The theme object is a shallow copy of a shared one: give it its own style table.
        styles = dict(self._theme.syntax_styles)
        styles.update(self._finding_styles())
        self._theme = dataclasses.replace(self._theme, syntax_styles=styles)

    def _finding_styles(self) -> dict[str, Style]:
        try:
            theme = self.app.current_theme
            error, warning, info = theme.error, theme.warning, theme.primary
        except Exception:  # not mounted yet: plain colours until the theme is known
            error, warning, info = "#e0585b", "#f0b400", "#5a9bd5"
        return {
            STYLE_NAMES["error"]: Style(color=error, bold=True, underline=True),
            STYLE_NAMES["warning"]: Style(color=warning, underline=True),
            STYLE_NAMES["info"]: Style(color=info, underline=True),
        }

    def on_mount(self) -> None:
        self._set_theme(self._theme.name)


def _still_there(lines: Sequence[str], mark: tuple[Location, Location, str, str]) -> bool:
    (top, left), (bottom, right), _, words = mark
    if bottom >= len(lines):
        return False
    if top == bottom:
        return lines[top][left:right] == words
    pieces = [lines[top][left:], *lines[top + 1 : bottom], lines[bottom][:right]]
    return "\n".join(pieces) == words.replace("\r\n", "\n")
