"""``alignment-tui checkin PROFILE.toml`` alone: plain mode asks each KPI's reading in turn,
with piped input; an empty line keeps or skips, each KPI is saved as it is given."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from alignment_tui.cli import main
from alignment_tui.model import Cadence, CheckIn, Confidence, Kpi, Profile
from alignment_tui.store import ProfileLock, load_profile, save_profile

TODAY = date.today()  # the command reads the real date: the profile is built around it
START = TODAY - timedelta(days=70)


def _profile(tmp_path: Path, lang: str) -> Path:
    p = Profile(lang=lang)  # type: ignore[arg-type]
    p.meta.organisation = "Kiln"
    p.meta.created = datetime.combine(START, datetime.min.time(), tzinfo=UTC)
    unit = "abonnés" if lang == "fr" else "subscribers"
    subscribers = Kpi(name="Subscribers", baseline=800, target=2000, unit=unit)
    subscribers.deadline, subscribers.cadence = TODAY + timedelta(days=140), Cadence.weekly
    subscribers.checkins = [CheckIn(date=TODAY - timedelta(days=7), value=1100)]
    revenue = Kpi(name="Revenue", baseline=10000, target=15000, unit="EUR")
    revenue.deadline = TODAY + timedelta(days=200)
    repeat = Kpi(name="Repeat", baseline=40, target=60, unit="% of customers")
    repeat.deadline = TODAY + timedelta(days=200)
    p.objectives.kpis = [subscribers, revenue, repeat]
    path = tmp_path / "kiln.toml"
    save_profile(p, path)
    return path


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], path: Path, typed: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code = main(["checkin", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def _today(path: Path) -> dict[str, CheckIn]:
    kpis = load_profile(path).objectives.kpis
    return {k.id: c for k in kpis for c in k.checkins if c.date == TODAY}


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("en", "1,250\n1\nflyer in the newsletter\n12.4k\n3\n\n62%\n\n\n"),
        ("fr", "1 250\n1\nflyer dans la lettre\n12,4 k\n3\n\n62 %\n\n\n"),
    ],
)
def test_every_kpi_in_turn_with_piped_input(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    typed: str,
) -> None:
    path = _profile(tmp_path, lang)
    code, out, err = _run(monkeypatch, capsys, path, typed)
    assert (code, err) == (0, "")
    saved = _today(path)
    assert {k: float(c.value) for k, c in saved.items()} == {
        "subscribers": 1250,
        "revenue": 12400,
        "repeat": 62,
    }
    assert saved["subscribers"].confidence is Confidence.on_track
    assert saved["revenue"].confidence is Confidence.off_track
    assert saved["repeat"].confidence is None
    assert saved["subscribers"].comment.startswith("flyer")
    assert saved["revenue"].comment == ""
    # Each KPI said before it is asked: its plan, its last reading, the steady pace.
    assert "800 → 2" in out and ("1,100" in out or "1\u202f100" in out)
    done = "3 readings recorded" if lang == "en" else "3\u00a0relevés notés"
    assert done in out
    assert not (tmp_path / ".kiln.toml.lock").exists()  # the lock is given back


def test_an_empty_line_skips_or_keeps_and_a_refused_value_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, "en")
    _run(monkeypatch, capsys, path, "1,300\n2\nfirst word\n")  # input ends after one KPI
    assert set(_today(path)) == {"subscribers"}
    # Again: the value kept by an empty line, the confidence kept, a new comment; a
    # value with another unit refused and asked again; the last KPI skipped.
    typed = "\n\nsecond word\n12 cafés\n12k\n\n\n\n"
    code, out, err = _run(monkeypatch, capsys, path, typed)
    assert (code, err) == (0, "")
    saved = _today(path)
    assert float(saved["subscribers"].value) == 1300
    assert saved["subscribers"].confidence is Confidence.at_risk
    assert saved["subscribers"].comment == "second word"
    assert float(saved["revenue"].value) == 12000
    assert "repeat" not in saved
    assert "the unit cafés is not this KPI's (EUR)" in out
    assert "Skipped: no reading recorded." in out
    kpi = load_profile(path).objectives.kpis[0]
    assert [c.date for c in kpi.checkins] == [TODAY - timedelta(days=7), TODAY]


def test_a_profile_open_elsewhere_is_left_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, "en")
    before = path.read_bytes()
    other = ProfileLock(path)
    assert other.acquire()
    try:
        code, out, err = _run(monkeypatch, capsys, path, "1,300\n\n\n")
    finally:
        other.release()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "is open in alignment-tui elsewhere" in err
    assert path.read_bytes() == before
