"""Pace rules with a fixed today, on both sides of each threshold, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from alignment_tui.analysis import analyze_profile
from alignment_tui.analysis.findings import Finding
from alignment_tui.analysis.registry import params
from alignment_tui.model import Axis, Cadence, CheckIn, Confidence, Kpi, Profile

START = date(2026, 9, 1)
DEADLINE = date(2027, 6, 30)  # 302 days after START
HALF = START + timedelta(days=151)  # a steady pace from 90 to 300 reads 195 on this day
AXIS = {"en": "Pre-order pickup shelf", "fr": "Étagère de retrait"}


def _profile(lang: str, *checkins: CheckIn, **kpi: object) -> Profile:
    p = Profile(lang=lang)  # type: ignore[arg-type]
    p.meta.created = datetime(2026, 8, 1, 9, 0, tzinfo=UTC)
    p.strategy.axes = [Axis(id="preorder", name=AXIS[lang])]
    fields: dict[str, object] = {
        "name": "Weekly pre-orders",
        "baseline": 90,
        "baseline_date": START,
        "target": 300,
        "unit": "orders",
        "deadline": DEADLINE,
        "cadence": Cadence.weekly,
        "axis": "preorder",
        "owner": "owner",
    }
    fields.update(kpi)
    p.objectives.kpis = [Kpi.model_validate({**fields, "checkins": list(checkins)})]
    return p


def _found(p: Profile, rule: str, today: date) -> list[Finding]:
    return [f for f in analyze_profile(p, today=today).findings if f.rule_id == rule]


def _plain(text: str) -> str:
    """French spacing (no-break spaces around signs) as plain spaces, to compare words."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _reading(day: date, value: float, confidence: str | None = None, comment: str = "") -> CheckIn:
    chosen = Confidence(confidence) if confidence else None
    return CheckIn(date=day, value=value, confidence=chosen, comment=comment)


def test_the_thresholds_are_data() -> None:
    assert params()["off_pace_share"] == 0.1
    assert params()["checkin_grace_days"] == 3
    assert params()["off_track_silent_count"] == 2


LANGS = ("en", "fr")


@pytest.mark.parametrize("lang", LANGS)
def test_off_pace_fires_beyond_a_tenth_of_the_planned_change(lang: str) -> None:
    today = HALF + timedelta(days=2)
    # 195 expected, a tenth of 210 is 21: 174 is exactly at the threshold, 173 beyond it.
    assert _found(_profile(lang, _reading(HALF, 174)), "kpi.off_pace", today) == []
    assert _found(_profile(lang, _reading(HALF, 175)), "kpi.off_pace", today) == []
    [finding] = _found(_profile(lang, _reading(HALF, 173)), "kpi.off_pace", today)
    assert finding.severity == "warning"
    assert finding.where == "objectives.kpis[0].checkins"
    assert finding.related == ["strategy.axes[0]"]
    assert "Weekly pre-orders" in finding.message and AXIS[lang] in finding.message
    if lang == "en":
        assert finding.message == (
            "'Weekly pre-orders' reads 173 orders on 30 January 2027, where a steady pace "
            "from 90 to 300 orders by 30 June 2027 puts it at 195 orders: behind by 10% of "
            "the planned change. The strategic axis 'Pre-order pickup shelf' is at risk."
        )
    else:
        message = _plain(finding.message)
        assert "le 30 janvier 2027" in message and "10 %" in message
        assert message.endswith("L’axe stratégique « Étagère de retrait » est en danger.")


@pytest.mark.parametrize("lang", LANGS)
def test_off_pace_reads_a_falling_kpi_the_other_way(lang: str) -> None:
    kpi = {"name": "Unsold bread", "baseline": 9, "target": 3, "unit": "%"}
    today = HALF + timedelta(days=1)
    # 6 expected; a tenth of the change is 0.6: 6.5 is within it, 6.7 beyond.
    assert _found(_profile(lang, _reading(HALF, 6.5), **kpi), "kpi.off_pace", today) == []
    assert _found(_profile(lang, _reading(HALF, 5), **kpi), "kpi.off_pace", today) == []
    assert len(_found(_profile(lang, _reading(HALF, 6.7), **kpi), "kpi.off_pace", today)) == 1


