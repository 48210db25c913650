"""Language packs and the rule registry: a language is data, every rule one check."""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from alignment_tui.analysis import analyze_text, data, packs, registry
from alignment_tui.analysis.data import DataError
from alignment_tui.analysis.findings import REGISTRY

PACKS = Path(packs.__file__).with_name("packs")


@pytest.fixture
def extra_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of extra packs, read through $ALIGNMENT_TUI_PACKS; caches reset around it."""
    monkeypatch.setenv(packs.PACKS_VAR, str(tmp_path))
    data.reset()
    yield tmp_path
    monkeypatch.delenv(packs.PACKS_VAR)
    data.reset()


def _made_up_pack(root: Path) -> Path:
    """A third language, "xx", made of data only: the English pack's structure with other
    words for detection and a buzzword list of its own."""
    folder = root / "xx"
    shutil.copytree(PACKS / "en", folder)
    head = (folder / "pack.toml").read_text("utf-8")
    head = head.replace('code = "en"', 'code = "xx"').replace(
        'name = "English"', 'name = "Testish"'
    )
    head = re.sub(
        r'\[detect\]\n(?:#[^\n]*\n)*words = """.*?"""',
        '[detect]\nwords = """\nzo ka wemi trul blonk fazz qiro\n"""',
        head,
        flags=re.S,
    )
    (folder / "pack.toml").write_text(head, "utf-8")
    (folder / "lexicon.toml").write_text(
        """[[entry]]
rule = "vague.buzzword"
match = ["glorbax", "mega glorbax"]
note = "A made-up buzzword."
source = "The test of the third pack."
rewrite = "Say what you do."
""",
        "utf-8",
    )
    rules = (folder / "rules.toml").read_text("utf-8")
    rules = re.sub(r'^(message|suggestion) = "', r'\1 = "[xx] ', rules, flags=re.M)
    (folder / "rules.toml").write_text(rules, "utf-8")
    return folder


def test_a_third_language_runs_on_data_alone(extra_packs: Path) -> None:
    _made_up_pack(extra_packs)
    assert packs.codes() == ("en", "fr", "xx")
    text = "zo ka wemi trul mega glorbax blonk fazz qiro"
    result = analyze_text(text, "mission")
    assert result.lang == "xx"
    buzz = [f for f in result.findings if f.rule_id == "vague.buzzword"]
    assert [f.text for f in buzz] == ["mega glorbax"]
    assert buzz[0].message.startswith("[xx] ")
    # Its messages can also be asked for on another language's text.
    english = analyze_text("We deliver innovative solutions.", "mission", ui_lang="xx")
    assert english.findings and all(f.message.startswith("[xx] ") for f in english.findings)
    assert set(REGISTRY["vague.buzzword"].title) == {"en", "fr", "xx"}


def test_a_pack_missing_a_word_class_is_refused_in_one_line(extra_packs: Path) -> None:
    folder = _made_up_pack(extra_packs)
    head = (folder / "pack.toml").read_text("utf-8")
    (folder / "pack.toml").write_text(re.sub(r"^filler = .*\n", "", head, flags=re.M), "utf-8")
    with pytest.raises(DataError, match=r"xx/pack.toml: \[words\] misses filler"):
        packs.packs()


def test_a_pack_without_the_texts_of_a_rule_is_refused(extra_packs: Path) -> None:
    folder = _made_up_pack(extra_packs)
    rules = (folder / "rules.toml").read_text("utf-8")
    cut = rules.index('[rule."vague.hedge"]')
    end = rules.index("[rule.", cut + 1)
    (folder / "rules.toml").write_text(rules[:cut] + rules[end:], "utf-8")
    with pytest.raises(DataError, match=r"no texts for vague\.hedge"):
        registry.infos()


def test_the_registry_holds_together_both_ways() -> None:
    registry.verify()
    ids = set(tomllib.loads((PACKS.parent / "data" / "rules.toml").read_text("utf-8"))["rule"])
    assert ids == set(registry.CHECKS) == set(REGISTRY)
    # Each id has its own check: no function serves two rules.
    checks = list(registry.CHECKS.values())
    assert len({id(c) for c in checks}) == len(checks)


def test_a_check_without_a_rule_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.CHECKS, "vague.nothing_at_all", lambda ctx: iter(()))
    with pytest.raises(DataError, match=r"checks without a rule: vague\.nothing_at_all"):
        registry.verify()


def test_a_rule_without_a_check_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(registry.CHECKS, "vague.hedge")
    with pytest.raises(DataError, match=r"rules without a check: vague\.hedge"):
        registry.verify()


def _identifiers() -> set[str]:
    """Names of the model (layers, fields, kinds): ids the code may spell, not words."""
    from pydantic import BaseModel

    from alignment_tui.model.profile import LAYERS, Profile

    names: set[str] = set(LAYERS)
    todo: list[type[BaseModel]] = [Profile]
    while todo:
        model = todo.pop()
        for name, info in model.model_fields.items():
            names.add(name)
            for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    todo.append(arg)
    return names


def _code_strings(path: Path) -> Iterator[tuple[int, str]]:
    """String literals of ``path`` that are neither docstrings nor the text of a ``raise``
    (errors in the data files are for whoever edits them, as tracebacks are)."""
    import ast

    tree = ast.parse(path.read_text("utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            skipped.update(id(n) for n in ast.walk(node))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.update(id(n) for n in ast.walk(body[0]))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_french_or_english_word_in_the_analysis_code() -> None:
    """Every word a rule reads comes from a pack: the code holds ids and structure only.

    The probe is the packs' own words: none of their longer words may appear in a string
    literal of the analysis's Python code, except as an identifier of the model.
    """
    words: set[str] = set()
    for pack in packs.packs().values():
        for name in ("filler", "not_proper", "deadline_prefix", "range_from", "we"):
            words.update(w for w in pack.words[name] if len(w) > 3)
        words.update(k for k in pack.maps["months"] if len(k) > 3)
        words.update(k for k in pack.maps["numbers"] if len(k) > 3)
        for entry in pack.entries:
            if entry.rule == "signal.concrete":
                continue  # everyday words ("answer", "order") that identifiers also use
            words.update(p for p in entry.match if len(p) > 4 and " " not in p)
    words -= _identifiers()
    phrases = {w for w in words if " " in w}
    allowed = set(registry.metas()) | registry.evidence_kinds()
    allowed |= set(packs.MAPS) | set(packs.WORDS) | set(packs.PATTERNS)
    allowed |= {"strong", "weak"}  # values of the data schema (an entry's weight), as severities
    allowed |= set(registry.detail_weights())  # names of the kinds of detail ([detail])
    found = []
    for path in sorted(Path(packs.__file__).parent.glob("*.py")):
        for line, value in _code_strings(path):
            if value in allowed:
                continue
            lowered = value.lower()
            tokens = set(re.findall(r"[\w'-]+", lowered))
            hits = (tokens & words) | {w for w in phrases if w in lowered}
            found += [(path.name, line, word) for word in sorted(hits)]
    assert found == []
