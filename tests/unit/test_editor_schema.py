"""``schema -o`` and the editor recipe: Taplo validates profiles with the documented set-up."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alignment_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ci-and-editors.md"
TAPLO = Path(sys.executable).parent / "taplo"


def test_schema_output_file_is_what_schema_prints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    target = tmp_path / "profile.schema.json"
    assert main(["schema", "-o", str(target), "--lang", "en"]) == 0
    _, err = capsys.readouterr()
    assert target.read_text(encoding="utf-8") == printed
    assert err.strip() == f"JSON Schema written: {target}"
    assert json.loads(printed)["title"] == "alignment-tui profile"


def test_schema_to_an_unwritable_place_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["schema", "-o", str(blocker / "s.json"), "--lang", "fr"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "impossible d’écrire le schéma" in err[0]


def _documented_taplo_config() -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"```toml\n(\s*\[\[rule\]\].*?)```", text, flags=re.DOTALL)
    assert match, "the editor recipe in docs/ci-and-editors.md has a .taplo.toml block"
    return "\n".join(line.strip() for line in match.group(1).splitlines()) + "\n"


def _taplo(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TAPLO), "check", "--no-auto-config", "--config", ".taplo.toml"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "RUST_LOG": "warn"},
    )


def test_taplo_validates_profiles_with_the_documented_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert TAPLO.is_file(), "taplo is a pinned test dependency"
    (tmp_path / ".taplo.toml").write_text(_documented_taplo_config(), encoding="utf-8")
    assert main(["schema", "-o", str(tmp_path / "profile.schema.json")]) == 0
    capsys.readouterr()
    strategy = tmp_path / "strategy"
    strategy.mkdir()
    for example in sorted((ROOT / "examples").glob("*.toml")):
        shutil.copy(example, strategy / example.name)
    (strategy / "hand.toml").write_text(
        'schema_version = 1\nlang = ""\n[[objectives.kpis]]\nname = "x"\ncadence = ""\n'
        'branch = ""\n[execution.budget]\nperiod = ""\namount = ""\n',
        encoding="utf-8",
    )
    # A TOML file that is not a profile, outside the rule's files: never checked against it.
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    done = _taplo(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr

    bad = strategy / "aligned-en-two-ovens-bakery.toml"
    lines = bad.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("cadence = "))
    lines[number - 1] = 'cadence = "daily"'
    lines.append('unknown_key = "x"')
    bad.write_text("\n".join(lines), encoding="utf-8")
    done = _taplo(tmp_path)
    shown = done.stdout + done.stderr
    assert done.returncode != 0, shown
    assert f"aligned-en-two-ovens-bakery.toml:{number}:11" in shown
    assert "unknown_key" in shown
