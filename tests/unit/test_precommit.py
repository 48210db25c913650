"""The pre-commit hook, run by pre-commit itself on a temporary repository, offline."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alignment_tui.cli.commands.checking import looks_like_profile
from alignment_tui.model.profile import Kpi
from alignment_tui.store import load_profile, save_profile
from tests.unit.fresh_install import ROOT, offline_env, run

ALIGNED = ROOT / "examples" / "aligned-en-two-ovens-bakery.toml"
# What pre-commit needs of this repository to install the hook: the package and its build.
HOOK_REPO_FILES = (
    ".pre-commit-hooks.yaml",
    "pyproject.toml",
    "README.md",
    "alignment_tui",
    "questions",
)


def _git(cwd: Path, *argv: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _hook_repo(where: Path) -> tuple[Path, str]:
    """A git repository holding this working tree's hook, as a team would point at it."""
    where.mkdir()
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, where / name)
    _git(where, "init", "-q")
    _git(where, "add", ".")
    _git(where, "commit", "-q", "-m", "hook")
    return where, _git(where, "rev-parse", "HEAD")


def test_the_marker_tells_profiles_from_other_toml(tmp_path: Path) -> None:
    cases = {
        "saved.toml": ALIGNED.read_text(encoding="utf-8"),
        "commented.toml": "# the plan for 2027\n\nschema_version = 1\n",
        "lang_first.toml": 'lang = "fr"\nschema_version = 1\n',
        "bom.toml": "\ufeffschema_version = 1\n",
        "pyproject.toml": (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
        "in_a_table.toml": "[tool.x]\nschema_version = 1\n",
        "empty.toml": "",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = {name for name in cases if looks_like_profile(str(tmp_path / name))}
    assert found == {"saved.toml", "commented.toml", "lang_first.toml", "bom.toml"}
    assert looks_like_profile(str(tmp_path / "missing.toml"))  # its error is shown


def test_only_profiles_skips_other_toml(capsys: pytest.CaptureFixture[str]) -> None:
    from alignment_tui.cli import main

    code = main(["check", "--only-profiles", str(ROOT / "pyproject.toml"), str(ALIGNED)])
    out = capsys.readouterr().out
    assert code == 0 and "pyproject" not in out and out.count("/100") == 1
    assert main(["check", str(ROOT / "pyproject.toml")]) == 2


def test_pre_commit_passes_a_clean_profile_and_fails_one_with_an_error(tmp_path: Path) -> None:
    hook_repo, rev = _hook_repo(tmp_path / "hook")
    repo = tmp_path / "plan"
    (repo / "profiles").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: alignment-tui-check\n",
        encoding="utf-8",
    )
    shutil.copy(ALIGNED, repo / "profiles" / "bakery.toml")
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")  # a TOML file, not a profile
    _git(repo, "add", ".")
    env = offline_env(PRE_COMMIT_HOME=str(tmp_path / "cache"), HOME=str(tmp_path))
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--color", "never"]

    clean = run([*pre_commit, "--all-files"], cwd=repo, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "alignment profiles" in clean.stdout and "Passed" in clean.stdout

    profile = load_profile(ALIGNED)
    profile.objectives.kpis.append(Kpi(name="Happier customers", axis="preorder"))
    save_profile(profile, repo / "profiles" / "bakery.toml")
    _git(repo, "add", ".")
    broken = run(pre_commit, cwd=repo, env=env)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    text = (repo / "profiles" / "bakery.toml").read_text(encoding="utf-8").split("\n")
    row = [n for n, line in enumerate(text, 1) if line == "[[objectives.kpis]]"][-1]
    assert f"profiles/bakery.toml:{row}:1: objectives.kpis[" in broken.stdout
    assert "kpi.no_number error" in broken.stdout
    # The hook's --min-severity error: the commit shows what blocks it, not every warning.
    assert not re.search(r":\d+:\d+: \S+: \S+ (warning|info) ", broken.stdout)
