"""docs/rules.md is generated from the rule registry and must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.rulesdoc import load_all_rules, main, render

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_up_to_date() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render(load_all_rules()), "docs/rules.md is stale: run `make docs`"


def test_every_rule_is_documented_with_examples_in_both_languages() -> None:
    rules = load_all_rules()
    text = render(rules)
    assert any(r.startswith("align.") for r in rules)
    for rule in rules.values():
        assert f"### {rule.id}" in text
        for lang in ("fr", "en"):
            assert rule.title[lang] and rule.catches[lang] and rule.why[lang]
            assert {e.fires for e in rule.examples[lang]} == {True, False}, (rule.id, lang)


def test_generator_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "rules.md"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render(load_all_rules())


def test_generator_runs_as_a_module(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    done = subprocess.run(
        [sys.executable, "-m", "tools.rulesdoc", str(target)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "align.horizons" in target.read_text(encoding="utf-8")


def test_unwritable_target_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tools.rulesdoc", str(blocker / "rules.md")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
