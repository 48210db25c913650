"""The six layers drawn as a chain, top to bottom; a broken or weakened link names its rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import Static

from alignment_tui.i18n import t
from alignment_tui.safe_text import visible
from alignment_tui.session.live import Link, rule_title
from alignment_tui.tui.widgets.meter import BAND_STYLE, band


def chain_text(
    links: Sequence[Link],
    titles: Mapping[str, str],
    scores: Mapping[str, int],
    lang: str,
) -> Text:
    """``◉ Values 82`` per layer; between two layers ``┃ holds``, ``╳ broken`` and its rules, or
    ``┇ at risk`` and the rules (with their KPIs) that weaken it."""
    layers = [links[0].upper, *(link.lower for link in links)] if links else list(titles)
    titles = {layer: visible(title) for layer, title in titles.items()}
    name_width = max((len(titles.get(layer, layer)) for layer in layers), default=0) + 2
    out = Text()
    for i, layer in enumerate(layers):
        score = scores.get(layer)
        style = BAND_STYLE[band(score)] if score is not None else "dim"
        out.append("◉ ", style=style)
        out.append(f"{titles.get(layer, layer):<{name_width}}", style="bold")
        out.append("—" if score is None else f"{score:>3}", style=style)
        if i == len(layers) - 1:
            break
        link = links[i]
        if link.state == "holds":
            out.append("\n┃  ", style="green")
            out.append(t("align.link_ok", lang), style="dim green")
            out.append("\n")
            continue
        if link.broken:
            counts = Counter(f.rule_id for f in link.findings)
            out.append("\n╳  ", style="bold red")
            out.append(t("align.link_broken", lang), style="bold red")
            for rule in link.rules:
                out.append("\n╳    ", style="red")
                out.append(rule, style="red")
                out.append(f" · {rule_title(rule, lang)}")
                if counts[rule] > 1:
                    out.append(f" ×{counts[rule]}", style="dim")
        if link.at_risk:
            out.append("\n┇  ", style="bold yellow")
            out.append(t("align.link_at_risk", lang), style="bold yellow")
            for rule in link.risk_rules:
                out.append("\n┇    ", style="yellow")
                out.append(rule, style="yellow")
                out.append(f" · {rule_title(rule, lang)}")
                kpis = [visible(name) for name in link.kpis.get(rule, [])]
                if kpis:
                    out.append(" — " + ", ".join(kpis), style="italic")
        out.append("\n")
    return out


class AlignChain(Static):
    """Data in (links, layer titles, layer scores), drawn once; nothing out."""

    DEFAULT_CSS = "AlignChain { height: auto; }"

    def __init__(
        self,
        links: Sequence[Link],
        titles: Mapping[str, str],
        scores: Mapping[str, int],
        lang: str,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(chain_text(links, titles, scores, lang), id=id)
        self.links = list(links)

    @property
    def broken_rules(self) -> list[str]:
        """Every rule that breaks a link, top to bottom (what a user reads in the chain)."""
        return [rule for link in self.links for rule in link.rules]

    @property
    def risk_rules(self) -> list[str]:
        """Every rule that puts a link at risk, top to bottom."""
        return [rule for link in self.links for rule in link.risk_rules]
