"""The command line: help, schema, and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alignment_tui.cli import COMMANDS, main
from alignment_tui.model import Profile
from alignment_tui.store import save_profile


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in ("check", "report", "diff", "schema", "questions", "serve"):
        assert name in COMMANDS and f"  {name} " in out


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_command_help_has_an_example(
    command: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help", "--lang", lang])
    out = capsys.readouterr().out
    assert ("exemple" if lang == "fr" else "example") in out
    assert f"alignment-tui {command}" in out


def test_schema_is_the_profile_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object"
    for key in ("schema_version", "values", "vision", "execution", "waivers", "notes"):
        assert key in schema["properties"]


def test_check_broken_toml_prints_line_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[vision\nstatement = "x"\n')
    done = subprocess.run(
        [sys.executable, "-m", "alignment_tui", "check", str(bad)], capture_output=True, text=True
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:2:")
    assert "Traceback" not in done.stderr


def test_check_reads_several_files_and_reports_the_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.toml"
    save_profile(Profile(), good)
    code = main(["check", str(tmp_path / "missing.toml"), str(good)])
    assert code == 2
    err = capsys.readouterr().err
    assert "missing.toml" in err and len(err.strip().splitlines()) == 1


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "--no-such-flag", "x.toml"])
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_help_and_usage_errors_speak_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "fr"])
    out = capsys.readouterr().out
    assert out.startswith("utilisation : alignment-tui check")
    assert "afficher cette aide" in out and "show this help" not in out
    with pytest.raises(SystemExit) as info:
        main(["check", "--lang", "fr"])
    assert info.value.code == 2
    assert "obligatoires" in capsys.readouterr().err
