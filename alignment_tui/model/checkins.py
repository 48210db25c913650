"""Check-ins and pace: each KPI's readings against a steady line from baseline to target.

The UI-free core of the return visit: a check-in screen, the plain walk, the
``checkin`` command, the analysis's pace rules and the report all call these.

- ``add_checkin(profile, kpi_id, value, on=…)`` records a reading (the same day again
  replaces it) after checking it; ``CheckinError.message(lang)`` says what is wrong.
- ``read_value(text, kpi, lang)`` and ``read_day(text, today)`` read what a person typed
  (« 1 250 », "1.2k", "62 %"; "2026-11-30", « 30/11/2026 », "today").
- ``expected_value(kpi, on, start)`` is where a steady pace puts the KPI on a day;
  ``pace(kpi, today, start)`` gathers what a row of a check-in screen shows.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from alignment_tui.formats import format_number, format_value
from alignment_tui.i18n import normalise_lang, t
from alignment_tui.model.profile import Cadence, CheckIn, Confidence, Kpi, KpiPlan, Profile
from alignment_tui.model.typed import (
    Num,
    TypedValueError,
    currency_code,
    fold,
    parse_deadline,
    parse_measure,
)
from alignment_tui.model.typed_base import _all
from alignment_tui.model.typed_dates import _strip_prefixes

# The keys of ``CheckinError`` (``checkin.error.KEY`` in the catalogue).
CHECKIN_ERRORS: tuple[str, ...] = ("no_kpis", "unknown_kpi", "value", "unit", "day")
CHECKIN_ERRORS += ("impossible_day", "future", "before_start")


class CheckinError(ValueError):
    """A check-in that cannot be recorded; ``message(lang)`` is one line saying what to do."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:

        params = self.params.items()
        shown = {k: format_value(v, lang) if isinstance(v, date) else v for k, v in params}
        return t(f"checkin.error.{self.key}", lang, **shown)

    def __str__(self) -> str:
        return self.message("en")


# ---------------------------------------------------------------------------- finding a KPI


def find_kpi(profile: Profile, kpi_id: str) -> tuple[int, Kpi]:
    """The KPI with this id (its place in the list, the KPI); ``CheckinError`` otherwise."""
    wanted = kpi_id.strip()
    for index, kpi in enumerate(profile.objectives.kpis):
        if kpi.id and kpi.id == wanted:
            return index, kpi
    ids = ", ".join(k.id for k in profile.objectives.kpis if k.id)
    if not ids:
        raise CheckinError("no_kpis", id=wanted)
    raise CheckinError("unknown_kpi", id=wanted, ids=ids)


# ---------------------------------------------------------------------------- typed values


def read_value(text: str, kpi: KpiPlan, lang: str | None = None) -> Num:
    """A reading as typed: « 1 250 », "1.2k", "62 %", "240 orders"; a unit typed must be
    the KPI's own (« 62 % » for "% of loaves baked", "12 cafés" for "cafés")."""
    try:
        value, unit = parse_measure(text, lang)
    except TypedValueError:
        raise CheckinError("value", text=text.strip(), unit=kpi.unit or "–") from None
    if unit and not same_unit(unit, kpi.unit):
        raise CheckinError("unit", text=text.strip(), typed=unit, unit=kpi.unit or "–")
    return value


def same_unit(typed: str, unit: str) -> bool:
    """Does a unit typed after a number name the KPI's unit? "%" names "% of loaves baked",
    "order" names "orders per week", "€" names "EUR"; a KPI with no unit takes none."""
    a, b = fold(typed), fold(unit)
    if not a:
        return True
    if not b:
        return False
    if a in b or b in a:
        return True
    code_a, code_b = currency_code(a), currency_code(b)
    return code_a is not None and code_a == code_b


