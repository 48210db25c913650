"""The profile file: exact round trip, readable TOML, atomic saves, one-line errors."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment_tui.model import (
    SCHEMA_VERSION,
    Axis,
    Budget,
    Channel,
    Kpi,
    Persona,
    Profile,
    ValueItem,
    Waiver,
)
from alignment_tui.store import (
    ProfileError,
    ProfileLock,
    SaveScheduler,
    changed_on_disk,
    dumps_profile,
    load_profile,
    read_profile,
    save_profile,
)

texts = st.text(max_size=60) | st.sampled_from(
    ['"""', "'''", "a\\b", "tab\there", "x\r\ny", "😀 émoji", "\x00\x1f\x7f", "line\n", "\n\n"]
)
long_texts = st.text(min_size=2000, max_size=5000)
numbers = st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
stamps = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    p = Profile(lang=draw(st.sampled_from([None, "fr", "en"])))
    p.meta.organisation = draw(texts)
    p.meta.created = draw(st.none() | stamps)
    p.settings.accepted_terms = draw(st.lists(texts, max_size=3))
    p.personas = [Persona(id=draw(texts), name=draw(texts)) for _ in range(draw(st.integers(0, 2)))]
    p.values.items = [
        ValueItem(name=draw(texts), meaning=draw(texts), behaviour=draw(texts))
        for _ in range(draw(st.integers(0, 3)))
    ]
    p.values.horizon_years = draw(st.none() | st.integers(0, 100))
    p.vision.statement = draw(texts | long_texts)
    p.mission.plan = draw(st.lists(texts, max_size=3))
    p.strategy.axes = [Axis(id=draw(texts), name=draw(texts))]
    p.objectives.kpis = [
        Kpi(
            name=draw(texts),
            baseline=draw(st.none() | numbers),
            target=draw(st.none() | numbers),
            deadline=draw(st.none() | dates),
        )
    ]
    p.execution.budget = Budget(amount=draw(st.none() | numbers), currency="EUR", period="year")
    p.execution.channels = [
        Channel(name=draw(texts), budget_share=draw(st.none() | st.floats(0, 1)))
    ]
    p.answers = draw(st.dictionaries(texts, texts | st.lists(texts, max_size=2), max_size=3))
    p.notes = draw(st.dictionaries(texts, texts, max_size=2))
    p.waivers = [Waiver(rule="vague.hedge", where=draw(texts), reason=draw(texts), at=draw(stamps))]
    return p


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_round_trip_is_exact(tmp_path_factory: pytest.TempPathFactory, profile: Profile) -> None:
    path = tmp_path_factory.mktemp("rt") / "p.toml"
    save_profile(profile, path)
    assert load_profile(path) == profile


def test_line_endings_are_normalised_by_the_model() -> None:
    p = Profile()
    p.vision.statement = "one\r\ntwo\rthree"
    assert p.vision.statement == "one\ntwo\nthree"


def test_multi_line_answers_diff_line_by_line(tmp_path: Path) -> None:
    p = Profile()
    p.vision.statement = "first line\nsecond line\nthird line"
    save_profile(p, tmp_path / "a.toml")
    before = (tmp_path / "a.toml").read_text().splitlines()
    p.vision.statement = "first line\nsecond line, changed\nthird line"
    save_profile(p, tmp_path / "a.toml")
    after = (tmp_path / "a.toml").read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("second line", "second line, changed")]


def test_schema_version_comes_first_and_every_layer_is_written(tmp_path: Path) -> None:
    text = dumps_profile(Profile())
    assert text.startswith(f"schema_version = {SCHEMA_VERSION}\n")
    for section in ("[values]", "[vision]", "[mission]", "[strategy]", "[objectives]"):
        assert section in text
    assert "[execution]" in text


