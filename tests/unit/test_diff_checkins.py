"""``diff`` lists the check-ins two versions differ by, apart from the answers' changes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from alignment_tui.cli import main
from alignment_tui.model import CheckIn, Confidence, Kpi, Profile
from alignment_tui.report.diff import diff_profiles
from alignment_tui.store import save_profile

NOV = [date(2026, 11, d) for d in (2, 9, 16, 23)]


def _profile(readings: list[CheckIn], name: str = "Weekly pre-orders") -> Profile:
    p = Profile(lang="en")
    kpi = Kpi(id="weekly-pre-orders", name=name, baseline=90, target=300, unit="orders")
    kpi.checkins = readings
    p.objectives.kpis = [kpi]
    return p


def test_readings_added_removed_and_changed_follow_the_kpi_across_a_rename() -> None:
    old = _profile([CheckIn(date=NOV[0], value=120), CheckIn(date=NOV[1], value=126)])
    new = _profile(
        [
            CheckIn(date=NOV[1], value=128, confidence=Confidence.at_risk),
            CheckIn(date=NOV[2], value=131, comment="rain"),
        ],
        name="Pre-orders a week",
    )
    d = diff_profiles(old, new, lang="en")
    kinds = [(c.kind, c.day, c.kpi) for c in d.checkins]
    assert kinds == [
        ("removed", NOV[0], "Pre-orders a week"),
        ("changed", NOV[1], "Pre-orders a week"),
        ("added", NOV[2], "Pre-orders a week"),
    ]
    # The readings are not answers: the objectives layer shows the rename only.
    assert [c.column for c in d.layer("objectives").changes] == ["name"]


def test_no_reading_changed_no_section() -> None:
    same = _profile([CheckIn(date=NOV[0], value=120)])
    assert diff_profiles(same, same.model_copy(deep=True), lang="en").checkins == []


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_command_says_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    save_profile(_profile([CheckIn(date=NOV[0], value=120)]), a)
    readings = [
        CheckIn(date=NOV[0], value=121),
        CheckIn(date=NOV[3], value=140, confidence=Confidence.on_track, comment="flyer"),
    ]
    save_profile(_profile(readings), b)
    assert main(["diff", str(a), str(b), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)["checkins"]
        assert [(c["kind"], c["date"]) for c in data] == [
            ("changed", "2026-11-02"),
            ("added", "2026-11-23"),
        ]
        assert data[1]["new"] == {"value": 140, "confidence": "on_track", "comment": "flyer"}
        assert data[0]["old"]["value"] == 120
        return
    assert "Check-ins (2 readings added, removed or changed)" in out
    assert "  ~ Weekly pre-orders › 2 November 2026: 120 orders → 121 orders" in out
    assert "  + Weekly pre-orders › 23 November 2026: added, 140 orders — on track — “flyer”" in out
    assert "No answer changed." in out
