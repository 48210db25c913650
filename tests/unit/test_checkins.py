"""The check-in core: reading typed values and days, recording, the steady pace."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from alignment_tui.model import Cadence, CheckIn, Confidence, Kpi, Profile
from alignment_tui.model.checkins import (
    CheckinError,
    add_checkin,
    after_cadence,
    behind_share,
    expected_value,
    find_kpi,
    last_checkin,
    next_due,
    pace,
    read_day,
    read_value,
    start_of,
)

TODAY = date(2026, 12, 1)


def _profile() -> Profile:
    p = Profile(lang="en")
    p.meta.created = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    p.objectives.kpis = [
        Kpi(name="Weekly pre-orders", baseline=90, target=300, unit="orders per week",
            deadline=date(2027, 6, 30), cadence=Cadence.weekly),
        Kpi(name="Unsold bread", baseline=9, target=3, unit="% of loaves baked",
            baseline_date=date(2026, 10, 1), deadline=date(2027, 3, 31), cadence=Cadence.monthly),
    ]  # fmt: skip
    return p


@pytest.mark.parametrize(
    ("typed", "lang", "value"),
    [
        ("1 250", "fr", 1250),
        ("1\u202f250", "fr", 1250),
        ("1,250", "en", 1250),
        ("1.2k", "en", 1200),
        ("1,2 k", "fr", 1200),
        ("62 %", "fr", 62),
        ("62%", "en", 62),
        ("7,5", "fr", 7.5),
        ("240 orders", "en", 240),
        ("240 orders per week", "en", 240),
    ],
)
def test_values_are_read_as_typed_in_either_language(typed: str, lang: str, value: float) -> None:
    kpi = Kpi(name="k", unit="orders per week" if "order" in typed else "%")
    assert read_value(typed, kpi, lang) == value


def test_a_unit_that_is_not_the_kpis_is_refused_and_said_in_both_languages() -> None:
    kpi = Kpi(name="Cafés supplied", unit="cafés")
    with pytest.raises(CheckinError) as info:
        read_value("12 €", kpi, "en")
    assert info.value.message("en") == (
        '"12 €": the unit € is not this KPI\'s (cafés). Type the number alone, or with cafés.'
    )
    assert info.value.message("fr").startswith("« 12 € »\u202f: l’unité € n’est pas celle")
    assert read_value("12 cafés", kpi, "fr") == 12
    assert read_value("1 250 euros", Kpi(unit="€"), "fr") == 1250  # one currency, two spellings


def test_a_value_that_is_no_number_is_refused() -> None:
    with pytest.raises(CheckinError, match="is not a value"):
        read_value("a lot", Kpi(unit="orders"), "en")


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-11-30", date(2026, 11, 30)),
        ("30/11/2026", date(2026, 11, 30)),
        ("30 novembre 2026", date(2026, 11, 30)),
        ("30 November 2026", date(2026, 11, 30)),
        ("1er mars 2026", date(2026, 3, 1)),
        ("today", TODAY),
        ("aujourd'hui", TODAY),
        ("hier", date(2026, 11, 30)),
        ("30/11", date(2026, 11, 30)),
        ("15/12", date(2025, 12, 15)),  # the last 15 December, not the next one
    ],
)
def test_days_are_read_as_typed(typed: str, day: date) -> None:
    assert read_day(typed, TODAY) == day


@pytest.mark.parametrize(
    "typed", ["June 2027", "Q2", "T3 2026", "fin 2026", "end of 2026", "2026", "soon"]
)
def test_a_period_is_not_a_day(typed: str) -> None:
    with pytest.raises(CheckinError, match="is not a day"):
        read_day(typed, TODAY)


def test_an_impossible_day_says_so() -> None:
    with pytest.raises(CheckinError, match="not a day of the calendar"):
        read_day("31/02/2026", TODAY)


def test_add_checkin_keeps_the_readings_in_date_order_and_replaces_the_same_day() -> None:
    p = _profile()
    add_checkin(p, "weekly-pre-orders", 120, on=date(2026, 11, 23), today=TODAY)
    add_checkin(p, "weekly-pre-orders", 110, on=date(2026, 11, 16), today=TODAY,
                confidence="at_risk", comment="  rain all week ")  # fmt: skip
    entry, replaced = add_checkin(p, "weekly-pre-orders", 125, on=date(2026, 11, 23), today=TODAY)
    kpi = p.objectives.kpis[0]
    assert replaced and entry.value == 125
    assert [(c.date.day, c.value) for c in kpi.checkins] == [(16, 110), (23, 125)]
    assert kpi.checkins[0].confidence is Confidence.at_risk
    assert kpi.checkins[0].comment == "rain all week"


@pytest.mark.parametrize(
    ("kpi_id", "on", "key"),
    [
        ("pre-orders", date(2026, 11, 30), "unknown_kpi"),
        ("weekly-pre-orders", date(2026, 12, 2), "future"),
        ("weekly-pre-orders", date(2026, 8, 31), "before_start"),  # before the profile's day
        ("unsold-bread", date(2026, 9, 30), "before_start"),  # before its baseline_date
    ],
)
def test_add_checkin_refuses_and_changes_nothing(kpi_id: str, on: date, key: str) -> None:
    p = _profile()
    before = p.model_dump()
    with pytest.raises(CheckinError) as info:
        add_checkin(p, kpi_id, 100, on=on, today=TODAY)
    assert info.value.key == key
    assert p.model_dump() == before


def test_an_unknown_id_lists_the_known_ones() -> None:
    with pytest.raises(CheckinError) as info:
        find_kpi(_profile(), "sales")
    assert info.value.message("en") == (
        'no KPI has the id "sales". The KPIs of this profile are: weekly-pre-orders, unsold-bread.'
    )
    with pytest.raises(CheckinError, match="no named KPI"):
        find_kpi(Profile(), "sales")


def test_dates_in_messages_are_written_in_the_readers_language() -> None:
    with pytest.raises(CheckinError) as info:
        add_checkin(_profile(), "unsold-bread", 8, on=date(2026, 9, 15), today=TODAY)
    assert "15 September 2026" in info.value.message("en")
    assert "1er octobre 2026" in info.value.message("fr")


def test_the_steady_pace_runs_from_the_baseline_day_to_the_deadline() -> None:
    p = _profile()
    rising, falling = p.objectives.kpis
    start = start_of(rising, p)
    assert start == date(2026, 9, 1)
    assert expected_value(rising, start, start) == 90
    assert expected_value(rising, date(2027, 6, 30), start) == 300
    assert expected_value(rising, date(2028, 1, 1), start) == 300  # the target after the deadline
    assert expected_value(rising, date(2026, 8, 1), start) == 90
    halfway = start + (date(2027, 6, 30) - start) / 2
    assert expected_value(rising, halfway, start) == pytest.approx(195)
    assert start_of(falling, p) == date(2026, 10, 1)
    assert expected_value(falling, date(2026, 10, 1), date(2026, 10, 1)) == 9
    assert expected_value(Kpi(baseline=1), TODAY, start) is None  # no target: no pace


def test_behind_is_a_share_of_the_planned_change_in_the_kpis_direction() -> None:
    p = _profile()
    rising, falling = p.objectives.kpis
    on = date(2027, 6, 30)
    assert behind_share(rising, CheckIn(date=on, value=279), date(2026, 9, 1)) == pytest.approx(0.1)
    assert behind_share(rising, CheckIn(date=on, value=321), date(2026, 9, 1)) == pytest.approx(
        -0.1
    )
    # Unsold bread should fall from 9 to 3: 4.2 at the deadline is 1.2 points (a fifth) short.
    end = date(2027, 3, 31)
    assert behind_share(falling, CheckIn(date=end, value=4.2), date(2026, 10, 1)) == pytest.approx(
        0.2
    )


def test_pace_gathers_a_check_in_screens_row() -> None:
    p = _profile()
    kpi = p.objectives.kpis[0]
    for day, value in ((date(2026, 11, 16), 150), (date(2026, 11, 23), 160)):
        add_checkin(p, "weekly-pre-orders", value, on=day, today=TODAY, confidence="on_track")
    row = pace(kpi, TODAY, start_of(kpi, p))
    assert row.last == last_checkin(kpi) and row.last is not None and row.last.value == 160
    assert row.trend == [150.0, 160.0]
    assert row.expected_today == pytest.approx(90 + 210 * 91 / 302)
    assert row.behind is not None and row.behind < 0  # ahead of the steady pace
    assert not row.reached
    assert row.due == date(2026, 11, 30) and row.overdue_days == 1


def test_the_next_check_in_is_one_cadence_after_the_last() -> None:
    assert after_cadence(date(2026, 1, 31), Cadence.monthly) == date(2026, 2, 28)
    assert after_cadence(date(2026, 11, 30), Cadence.quarterly) == date(2027, 2, 28)
    assert after_cadence(date(2026, 11, 30), Cadence.weekly) == date(2026, 12, 7)
    kpi = Kpi(name="k", cadence=Cadence.monthly)
    assert next_due(kpi, date(2026, 9, 1)) == date(2026, 10, 1)  # none yet: from the start
    assert next_due(Kpi(name="k"), date(2026, 9, 1)) is None  # no cadence, nothing is due
