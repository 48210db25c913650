"""What the report's progress section says: each KPI's check-ins against its steady pace.

Independent of the format (``progress_render`` draws it in HTML and Markdown). The layer
scores at each check-in date are those of the analysis run on that day with the readings
known then; the answers are the file's as it is now (a single file has no older answers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from alignment_tui.model.checkins import (
    Pace,
    behind_share,
    expected_value,
    ordered,
    pace,
    start_of,
)
from alignment_tui.model.profile import CheckIn, Kpi, Profile

# The layer scores are computed at no more than this many check-in dates (the latest).
MAX_SCORE_DATES = 12


@dataclass(frozen=True)
class Reading:
    """One check-in as the report shows it, with where the steady pace was that day."""

    checkin: CheckIn
    expected: float | None
    behind: float | None  # behind the pace as a share of the planned change (negative: ahead)


@dataclass(frozen=True)
class KpiProgress:
    index: int  # the KPI's place in objectives.kpis
    kpi: Kpi
    axis: str  # the strategic axis it measures, by name ("" when none)
    pace: Pace
    readings: list[Reading]
    overdue: date | None  # the day a check-in fell due, when it is overdue

    @property
    def end(self) -> date | None:
        """The chart's last day: the deadline, or a later reading."""
        days = [d for d in (self.kpi.deadline, *(r.checkin.date for r in self.readings)) if d]
        return max(days) if days else None


@dataclass
class Progress:
    today: date
    kpis: list[KpiProgress] = field(default_factory=list)
    # (day, layer scores, overall score) as the analysis would have said on that day.
    scores: list[tuple[date, dict[str, int], int]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.kpis)


def build_progress(profile: Profile, today: date, *, with_scores: bool = True) -> Progress:
    """The progress of every KPI that has a check-in; empty when none has one."""
    # lazy: the analysis is heavy, and only a profile with check-ins needs it
    from alignment_tui.analysis.pace import overdue_since

    axes = {a.id: a.name.strip() or a.id for a in profile.strategy.axes if a.id}
    out = Progress(today)
    for i, kpi in enumerate(profile.objectives.kpis):
        if not kpi.checkins:
            continue
        start = start_of(kpi, profile)
        readings = [
            Reading(c, expected_value(kpi, c.date, start), behind_share(kpi, c, start))
            for c in ordered(kpi)
        ]
        name = axes.get(kpi.axis, "")
        late = overdue_since(kpi, start, today)
        row = KpiProgress(i, kpi, name, pace(kpi, today, start), readings, late)
        out.kpis.append(row)
    if out.kpis and with_scores:
        out.scores = scores_by_date(profile, today)
    return out


def scores_by_date(profile: Profile, today: date) -> list[tuple[date, dict[str, int], int]]:
    """The layer scores on each check-in date (the latest ``MAX_SCORE_DATES``), each read
    with the check-ins known on that day."""
    # lazy: the analysis is heavy, and only a profile with check-ins needs it
    from alignment_tui.analysis import analyze_profile

    days = sorted({c.date for k in profile.objectives.kpis for c in k.checkins if c.date <= today})
    out = []
    for day in days[-MAX_SCORE_DATES:]:
        then = profile.model_copy(deep=True)
        for kpi in then.objectives.kpis:
            kpi.checkins = [c for c in kpi.checkins if c.date <= day]
        result = analyze_profile(then, today=day)
        out.append((day, dict(result.layer_scores), result.score))
    return out
