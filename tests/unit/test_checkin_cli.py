"""``alignment-tui checkin``: a reading recorded headless; bad input is one line, exit 2,
and the file byte for byte as it was."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from alignment_tui.cli import main
from alignment_tui.model import Axis, Cadence, Confidence, Kpi, Profile
from alignment_tui.store import ProfileLock, load_profile, save_profile

TODAY = date.today()  # the command reads the real date: the profile is built around it
START = TODAY - timedelta(days=70)


def _profile(tmp_path: Path, lang: str = "en") -> Path:
    p = Profile(lang=lang)  # type: ignore[arg-type]
    p.meta.organisation = "Two Ovens Bakery"
    p.meta.created = datetime.combine(START, datetime.min.time(), tzinfo=UTC)
    p.strategy.axes = [Axis(id="preorder", name="Pre-order pickup shelf")]
    pre_orders = Kpi(name="Weekly pre-orders", baseline=90, target=300, unit="orders per week")
    pre_orders.deadline, pre_orders.cadence = TODAY + timedelta(days=140), Cadence.weekly
    pre_orders.axis = "preorder"
    unsold = Kpi(name="Unsold bread", baseline=9, target=3, unit="% of loaves baked")
    unsold.baseline_date = TODAY - timedelta(days=14)
    p.objectives.kpis = [pre_orders, unsold]
    path = tmp_path / "bakery.toml"
    save_profile(p, path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["checkin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_reading_is_recorded_with_its_confidence_and_comment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path)
    code, out, err = _run(
        capsys, str(path), "--kpi", "weekly-pre-orders", "--value", "1.2k",
        "--confidence", "at_risk", "--comment", "two cafés paused their order",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith(f"{path}: Weekly pre-orders at 1,200 orders per week on ")
    assert "(at risk), recorded. A steady pace from the baseline to the target expected 160" in out
    [entry] = load_profile(path).objectives.kpis[0].checkins
    assert (entry.date, entry.value, entry.confidence) == (TODAY, 1200, Confidence.at_risk)
    assert entry.comment == "two cafés paused their order"
    assert not (tmp_path / ".bakery.toml.lock").exists()  # the lock is given back
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("lang", "typed", "value"),
    [("fr", "1 250", 1250), ("fr", "7,5 %", 7.5), ("en", "62%", 62), ("en", "1,250", 1250)],
)
def test_values_in_each_languages_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, typed: str, value: float
) -> None:
    path = _profile(tmp_path, lang)
    code, out, _ = _run(capsys, str(path), "--kpi", "unsold-bread", "--value", typed)
    assert code == 0
    assert load_profile(path).objectives.kpis[1].checkins[0].value == value
    assert (" noté." if lang == "fr" else ", recorded.") in out


def test_a_day_given_replaces_that_days_reading_and_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, "fr")
    day = (TODAY - timedelta(days=7)).strftime("%d/%m/%Y")
    assert (
        _run(capsys, str(path), "--kpi", "weekly-pre-orders", "--value", "150", "--date", day)[0]
        == 0
    )
    code, out, _ = _run(
        capsys, str(path), "--kpi", "weekly-pre-orders", "--value", "155", "--date", day
    )
    assert code == 0 and "à la place du point d’étape de ce jour-là" in out
    assert [c.value for c in load_profile(path).objectives.kpis[0].checkins] == [155]


def test_a_version_1_file_is_upgraded_and_the_user_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.toml"
    path.write_text(
        'schema_version = 1\nlang = "en"\n\n[objectives]\n[[objectives.kpis]]\n'
        'name = "Cafés supplied"\nbaseline = 4\ntarget = 12\nunit = "cafés"\n'
    )
    code, _, err = _run(capsys, str(path), "--kpi", "cafes-supplied", "--value", "5 cafés")
    assert code == 0
    assert err == (
        f"{path} is now written in schema version 2 (it was 1): an alignment-tui that reads "
        "only version 1 can no longer open it.\n"
    )
    assert path.read_text().startswith("schema_version = 2\n")


PRE = ["--kpi", "weekly-pre-orders", "--value", "12"]
LATER = (TODAY + timedelta(days=1)).isoformat()
EARLIER = (START - timedelta(days=1)).isoformat()
BAD = [
    (["--kpi", "pre-orders", "--value", "12"], 'no KPI has the id "pre-orders". The KPIs '
     "of this profile are: weekly-pre-orders, unsold-bread."),
    (["--kpi", "weekly-pre-orders", "--value", "a lot"], '"a lot" is not a value'),
    (["--kpi", "weekly-pre-orders", "--value", "12 €"], "the unit € is not this KPI's"),
    ([*PRE, "--date", "June"], '"June" is not a day'),
    ([*PRE, "--date", "31/02/2026"], "not a day of the calendar"),
    ([*PRE, "--date", LATER], "is after today"),
    ([*PRE, "--date", EARLIER], "is before the baseline's"),
    (["--kpi", "unsold-bread", "--value", "6", "--date", (TODAY - timedelta(days=15)).isoformat()],
     "is before the baseline's"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "said"), BAD, ids=[b[1][:24] for b in BAD])
def test_bad_input_is_one_line_exit_2_and_the_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    path = _profile(tmp_path)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    code, out, err = _run(capsys, str(path), *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"{path}: ") and said in err
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(tmp_path)) == ["bakery.toml"]  # no temporary file, no lock left


def test_bad_input_speaks_the_profiles_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, "fr")
    code, _, err = _run(capsys, str(path), "--kpi", "ventes", "--value", "12")
    assert code == 2
    assert err.replace("\u202f", " ").startswith(
        f"{path} : aucun indicateur n’a l’identifiant « ventes ». Les indicateurs de ce profil"
    )


def test_a_profile_open_in_a_window_is_left_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path)
    before = path.read_bytes()
    with ProfileLock(path) as held:
        assert held.held
        code, _, err = _run(capsys, str(path), "--kpi", "weekly-pre-orders", "--value", "150")
    assert code == 2
    assert err == (
        f"{path} is open in alignment-tui elsewhere (pid {os.getpid()}): check in from that "
        "window, or close it and run this again. Nothing was changed.\n"
    )
    assert path.read_bytes() == before


def test_a_read_only_file_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path)
    path.chmod(0o400)
    before = path.read_bytes()
    code, _, err = _run(capsys, str(path), "--kpi", "weekly-pre-orders", "--value", "150")
    assert code == 2 and err.count("\n") == 1 and "read-only" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--kpi", "weekly-pre-orders", "--value", "12", "--confidence", "fine"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    path = _profile(tmp_path)
    before = path.read_bytes()
    with pytest.raises(SystemExit) as info:
        main(["checkin", str(path), *argv])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("argv", [["--value", "12"], ["--kpi", "weekly-pre-orders"]])
def test_one_of_kpi_and_value_alone_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Both record one reading, neither walks every KPI: one alone is a mistake."""
    path = _profile(tmp_path)
    before = path.read_bytes()
    code, out, err = _run(capsys, str(path), *argv)
    assert (code, out) == (2, "")
    assert (
        err == f"{argv[0]} alone: give both --kpi and --value to record one reading, or "
        "neither to be asked for each KPI's reading in turn.\n"
    )
    assert path.read_bytes() == before


def test_a_missing_or_broken_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, str(tmp_path / "none.toml"), "--kpi", "x", "--value", "1")
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 2\n[objectives\n")
    code, _, err = _run(capsys, str(broken), "--kpi", "x", "--value", "1")
    assert code == 2 and "not valid TOML" in err
    assert broken.read_text() == "schema_version = 2\n[objectives\n"


@pytest.mark.parametrize(("lang", "words"), [("en", "example:"), ("fr", "exemple")])
def test_help_has_an_example_in_each_language(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["checkin", "--help", "--lang", lang])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert words in out and "alignment-tui checkin " in out and "--kpi" in out
    assert ("62 %" if lang == "fr" else "62%") in out
