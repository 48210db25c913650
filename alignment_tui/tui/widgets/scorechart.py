"""Per-layer scores as horizontal bars drawn with block characters (eighths for precision)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import Static

from alignment_tui.safe_text import visible
from alignment_tui.tui.widgets.meter import BAND_STYLE, band

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(score: int, width: int) -> str:
    """A bar ``width`` cells long at 100, to the eighth of a cell."""
    eighths = round(max(0, min(100, score)) * width * 8 / 100)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[rest] if rest else "")).ljust(width)


def chart_text(
    scores: Mapping[str, int], titles: Mapping[str, str], order: Sequence[str], width: int = 30
) -> Text:
    """One line per layer: its name, the bar, the score."""
    titles = {layer: visible(title) for layer, title in titles.items()}
    name_width = max((len(titles.get(layer, layer)) for layer in order), default=0) + 2
    out = Text()
    for i, layer in enumerate(order):
        score = scores.get(layer)
        if i:
            out.append("\n")
        out.append(f"{titles.get(layer, layer):<{name_width}}", style="bold")
        if score is None:
            out.append("·" * width, style="dim")
            out.append("   —")
            continue
        out.append(bar(score, width), style=BAND_STYLE[band(score)])
        out.append(f" {score:>3}")
    return out


class ScoreChart(Static):
    """The six layer scores as bars; data in, nothing out."""

    DEFAULT_CSS = "ScoreChart { height: auto; width: auto; }"

    def __init__(
        self,
        scores: Mapping[str, int],
        titles: Mapping[str, str],
        order: Sequence[str],
        *,
        width: int = 30,
        id: str | None = None,
    ) -> None:
        super().__init__(chart_text(scores, titles, order, width), id=id)
        self.scores = dict(scores)