def read_day(text: str, today: date | None = None) -> date:
    """The day of a check-in: "2026-11-30", « 30/11/2026 », "30 November 2026", "today",
    « hier ». A month or a quarter alone is not a day: it is refused."""
    today = today or date.today()
    folded = fold(text).rstrip(".")
    for offset, name in enumerate(("today", "yesterday")):
        if folded in _all(name):
            return today - timedelta(days=offset)
    # A day is written with its number: "June 2027" or "Q2" name a period, not a day.
    if not re.search(r"\d", folded) or _period_only(_strip_prefixes(folded) or folded):
        raise CheckinError("day", text=text.strip())
    try:
        day = parse_deadline(text, today)
    except TypedValueError as exc:
        if exc.key == "typed.impossible_date":
            raise CheckinError("impossible_day", text=text.strip()) from None
        raise CheckinError("day", text=text.strip()) from None
    with_year = re.search(r"\d{4}", folded) or re.fullmatch(r"\d+[-/.]\d+[-/.]\d{2}", folded)
    if day > today and not with_year:
        # "30/11" is the last 30 November, not the next one: a reading is in the past.
        day = day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31))
    return day


def _period_only(folded: str) -> bool:
    """A year, a month and year, a quarter or a half: digits, but no day in them."""
    letters = "".join(_all("quarter_letter") + _all("half_letter"))
    return bool(
        re.fullmatch(r"\d{4}", folded)
        or re.fullmatch(r"(\d{1,2}[-/.]\d{4}|\d{4}[-/.]\d{1,2})", folded)
        or re.fullmatch(rf"[{letters}]\s*[1-4]\b.*|\d{{4}}\s*[-/ ]?\s*[{letters}]\s*[1-4]", folded)
        or re.fullmatch(r"[a-z]+\.?\s+\d{4}", folded)
    )


def measure_text(value: float, unit: str, lang: str | None = None) -> str:
    """A value with its unit as the reader's language writes it: « 1 250 abonnés »."""

    shown, unit = format_number(value, lang), unit.strip()
    if unit.startswith("%"):
        # "62% of loaves", « 62 % des pains »: the sign as each language writes a percentage.
        return shown + ("" if normalise_lang(lang) == "en" else "\u202f") + unit
    return f"{shown} {unit}" if unit else shown


# ---------------------------------------------------------------------------- recording


def add_checkin(
    profile: Profile,
    kpi_id: str,
    value: Num,
    *,
    on: date | None = None,
    confidence: Confidence | str | None = None,
    comment: str = "",
    today: date | None = None,
) -> tuple[CheckIn, bool]:
    """Record a reading of the KPI ``kpi_id`` (``on`` defaults to ``today``); returns the
    check-in and whether it replaced one of the same day. Nothing changes on error.

    Refused: an unknown id, a day after ``today``, a day before the baseline's day.
    """
    today = today or date.today()
    day = on or today
    _, kpi = find_kpi(profile, kpi_id)
    if day > today:
        raise CheckinError("future", day=day, today=today)
    start = start_of(kpi, profile)
    if start is not None and day < start:
        raise CheckinError("before_start", day=day, start=start)
    chosen = Confidence(confidence) if confidence else None
    entry = CheckIn(date=day, value=value, confidence=chosen, comment=comment.strip())
    kept = [c for c in kpi.checkins if c.date != day]
    replaced = len(kept) != len(kpi.checkins)
    later = next((i for i, c in enumerate(kept) if c.date > day), len(kept))
    kpi.checkins = [*kept[:later], entry, *kept[later:]]
    return entry, replaced


# ---------------------------------------------------------------------------- pace


def start_of(kpi: KpiPlan, profile: Profile | None = None) -> date | None:
    """Where the steady pace starts: the baseline's day, else the day the profile was
    created (the baseline was stated then)."""
    if kpi.baseline_date is not None:
        return kpi.baseline_date
    if profile is not None and profile.meta.created is not None:
        return profile.meta.created.date()
    return None


def ordered(kpi: Kpi) -> list[CheckIn]:
    """The check-ins by date (a file edited by hand may hold them in any order)."""
    return sorted(kpi.checkins, key=lambda c: c.date)


def last_checkin(kpi: Kpi) -> CheckIn | None:
    """The latest check-in (of two on one day, the one written last)."""
    best: CheckIn | None = None
    for c in kpi.checkins:
        if best is None or c.date >= best.date:
            best = c
    return best


def direction(kpi: KpiPlan) -> int:
    """+1 when the target is above the baseline (more is better), -1 below, 0 unknown."""
    if kpi.baseline is None or kpi.target is None or kpi.target == kpi.baseline:
        return 0
    return 1 if kpi.target > kpi.baseline else -1