def test_saved_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    save_profile(Profile(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [f.name for f in tmp_path.iterdir()] == ["p.toml"]  # no temporary file left


def _error_for(path: Path) -> ProfileError:
    before = path.read_bytes()
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert path.read_bytes() == before  # a failed load never touches the file
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return info.value


def test_broken_toml_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('schema_version = 1\n[vision]\nstatement = "unterminated\n')
    err = _error_for(path)
    assert str(err).startswith(f"{path}:3:")
    assert "TOML" in str(err)
    assert "TOML invalide" in err.message("fr")


def test_foreign_toml_is_not_a_profile(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "something"\n')
    assert "not an alignment profile" in str(_error_for(path))


def test_unknown_field_is_named_with_its_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        textwrap.dedent(
            """\
            schema_version = 1
            [objectives]
            focus = "x"
            [[objectives.kpis]]
            name = "a"
            [[objectives.kpis]]
            name = "b"
            deadline = "someday"
            """
        )
    )
    err = str(_error_for(path))
    assert "objectives.kpis[1].deadline" in err
    assert f"{path}:8:" in err


def test_newer_schema_version_says_which_version_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("schema_version = 99\n")
    err = str(_error_for(path))
    assert "99" in err and f"version {SCHEMA_VERSION}" in err


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no such file"):
        load_profile(tmp_path / "nope.toml")
    with pytest.raises(ProfileError, match="folder"):
        load_profile(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(b"schema_version = 1\n\xff\xfe")
    assert "UTF-8" in str(_error_for(path))


def test_failed_save_leaves_the_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.toml"
    original = Profile()
    original.vision.statement = "kept"
    save_profile(original, path)
    before = path.read_bytes()

    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    changed = Profile()
    changed.vision.statement = "lost"
    with pytest.raises(ProfileError, match="disk is full"):
        save_profile(changed, path)
    assert path.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["p.toml"]


def test_save_into_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "p.toml"
    save_profile(Profile(), path)
    before = path.read_bytes()
    folder.chmod(0o500)
    try:
        if os.geteuid() == 0:
            # root ignores permission bits: make the folder refuse like a read-only mount.
            import tempfile

            def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
                raise OSError(errno.EROFS, "Read-only file system")

            monkeypatch.setattr(tempfile, "mkstemp", refuse)
        with pytest.raises(ProfileError, match="read-only") as info:
            save_profile(Profile(lang="fr"), path)
        assert "lecture seule" in info.value.message("fr")
    finally:
        folder.chmod(0o700)
    assert path.read_bytes() == before


def test_changed_on_disk_detects_content_not_touch(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    stamp = save_profile(Profile(), path)
    assert not changed_on_disk(path, stamp)
    os.utime(path, ns=(1, 1))  # touched, same content
    assert not changed_on_disk(path, stamp)
    other = Profile()
    other.vision.statement = "edited elsewhere"
    path.write_text(dumps_profile(other))
    assert changed_on_disk(path, stamp)
    _, fresh = read_profile(path)
    assert not changed_on_disk(path, fresh)


def test_second_process_cannot_take_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    code = (
        "import sys; from alignment_tui.store import ProfileLock;"
        f"sys.exit(0 if ProfileLock({str(path)!r}).acquire() else 3)"
    )
    with ProfileLock(path) as lock:
        assert lock.held
        held = subprocess.run([sys.executable, "-c", code], check=False)
        assert held.returncode == 3
    free = subprocess.run([sys.executable, "-c", code], check=False)
    assert free.returncode == 0


def test_save_scheduler_saves_within_a_second_while_typing() -> None:
    sched = SaveScheduler(debounce=0.3, max_wait=0.8)
    assert not sched.due(0.0)
    saved_at = None
    for tick in range(30):  # a key every 100 ms, without a pause
        now = tick / 10
        sched.changed(now)
        if sched.due(now):
            saved_at = now
            break
    assert saved_at is not None and saved_at <= 0.9
    sched.saved()
    assert not sched.dirty and sched.next_check(5.0) is None
    sched.changed(10.0)
    assert not sched.due(10.2) and sched.due(10.31)


def test_a_write_by_another_program_right_after_a_save_is_still_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program writes the file in the instant after our rename: the stamp our save
    # returns must describe our bytes, not theirs, or their change would go unnoticed.
    from alignment_tui.store import profile_io

    path = tmp_path / "p.toml"
    real_replace = os.replace

    def replace_then_overwrite(src: str, dst: os.PathLike[str] | str) -> None:
        real_replace(src, dst)
        theirs = Profile()
        theirs.values.origin = "theirs, a longer answer"
        Path(dst).write_text(profile_io.dumps_profile(theirs), encoding="utf-8")

    monkeypatch.setattr(profile_io.os, "replace", replace_then_overwrite)
    mine = Profile()
    mine.values.origin = "mine"
    stamp = save_profile(mine, path)
    monkeypatch.undo()
    assert changed_on_disk(path, stamp)
    assert load_profile(path).values.origin == "theirs, a longer answer"
