"""``alignment-tui next``: the next period's profile, valid, its baselines the last values,
its carried layers identical; the old file never modified."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alignment_tui.analysis import analyze_profile
from alignment_tui.cli import main
from alignment_tui.model import Cadence, CheckIn, Confidence, Kpi, Profile, Waiver
from alignment_tui.model.period import CARRIED, next_period
from alignment_tui.store import dumps_profile, load_profile, save_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
CLOSED = date(2027, 7, 1)


def _with_checkins(path: Path) -> Profile:
    p = load_profile(path)
    for i, kpi in enumerate(p.objectives.kpis):
        if i % 3 == 2:
            continue  # a KPI never checked in on keeps its baseline
        kpi.checkins = [
            CheckIn(date=date(2027, 3, 1), value=(kpi.baseline or 0) + 1),
            CheckIn(date=date(2027, 6, 28), value=(kpi.baseline or 0) + 7 + i,
                    confidence=Confidence.at_risk, comment=f"reading {i}"),
        ]  # fmt: skip
    return p


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_next_keeps_the_plan_and_starts_each_kpi_from_its_last_value(path: Path) -> None:
    old = _with_checkins(path)
    before = old.model_dump()
    new = next_period(old, CLOSED)
    assert old.model_dump() == before  # the old profile is not touched
    for layer in CARRIED:
        assert getattr(new, layer) == getattr(old, layer), layer
    assert new.objectives.focus == "" and not new.execution.channels
    [closed] = new.history[len(old.history) :]
    assert closed.closed == CLOSED and closed.focus == old.objectives.focus
    assert len(new.objectives.kpis) == len(closed.kpis) == len(old.objectives.kpis)
    for was, past, now in zip(old.objectives.kpis, closed.kpis, new.objectives.kpis, strict=True):
        assert past.id == now.id == was.id and past.name == now.name == was.name
        assert (past.target, past.deadline) == (was.target, was.deadline)
        assert (now.target, now.deadline, now.checkins) == (None, None, [])
        assert (now.axis, now.owner, now.cadence, now.unit) == (
            was.axis,
            was.owner,
            was.cadence,
            was.unit,
        )
        if was.checkins:
            last = was.checkins[-1]
            assert (now.baseline, now.baseline_date) == (last.value, last.date)
            assert (past.final_value, past.final_date) == (last.value, last.date)
            assert (past.final_confidence, past.final_comment) == (last.confidence, last.comment)
        else:
            assert now.baseline == was.baseline and past.final_value is None
    # Valid: it is written, read back equal, and analysed without error.
    assert Profile.model_validate(new.model_dump()) == new
    analyze_profile(new, today=CLOSED)


def test_waivers_follow_their_words(tmp_path: Path) -> None:
    p = load_profile(EXAMPLES[0])
    words = p.mission.statement.split()[0]
    p.waivers = [
        Waiver(rule="vague.abstract", where="mission.statement", text=words, reason="kept"),
        Waiver(rule="vague.abstract", where="mission.statement", text="gone words", reason="x"),
        Waiver(rule="kpi.implausible_jump", where="objectives.kpis[0].target", reason="y"),
    ]
    new = next_period(p, CLOSED)
    assert [w.reason for w in new.waivers] == ["kept"]


def test_a_second_next_adds_to_the_history() -> None:
    p = Profile(lang="en")
    p.objectives.kpis = [Kpi(name="Cafés supplied", baseline=4, target=12, cadence=Cadence.monthly)]
    p.objectives.kpis[0].checkins = [CheckIn(date=date(2027, 1, 5), value=9)]
    second = next_period(next_period(p, date(2027, 1, 10)), date(2027, 7, 10))
    assert [h.closed for h in second.history] == [date(2027, 1, 10), date(2027, 7, 10)]
    assert second.objectives.kpis[0].baseline == 9  # no reading in between: the last one known
    assert second.objectives.kpis[0].id == "cafes-supplied"


def _example_copy(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    p = _with_checkins(EXAMPLES[0])
    p.meta.created = datetime(2026, 9, 1, tzinfo=UTC)
    save_profile(p, path)
    return path


def test_the_command_writes_a_new_file_and_never_the_old(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example_copy(tmp_path)
    before = path.read_bytes()
    out = tmp_path / "next.toml"
    assert main(["next", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    count = len(load_profile(path).objectives.kpis)
    assert said.startswith(f"{out}: the next period, started from {path}. Its {count} KPIs start")
    assert path.read_bytes() == before
    new = load_profile(out)
    assert new.strategy == load_profile(path).strategy
    assert len(new.history) == 1 and new.history[0].closed == date.today()
    assert dumps_profile(new) == out.read_text()


@pytest.mark.parametrize("which", ["same", "exists"])
def test_the_command_refuses_to_write_over_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    path = _example_copy(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text("mine\n")
    target = path if which == "same" else other
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["next", str(path), "-o", str(target), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{target}")
    assert ("is the profile itself" if which == "same" else "already exists") in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_command_says_a_broken_profile_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 2\n[objectives\n")
    assert main(["next", str(broken), "-o", str(tmp_path / "n.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not valid TOML" in err
    assert sorted(os.listdir(tmp_path)) == ["broken.toml"]


def test_the_command_speaks_french_for_a_french_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = Profile(lang="fr")
    p.objectives.kpis = [Kpi(name="Abonnés", baseline=300, target=600)]
    path = tmp_path / "atelier.toml"
    save_profile(p, path)
    assert main(["next", str(path), "-o", str(tmp_path / "suite.toml")]) == 0
    out = capsys.readouterr().out.replace("\u202f", " ")
    assert "la période suivante" in out and "Son indicateur part de sa dernière valeur" in out
