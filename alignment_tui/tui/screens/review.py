"""A layer's review: every answer of the layer at a glance, each a jump back to its question."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from alignment_tui.i18n import t
from alignment_tui.model.typed import format_item
from alignment_tui.safe_text import visible
from alignment_tui.tui.screens.base import WalkScreen, WalkView
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.layerreview import LayerReview
from alignment_tui.tui.widgets.literal import literal, literal_text


@dataclass(frozen=True)
class ReviewRow:
    qid: str
    prompt: str
    value: Any
    skipped: bool = False
    required: bool = False


def answer_text(value: Any, lang: str) -> str:
    """A readable rendering of any answer (text, list, structured rows), numbers, dates
    and choices written as people of ``lang`` write them."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        lines = [answer_text(item, lang) for item in value]
        return "\n".join(f"• {line}" for line in lines if line)
    return format_item(value, lang)


class ReviewScreen(WalkScreen):
    """Lists the layer's answers; the analysis's findings for the layer go in ``#findings``."""

    def __init__(
        self, view: WalkView, title: str, rows: list[ReviewRow], review: LayerReview
    ) -> None:
        super().__init__(view)
        self.title_text = title
        self.rows = rows
        self.review = review  # the answers with their scores and findings, mounted below

    def body(self) -> ComposeResult:
        lang = self.lang
        yield Static(literal(t("review.heading", lang, title=self.title_text)), classes="title")
        options: list[Option | None] = []
        for row in self.rows:
            text = answer_text(row.value, lang)
            line = literal_text(row.prompt, style="bold")
            line.append("\n")
            if text:
                line.append(visible(text))
            elif row.skipped:
                line.append(t("review.skipped", lang), style="italic")
            else:
                missing = "review.missing_required" if row.required else "review.missing"
                line.append(t(missing, lang), style="italic")
            if options:
                options.append(None)  # a rule between answers
            options.append(Option(line, id=row.qid))
        yield Static(t("review.hint", lang), classes="label")
        yield OptionList(*options, id="answers")
        # Findings of the whole layer (vagueness and coherence) are mounted here.
        yield Vertical(id="findings")

    def on_mount(self) -> None:
        self.query_one("#answers", OptionList).focus()
        self.query_one("#findings").mount(self.review)

    @on(OptionList.OptionSelected, "#answers")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(Chain.Jump(event.option.id))
