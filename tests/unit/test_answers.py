"""A coach's own bank, and answers: a question fills its profile field, or its own entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from alignment_tui.model.answers import get_answer, is_answered, layer_completion, set_answer
from alignment_tui.model.bank import check_bank, load_bank
from alignment_tui.model.profile import Budget, Profile, ValueItem
from alignment_tui.store import load_profile, save_profile

# --- a coach's own bank ------------------------------------------------------------------


CUSTOM = """
layer = "values"

[intro]
title = { fr = "Nos valeurs", en = "Our values" }
what = { fr = "Ce qui nous guide.", en = "What guides us." }
why = { fr = "Tout en découle.", en = "Everything follows." }
horizon = { fr = "Dix ans.", en = "Ten years." }
good = { fr = "Des actes.", en = "Deeds." }

[[question]]
id = "values.items"
kind = "values"
field = "values.items"
required = true
prompt = { fr = "Vos valeurs ?", en = "Your values?" }
help = { fr = "Avec un exemple.", en = "With an example." }
example_vague = { fr = "Respect.", en = "Respect." }
example_specific = { fr = "Réparer avant de remplacer.", en = "Repair before replacing." }
probes = { fr = ["Un refus ?", "Un coût ?"], en = ["A refusal?", "A cost?"] }

[[question]]
id = "acme.founding-story"
kind = "text"
prompt = { fr = "Racontez la création.", en = "Tell the founding story." }
help = { fr = "Une date, un lieu.", en = "A date, a place." }
example_vague = { fr = "Une belle aventure.", en = "A great adventure." }
example_specific = { fr = "Lyon, mars 2019, un garage.", en = "Leeds, March 2019, a garage." }
probes.fr = ["Qui était là ?", "Pourquoi ce jour-là ?"]
probes.en = ["Who was there?", "Why that day?"]
rules = { min_words = 20, expect = ["date"] }
"""


def test_a_custom_bank_may_hold_one_layer_and_custom_questions(tmp_path: Path) -> None:
    (tmp_path / "values.toml").write_text(CUSTOM, "utf-8")
    assert check_bank(tmp_path) == []
    bank = load_bank(tmp_path)
    assert bank.source == tmp_path
    assert [lb.layer for lb in bank.layers] == ["values"]
    assert bank.layer("vision") is None
    custom = bank.question("acme.founding-story")
    assert custom.field is None and custom.layer == "values"
    assert custom.rules.min_words == 20 and custom.rules.expect == ["date"]
    assert custom.prompt("fr") == "Racontez la création."


def test_a_custom_question_must_hold_text(tmp_path: Path) -> None:
    (tmp_path / "values.toml").write_text(
        CUSTOM.replace('id = "acme.founding-story"\nkind = "text"', 'id = "acme.x"\nkind = "kpis"'),
        "utf-8",
    )
    [problem] = check_bank(tmp_path)
    assert (problem.question_id, problem.key) == ("acme.x", "kind")
    assert "without `field`" in problem.message


def test_two_files_for_one_layer_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(CUSTOM, "utf-8")
    (tmp_path / "b.toml").write_text(
        CUSTOM.replace("acme.founding-story", "acme.other").replace(
            'id = "values.items"', 'id = "values.items2"'
        ),
        "utf-8",
    )
    keys = {(p.file.name, p.key, p.code) for p in check_bank(tmp_path)}
    assert ("b.toml", "layer", "layer_twice") in keys
    assert ("b.toml", "field", "field_twice") in keys


# --- answers ----------------------------------------------------------------------------


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
