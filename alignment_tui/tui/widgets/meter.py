"""The specificity meter: a 0–100 bar that moves as the answer gets more specific."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from alignment_tui.i18n import t

# Below LOW an answer reads vague; from HIGH on it reads specific (docs/analysis.md).
LOW, HIGH = 50, 75


def band(score: int) -> str:
    return "low" if score < LOW else "mid" if score < HIGH else "high"


BAND_STYLE = {"low": "red", "mid": "yellow", "high": "green"}


def meter_text(score: int | None, lang: str, width: int = 20, room: int | None = None) -> Text:
    """``Specificity ███████░░░ 72/100 specific`` — block characters, one colour per band.

    With ``room`` (the columns available) the bar shrinks first (to 5 blocks), then the
    words go to a second line: the label is never cut ("65/100 getting…").
    """
    label = t("meter.label", lang) + " "
    words = (
        "  " + t("meter.none", lang)
        if score is None
        else f" {max(0, min(100, score)):>3}/100 " + t(f"meter.{band(score)}", lang)
    )
    if room is not None:
        width = max(5, min(width, room - len(label) - len(words)))
    line = Text(label, style="bold")
    wrap = room is not None and len(label) + width + len(words) > room
    if score is None:
        line.append("░" * width, style="dim")
        line.append(("\n" if wrap else "") + words.lstrip() if wrap else words, style="dim italic")
        return line
    score = max(0, min(100, score))
    full = round(width * score / 100)
    style = BAND_STYLE[band(score)]
    line.append("█" * full, style=style)
    line.append("░" * (width - full), style="dim")
    line.append("\n" if wrap else " ")
    line.append(f"{score:>3}/100 " if not wrap else f"{score}/100 ", style="bold")
    line.append(t(f"meter.{band(score)}", lang), style=style)
    return line


class SpecificityMeter(Static):
    """Set ``score`` (``None``: not scored yet); the bar redraws itself."""

    DEFAULT_CSS = "SpecificityMeter { height: auto; width: 1fr; }"

    score: reactive[int | None] = reactive(None)

    def __init__(self, lang: str, score: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.set_reactive(SpecificityMeter.score, score)

    def render(self) -> Text:
        room = self.content_size.width
        return meter_text(self.score, self.lang, room=room if room > 0 else None)
