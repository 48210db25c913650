"""Every command over a table of malformed, extreme and hostile inputs, in both languages:
exit 0, 1 or 2; one line on stderr for 2; never a traceback nor an internal error; no
file changed; nothing a terminal would obey in the output; each run under 2 s of CPU."""

from __future__ import annotations

import hashlib
import io
import json
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from alignment_tui.cli import main
from alignment_tui.store import load_profile
from tests.unit.hostile_cases import BANK_CASES, BASE, ESCAPES, PROFILE_CASES, Case

# What a terminal acts on: ESC, BEL and the other C0 controls but newline and tab, DEL,
# C1 (0x9b is an 8-bit CSI), and the marks that reverse the text's direction.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CPU_LIMIT = 2.0


def _profile_commands(case: Path, good: Path, out: Path) -> list[list[str]]:
    return [
        ["check", str(case)],
        ["check", str(case), "--format", "json"],
        ["report", str(case), "-o", str(out / "report.html")],
        ["report", str(case), "-o", str(out / "report.md")],
        ["diff", str(good), str(case)],
        ["diff", str(case), str(good), "--format", "json"],
        ["--plain", str(case)],
    ]


def _bank_commands(case: Path, out: Path) -> list[list[str]]:
    return [
        ["questions", "check", str(case)],
        ["--plain", "--bank", str(case), str(out / "new.toml")],
    ]


def _snapshot(folder: Path) -> dict[str, str]:
    """Every name under ``folder`` with a digest of its bytes (a FIFO or a link: its kind)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "link"
        elif path.is_fifo():
            found[str(path)] = "fifo"
        elif path.is_file():
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[str(path)] = "dir"
    return found


class Hang(Exception):
    pass


@pytest.fixture
def alarm() -> Iterator[None]:
    """A run that blocks (a FIFO opened for reading) fails the test instead of hanging it."""

    def ring(signum: int, frame: FrameType | None) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, ring)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _run(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str, float]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    signal.alarm(20)
    started = time.process_time()
    try:
        code = main(argv)
    except SystemExit as exc:  # a usage error (a path argparse refuses)
        code = exc.code if isinstance(exc.code, int) else 2
    finally:
        signal.alarm(0)
    cpu = time.process_time() - started
    out, err = capsys.readouterr()
    return code, out, err, cpu


def _check(argv: list[str], case: Case, result: tuple[int, str, str, float]) -> None:
    code, out, err, cpu = result
    where = f"{case.name}: {' '.join(a[-40:] for a in argv)}"
    assert code in (0, 1, 2), where
    if case.bad and not (case.new and argv[0] == "--plain"):
        # A bank with problems is reported by `questions check` (1), refused by the rest.
        refused = (1, 2) if argv[0] == "questions" else (2,)
        assert code in refused, f"{where}: accepted ({code}): {err}"
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].strip(), f"{where}: {err!r}"
    assert "Traceback" not in err, where
    assert "internal error" not in err and "erreur interne" not in err, f"{where}: {err}"
    assert not RAW_CONTROL.search(out), f"{where}: raw control in stdout"
    assert not RAW_CONTROL.search(err), f"{where}: raw control in stderr"
    assert cpu < CPU_LIMIT, f"{where}: {cpu:.2f} s of CPU"


CASES = [("profile", c) for c in PROFILE_CASES] + [("bank", c) for c in BANK_CASES]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("kind", "case"), CASES, ids=[c.name for _, c in CASES])
def test_every_command_on_hostile_input(
    kind: str,
    case: Case,
    lang: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    alarm: None,
) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    out.mkdir()
    monkeypatch.chdir(out)
    if kind == "profile":
        good = inputs / "good.toml"
        good.write_bytes(BASE.read_bytes())
        commands = _profile_commands(case.make(inputs / "case.toml"), good, out)
    else:
        commands = _bank_commands(case.make(inputs / "bank"), out)
    before = _snapshot(inputs)
    for argv in commands:
        argv = [*argv, "--lang", lang]
        code, *_ = result = _run(argv, capsys, monkeypatch)
        _check(argv, case, result)
        if argv[0] == "questions" and not case.bad:
            assert code in (0, 1)
        assert _snapshot(inputs) == before, f"{case.name}: {argv[0]} changed an input"
    if case.bad:
        assert not (out / "report.html").exists() and not (out / "report.md").exists()


def test_json_output_keeps_every_string_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing raw reaches the terminal, yet the JSON decodes to the profile's very strings."""
    case = next(c for c in PROFILE_CASES if c.name == "hostile-text-everywhere")
    path = case.make(tmp_path / "hostile \x1b[2J\u202e.toml")
    organisation = load_profile(path).meta.organisation
    assert ESCAPES in organisation
    assert main(["diff", str(BASE), str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    assert json.loads(out)["new"]["organisation"] == organisation
    assert json.loads(out)["new"]["path"] == str(path)
    assert main(["check", str(path), "--format", "json"]) in (0, 1)
    out, err = capsys.readouterr()
    assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err)
    assert json.loads(out)["files"][0]["path"] == str(path)
    assert "hostile \\x1b[2J\\u202e.toml" in err  # the stale waiver's line, escaped
