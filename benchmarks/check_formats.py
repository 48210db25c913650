"""Benchmark: what ``check --format sarif`` (and json) costs over text, on the four examples.

Two measures in one run, alternated so that the machine's load falls on each alike: the
whole command as a user runs it (process start to exit), and, in this process, only what
differs between the formats — writing the output, and locating the findings in the file.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from alignment_tui.cli.commands.check import _text
from alignment_tui.cli.commands.check_sarif import sarif_log
from alignment_tui.cli.commands.checking import Checked, check_files
from alignment_tui.safe_text import json_text
from alignment_tui.store.locate import TomlLocator

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [str(p) for p in sorted((ROOT / "examples").glob("*.toml"))]
TOOL = str(Path(sys.executable).parent / "alignment-tui")
FORMATS = ("text", "json", "sarif")
RUNS = 15


def _command_ms() -> dict[str, float]:
    times: dict[str, list[float]] = {f: [] for f in FORMATS}
    for _ in range(RUNS):
        for fmt in FORMATS:
            start = time.perf_counter()
            subprocess.run([TOOL, "check", "--format", fmt, *EXAMPLES], capture_output=True)
            times[fmt].append((time.perf_counter() - start) * 1000)
    return {f: statistics.median(v) for f, v in times.items()}


def _median_ms(work: object, runs: int = 50) -> float:
    assert callable(work)
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    checked: list[Checked] = list(check_files(EXAMPLES, None, "en"))
    texts = [Path(p).read_text(encoding="utf-8") for p in EXAMPLES]
    command = _command_ms()
    print(f"check on the {len(EXAMPLES)} examples, median of {RUNS} runs (ms)")
    print(f"{'format':<8}{'command':>10}{'over text':>12}")
    for fmt in FORMATS:
        print(f"{fmt:<8}{command[fmt]:>10.0f}{command[fmt] - command['text']:>+12.0f}")
    print()
    print("in process, the parts that differ (ms)")
    print(f"{'text lines':<28}{_median_ms(lambda: [_text(c, 0) for c in checked]):>8.2f}")
    sarif = _median_ms(lambda: json_text(sarif_log(checked, floor=0, lang="en")))
    print(f"{'SARIF log, as JSON text':<28}{sarif:>8.2f}")
    locate = _median_ms(lambda: [TomlLocator(t) for t in texts])
    print(f"{'TOML locator, 4 files':<28}{locate:>8.2f}  (paid by every format)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