def test_off_pace_needs_a_reading_a_plan_and_a_period_not_over() -> None:
    behind = _reading(HALF, 100)
    assert _found(_profile("en"), "kpi.off_pace", HALF) == []
    assert _found(_profile("en", behind, target=None), "kpi.off_pace", HALF) == []
    assert _found(_profile("en", behind, deadline=None), "kpi.off_pace", HALF) == []
    after = DEADLINE + timedelta(days=1)
    assert _found(_profile("en", behind), "kpi.off_pace", after) == []
    assert len(_found(_profile("en", behind), "kpi.target_missed", after)) == 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("cadence", "last", "quiet_until"),
    [
        (Cadence.weekly, date(2026, 11, 23), date(2026, 12, 3)),  # due 30/11, 3 days' grace
        (Cadence.monthly, date(2026, 10, 31), date(2026, 12, 3)),  # due 30/11
        (Cadence.quarterly, date(2026, 9, 30), date(2027, 1, 2)),  # due 30/12
    ],
)
def test_a_check_in_is_overdue_three_days_after_its_cadence_made_it_due(
    lang: str, cadence: Cadence, last: date, quiet_until: date
) -> None:
    p = _profile(lang, _reading(last, 150), cadence=cadence)
    assert _found(p, "kpi.checkin_overdue", quiet_until) == []
    [finding] = _found(p, "kpi.checkin_overdue", quiet_until + timedelta(days=1))
    assert finding.where == "objectives.kpis[0].checkins"
    assert finding.related == ["strategy.axes[0]"]
    assert "--kpi weekly-pre-orders" in finding.suggestion
    assert AXIS[lang] in finding.message
    if lang == "en" and cadence is Cadence.weekly:
        assert finding.message == (
            "'Weekly pre-orders' was due a check-in on 30 November 2026: it is checked "
            "weekly, and its latest reading dates from 23 November 2026. The strategic "
            "axis 'Pre-order pickup shelf' is at risk."
        )
    if lang == "fr" and cadence is Cadence.monthly:
        assert "le 30 novembre 2026 : il se suit chaque mois" in _plain(finding.message)


def test_overdue_waits_for_the_first_check_in_of_the_profile() -> None:
    late = date(2027, 3, 1)
    # A plan nobody checks in on is not nagged…
    assert _found(_profile("en"), "kpi.checkin_overdue", late) == []
    # …but once one KPI has readings, a KPI with none is due a week after its baseline.
    p = _profile("en", _reading(date(2027, 2, 26), 200))
    cafes = Kpi(name="Cafés", baseline=4, target=12, baseline_date=START, deadline=DEADLINE)
    cafes.cadence = Cadence.monthly
    p.objectives.kpis = [*p.objectives.kpis, cafes]
    [finding] = _found(p, "kpi.checkin_overdue", late)
    assert finding.where == "objectives.kpis[1].checkins"
    assert finding.related == []  # it measures no axis, and says so
    assert "due a check-in on 1 October 2026" in finding.message
    assert finding.message.endswith("It measures no strategic axis.")


def test_overdue_stops_with_the_period_and_without_a_cadence() -> None:
    last = _reading(date(2027, 5, 1), 250)
    assert _found(_profile("en", last), "kpi.checkin_overdue", DEADLINE)  # still due
    assert _found(_profile("en", last), "kpi.checkin_overdue", DEADLINE + timedelta(days=1)) == []
    assert _found(_profile("en", last, cadence=None), "kpi.checkin_overdue", DEADLINE) == []


