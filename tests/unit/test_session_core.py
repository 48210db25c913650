"""The session core without a terminal: open, lock, resume, skip, answer, waive, note, save."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alignment_tui.model.bank import Bank, builtin_bank_dir, load_bank
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.session import ProfileSession, create_session, open_session
from alignment_tui.store import ProfileLock, load_profile, save_profile
from tests.unit.test_plain import CUSTOM_QUESTION

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "aligned-en-two-ovens-bakery.toml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def _open(bank: Bank, path: Path, **kwargs: object) -> ProfileSession:
    session = open_session(bank, path, "en", **kwargs)  # type: ignore[arg-type]
    assert isinstance(session, ProfileSession), session
    return session


def _new(tmp_path: Path, **meta: object) -> Path:
    path = tmp_path / "p.toml"
    save_profile(Profile(lang="en", meta=Meta(organisation="Kiln", **meta)), path)  # type: ignore[arg-type]
    return path


def test_opening_and_closing_writes_nothing_and_releases_the_lock(
    tmp_path: Path, bank: Bank
) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(b"# a comment the program would not write\n" + EXAMPLE.read_bytes())
    before = path.read_bytes()
    session = _open(bank, path)
    assert session.read_only == "" and session.lock.held
    result, copy = session.close("en", lambda: tmp_path / "copy.toml")
    assert result.status == "unchanged" and copy is None
    assert path.read_bytes() == before and not session.lock.held


def test_a_profile_another_window_holds_opens_read_only_and_is_never_written(
    tmp_path: Path, bank: Bank
) -> None:
    path = _new(tmp_path)
    before = path.read_bytes()
    with ProfileLock(path) as other:
        assert other.held
        session = _open(bank, path)
        assert session.read_only == "locked" and not session.lock.held
        question = bank.question("values.origin")
        assert session.answer(question, "fired in a shared kiln") == ""  # kept in memory
        assert not session.writable
        assert session.close("en", lambda: tmp_path / "copy.toml")[0].status == "unchanged"
    assert path.read_bytes() == before and not (tmp_path / "copy.toml").exists()


def test_a_file_made_read_only_by_its_owner_opens_read_only(tmp_path: Path, bank: Bank) -> None:
    path = _new(tmp_path)
    path.chmod(0o400)
    session = _open(bank, path)
    assert session.read_only == "file"
    session.close("en", lambda: tmp_path / "copy.toml")


def test_resume_lands_on_the_saved_step(tmp_path: Path, bank: Bank) -> None:
    session = _open(bank, _new(tmp_path, position="strategy.insight"))
    assert session.current.key == "strategy.insight"
    assert session.question is not None and session.question.id == "strategy.insight"
    session.close("en", lambda: tmp_path / "copy.toml")


def test_resume_without_a_position_goes_to_the_first_question_without_an_answer(
    tmp_path: Path, bank: Bank
) -> None:
    profile = load_profile(EXAMPLE)
    profile.meta.position = ""
    profile.vision.statement = ""
    path = tmp_path / "p.toml"
    save_profile(profile, path)
    session = _open(bank, path)
    assert session.current.key == "vision.statement"
    session.close("en", lambda: tmp_path / "copy.toml")
    # an empty profile (or a position from another bank) starts at the top
    fresh = _open(bank, _new(tmp_path / "..", position="another-bank.question"))
    assert fresh.current.key == "intro:values"
    fresh.close("en", lambda: tmp_path / "copy.toml")


def test_moving_is_saved_so_that_a_reopened_file_resumes_there(tmp_path: Path, bank: Bank) -> None:
    path = _new(tmp_path)
    session = _open(bank, path)
    assert session.go("mission.statement") and session.saves.dirty
    session.close("en", lambda: tmp_path / "copy.toml")
    assert load_profile(path).meta.position == "mission.statement"
    assert _open(bank, path).current.key == "mission.statement"


def test_a_walk_from_the_top_keeps_no_position(tmp_path: Path, bank: Bank) -> None:
    path = _new(tmp_path, position="mission.statement")
    before = path.read_bytes()
    session = _open(bank, path, keep_position=False)
    session.top()
    for _ in range(5):
        session.next()
    assert not session.saves.dirty
    assert session.close("en", lambda: tmp_path / "copy.toml")[0].status == "unchanged"
    assert path.read_bytes() == before


def test_skip_marks_an_unanswered_question_once_and_an_answer_takes_it_off(
    tmp_path: Path, bank: Bank
) -> None:
    session = _open(bank, _new(tmp_path))
    session.go("values.items")
    after = session.skip()
    assert after.kind == "question" and after.key != "values.items"
    session.go("values.items")
    session.skip()
    assert session.profile.meta.skipped == ["values.items"]
    session.go("review:values")
    session.skip()  # not a question: nothing recorded, still moves on
    assert session.profile.meta.skipped == ["values.items"]
    assert session.current.key == "intro:vision"
    origin = bank.question("values.origin")
    assert session.answer(origin, "fired in a shared kiln") == ""
    session.go("values.origin")
    session.skip()  # it has an answer: not marked
    assert "values.origin" not in session.profile.meta.skipped
    values = bank.question("values.items")
    session.answer(values, [{"name": "Repair first", "meaning": "m", "behaviour": "b"}])
    assert session.profile.meta.skipped == []
    session.close("en", lambda: tmp_path / "copy.toml")


def test_an_answer_the_model_refuses_is_one_line_and_changes_nothing(
    tmp_path: Path, bank: Bank
) -> None:
    session = _open(bank, _new(tmp_path))
    revision = session.revision
    refused = session.answer(bank.question("objectives.kpis"), [{"name": "x", "baseline": "lots"}])
    assert refused and "\n" not in refused
    assert session.revision == revision and session.profile.objectives.kpis == []
    session.close("en", lambda: tmp_path / "copy.toml")


def test_notes_waivers_and_terms_are_changes_and_can_be_taken_back(
    tmp_path: Path, bank: Bank
) -> None:
    path = _new(tmp_path)
    session = _open(bank, path)
    heard: list[int] = []
    session.listeners.append(lambda: heard.append(session.revision))
    vision = bank.question("vision.statement")
    session.answer(vision, "Become the undisputed leader of innovative solutions for everyone.")
    session.note("vision.statement", "ask who the customers are")
    session.note("vision.statement", "ask who the customers are")  # the same: no change
    findings = session.findings_for(vision, "en")
    assert findings and all(f.where.startswith("vision.statement") for f in findings)
    waiver = session.waive(findings[0], "the client's own word", among=findings)
    assert waiver is not None
    assert len(session.findings_for(vision, "en")) == len(findings) - 1
    assert [f.rule_id for f in session.analysis("en").waived] == [findings[0].rule_id]
    assert session.accept_term("sourdough") == "sourdough"
    assert len(heard) == 4 and heard == sorted(heard)
    session.close("en", lambda: tmp_path / "copy.toml")
    saved = load_profile(path)
    assert saved.notes == {"vision.statement": "ask who the customers are"}
    assert [w.reason for w in saved.waivers] == ["the client's own word"]
    assert saved.settings.accepted_terms == ["sourdough"]
    again = _open(bank, path)
    assert again.take_back_waiver(again.profile.waivers[0])
    assert again.take_back_term("sourdough")
    again.note("vision.statement", "")
    again.close("en", lambda: tmp_path / "copy.toml")
    saved = load_profile(path)
    assert saved.waivers == [] and saved.notes == {} and saved.settings.accepted_terms == []


def test_the_analysis_is_cached_until_the_next_change(tmp_path: Path, bank: Bank) -> None:
    session = _open(bank, _new(tmp_path))
    first = session.analysis("en")
    assert session.analysis("en") is first
    assert session.analysis("fr") is not first
    session.answer(bank.question("vision.statement"), "Be the leader.")
    assert session.analysis("en") is not first
    session.close("en", lambda: tmp_path / "copy.toml")


def test_a_custom_question_is_judged_with_its_bank(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    shutil.copytree(builtin_bank_dir(), folder)
    with (folder / "values.toml").open("a", encoding="utf-8") as handle:
        handle.write(CUSTOM_QUESTION)
    bank = load_bank(folder)
    session = create_session(bank, tmp_path / "acme.toml", "Acme", "", "en", bank_dir=folder)
    assert isinstance(session, ProfileSession)
    question = bank.question("acme.signature")
    assert question.path == "answers.acme.signature"
    session.answer(question, "We deliver innovative solutions and world-class synergy.")
    found = session.findings_for(question, "en")
    assert found and all(f.where == "answers.acme.signature" for f in found)
    session.close("en", lambda: tmp_path / "copy.toml")


def test_a_change_on_disk_is_never_overwritten_and_both_versions_are_kept(
    tmp_path: Path, bank: Bank
) -> None:
    path = _new(tmp_path)
    session = _open(bank, path)
    session.answer(bank.question("values.origin"), "ours")
    theirs = load_profile(path)
    theirs.values.origin = "theirs"
    save_profile(theirs, path)
    assert session.save_now("en").status == "conflict"
    assert load_profile(path).values.origin == "theirs"
    result, copy = session.close("en", lambda: tmp_path / "p-2.toml")
    assert result.status == "saved" and copy == tmp_path / "p-2.toml"
    assert load_profile(copy).values.origin == "ours"
    assert load_profile(path).values.origin == "theirs"


def test_reloading_takes_the_file_s_version(tmp_path: Path, bank: Bank) -> None:
    path = _new(tmp_path)
    session = _open(bank, path)
    theirs = load_profile(path)
    theirs.values.origin = "theirs"
    save_profile(theirs, path)
    assert session.reload("en") == ""
    assert session.profile.values.origin == "theirs"
    assert session.save_now("en").status == "unchanged"
    session.close("en", lambda: tmp_path / "copy.toml")


def test_save_as_moves_the_lock_and_writes_there(tmp_path: Path, bank: Bank) -> None:
    path = _new(tmp_path)
    with ProfileLock(path):
        session = _open(bank, path)
        assert session.read_only == "locked"
        assert session.save_as(tmp_path / "mine.toml")
        assert session.read_only == "" and session.lock.held
        session.answer(bank.question("values.origin"), "mine")
        assert session.save_now("en").status == "saved"
        session.close("en", lambda: tmp_path / "copy.toml")
    assert load_profile(tmp_path / "mine.toml").values.origin == "mine"


def test_a_new_profile_is_written_at_once_and_records_its_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "bank"
    shutil.copytree(builtin_bank_dir(), folder)
    session = create_session(
        load_bank(folder), None, "Atelier Semelle", "Camille", "fr", bank_dir=folder
    )
    assert isinstance(session, ProfileSession)
    try:
        assert session.path.name == "atelier-semelle.toml" and session.path.exists()
        assert load_profile(session.path).meta.bank == str(folder.resolve())
        assert session.save_now("fr").status == "unchanged"
    finally:
        session.close("fr", lambda: tmp_path / "copy.toml")