def expected_value(kpi: KpiPlan, on: date, start: date | None) -> float | None:
    """Where a steady pace from the baseline (on ``start``) to the target (on the
    deadline) puts the KPI on ``on``: the baseline before the start, the target after
    the deadline; ``None`` when the plan lacks a baseline, a target or its dates."""
    if kpi.baseline is None or kpi.target is None or kpi.deadline is None or start is None:
        return None
    span = (kpi.deadline - start).days
    if span <= 0:
        return float(kpi.target)
    share = min(max((on - start).days / span, 0.0), 1.0)
    return float(kpi.baseline) + (float(kpi.target) - float(kpi.baseline)) * share


def reached(kpi: KpiPlan, value: float) -> bool:
    """Is ``value`` at or beyond the target (below it for a KPI meant to go down)?"""
    if kpi.target is None:
        return False
    if direction(kpi) < 0:
        return value <= kpi.target
    return value >= kpi.target


def missed_target(kpi: Kpi, today: date) -> bool:
    """The deadline has passed (before ``today``) and the latest reading falls short."""
    if kpi.deadline is None or kpi.deadline >= today or kpi.target is None:
        return False
    last = last_checkin(kpi)
    return last is not None and not reached(kpi, float(last.value))


def behind_share(kpi: KpiPlan, checkin: CheckIn, start: date | None) -> float | None:
    """How far a reading is behind the steady pace, as a share of the whole planned
    change (0.2: a fifth of the way behind; negative: ahead)."""
    expected = expected_value(kpi, checkin.date, start)
    way = direction(kpi)
    if expected is None or way == 0:
        return None
    assert kpi.baseline is not None and kpi.target is not None
    return (expected - float(checkin.value)) * way / abs(float(kpi.target) - float(kpi.baseline))


def next_due(kpi: Kpi, start: date | None) -> date | None:
    """When the next check-in is due by the KPI's cadence: one period after the last one
    (after the start when there is none yet); ``None`` without a cadence."""
    if kpi.cadence is None:
        return None
    last = last_checkin(kpi)
    since = last.date if last is not None else start
    if since is None:
        return None
    return after_cadence(since, kpi.cadence)


def after_cadence(day: date, cadence: Cadence) -> date:
    """One period of ``cadence`` after ``day``: a week, a calendar month, three months."""
    if cadence is Cadence.weekly:
        return day + timedelta(days=7)
    months = 1 if cadence is Cadence.monthly else 3
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Pace:
    """What one KPI's row of a check-in screen shows, on ``today``."""

    kpi: Kpi
    start: date | None  # where the steady line starts (the baseline's day)
    last: CheckIn | None  # the latest reading
    expected_today: float | None  # where a steady pace puts the KPI today
    expected_at_last: float | None  # …and on the day of the latest reading
    behind: float | None  # the latest reading behind the pace, as a share of the change
    reached: bool  # the latest reading is at or beyond the target
    due: date | None  # when the next check-in is due by the cadence
    overdue_days: int  # days past that date (0 when not overdue)

    @property
    def trend(self) -> list[float]:
        """The readings in date order, for a sparkline."""
        return [float(c.value) for c in ordered(self.kpi)]


def pace(kpi: Kpi, today: date, start: date | None = None) -> Pace:
    """The pace of ``kpi`` on ``today`` (``start``: see ``start_of``)."""
    last = last_checkin(kpi)
    due = next_due(kpi, start)
    return Pace(
        kpi=kpi,
        start=start,
        last=last,
        expected_today=expected_value(kpi, today, start),
        expected_at_last=expected_value(kpi, last.date, start) if last else None,
        behind=behind_share(kpi, last, start) if last else None,
        reached=last is not None and reached(kpi, float(last.value)),
        due=due,
        overdue_days=max((today - due).days, 0) if due else 0,
    )


def profile_pace(profile: Profile, today: date) -> list[Pace]:
    """The pace of every KPI of the profile, in their order."""
    return [pace(k, today, start_of(k, profile)) for k in profile.objectives.kpis]
