"""Inline SVG for the HTML report: the six-layer chain and the per-layer score chart."""

from __future__ import annotations

from html import escape

from alignment_tui.i18n import t
from alignment_tui.model.profile import LAYERS
from alignment_tui.report.shapes import Link

GOOD, FAIR = 75, 50  # score bands: the spec's "a profile with few warnings scores ≥ 75"


def band(score: int | None) -> str:
    """The CSS class of a score: ``good``, ``fair``, ``poor`` or ``none``."""
    if score is None:
        return "none"
    return "good" if score >= GOOD else "fair" if score >= FAIR else "poor"


def chain_svg(links: list[Link], scores: dict[str, int], lang: str) -> str:
    """Six boxes left to right; a broken link is a red dashed gap with a cross, a link at
    risk an amber dotted line with a warning mark (a broken one at risk stays broken)."""
    box_w, box_h, gap, top = 130, 64, 36, 10
    width = len(LAYERS) * box_w + (len(LAYERS) - 1) * gap
    height = box_h + 2 * top + 22
    title = escape(t("report.chain", lang))
    parts = [
        f'<svg class="chain" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chain-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chain-title">{title}</title>',
    ]
    for i, layer in enumerate(LAYERS):
        x = i * (box_w + gap)
        score = scores.get(layer)
        parts.append(
            f'<g class="node {band(score)}"><rect x="{x}" y="{top}" width="{box_w}" '
            f'height="{box_h}" rx="10"/>'
            f'<text x="{x + box_w / 2}" y="{top + 27}" class="name">'
            f"{escape(t(f'report.layer.{layer}', lang))}</text>"
            f'<text x="{x + box_w / 2}" y="{top + 50}" class="score">'
            f"{'–' if score is None else score}</text></g>"
        )
    for i, link in enumerate(links):
        x1 = i * (box_w + gap) + box_w
        x2 = x1 + gap
        y = top + box_h / 2
        mid = (x1 + x2) / 2
        if link.broken:
            parts.append(
                f'<g class="link broken"><line x1="{x1}" y1="{y}" x2="{mid - 7}" y2="{y}"/>'
                f'<line x1="{mid + 7}" y1="{y}" x2="{x2}" y2="{y}"/>'
                f'<path d="M{mid - 6} {y - 6} L{mid + 6} {y + 6} M{mid + 6} {y - 6} '
                f'L{mid - 6} {y + 6}" class="cross"/>'
                f'<text x="{mid}" y="{top + box_h + 20}" class="count">{len(link.rules)}</text></g>'
            )
        elif link.at_risk:
            parts.append(
                f'<g class="link at-risk"><line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/>'
                f'<path d="M{mid} {y - 11} L{mid + 10} {y + 7} L{mid - 10} {y + 7} Z" '
                'class="mark"/>'
                f'<text x="{mid}" y="{y + 5}" class="bang">!</text>'
                f'<text x="{mid}" y="{top + box_h + 20}" class="count">{len(link.risks)}</text></g>'
            )
        else:
            cls = "link" if link.checked else "link unchecked"
            parts.append(f'<g class="{cls}"><line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/></g>')
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(scores: dict[str, int], lang: str) -> str:
    """A horizontal bar per layer on a 0–100 scale, with the value written at the end."""
    label_w, bar_w, row_h, top = 130, 520, 30, 8
    width = label_w + bar_w + 50
    height = top + len(LAYERS) * row_h + 24
    title = escape(t("report.layer_scores", lang))
    parts = [
        f'<svg class="bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="bars-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="bars-title">{title}</title>',
    ]
    bottom = top + len(LAYERS) * row_h
    for tick in (0, 25, 50, 75, 100):
        x = label_w + bar_w * tick / 100
        cls = "grid good-line" if tick == GOOD else "grid"
        parts.append(f'<line class="{cls}" x1="{x}" y1="{top - 4}" x2="{x}" y2="{bottom}"/>')
        parts.append(f'<text class="tick" x="{x}" y="{bottom + 16}">{tick}</text>')
    for i, layer in enumerate(LAYERS):
        y = top + i * row_h
        score = scores.get(layer)
        name = escape(t(f"report.layer.{layer}", lang))
        parts.append(
            f'<text class="label" x="{label_w - 10}" y="{y + row_h / 2 + 5}">{name}</text>'
        )
        if score is None:
            parts.append(f'<text class="value" x="{label_w + 6}" y="{y + row_h / 2 + 5}">–</text>')
            continue
        w = bar_w * max(0, min(score, 100)) / 100
        parts.append(
            f'<rect class="bar {band(score)}" x="{label_w}" y="{y + 5}" width="{w:.1f}" '
            f'height="{row_h - 10}" rx="3"/>'
            f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + row_h / 2 + 5}">{score}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
