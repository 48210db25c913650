"""The specificity meter: a 0–100 bar that moves as the answer gets more specific."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from alignment_tui.i18n import t

# Below LOW an answer reads vague; from HIGH on it reads specific (the README's score bands).
LOW, HIGH = 50, 75


def band(score: int) -> str:
    return "low" if score < LOW else "mid" if score < HIGH else "high"


BAND_STYLE = {"low": "red", "mid": "yellow", "high": "green"}


def meter_text(score: int | None, lang: str, width: int = 20) -> Text:
    """``Specificity ███████░░░ 72/100 specific`` — block characters, one colour per band."""
    line = Text(t("meter.label", lang) + " ", style="bold")
    if score is None:
        line.append("░" * width, style="dim")
        line.append("  " + t("meter.none", lang), style="dim italic")
        return line
    score = max(0, min(100, score))
    full = round(width * score / 100)
    style = BAND_STYLE[band(score)]
    line.append("█" * full, style=style)
    line.append("░" * (width - full), style="dim")
    line.append(f" {score:>3}/100 ", style="bold")
    line.append(t(f"meter.{band(score)}", lang), style=style)
    return line


class SpecificityMeter(Static):
    """Set ``score`` (``None``: not scored yet); the bar redraws itself."""

    DEFAULT_CSS = "SpecificityMeter { height: 1; width: auto; }"

    score: reactive[int | None] = reactive(None)

    def __init__(self, lang: str, score: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.set_reactive(SpecificityMeter.score, score)

    def render(self) -> Text:
        return meter_text(self.score, self.lang)
