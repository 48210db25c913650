"""What a KPI's check-in says before its reading is asked: its plan, its readings, its pace.

Shared by the TUI's check-in screen (which styles each part) and plain mode's check-in walk
(which prints them); recording goes through ``model.checkins.add_checkin`` in both.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from alignment_tui.formats import format_date, format_number
from alignment_tui.i18n import t
from alignment_tui.model.checkins import Pace, measure_text, ordered
from alignment_tui.model.profile import CheckIn, Confidence

BARS = "▁▂▃▄▅▆▇█"
SHOWN = 4  # readings written out; the trend shows more
# How a part is shown: plain text, quieter, stronger, a confidence, a warning, the trend.
Kind = Literal["text", "dim", "strong", "on_track", "at_risk", "off_track", "warning", "trend"]
Part = tuple[str, Kind]


def sparkline(values: list[float], width: int = 12) -> str:
    """The last ``width`` values as block characters, lowest ▁ to highest █."""
    values = values[-width:]
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return BARS[3] * len(values)
    top = len(BARS) - 1
    return "".join(BARS[round((v - low) / (high - low) * top)] for v in values)


def plan_parts(pace: Pace, lang: str) -> list[Part]:
    """« 90 → 300 commandes par semaine d'ici le 30 juin 2027 · chaque semaine »."""
    kpi = pace.kpi
    missing = t("checkin_tui.missing", lang)
    baseline = format_number(kpi.baseline, lang) if kpi.baseline is not None else missing
    target = measure_text(kpi.target, kpi.unit, lang) if kpi.target is not None else missing
    parts: list[Part] = [(f"{baseline} → {target}", "text")]
    if kpi.deadline is not None:
        parts.append(
            (" " + t("checkin_tui.by", lang, date=format_date(kpi.deadline, lang)), "text")
        )
    if kpi.cadence is not None:
        parts.append(("  ·  " + t(f"plain.cadence.{kpi.cadence.value}", lang), "dim"))
    return parts


def readings_parts(pace: Pace, lang: str) -> list[Part]:
    """The last readings (the latest with its day and confidence) and their trend; then,
    each on a line of its own, the value a steady pace expects today and any overdue."""
    kpi = pace.kpi
    readings = ordered(kpi)
    parts: list[Part] = []
    if not readings:
        parts.append((t("checkin_tui.no_readings", lang), "dim"))
    else:
        parts.append((t("checkin_tui.last", lang) + " ", "dim"))
        shown = [format_number(c.value, lang) for c in readings[-SHOWN:]]
        parts.append((" · ".join(shown[:-1]) + (" · " if len(shown) > 1 else ""), "text"))
        last = readings[-1]
        parts.append((shown[-1], "strong"))
        parts.append(
            (" " + t("checkin_tui.on_day", lang, date=format_date(last.date, lang)), "text")
        )
        if last.confidence is not None:
            label = t(f"checkin.confidence.{last.confidence.value}", lang)
            parts.append((f" ({label})", last.confidence.value))
        # The baseline first: a single reading still shows which way it went.
        start = [float(kpi.baseline)] if kpi.baseline is not None else []
        parts.append(("  " + sparkline(start + pace.trend), "trend"))
    if pace.expected_today is not None:
        expected = measure_text(round(pace.expected_today, 1), kpi.unit, lang)
        parts.append(("\n" + t("checkin_tui.expected", lang, value=expected), "dim"))
        if pace.behind is not None and not pace.reached:
            share = round(abs(pace.behind) * 100)
            key = "checkin_tui.behind" if pace.behind > 0 else "checkin_tui.ahead"
            if share:
                parts.append(("  ·  " + t(key, lang, share=share), "dim"))
    if pace.overdue_days:
        parts.append(("\n" + t("checkin_tui.overdue", lang, count=pace.overdue_days), "warning"))
    return parts


def said(parts: list[Part]) -> str:
    """The parts as one plain text (plain mode)."""
    return "".join(text for text, _ in parts)


def today_entry(pace: Pace, today: date) -> CheckIn | None:
    """The reading of ``today`` already recorded (a check-in starts from it)."""
    return next((c for c in reversed(pace.kpi.checkins) if c.date == today), None)


CONFIDENCES: tuple[Confidence, ...] = (
    Confidence.on_track,
    Confidence.at_risk,
    Confidence.off_track,
)
