"""The built wheel works alone: a fresh virtual environment, no network, no checkout."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from tests.unit.fresh_install import ROOT, offline_env, run, wheelhouse


@pytest.fixture(scope="module")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    done = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            dist,
            ROOT,
        ],
        cwd=dist,
        env=offline_env(),
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = dist.glob("alignment_tui-*.whl")
    return wheel


def test_the_wheel_holds_the_package_and_its_data_but_no_tools(built_wheel: Path) -> None:
    names = zipfile.ZipFile(built_wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"alignment_tui", built_wheel.name.split("-py3")[0] + ".dist-info"}, top
    assert not [n for n in names if n.startswith(("alignment_tui/tools/", "tools/", "tests/"))]
    for needed in (
        "alignment_tui/tui/app.tcss",
        "alignment_tui/py.typed",
        "alignment_tui/questions/values.toml",
        "alignment_tui/questions/execution.toml",
        "alignment_tui/locales/fr/core.toml",
        "alignment_tui/locales/en/check.toml",
        "alignment_tui/analysis/data/rules.toml",
        "alignment_tui/analysis/packs/fr/lexicon.toml",
        "alignment_tui/analysis/packs/en/rules.toml",
    ):
        assert needed in names, needed
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    # Every file of the package's source, and the built-in bank, is in it.
    source = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "alignment_tui").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    bank = {f"alignment_tui/questions/{p.name}" for p in (ROOT / "questions").glob("*.toml")}
    assert sorted((source | bank) - set(names)) == []


APP_SMOKE = """
import asyncio, sys
from alignment_tui.app import make_app

async def main():
    app = make_app(lang="en")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__)

asyncio.run(main())
"""


def test_a_fresh_install_of_the_wheel_runs_offline(built_wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    env = offline_env(HOME=str(tmp_path), ALIGNMENT_TUI_HOME=str(tmp_path / "home"))
    done = run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    python = venv / "bin" / "python"
    done = run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-index",
         "--find-links", wheelhouse(), built_wheel],
        cwd=tmp_path,
        env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    work = tmp_path / "work"  # far from the checkout: nothing can be imported from it
    work.mkdir()
    shutil.copy(ROOT / "examples" / "misaligned-fr-cycles-hirondelle.toml", work / "fr.toml")
    shutil.copy(ROOT / "examples" / "aligned-en-two-ovens-bakery.toml", work / "en.toml")
    tool = venv / "bin" / "alignment-tui"

    where = run(
        [python, "-c", "import alignment_tui.model.bank as b; print(b.builtin_bank_dir())"],
        cwd=work,
        env=env,
    )
    bank = Path(where.stdout.strip())
    assert bank.is_relative_to(venv) and bank.name == "questions", where.stdout + where.stderr

    done = run([tool, "questions", "check", bank, "--lang", "en"], cwd=work, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    count = len(list((ROOT / "questions").glob("*.toml")))
    assert done.stdout.strip().endswith(f"questions in {count} layers, no problem.")

    done = run([tool, "check", "en.toml"], cwd=work, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("en.toml: score ")
    done = run([tool, "check", "fr.toml", "--format", "sarif"], cwd=work, env=env)
    assert done.returncode == 1 and '"version": "2.1.0"' in done.stdout, done.stderr
    assert "fr.toml:" not in done.stderr

    done = run([tool, "report", "en.toml", "-o", "report.html"], cwd=work, env=env)
    assert done.returncode == 0 and (work / "report.html").stat().st_size > 5000, done.stderr

    done = run([python, "-c", APP_SMOKE], cwd=work, env=env)
    assert done.returncode == 0 and done.stdout.strip().endswith("Screen"), done.stderr
