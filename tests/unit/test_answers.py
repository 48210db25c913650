"""Answers: a question reads and writes its profile field, or its own entry for a custom bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from alignment_tui.model.answers import get_answer, is_answered, layer_completion, set_answer
from alignment_tui.model.bank import load_bank
from alignment_tui.model.profile import Budget, Profile, ValueItem
from alignment_tui.store import load_profile, save_profile

from .test_bank import CUSTOM


@pytest.fixture
def custom_bank_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "coach-bank"
    folder.mkdir()
    (folder / "values.toml").write_text(CUSTOM, "utf-8")
    return folder


def test_a_field_question_reads_and_writes_its_field(tmp_path: Path) -> None:
    bank = load_bank()
    profile = Profile()
    statement = bank.question("vision.statement")
    assert get_answer(profile, statement) == ""
    assert not is_answered(profile, statement)
    set_answer(profile, statement, "Builders home by 6 pm on Fridays.\r\nNo paperwork.")
    assert profile.vision.statement == "Builders home by 6 pm on Fridays.\nNo paperwork."
    assert is_answered(profile, statement)

    path = tmp_path / "p.toml"
    save_profile(profile, path)
    assert get_answer(load_profile(path), statement) == profile.vision.statement


def test_structured_answers_are_validated_into_the_model() -> None:
    bank = load_bank()
    profile = Profile()
    set_answer(profile, bank.question("values.items"), [{"name": "Say it straight"}])
    assert profile.values.items == [ValueItem(name="Say it straight")]
    set_answer(profile, bank.question("vision.benefits"), ["comfort", "financial"])
    assert [b.value for b in profile.vision.benefits] == ["comfort", "financial"]
    with pytest.raises(ValidationError):
        set_answer(profile, bank.question("vision.benefits"), ["wealth"])
    with pytest.raises(ValidationError):
        set_answer(profile, bank.question("execution.budget"), {"amount": "lots"})


def test_blank_and_default_values_do_not_count_as_answered() -> None:
    bank = load_bank()
    profile = Profile()
    budget = bank.question("execution.budget")
    assert get_answer(profile, budget) == Budget()
    assert not is_answered(profile, budget)
    set_answer(profile, budget, Budget(amount=24000, currency="EUR"))
    assert is_answered(profile, budget)

    messages = bank.question("execution.messages")
    set_answer(profile, messages, ["  ", ""])
    assert not is_answered(profile, messages)
    horizon = bank.question("values.horizon_years")
    assert get_answer(profile, horizon) is None
    set_answer(profile, horizon, 10)
    assert is_answered(profile, horizon)


def test_a_custom_question_is_saved_under_its_id(custom_bank_dir: Path, tmp_path: Path) -> None:
    bank = load_bank(custom_bank_dir)
    story = bank.question("acme.founding-story")
    profile = Profile()
    assert get_answer(profile, story) == ""
    set_answer(profile, story, "Leeds, March 2019, in my uncle's garage.")
    assert profile.answers == {"acme.founding-story": "Leeds, March 2019, in my uncle's garage."}
    assert is_answered(profile, story)

    path = tmp_path / "client.toml"
    save_profile(profile, path)
    assert '"acme.founding-story" = ' in path.read_text("utf-8")
    again = load_profile(path)
    assert again == profile
    assert get_answer(again, story) == "Leeds, March 2019, in my uncle's garage."

    set_answer(again, story, "   ")
    assert "acme.founding-story" not in again.answers
    with pytest.raises(ValidationError):
        set_answer(again, story, {"not": "text"})


def test_layer_completion_counts_required_questions_only(custom_bank_dir: Path) -> None:
    bank = load_bank()
    profile = Profile()
    done, total = layer_completion(profile, bank, "vision")
    required = [q for q in bank.layer("vision").questions if q.required]  # type: ignore[union-attr]
    assert (done, total) == (0, len(required))
    set_answer(profile, bank.question("vision.statement"), "Tradespeople home by six.")
    set_answer(profile, bank.question("vision.horizon_years"), 10)  # not required
    assert layer_completion(profile, bank, "vision") == (1, total)

    custom = load_bank(custom_bank_dir)
    assert layer_completion(profile, custom, "vision") == (0, 0)
    assert layer_completion(profile, custom, "values") == (0, 1)
