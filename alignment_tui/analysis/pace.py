"""Pace rules of the return visit: KPI check-ins read against a steady line to the target.

Each finding is located on the KPI and names, through its axis, the strategic axis at
risk (its path in ``related``). ``today`` comes from the analysis, so a scheduled
``check`` becomes the reminder of an overdue check-in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from alignment_tui.analysis import packs
from alignment_tui.analysis.findings import Finding
from alignment_tui.analysis.registry import check
from alignment_tui.analysis.structure import Context, found, kpi_label, params, show
from alignment_tui.formats import format_share
from alignment_tui.model.answers import is_empty
from alignment_tui.model.checkins import (
    behind_share,
    expected_value,
    last_checkin,
    measure_text,
    missed_target,
    next_due,
    ordered,
    start_of,
)
from alignment_tui.model.profile import Confidence, Kpi


def _words(lang: str) -> dict[str, str]:
    return packs.get(lang if lang in packs.codes() else packs.codes()[0]).names("pace_words")


def _measure(value: float, kpi: Kpi, lang: str) -> str:
    return measure_text(value, kpi.unit, lang)


def _axis(ctx: Context, kpi: Kpi) -> tuple[list[str], str]:
    """The axis path (for ``related``) and the sentence saying the axis is at risk."""
    words = _words(ctx.lang)
    quote = packs.get(ctx.lang if ctx.lang in packs.codes() else packs.codes()[0]).quote
    for j, axis in enumerate(ctx.profile.strategy.axes):
        if kpi.axis and axis.id == kpi.axis:
            name = quote.format(axis.name.strip() or axis.id)
            return [f"strategy.axes[{j}]"], words["axis_at_risk"].format(axis=name)
    return [], words["no_axis"]


def _kpis(ctx: Context) -> list[tuple[str, str, Kpi, date | None]]:
    """Each KPI row worth reading: its path, its label, the KPI and where its pace starts
    (found once per profile)."""

    def rows() -> list[tuple[str, str, Kpi, date | None]]:
        return [
            (f"objectives.kpis[{i}]", kpi_label(kpi.name, i), kpi, start_of(kpi, ctx.profile))
            for i, kpi in enumerate(ctx.profile.objectives.kpis)
            if not is_empty(kpi)
        ]

    return ctx.once("pace_rows", rows)


@check("kpi.off_pace")
def _off_pace(ctx: Context) -> Iterator[Finding]:
    """The latest reading behind the steady pace by more than a share of the change."""
    limit = float(params()["off_pace_share"])
    for base, label, kpi, start in _kpis(ctx):
        last = last_checkin(kpi)
        if last is None or kpi.deadline is None or kpi.deadline < ctx.today:
            continue  # no reading yet, or the period is over (kpi.target_missed says it)
        behind = behind_share(kpi, last, start)
        expected = expected_value(kpi, last.date, start)
        if behind is None or expected is None or behind <= limit:
            continue
        assert kpi.baseline is not None and kpi.target is not None
        related, risk = _axis(ctx, kpi)
        yield found(
            "kpi.off_pace",
            ctx.lang,
            f"{base}.checkins",
            related,
            kpi=label,
            value=_measure(last.value, kpi, ctx.lang),
            date=show(last.date, ctx.lang),
            baseline=show(kpi.baseline, ctx.lang),
            target=_measure(kpi.target, kpi, ctx.lang),
            deadline=show(kpi.deadline, ctx.lang),
            expected=_measure(round(expected, 1), kpi, ctx.lang),
            behind=format_share(round(behind, 2), ctx.lang),
            risk=risk,
        )


def overdue_since(kpi: Kpi, start: date | None, today: date) -> date | None:
    """The day a check-in fell due, when it is overdue on ``today``: past the cadence by
    more than the grace in data, the period not over (then kpi.target_missed or
    kpi.deadline_past says it). The report says it with the same words."""
    due = next_due(kpi, start)
    if due is None or (today - due).days <= int(params()["checkin_grace_days"]):
        return None
    if kpi.deadline is not None and kpi.deadline < today:
        return None
    return due


@check("kpi.checkin_overdue")
def _overdue(ctx: Context) -> Iterator[Finding]:
    """No reading for longer than the cadence allows, once the profile is checked in on."""
    if not any(k.checkins for k in ctx.profile.objectives.kpis):
        return  # a plan nobody has started checking in on yet is not behind on its readings
    words = _words(ctx.lang)
    for base, label, kpi, start in _kpis(ctx):
        due = overdue_since(kpi, start, ctx.today)
        last = last_checkin(kpi)
        if due is None or kpi.cadence is None:
            continue
        related, risk = _axis(ctx, kpi)
        yield found(
            "kpi.checkin_overdue",
            ctx.lang,
            f"{base}.checkins",
            related,
            kpi=label,
            id=kpi.id or label,
            due=show(due, ctx.lang),
            cadence=words[kpi.cadence.value],
            last=show(last.date if last is not None else start, ctx.lang),
            risk=risk,
        )


@check("kpi.target_missed")
def _target_missed(ctx: Context) -> Iterator[Finding]:
    """The deadline has passed and the latest reading falls short of the target."""
    for base, label, kpi, _ in _kpis(ctx):
        if not missed_target(kpi, ctx.today):
            continue
        last = last_checkin(kpi)
        assert last is not None and kpi.target is not None and kpi.deadline is not None
        related, risk = _axis(ctx, kpi)
        yield found(
            "kpi.target_missed",
            ctx.lang,
            f"{base}.target",
            [f"{base}.deadline", *related],
            kpi=label,
            value=_measure(last.value, kpi, ctx.lang),
            date=show(last.date, ctx.lang),
            target=_measure(kpi.target, kpi, ctx.lang),
            deadline=show(kpi.deadline, ctx.lang),
            risk=risk,
        )


@check("kpi.off_track_silent")
def _off_track_silent(ctx: Context) -> Iterator[Finding]:
    """The latest readings all say "off track" and none of them says why."""
    count = int(params()["off_track_silent_count"])
    for base, label, kpi, _ in _kpis(ctx):
        latest = ordered(kpi)[-count:]
        if len(latest) < count or any(
            c.confidence is not Confidence.off_track or c.comment.strip() for c in latest
        ):
            continue
        related, risk = _axis(ctx, kpi)
        yield found(
            "kpi.off_track_silent",
            ctx.lang,
            f"{base}.checkins",
            related,
            kpi=label,
            count=count,
            dates=", ".join(show(c.date, ctx.lang) for c in latest),
            risk=risk,
        )
