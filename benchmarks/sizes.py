"""The extreme sizes a hostile or unlucky profile can have, timed command by command.

Run: ``.venv/bin/python benchmarks/sizes.py``. Each case is made from the English example
profile in a temporary folder, then run as the user would (a fresh ``alignment-tui``
process); the table gives CPU seconds (user + system, which load on a shared machine
changes far less than wall time) and the exit code. The KPI editor case times, in one
Textual app run headless, how long the question screen takes to show 52 KPI rows.
"""

from __future__ import annotations

import copy
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "aligned-en-two-ovens-bakery.toml"
PARA = (
    "We bake sourdough for the people of Leeds every morning at 5am, because fresh bread"
    " is better; we choose rye over white. "
)
EDITOR = """
import asyncio, sys, time
from alignment_tui.app import make_app
from alignment_tui.tui.screens.question import QuestionScreen

async def main():
    app = make_app(sys.argv[1], lang="en")
    start = time.process_time()
    async with app.run_test(size=(120, 36)) as pilot:
        while not (isinstance(app.screen, QuestionScreen) and app.screen.query(".row-fields")):
            await pilot.pause(0.05)
        await pilot.pause()
        print(time.process_time() - start)
        await pilot.press("ctrl+q")

asyncio.run(main())
"""


def _write(folder: Path, name: str, change: Callable[[dict[str, Any]], None]) -> Path:
    data = copy.deepcopy(tomllib.loads(BASE.read_text("utf-8")))
    change(data)
    path = folder / name
    path.write_text(tomli_w.dumps(data, multiline_strings=True), "utf-8")
    return path


def _set(section: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data[section].__setitem__(key, value)


def _messages(data: dict[str, Any]) -> None:
    data["execution"]["messages"] = [
        f"Message {i}: our loaf of the day {i % 97} is baked by shop {i % 13} in Leeds."
        for i in range(5000)
    ]


def _personas(data: dict[str, Any]) -> None:
    data["personas"] = [
        {
            "id": f"p{i}",
            "name": f"Persona {i}",
            "description": f"People of street {i} who buy bread",
        }
        for i in range(2000)
    ]


def _kpis(data: dict[str, Any]) -> None:
    kpi = data["objectives"]["kpis"][0]
    data["objectives"]["kpis"] = [dict(kpi, name=f"KPI {i}") for i in range(52)]
    data["meta"]["position"] = "objectives.kpis"


def _answers(data: dict[str, Any]) -> None:
    data["answers"] = {f"x.q{i}": PARA * 8 for i in range(3500)}


def _repetitive(seed: int) -> str:
    """40,000 lines, each "x" or "y": what costs an unbounded comparison the most per byte."""
    pick = random.Random(seed)
    return "\n".join(pick.choice("xy") for _ in range(40_000))


def _long_item(seed: int) -> Callable[[dict[str, Any]], None]:
    """One message of 20,000 words drawn from ten: a long item to pair with another."""
    pick = random.Random(seed)
    vocabulary = PARA.split()[:10]
    text = " ".join(pick.choice(vocabulary) for _ in range(20_000))
    return _set("execution", "messages", [text])


def _cpu(argv: list[str]) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, done.returncode


def main() -> int:
    cli = [sys.executable, "-m", "alignment_tui"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one_mb = PARA * (990_000 // len(PARA))
        cases = {
            "5,000 messages": _write(folder, "messages.toml", _messages),
            "2,000 personas": _write(folder, "personas.toml", _personas),
            "1 MB answer": _write(folder, "one.toml", _set("vision", "statement", one_mb)),
            "1 MB answer, reworded": _write(
                folder,
                "one-b.toml",
                _set("vision", "statement", one_mb.replace("rye", "spelt", 50)),
            ),
            "3.4 MB of answers": _write(folder, "answers.toml", _answers),
            "5 MB answer": _write(folder, "five.toml", _set("vision", "statement", PARA * 40_000)),
            # Quadratic once: 40,000 numbers that measure nothing, each blanked by a copy
            # of the whole text; and a run of digits a pattern read again from each digit.
            "200,000 characters of '110% '": _write(
                folder, "hype.toml", _set("vision", "statement", "110% " * 40_000)
            ),
            "200,000 characters of digits": _write(
                folder, "digits.toml", _set("vision", "statement", "1 2 3 4 5 " * 20_000)
            ),
        }
        pairs = {
            name: (_write(folder, f"{key}-a.toml", first), _write(folder, f"{key}-b.toml", second))
            for name, key, first, second in (
                (
                    "40,000 lines of x or y",
                    "xy",
                    _set("vision", "statement", _repetitive(1)),
                    _set("vision", "statement", _repetitive(2)),
                ),
                ("one 20,000-word message", "item", _long_item(1), _long_item(2)),
            )
        }
        runs = [
            (f"check {name}", [*cli, "check", str(path)])
            for name, path in cases.items()
            if "reworded" not in name
        ]
        runs += [(f"diff {name}", [*cli, "diff", str(a), str(b)]) for name, (a, b) in pairs.items()]
        runs += [
            (
                "diff 1 MB answer",
                [*cli, "diff", str(cases["1 MB answer"]), str(cases["1 MB answer, reworded"])],
            ),
            ("diff 5,000 messages", [*cli, "diff", str(BASE), str(cases["5,000 messages"])]),
            ("diff 2,000 personas", [*cli, "diff", str(BASE), str(cases["2,000 personas"])]),
        ]
        print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
        print("| case | CPU s | exit |")
        print("|---|---|---|")
        for name, argv in runs:
            cpu, code = _cpu(argv)
            print(f"| {name} | {cpu:.2f} | {code} |")
        kpis = _write(folder, "kpis.toml", _kpis)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", EDITOR, str(kpis)], capture_output=True, text=True, timeout=900
        )
        wall = time.perf_counter() - started
        shown = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "?"
        name = f"KPI editor, 52 rows (CPU s to show; {wall:.1f} s wall in all)"
        print(f"| {name} | {float(shown):.2f} | {done.returncode} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
