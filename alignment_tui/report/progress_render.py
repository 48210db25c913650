"""The progress section drawn: an inline SVG chart per KPI in HTML, tables in Markdown.

Each chart has a text alternative (its ``<desc>``, said again in a sentence under it) and
the readings in a table, so nothing is told by the drawing alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from alignment_tui.analysis.registry import params
from alignment_tui.formats import format_date, format_number, format_share
from alignment_tui.i18n import t
from alignment_tui.model.checkins import measure_text
from alignment_tui.model.profile import LAYERS
from alignment_tui.report.fields import colon
from alignment_tui.report.progress import KpiProgress, Progress, Reading

W, H = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 86, 24, 22, 40


def _e(text: str) -> str:
    return escape(text, quote=True)


def _value(value: float | None, kp: KpiProgress, lang: str) -> str:
    return "–" if value is None else measure_text(round(value, 1), kp.kpi.unit, lang)


def _number(value: float | None, lang: str) -> str:
    """A number alone (the chart's labels and the table's cells; the unit is said once)."""
    return "–" if value is None else format_number(round(value, 1), lang)


def status(kp: KpiProgress, lang: str) -> str:
    """Where the latest reading stands: target reached, on pace, or behind by how much."""
    p = kp.pace
    if p.reached:
        return t("report.progress.reached", lang)
    if p.behind is None:
        return t("report.progress.no_pace", lang)
    if p.behind > float(params()["off_pace_share"]):
        return t("report.progress.behind", lang, share=format_share(round(p.behind, 2), lang))
    return t("report.progress.on_pace", lang)


def summary(kp: KpiProgress, lang: str) -> str:
    """The chart said in words: the plan, the latest reading, where the pace stands."""
    k, p = kp.kpi, kp.pace
    parts = []
    if k.baseline is not None and k.target is not None and k.deadline is not None:
        parts.append(
            t(
                "report.progress.plan",
                lang,
                baseline=_value(k.baseline, kp, lang),
                target=_value(k.target, kp, lang),
                deadline=format_date(k.deadline, lang),
            )
        )
    if p.last is not None:
        said = ""
        if p.last.confidence is not None:
            said = t(f"checkin.confidence.{p.last.confidence.value}", lang)
            said = t("checkin.with_confidence", lang, confidence=said)
        parts.append(
            t(
                "report.progress.latest",
                lang,
                value=_value(p.last.value, kp, lang),
                date=format_date(p.last.date, lang),
                confidence=said,
            )
        )
    if p.expected_at_last is not None:
        expected = _value(p.expected_at_last, kp, lang)
        parts.append(t("report.progress.expected", lang, expected=expected))
    parts.append(status(kp, lang) + ".")
    if kp.overdue is not None:
        parts.append(t("report.progress.overdue", lang, due=format_date(kp.overdue, lang)))
    return " ".join(parts)


def chart_svg(kp: KpiProgress, lang: str, today: date) -> str:
    """The readings (dots by confidence) against the steady pace (dashed) and the target."""
    k, readings = kp.kpi, kp.readings
    start = kp.pace.start or readings[0].checkin.date
    first = min(start, readings[0].checkin.date)
    last = max(kp.end or today, today)
    span = max((last - first).days, 1)
    values = [float(r.checkin.value) for r in readings]
    values += [float(v) for v in (k.baseline, k.target) if v is not None]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.08 or 1.0
    lo, hi = lo - pad, hi + pad
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + plot_w * (day - first).days / span

    def y(value: float) -> float:
        return TOP + plot_h * (hi - value) / (hi - lo)

    ident = f"kpi{kp.index}"
    name = _e(k.name or k.id)
    parts = [
        f'<svg class="progress" viewBox="0 0 {W} {H}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{name}</title>',
        f'<desc id="{ident}-desc">{_e(summary(kp, lang))}</desc>',
        f'<rect class="frame" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}"/>',
    ]
    for value, cls in ((k.baseline, "baseline"), (k.target, "target")):
        if value is None:
            continue
        vy = y(float(value))
        label = _e(t(f"report.progress.axis_{cls}", lang, value=_number(value, lang)))
        parts.append(
            f'<line class="{cls}" x1="{LEFT}" y1="{vy:.1f}" x2="{W - RIGHT}" y2="{vy:.1f}"/>'
            f'<text class="ylabel" x="{LEFT - 6}" y="{vy + 4:.1f}">{label}</text>'
        )
    if k.baseline is not None and k.target is not None and k.deadline and kp.pace.start:
        x1, y1 = x(kp.pace.start), y(float(k.baseline))
        x2, y2 = x(k.deadline), y(float(k.target))
        tail = f" L{W - RIGHT} {y2:.1f}" if last > k.deadline else ""
        parts.append(f'<path class="pace" d="M{x1:.1f} {y1:.1f} L{x2:.1f} {y2:.1f}{tail}"/>')
    if first <= today <= last:
        tx = x(today)
        parts.append(
            f'<line class="today" x1="{tx:.1f}" y1="{TOP}" x2="{tx:.1f}" y2="{TOP + plot_h}"/>'
            f'<text class="today-label" x="{tx:.1f}" y="{TOP - 6}">'
            f"{_e(t('report.progress.today', lang))}</text>"
        )
    points = " ".join(f"{x(r.checkin.date):.1f},{y(float(r.checkin.value)):.1f}" for r in readings)
    parts.append(f'<polyline class="readings" points="{points}"/>')
    for r in readings:
        c = r.checkin
        cls = c.confidence.value if c.confidence else "none"
        tip = f"{format_date(c.date, lang)}{colon(lang)}{_value(c.value, kp, lang)}"
        parts.append(
            f'<circle class="dot {cls}" cx="{x(c.date):.1f}" cy="{y(float(c.value)):.1f}" r="4">'
            f"<title>{_e(tip)}</title></circle>"
        )
    bottom = TOP + plot_h + 18
    ends = [(first, "start"), (last, "end")]
    for day, anchor in ends:
        parts.append(
            f'<text class="xlabel {anchor}" x="{x(day):.1f}" y="{bottom}">'
            f"{_e(format_date(day, lang))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _cells(r: Reading, lang: str) -> list[str]:
    c = r.checkin
    said = t(f"report.enum.{c.confidence.value}", lang) if c.confidence else ""
    return [
        format_date(c.date, lang),
        _number(c.value, lang),
        _number(r.expected, lang),
        said,
        c.comment,
    ]


_HEADS = ("date", "value", "expected", "confidence", "comment")


def _about(kp: KpiProgress, lang: str) -> str:
    """The unit the chart and the table count in, and the axis the KPI measures."""
    parts = (
        [t("report.progress.unit", lang, unit=kp.kpi.unit.strip())] if kp.kpi.unit.strip() else []
    )
    if kp.axis:
        parts.append(t("report.progress.axis", lang, axis=kp.axis))
    return " ".join(parts)


def _heads(lang: str) -> list[str]:
    return [t(f"report.progress.col_{h}", lang) for h in _HEADS]


def _scores_head(lang: str) -> list[str]:
    layers = [t(f"report.layer.{layer}", lang) for layer in LAYERS]
    return [t("report.progress.col_date", lang), *layers, t("report.overall", lang)]


def _scores_row(day: date, scores: dict[str, int], overall: int, lang: str) -> list[str]:
    layers = [str(scores[layer]) if layer in scores else "–" for layer in LAYERS]
    return [format_date(day, lang), *layers, str(overall)]


def html_section(progress: Progress, lang: str) -> str:
    """The ``<section id="progress">`` of the HTML report ("" when nothing is checked in)."""
    if not progress:
        return ""
    out = [
        f'<section id="progress"><h2>{_e(t("report.progress.title", lang))}</h2>',
        f'<p class="intro">{_e(t("report.progress.intro", lang))}</p>',
        '<p class="legend"><span class="key pace"></span>'
        f"{_e(t('report.progress.legend_pace', lang))}"
        f'<span class="key target"></span>{_e(t("report.progress.legend_target", lang))}'
        f'<span class="key dot"></span>{_e(t("report.progress.legend_readings", lang))}</p>',
    ]
    for kp in progress.kpis:
        axis = _about(kp, lang)
        head = "".join(f"<th>{_e(h)}</th>" for h in _heads(lang))
        rows = "".join(
            "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in _cells(r, lang)) + "</tr>"
            for r in reversed(kp.readings)
        )
        out.append(
            f'<article class="kpi-progress" id="progress-{kp.index}">'
            f"<h3>{_e(kp.kpi.name or kp.kpi.id)}</h3>"
            + (f'<p class="muted">{_e(axis)}</p>' if axis else "")
            + chart_svg(kp, lang, progress.today)
            + f'<p class="summary">{_e(summary(kp, lang))}</p>'
            + f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></article>"
        )
    if progress.scores:
        head = "".join(f"<th>{_e(h)}</th>" for h in _scores_head(lang))
        rows = "".join(
            "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in _scores_row(*row, lang)) + "</tr>"
            for row in progress.scores
        )
        out.append(
            f"<h3>{_e(t('report.progress.scores', lang))}</h3>"
            f'<p class="intro">{_e(t("report.progress.scores_intro", lang))}</p>'
            f'<table class="scores-by-date"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    out.append("</section>")
    return "".join(out)


def markdown_section(
    progress: Progress, lang: str, esc: Callable[[str], str], esc_cell: Callable[[str], str]
) -> list[str]:
    """The progress section as Markdown lines (none when nothing is checked in); ``esc`` and
    ``esc_cell`` escape user text for Markdown prose and table cells (report/markdown.py)."""

    if not progress:
        return []
    out = [f"## {t('report.progress.title', lang)}", "", t("report.progress.intro_md", lang), ""]

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(esc_cell(c) for c in cells) + " |"

    for kp in progress.kpis:
        out += [f"### {esc(kp.kpi.name or kp.kpi.id)}", ""]
        if _about(kp, lang):
            out += [f"*{esc(_about(kp, lang))}*", ""]
        out += [esc(summary(kp, lang)), ""]
        out += [row(_heads(lang)), "|" + "---|" * len(_HEADS)]
        out += [row(_cells(r, lang)) for r in reversed(kp.readings)]
        out.append("")
    if progress.scores:
        out += [f"### {t('report.progress.scores', lang)}", ""]
        out += [t("report.progress.scores_intro", lang), ""]
        out += [row(_scores_head(lang)), "|" + "---|" * (len(LAYERS) + 2)]
        out += [row(_scores_row(*r, lang)) for r in progress.scores]
        out.append("")
    return out
