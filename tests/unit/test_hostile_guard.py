"""The top-level guard: a bug in any command is one line and exit 2, a traceback only when
asked; output that cannot be written is one line and exit 2 too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alignment_tui.cli import main
from tests.unit.hostile_cases import BANK, BASE

REPO = Path(__file__).resolve().parents[2]

# Each command, and a function deep inside it where a failure is injected.
INJECTED = [
    (["check", "{p}"], "alignment_tui.analysis.profile.analyze_profile"),
    (["check", "{p}", "--format", "json"], "alignment_tui.cli.commands.check._json"),
    (["report", "{p}", "-o", "{d}/r.html"], "alignment_tui.report.writer.render_report"),
    (["report", "{p}", "-o", "{d}/r.md"], "alignment_tui.report.markdown.render_markdown"),
    (["diff", "{p}", "{p}"], "alignment_tui.report.diff.diff_profiles"),
    (["schema"], "alignment_tui.cli.commands.schema.profile_schema"),
    (["questions", "check", "{b}"], "alignment_tui.model.bank.check_bank"),
    (["serve", "{p}"], "alignment_tui.cli.commands.serve._check_port"),
    (["--plain", "{p}"], "alignment_tui.plain.PlainWalk.run"),
    (["{p}"], "alignment_tui.tui.app.make_app"),
]


def _argv(template: list[str], tmp_path: Path) -> list[str]:
    profile = tmp_path / "p.toml"
    if not profile.exists():
        profile.write_bytes(BASE.read_bytes())
    values = {"p": str(profile), "d": str(tmp_path), "b": str(BANK)}
    return [part.format(**values) for part in template]


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise KeyError("injected \x1b]0;pwned\x07 fault")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("template", "target"), INJECTED, ids=[t[0][0] for t in INJECTED])
def test_a_failure_in_any_command_is_one_line_and_exit_2(
    template: list[str],
    target: str,
    lang: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv = [*_argv(template, tmp_path), "--lang", lang]
    before = (tmp_path / "p.toml").read_bytes()
    monkeypatch.setattr(target, _boom)
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # noqa: SIM115 (closed with the test)
    monkeypatch.setattr("alignment_tui.cli.commands.tui.wants_plain", lambda args: args.plain)
    monkeypatch.delenv("ALIGNMENT_TUI_DEBUG", raising=False)
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    intro = "erreur interne\u202f: KeyError" if lang == "fr" else "internal error: KeyError"
    assert intro in lines[0], lines[0]  # check names the file first
    assert ("merci de la signaler" if lang == "fr" else "please report it") in lines[0]
    assert "\x1b" not in err and "\\x1b" in err  # the message is shown, not obeyed
    assert (tmp_path / "p.toml").read_bytes() == before


def test_the_debug_variable_shows_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("alignment_tui.cli.commands.schema.profile_schema", _boom)
    monkeypatch.setenv("ALIGNMENT_TUI_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["schema"])


def _python(
    code: str, *args: str, stdout: Any = subprocess.PIPE, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )


CLI = "import sys; from alignment_tui.cli import main; sys.exit(main(sys.argv[1:]))"


def test_a_crash_inside_the_tui_is_one_line_and_exit_2(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_bytes(BASE.read_bytes())
    code = """
import sys
from alignment_tui.tui.screens import intro
def boom(self):
    raise RuntimeError("injected \\x1b[2J fault")
intro.IntroScreen.compose = boom
from alignment_tui.app import make_app
app = make_app(sys.argv[1], lang="fr")
app.run(headless=True, size=(100, 36))
sys.exit(app.return_code)
"""
    done = _python(code, str(profile))
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("erreur interne\u202f: RuntimeError"), (
        done.stderr
    )
    assert "\x1b" not in done.stderr and "Traceback" not in done.stderr
    assert profile.read_bytes() == BASE.read_bytes()  # reopened, not changed: not rewritten


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(BASE)],
        ["check", str(BASE), "--format", "json"],
        ["diff", str(BASE), str(BASE)],
        ["schema"],
        ["report", str(BASE), "-o", "-", "--format", "md"],
        ["--help"],
    ],
    ids=lambda argv: " ".join(a for a in argv if "/" not in a),
)
def test_output_to_a_full_disk_is_one_line_and_exit_2(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _python(CLI, *argv, "--lang", "en", stdout=full)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "cannot write the output (No space left on device). What was printed is incomplete;"
        " free some space or write elsewhere."
    ]


def test_output_closed_is_one_line_and_exit_2() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CLI, "check", str(BASE), "--lang", "fr"],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=lambda: os.close(1),  # as `alignment-tui check P >&-` in a shell
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "impossible d'écrire la sortie\u202f: la sortie standard est fermée. Laissez la commande"
        " écrire dans un terminal, un fichier ou un tube."
    ]


def test_output_in_an_encoding_that_cannot_show_it_is_one_line_and_exit_2() -> None:
    done = _python(CLI, "check", str(BASE), "--lang", "fr", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "(ascii)" in lines[0] and "PYTHONIOENCODING=utf-8" in lines[0]


def test_a_reader_that_stops_reading_is_no_error() -> None:
    # Far more than a pipe holds, so that the writer meets the closed end.
    many = [str(BASE)] * 40
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "check", *many, "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""
