"""Schema version 2: version 1 files open unchanged but for KPI ids; ids stay; round trips."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment_tui.model import (
    SCHEMA_VERSION,
    CheckIn,
    Confidence,
    Kpi,
    PastKpi,
    PastPeriod,
    Profile,
)
from alignment_tui.store import ProfileError, dumps_profile, load_profile, profile_io, save_profile

ROOT = Path(__file__).resolve().parents[2]
V1_FILES = sorted(
    p
    for p in (ROOT / "examples").rglob("*.toml")
    if tomllib.loads(p.read_text())["schema_version"] == 1
)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    """Every scalar of parsed TOML by its path (tables by key, arrays by index)."""
    out: dict[tuple[Any, ...], Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out |= _leaves(value, (*path, key))
    elif isinstance(data, list) and data:
        for i, value in enumerate(data):
            out |= _leaves(value, (*path, i))
    else:
        out[path] = data
    return out


def test_there_are_version_1_examples_to_migrate() -> None:
    # The examples of the first version stay as they were written: they are the proof
    # that such files still open.
    assert len(V1_FILES) >= 6


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.name)
def test_every_version_1_example_opens_unchanged_but_for_the_kpi_ids(path: Path) -> None:
    raw = tomllib.loads(path.read_text())
    profile = load_profile(path)
    saved = tomllib.loads(dumps_profile(profile))
    before, after = _leaves(raw), _leaves(saved)
    for key, value in before.items():
        if key == ("schema_version",):
            continue
        assert after.get(key) == value, key
    added = {k: v for k, v in after.items() if k not in before}
    ids = {k: v for k, v in added.items() if k[:2] == ("objectives", "kpis") and k[-1] == "id"}
    assert len(ids) == sum(1 for k in profile.objectives.kpis if k.name.strip())
    # Whatever else the saved file writes is a default (empty text, empty list) of a key
    # the hand-written file left out.
    assert all(v in ("", [], {}, False) for k, v in added.items() if k not in ids), added
    assert saved["schema_version"] == SCHEMA_VERSION == 2


def test_a_hand_written_version_1_file_gets_ids_from_the_names(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(
        'schema_version = 1\nlang = "fr"\n\n[objectives]\n'
        '[[objectives.kpis]]\nname = "Chiffre d’affaires été"\nbaseline = 10\ntarget = 20\n'
        '[[objectives.kpis]]\nname = "Chiffre d’affaires été"\n'
        '[[objectives.kpis]]\nname = ""\nunit = "€"\n'
        '[[objectives.kpis]]\nname = "😀"\n'
    )
    profile = load_profile(path)
    assert [k.id for k in profile.objectives.kpis] == [
        "chiffre-d-affaires-ete",
        "chiffre-d-affaires-ete-2",
        "",  # no name yet: no id until it is named
        "kpi-4",
    ]
    assert profile.objectives.kpis[0].baseline == 10
    assert path.read_text().startswith("schema_version = 1\n")  # reading changes nothing
    save_profile(profile, path)
    assert path.read_text().startswith("schema_version = 2\n")
    assert load_profile(path) == profile


def test_a_renamed_kpi_keeps_its_id(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    profile.objectives.kpis = [Kpi(name="Weekly pre-orders")]
    assert profile.objectives.kpis[0].id == "weekly-pre-orders"
    profile.objectives.kpis[0].name = "Pre-orders each week"
    save_profile(profile, path)
    again = load_profile(path)
    assert again.objectives.kpis[0].id == "weekly-pre-orders"
    assert again.objectives.kpis[0].name == "Pre-orders each week"
    # A new KPI named like the first gets an id of its own.
    again.objectives.kpis = [*again.objectives.kpis, Kpi(name="Weekly pre-orders")]
    assert [k.id for k in again.objectives.kpis] == ["weekly-pre-orders", "weekly-pre-orders-2"]


def test_two_kpis_with_one_id_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        "schema_version = 2\n\n[objectives]\n"
        '[[objectives.kpis]]\nid = "sales"\nname = "Sales"\n\n'
        '[[objectives.kpis]]\nid = "sales"\nname = "Sales online"\n'
    )
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert info.value.message("en") == (
        f'{path}:9:6: two KPIs have the id "sales". Give one of them another id '
        "(ids name a KPI for check-ins)."
    )
    assert "« sales »" in info.value.message("fr")


def test_a_newer_file_says_which_version_this_program_reads(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(f"schema_version = {SCHEMA_VERSION + 1}\n")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert info.value.message("en") == (
        f"{path}: written by a newer alignment-tui (schema version 3); this one reads "
        "version 2. Upgrade alignment-tui to open it."
    )


def test_a_version_1_program_reading_a_version_2_file_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The version 1 loader refused any version above its own before validating anything:
    # the same code path, with its number, is what such a program says of this file.
    path = tmp_path / "p.toml"
    profile = Profile()
    profile.objectives.kpis = [
        Kpi(name="Sales", checkins=[CheckIn(date=date(2026, 11, 2), value=3)])
    ]
    save_profile(profile, path)
    monkeypatch.setattr(profile_io, "SCHEMA_VERSION", 1)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = info.value.message("fr")
    assert "(schéma 2)" in message and "lit la version 1" in message


def test_the_json_schema_documents_the_new_fields() -> None:
    from alignment_tui.cli.commands.schema import profile_schema

    defs = profile_schema()["$defs"]
    assert {"id", "baseline_date", "checkins"} <= set(defs["Kpi"]["properties"])
    assert set(defs["CheckIn"]["required"]) == {"date", "value"}
    assert defs["Confidence"]["enum"] == ["on_track", "at_risk", "off_track"]
    assert {"final_value", "final_date", "final_confidence"} <= set(defs["PastKpi"]["properties"])
    assert "history" in profile_schema()["properties"]


texts = st.text(max_size=30) | st.sampled_from(['"""', "x\r\ny", "😀", "\x00\x1f", "line\n"])
numbers = st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
confidences = st.none() | st.sampled_from(list(Confidence))
checkins = st.builds(CheckIn, date=days, value=numbers, confidence=confidences, comment=texts)


@st.composite
def kpis(draw: st.DrawFn, index: int) -> Kpi:
    return Kpi(
        id=draw(st.sampled_from(["", f"kpi-{index}", f"é {index}"])),
        name=draw(texts),
        baseline=draw(st.none() | numbers),
        baseline_date=draw(st.none() | days),
        target=draw(st.none() | numbers),
        deadline=draw(st.none() | days),
        checkins=draw(st.lists(checkins, max_size=60)),
    )


@st.composite
def profiles_with_checkins(draw: st.DrawFn) -> Profile:
    p = Profile(lang=draw(st.sampled_from([None, "fr", "en"])))
    p.meta.created = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    p.objectives.kpis = [draw(kpis(i)) for i in range(draw(st.integers(0, 10)))]
    past = [
        PastKpi(
            id=f"old-{i}",
            name=draw(texts),
            final_value=draw(st.none() | numbers),
            final_date=draw(st.none() | days),
            final_confidence=draw(confidences),
            final_comment=draw(texts),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    p.history = [PastPeriod(closed=draw(st.none() | days), focus=draw(texts), kpis=past)]
    return p


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_checkins())
def test_round_trip_with_many_checkins_is_exact(
    tmp_path_factory: pytest.TempPathFactory, profile: Profile
) -> None:
    path = tmp_path_factory.mktemp("rt") / "p.toml"
    save_profile(profile, path)
    assert load_profile(path) == profile
