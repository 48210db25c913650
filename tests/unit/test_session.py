"""The walk's order and navigation, and the autosave bookkeeping, without a terminal."""

from __future__ import annotations

import threading
from pathlib import Path

from alignment_tui.model.profile import Profile
from alignment_tui.session import ProfileWriter, SaveState, Steps
from alignment_tui.store import load_profile, save_profile

PLAN = [("values", ["values.items", "values.origin"]), ("vision", ["vision.statement"])]


def test_walk_order_is_intro_questions_review_then_summary() -> None:
    keys = [s.key for s in Steps(PLAN).steps]
    assert keys == [
        "intro:values",
        "values.items",
        "values.origin",
        "review:values",
        "intro:vision",
        "vision.statement",
        "review:vision",
        "summary",
    ]


def test_next_and_back_stop_at_the_ends_without_refusing() -> None:
    session = Steps(PLAN)
    assert session.back().key == "intro:values"
    for _ in range(20):
        session.next()
    assert session.current.key == "summary" and session.at_end


def test_jump_to_question_layer_and_unknown_position() -> None:
    session = Steps(PLAN)
    assert session.go("vision.statement") and session.current.layer == "vision"
    assert session.go_layer("values") and session.current.key == "intro:values"
    assert not session.go("nope") and session.current.key == "intro:values"
    session.restore("values.origin")
    assert session.current.key == "values.origin"
    session.restore("another-bank.question")
    assert session.index == 0


def test_progress_counts_questions_only() -> None:
    session = Steps(PLAN)
    session.go("values.origin")
    assert session.progress() == (2, 3)


def test_save_is_due_by_the_maximum_wait_while_changes_keep_coming() -> None:
    saves = SaveState()
    now = 0.0
    due_at = None
    while now < 2.0:
        saves.changed(now)  # a keystroke every 0.1 s, never a pause
        if saves.should_save(now):
            due_at = now
            break
        now += 0.1
    assert due_at is not None and due_at < 1.0


def test_one_save_at_a_time_and_a_failed_save_stays_pending() -> None:
    saves = SaveState()
    saves.changed(0.0)
    assert saves.should_save(1.0)
    saves.begin()
    saves.changed(1.1)
    assert not saves.should_save(5.0)  # the first save is still running
    assert saves.done("disk full", now=5.0) is True
    assert saves.dirty
    saves.begin()
    assert saves.done("disk full", now=6.0) is False  # same error: not reported twice


def test_read_only_and_paused_never_save() -> None:
    saves = SaveState(read_only=True)
    saves.changed(0.0)
    assert not saves.dirty and saves.next_check(0.0) is None
    saves = SaveState()
    saves.changed(0.0)
    saves.paused = True
    assert not saves.should_save(10.0)


def test_writer_never_writes_an_older_snapshot_over_a_newer(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    stamp = save_profile(profile, path)
    writer = ProfileWriter(path, stamp)
    profile.vision.statement = "old"
    old = writer.snapshot(profile)
    profile.vision.statement = "new"
    new = writer.snapshot(profile)
    assert writer.write(*new, "en").status == "saved"
    assert writer.write(*old, "en").status == "stale"
    assert load_profile(path).vision.statement == "new"


def test_writer_reports_a_conflict_and_leaves_the_other_version(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    writer = ProfileWriter(path, save_profile(profile, path))
    other = Profile()
    other.vision.statement = "written elsewhere"
    save_profile(other, path)
    profile.vision.statement = "mine"
    assert writer.write(*writer.snapshot(profile), "en").status == "conflict"
    assert load_profile(path).vision.statement == "written elsewhere"
    assert writer.write(*writer.snapshot(profile), "en", force=True).status == "saved"
    assert load_profile(path).vision.statement == "mine"


def test_writer_error_is_one_line_in_the_language(tmp_path: Path) -> None:
    writer = ProfileWriter(tmp_path / "missing" / "p.toml", None)
    result = writer.write(*writer.snapshot(Profile()), "fr")
    assert result.status == "error" and "\n" not in result.message and "p.toml" in result.message


def test_writes_from_threads_are_serialised(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    writer = ProfileWriter(path, save_profile(profile, path))
    snaps = []
    for i in range(8):
        profile.mission.statement = f"v{i}"
        snaps.append(writer.snapshot(profile))
    threads = [threading.Thread(target=writer.write, args=(*s, "en")) for s in reversed(snaps)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert load_profile(path).mission.statement == "v7"
