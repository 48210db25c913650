"""The next period started from this one: the plan carried over, the KPIs' results kept.

``next_period(profile, today)`` returns a new profile and leaves the old one as it was:

- values, personas, vision, mission and strategy carried over as they are;
- this period's KPIs kept in ``history`` with where they ended (the latest check-in);
- a new KPI row for each, with the same id, name, branch, unit, axis, owner and cadence,
  its baseline the last value read on its day; target and deadline left to decide;
- waivers carried only where the words they were about are still in the carried layers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel

from alignment_tui.model.checkins import last_checkin
from alignment_tui.model.paths import get_field
from alignment_tui.model.profile import (
    Kpi,
    Objectives,
    PastKpi,
    PastPeriod,
    Profile,
    Waiver,
    now_utc,
)

# The layers a new period keeps as they are (objectives and execution are decided anew).
CARRIED = ("values", "personas", "vision", "mission", "strategy")


def close_kpi(kpi: Kpi) -> PastKpi:
    """A KPI as the history keeps it: its plan and its latest reading."""
    plan = kpi.model_dump(exclude={"checkins"})
    last = last_checkin(kpi)
    if last is None:
        return PastKpi(**plan)
    return PastKpi(
        **plan,
        final_value=last.value,
        final_date=last.date,
        final_confidence=last.confidence,
        final_comment=last.comment,
    )


def next_kpi(kpi: Kpi) -> Kpi:
    """The same KPI for the next period: it starts where this one ended."""
    last = last_checkin(kpi)
    return Kpi(
        id=kpi.id,
        name=kpi.name,
        branch=kpi.branch,
        baseline=last.value if last is not None else kpi.baseline,
        baseline_date=last.date if last is not None else None,
        unit=kpi.unit,
        cadence=kpi.cadence,
        owner=kpi.owner,
        axis=kpi.axis,
    )


def _section(path: str) -> str:
    """The top section a field path (or a note's key) is in: "strategy", "personas"."""
    return path.split(".", 1)[0].split("[", 1)[0]


def _texts(value: Any) -> list[str]:
    """Every piece of text in an answer: a string, a list's items, a row's cells."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [s for item in value.model_dump().values() for s in _texts(item)]
    if isinstance(value, list | dict):
        items = value.values() if isinstance(value, dict) else value
        return [s for item in items for s in _texts(item)]
    return []


def _still_there(waiver: Waiver, profile: Profile) -> bool:
    """Is the waiver's field carried, and are the words it was about still in it?"""
    if _section(waiver.where) not in CARRIED:
        return False
    try:
        texts = [s for s in _texts(get_field(profile, waiver.where)) if s.strip()]
    except KeyError:
        return False
    return any(waiver.text in s for s in texts) if waiver.text else bool(texts)


def next_period(profile: Profile, today: date | None = None) -> Profile:
    """The profile of the period after ``profile``'s, closed on ``today``."""
    today = today or datetime.now(UTC).date()
    old = profile.model_copy(deep=True)
    new = Profile(lang=old.lang, settings=old.settings)
    new.meta.organisation = old.meta.organisation
    new.meta.respondent = old.meta.respondent
    new.meta.coach = old.meta.coach
    new.meta.bank = old.meta.bank
    new.meta.created = new.meta.updated = now_utc()
    new.settings.session_seconds = new.settings.session_paused = None
    new.personas, new.values, new.vision = old.personas, old.values, old.vision
    new.mission, new.strategy = old.mission, old.strategy
    kpis = [k for k in old.objectives.kpis if k.name.strip() or k.id]
    new.objectives = Objectives(
        horizon_months=old.objectives.horizon_months,
        review_ritual=old.objectives.review_ritual,
        kpis=[next_kpi(k) for k in kpis],
    )
    closed = PastPeriod(closed=today, focus=old.objectives.focus, kpis=[close_kpi(k) for k in kpis])
    new.history = [*old.history, closed]
    new.waivers = [w for w in old.waivers if _still_there(w, new)]
    new.notes = {k: v for k, v in old.notes.items() if _section(k) in CARRIED}
    return new
