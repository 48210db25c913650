"""The question bank: the built-in one is complete and bilingual; bad banks are explained."""

from __future__ import annotations

import os
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
import tomli_w

from alignment_tui.cli import main
from alignment_tui.model.bank import (
    KINDS,
    BankError,
    Kind,
    Localized,
    LocalizedList,
    builtin_bank_dir,
    check_bank,
    load_bank,
)
from alignment_tui.model.paths import answer_fields
from alignment_tui.model.profile import LAYERS

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(builtin_bank_dir(), target)
    return target


def edit(folder: Path, layer: str, change: Edit) -> Path:
    """Rewrite ``folder/LAYER.toml`` after ``change`` mutated its parsed content."""
    path = folder / f"{layer}.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(tomli_w.dumps(data), "utf-8")
    return path


def question(data: dict[str, Any], qid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(q for q in data["question"] if q["id"] == qid)
    return found


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["questions", "check", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


# --- the built-in bank -------------------------------------------------------------------


def test_builtin_bank_loads_with_every_layer_in_walk_order() -> None:
    bank = load_bank()
    assert [lb.layer for lb in bank.layers] == list(LAYERS)
    assert bank.source is None
    assert len(bank.questions()) >= 30
    for layer in bank.layers:
        assert len(layer.questions) >= 4, layer.layer
        assert all(q.layer == layer.layer for q in layer.questions)
    assert bank.question("values.items").kind == "values"
    with pytest.raises(KeyError):
        bank.question("no.such.question")


def test_the_kind_type_and_the_kind_list_agree() -> None:
    assert get_args(Kind) == KINDS


def test_builtin_bank_is_read_once() -> None:
    assert load_bank() is load_bank(None)


def test_questions_check_on_the_builtin_bank_exits_0(
    repo_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_check(capsys, str(repo_root / "questions"))
    assert code == 0
    assert out == [f"{len(load_bank().questions())} questions in 6 layers, no problem."]
    assert err == ""


def test_every_profile_field_is_asked_by_exactly_one_question() -> None:
    fields = [q.field for q in load_bank().questions() if q.field is not None]
    assert sorted(fields) == sorted(answer_fields())


def test_personas_are_named_before_the_vision_refers_to_them() -> None:
    ids = [q.id for q in load_bank().questions()]
    assert ids.index("personas") < ids.index("vision.beneficiaries")
    beneficiaries = load_bank().question("vision.beneficiaries")
    assert beneficiaries.options_from == "personas" and beneficiaries.multiple


def _texts(obj: Any) -> list[Localized | LocalizedList]:
    found: list[Localized | LocalizedList] = []
    if isinstance(obj, Localized | LocalizedList):
        return [obj]
    if hasattr(type(obj), "model_fields"):
        for name in type(obj).model_fields:
            found.extend(_texts(getattr(obj, name)))
    elif isinstance(obj, list):
        for item in obj:
            found.extend(_texts(item))
    return found


def test_every_text_of_the_builtin_bank_exists_in_both_languages() -> None:
    bank = load_bank()
    texts = [t for layer in bank.layers for t in _texts(layer)]
    # 5 intro texts per layer, 5 texts per question, plus option labels.
    assert len(texts) >= 6 * 5 + 5 * len(bank.questions())
    for text in texts:
        for lang in ("fr", "en"):
            value = text(lang)
            if isinstance(value, list):
                assert len(value) >= 2 and all(v.strip() for v in value)
            else:
                assert value.strip()
        # Not left untranslated (a one-word title such as "Vision" may be the same).
        assert text("fr") != text("en") or len(str(text("en")).split()) == 1, text


def test_french_speaks_to_the_user_as_vous() -> None:
    for q in load_bank().questions():
        for text in (q.prompt, q.help, q.probes):
            french = " ".join(text("fr")) if isinstance(text, LocalizedList) else text("fr")
            words = set(french.lower().replace("'", " ").replace("?", " ").split())
            assert not words & {"tu", "toi", "tes", "ta"}, (q.id, french)


def test_vague_and_specific_examples_differ_and_specific_ones_are_richer() -> None:
    for q in load_bank().questions():
        for lang in ("fr", "en"):
            vague, specific = q.example_vague(lang), q.example_specific(lang)
            assert vague != specific
            if q.kind not in ("horizon",):
                assert len(specific.split()) > len(vague.split()), (q.id, lang)


# --- a bank with mistakes ----------------------------------------------------------------


def test_missing_english_prompt_names_file_question_and_key(
    bank_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(bank_copy, "vision", lambda d: question(d, "vision.statement")["prompt"].pop("en"))
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert len(out) == 1
    assert out[0].startswith(f"{path}: vision.statement: prompt.en: ")
    assert "'en'" in out[0]


def test_empty_french_help_is_a_missing_translation_in_french_too(
    bank_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def blank(d: dict[str, Any]) -> None:
        question(d, "mission.offer")["help"]["fr"] = "   "

    path = edit(bank_copy, "mission", blank)
    code, out, _ = run_check(capsys, str(bank_copy), "--lang", "fr")
    assert code == 1
    assert out == [
        f"{path}: mission.offer: help.fr: le texte « fr » manque ou est vide. "
        "Le français (fr) et l'anglais (en) sont obligatoires."
    ]


def test_unknown_kind_is_named(bank_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def bad(d: dict[str, Any]) -> None:
        question(d, "strategy.insight")["kind"] = "paragraph"

    path = edit(bank_copy, "strategy", bad)
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert out == [
        f"{path}: strategy.insight: kind: unknown kind 'paragraph'. Use one of: {', '.join(KINDS)}."
    ]


def test_duplicate_id_across_files_is_named(
    bank_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def dup(d: dict[str, Any]) -> None:
        q = question(d, "objectives.review_ritual")
        q["id"] = "mission.offer"
        del q["field"]  # a custom question, so that only the id clashes

    edit(bank_copy, "objectives", dup)
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert len(out) == 1
    assert ": mission.offer: id: this id is already used (in " in out[0]
    assert {"mission.toml", "objectives.toml"} <= {
        Path(word.strip("():.")).name for word in out[0].split()
    }


def test_field_naming_nothing_is_named(bank_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def bad(d: dict[str, Any]) -> None:
        question(d, "values.origin")["field"] = "values.roots"

    path = edit(bank_copy, "values", bad)
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert len(out) == 1
    assert out[0].startswith(f"{path}: values.origin: field: 'values.roots' names nothing")


def test_choice_without_options_is_named(
    bank_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(bank_copy, "vision", lambda d: question(d, "vision.benefits").pop("options"))
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert out == [
        f"{path}: vision.benefits: options: a choice needs `options` (or `options_from`). Add them."
    ]


@pytest.mark.parametrize(
    ("layer", "change", "expected"),
    [
        (
            "values",
            lambda d: d.__setitem__("layer", "purpose"),
            ": layer: 'purpose' is not a layer",
        ),
        ("values", lambda d: d.__setitem__("colour", "blue"), ": colour: unknown key"),
        (
            "values",
            lambda d: question(d, "values.items").__setitem__("hint", "x"),
            ": values.items: hint: unknown key",
        ),
        (
            "mission",
            lambda d: question(d, "mission.needs")["probes"].__setitem__("en", ["Only one?"]),
            ": mission.needs: probes.en: give at least 2 coach probes",
        ),
        (
            "execution",
            lambda d: question(d, "execution.tone").__setitem__("kind", "values"),
            ": execution.tone: kind: this kind cannot fill 'execution.tone'. Use: text, choice.",
        ),
        (
            "strategy",
            lambda d: question(d, "strategy.big_idea").__setitem__("field", "mission.offer"),
            ": strategy.big_idea: field: question mission.offer already fills this field.",
        ),
        (
            "vision",
            lambda d: question(d, "vision.benefits")["options"][0].__setitem__("value", "wealth"),
            ": vision.benefits: options[0].value: 'wealth' is not a value",
        ),
        (
            "vision",
            lambda d: d["intro"].pop("why"),
            ": intro.why: this key is required.",
        ),
        (
            "vision",
            lambda d: d["intro"].__setitem__("title", "Vision"),
            ': intro.title: expected both languages: { fr = "…", en = "…" }.',
        ),
        (
            "objectives",
            lambda d: question(d, "objectives.focus")["rules"].__setitem__("min_words", "ten"),
            ": objectives.focus: rules.min_words: expected a whole number.",
        ),
        (
            "objectives",
            lambda d: question(d, "objectives.focus")["rules"].__setitem__("expect", ["euros"]),
            ": objectives.focus: rules.expect[0]: 'euros' is not accepted here.",
        ),
    ],
)
def test_other_mistakes_are_named(
    bank_copy: Path,
    capsys: pytest.CaptureFixture[str],
    layer: str,
    change: Edit,
    expected: str,
) -> None:
    edit(bank_copy, layer, change)
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert any(expected in line for line in out), out


def test_toml_syntax_error_gives_the_line(
    bank_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bank_copy / "execution.toml"
    lines = path.read_text("utf-8").splitlines()
    lines[5] = 'title.en = "Execution'
    path.write_text("\n".join(lines), "utf-8")
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1
    assert len(out) == 1 and out[0].startswith(f"{path}:6: not valid TOML")


def test_every_problem_gets_its_own_line(
    bank_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(bank_copy, "vision", lambda d: question(d, "vision.statement")["prompt"].pop("en"))
    edit(bank_copy, "mission", lambda d: question(d, "mission.plan").__setitem__("kind", "table"))
    code, out, _ = run_check(capsys, str(bank_copy))
    assert code == 1 and len(out) == 2


def test_load_bank_refuses_a_bad_bank_with_every_problem(bank_copy: Path) -> None:
    edit(bank_copy, "vision", lambda d: question(d, "vision.statement")["prompt"].pop("en"))
    edit(bank_copy, "values", lambda d: question(d, "values.origin").__setitem__("kind", "essay"))
    with pytest.raises(BankError) as caught:
        load_bank(bank_copy)
    assert not caught.value.unreadable
    assert {p.question_id for p in caught.value.problems} == {"vision.statement", "values.origin"}
    assert "questions check" in caught.value.text("en")
    assert "1 de plus" in caught.value.text("fr")


# --- unreadable folders ------------------------------------------------------------------


def test_missing_folder_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_check(capsys, str(tmp_path / "nowhere"))
    assert code == 2
    assert out == []
    assert err.count("\n") == 1 and str(tmp_path / "nowhere") in err


def test_a_file_instead_of_a_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "values.toml"
    file.write_text('layer = "values"\n', "utf-8")
    code, _, err = run_check(capsys, str(file))
    assert code == 2 and err.startswith(str(file))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unreadable_folder_exits_2(bank_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank_copy.chmod(0)
    try:
        code, _, err = run_check(capsys, str(bank_copy))
    finally:
        bank_copy.chmod(0o755)
    assert code == 2 and err.count("\n") == 1
    with pytest.raises(BankError) as caught:
        check_bank(bank_copy)
    assert caught.value.unreadable


def test_empty_folder_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_check(capsys, str(tmp_path))
    assert code == 1 and "no .toml question file" in out[0]


# --- the examples teach what the analysis rewards -----------------------------------------


def test_specific_examples_score_higher_than_vague_ones() -> None:
    import alignment_tui.analysis as analysis

    analyze_text = getattr(analysis, "analyze_text", None)
    if analyze_text is None:
        pytest.skip("the text analysis is not available in this version")
    worse: list[str] = []
    for q in load_bank().questions():
        if q.kind != "text":
            continue
        for lang in ("fr", "en"):
            vague = analyze_text(q.example_vague(lang), q.layer, lang).score
            specific = analyze_text(q.example_specific(lang), q.layer, lang).score
            if specific <= vague:
                worse.append(f"{q.id} [{lang}]: specific {specific} <= vague {vague}")
    assert not worse, worse