@pytest.mark.parametrize("lang", LANGS)
def test_target_missed_once_the_deadline_has_passed(lang: str) -> None:
    short, met = _reading(DEADLINE, 299), _reading(DEADLINE, 300)
    after = DEADLINE + timedelta(days=1)
    assert _found(_profile(lang, short), "kpi.target_missed", DEADLINE) == []  # not over yet
    assert _found(_profile(lang, met), "kpi.target_missed", after) == []
    [finding] = _found(_profile(lang, short), "kpi.target_missed", after)
    assert finding.where == "objectives.kpis[0].target"
    assert finding.related == ["objectives.kpis[0].deadline", "strategy.axes[0]"]
    if lang == "en":
        assert finding.message == (
            "'Weekly pre-orders' ended at 299 orders on 30 June 2027, short of its target of "
            "300 orders due on 30 June 2027. The strategic axis 'Pre-order pickup shelf' is "
            "at risk."
        )
    else:
        assert "a fini à 299 orders le 30 juin 2027" in finding.message
    # A missed target says more than "the deadline has passed": one finding, not two.
    assert _found(_profile(lang, short), "kpi.deadline_past", after) == []
    assert len(_found(_profile(lang, met), "kpi.deadline_past", after)) == 1


def test_target_missed_reads_a_falling_kpi_the_other_way() -> None:
    kpi = {"baseline": 9, "target": 3, "unit": "%"}
    after = DEADLINE + timedelta(days=1)
    assert _found(_profile("en", _reading(DEADLINE, 3), **kpi), "kpi.target_missed", after) == []
    assert _found(_profile("en", _reading(DEADLINE, 3.1), **kpi), "kpi.target_missed", after)


@pytest.mark.parametrize("lang", LANGS)
def test_off_track_twice_in_a_row_without_a_word_is_an_info(lang: str) -> None:
    today = date(2026, 12, 1)
    one, two = date(2026, 11, 23), date(2026, 11, 30)
    silent = _profile(lang, _reading(one, 120, "off_track"), _reading(two, 121, "off_track"))
    [finding] = _found(silent, "kpi.off_track_silent", today)
    assert finding.severity == "info"
    assert finding.related == ["strategy.axes[0]"]
    if lang == "en":
        assert finding.message.startswith(
            "'Weekly pre-orders' has been off track at 2 check-ins in a row (23 November "
            "2026, 30 November 2026) with no comment."
        )
    else:
        assert "hors trajectoire depuis 2 points d’étape de suite" in _plain(finding.message)
    said = _profile(lang, _reading(one, 120, "off_track"), _reading(two, 121, "off_track", "rain"))
    assert _found(said, "kpi.off_track_silent", today) == []
    once = _profile(lang, _reading(one, 120, "at_risk"), _reading(two, 121, "off_track"))
    assert _found(once, "kpi.off_track_silent", today) == []
    # Only the latest readings count: an old silent pair followed by a better week is fine.
    recovered = _profile(
        lang,
        _reading(date(2026, 11, 16), 119, "off_track"),
        _reading(one, 120, "off_track"),
        _reading(two, 160, "at_risk"),
    )
    assert _found(recovered, "kpi.off_track_silent", today) == []


def test_pace_findings_can_be_waived_like_any_other() -> None:
    from alignment_tui.model import Waiver

    p = _profile("en", _reading(HALF, 100))
    p.waivers = [Waiver(rule="kpi.off_pace", where="objectives.kpis[0].checkins", reason="flood")]
    result = analyze_profile(p, today=HALF)
    assert [f.rule_id for f in result.waived] == ["kpi.off_pace"]
    # A week's new reading keeps the waiver on the same place.
    p.objectives.kpis[0].checkins = [
        *p.objectives.kpis[0].checkins,
        _reading(HALF + timedelta(7), 101),
    ]
    result = analyze_profile(p, today=HALF + timedelta(7))
    assert [f.rule_id for f in result.waived] == ["kpi.off_pace"]
