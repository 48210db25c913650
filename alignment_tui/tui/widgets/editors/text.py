"""Free-text and list answers: a multi-line TextArea (paste keeps its newlines)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import TextArea

from alignment_tui.i18n import t
from alignment_tui.session.live import item_starts, location_of
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.fitted import FittedStatic
from alignment_tui.tui.widgets.highlight import HighlightTextArea


class TextEditor(AnswerEditor):
    """One free-text answer; the value is the text as typed."""

    KINDS: ClassVar[tuple[str, ...]] = ("text",)
    DEFAULT_CSS = """
    TextEditor { height: auto; }
    TextEditor > TextArea { height: auto; min-height: 6; max-height: 18; }
    TextEditor > .text-keys { color: $text-muted; height: auto; }
    """

    def compose(self) -> ComposeResult:
        # A TextArea that can underline the words the live analysis finds.
        yield HighlightTextArea(
            self.to_text(self.value), soft_wrap=True, tab_behavior="focus", id="answer-text"
        )
        # TextArea's own keys are in no footer: said once, under the answer.
        yield FittedStatic(t("editors.text_keys", self.lang), classes="text-keys")

    @property
    def text_area(self) -> TextArea:
        return self.query_one(TextArea)

    @property
    def text(self) -> str:
        return self.text_area.text

    def set_text(self, text: str) -> None:
        """Replace the whole answer (after editing it outside), as one change."""
        area = self.text_area
        area.load_text(text)
        area.move_cursor(area.document.end)

    def take(self, other: AnswerEditor) -> bool:
        """Another free-text (or list) answer in this editor: the text loaded anew, which
        empties the undo and redo history and puts the cursor at the top, unselected; no
        highlight of the last answer's words, scrolled to the top, editable again (the
        screen makes it read-only again when the profile is)."""
        if type(other) is not type(self) or other.lang != self.lang or not self.is_mounted:
            return False
        self.question, self.value, self.context = other.question, other.value, other.context
        area = self.text_area
        if isinstance(area, HighlightTextArea):
            area.clear_marks()
        area.read_only = False
        area.load_text(self.to_text(self.value))
        area.scroll_to(0, 0, animate=False, immediate=True)
        return True

    @staticmethod
    def to_text(value: Any) -> str:
        return value if isinstance(value, str) else ""

    @staticmethod
    def from_text(text: str) -> Any:
        return text

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.flush()

    def flush(self) -> None:
        """The text as it is now is the answer (the change may still be on its way as a
        message). A text that shows the answer as it stands changes nothing: so the text
        loaded for the next question (an unanswered list shows as "") stores nothing."""
        areas = self.query(TextArea)
        if not areas:
            return  # not on screen yet: nothing was typed
        text = areas.first().text
        if text == self.to_text(self.value):
            return
        value = self.from_text(text)
        if value != self.value:
            self.value = value
            self.announce()

    def focus_first(self) -> None:
        """Arriving on the question: the cursor after the answer, where typing resumes."""
        area = self.text_area
        area.focus()
        area.move_cursor(area.document.end)


class ListEditor(TextEditor):
    """A list answer typed one item per line; blank lines are dropped."""

    KINDS: ClassVar[tuple[str, ...]] = ("list",)

    @staticmethod
    def to_text(value: Any) -> str:
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value if isinstance(value, str) else ""

    @staticmethod
    def from_text(text: str) -> Any:
        return [line.strip() for line in text.splitlines() if line.strip()]

    def focus_at(self, inner: str) -> None:
        """``[i]``: the cursor at the start of item ``i``'s line."""

        area = self.text_area
        area.focus()
        if inner.startswith("[") and inner[1:].split("]", 1)[0].isdigit():
            starts = item_starts(area.text)
            index = int(inner[1:].split("]", 1)[0])
            if index < len(starts):
                area.move_cursor(location_of(area.document.lines, starts[index]))
