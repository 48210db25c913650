"""The contract every answer editor keeps: value in, ``Changed`` out."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual.message import Message
from textual.widget import Widget

from alignment_tui.tui.widgets.fitted import fitted_size


@dataclass
class EditorContext:
    """What an editor may need beyond its own value: ids it can link to, the UI language."""

    lang: str
    personas: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    axes: list[tuple[str, str]] = field(default_factory=list)  # (id, name)


class AnswerEditor(Widget):
    """Base of the editors: holds one answer's canonical value and reports changes.

    Subclasses build their inputs in ``compose`` from ``self.value``; whenever the user
    makes a change that reads correctly they set ``self.value`` and call
    ``self.announce()``. An entry that cannot be read shows an inline message and does
    not change the value (never a silent zero).
    """

    KINDS: ClassVar[tuple[str, ...]] = ()
    # Sized by the layout pass that shows it: see ``widgets/fitted.py`` (editors never scroll).
    virtual_size = fitted_size()

    class Changed(Message):
        """The answer's value changed (already parsed into its canonical form).

        ``question`` is the one the editor showed when the change was made: an editor kept
        for the next question may take it on before this message is handled."""

        def __init__(self, editor: AnswerEditor, value: Any) -> None:
            super().__init__()
            self.editor = editor
            self.question = editor.question
            self.value = value

        @property
        def control(self) -> AnswerEditor:
            return self.editor

    def __init__(
        self,
        question: Any,
        value: Any,
        context: EditorContext,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.question = question
        self.value = value
        self.context = context

    @property
    def lang(self) -> str:
        return self.context.lang

    def announce(self) -> None:
        self.post_message(self.Changed(self, self.value))

    def take(self, other: AnswerEditor) -> bool:
        """Show ``other``'s question and answer here, in place of this one's, exactly as
        ``other`` would once mounted: nothing of the last question stays (text, cursor,
        selection, scroll, undo history, highlights, read-only, a message about an unreadable
        entry, a read pending). False when this editor cannot (then ``other`` is mounted in
        its place); editors of rows always say False, and some choices (see theirs)."""
        return False

    def flush(self) -> None:
        """Read what was typed and not read yet (the question is being left); ``value`` then
        holds it. Editors whose cells are read on a pause override this."""

    def focus_first(self) -> None:
        """Put the cursor in the first input of the editor."""
        for child in self.query("*"):
            if child.can_focus:
                child.focus()
                return

    def focus_at(self, inner: str) -> None:
        """Put the cursor where ``inner`` points inside the answer (``[2].target`` for a
        row's cell, ``[1]`` for a list's line); editors without parts start at the top."""
        self.focus_first()


# kind → "module:Class"; structured editors live in their own modules, imported on use.
_EDITORS: dict[str, str] = {
    "text": "alignment_tui.tui.widgets.editors.text:TextEditor",
    "list": "alignment_tui.tui.widgets.editors.text:ListEditor",
    "values": "alignment_tui.tui.widgets.editors.structured:ValuesEditor",
    "personas": "alignment_tui.tui.widgets.editors.structured:PersonasEditor",
    "axes": "alignment_tui.tui.widgets.editors.structured:AxesEditor",
    "kpis": "alignment_tui.tui.widgets.editors.structured:KpisEditor",
    "channels": "alignment_tui.tui.widgets.editors.structured:ChannelsEditor",
    "budget": "alignment_tui.tui.widgets.editors.structured:BudgetEditor",
    "horizon": "alignment_tui.tui.widgets.editors.structured:HorizonEditor",
    "choice": "alignment_tui.tui.widgets.editors.structured:ChoiceEditor",
}


def editor_class(kind: str) -> type[AnswerEditor]:
    """The editor widget class for a question kind."""
    module_name, _, class_name = _EDITORS[kind].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    assert isinstance(cls, type) and issubclass(cls, AnswerEditor)
    return cls
