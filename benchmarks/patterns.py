"""How every pattern of the language packs grows with hostile text: each pattern is run
over repeated units ("1 ", "1, ", "a ", "#1 "…) at two sizes, and the cases whose time
grows much faster than the text (quadratic: about 16× for 4× the text) are listed.

Run: ``.venv/bin/python benchmarks/patterns.py``. Wall time of one process, so compare
the two sizes of one run (each the fastest of three), not runs with each other. The shape test in
tests/unit/test_hostile_sizes.py checks the cause found here (a run that may cross
words, left unbounded); this finds what a shape test cannot foresee.
"""

from __future__ import annotations

import os
import re
import sys
import time

from alignment_tui.analysis import packs

UNITS = (
    "1 ",
    "1, ",
    "1.",
    "12 ",
    "1.1 ",
    "2027 ",
    "a ",
    "A ",
    "Ab ",
    "a",
    "1",
    " ",
    "# ",
    "#1 ",
    "a-",
    "l'",
    "1 a ",
    "be the A ",
    "être le A ",
    "de ",
    "A. ",
    "« a ",
    '"a ',
    "1 % ",
    "1/",
    "24/7 ",
    "q1 ",
    "1h ",
    "top ",
    "$1 ",
    "1k ",
    "our ",
    "nous ",
    "a\n",
    "- a\n",
    "a: b c\n",
)
SIZES = (2_000, 8_000)


def _time(regex: re.Pattern[str], text: str) -> float:
    """The fastest of three runs: a busy machine only ever adds time."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in regex.finditer(text):
            pass
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    regexes: list[tuple[str, re.Pattern[str]]] = []
    for code, pack in packs.packs().items():
        regexes += [(f"{code} patterns.{n}", p) for n, p in pack.patterns.items()]
        regexes += [(f"{code} signal {s.rule}", s.regex) for s in pack.signals]
    print(f"load average {os.getloadavg()[0]:.1f}; {len(regexes)} patterns × {len(UNITS)} units")
    print(f"| pattern | unit | s at {SIZES[0]:,} | s at {SIZES[1]:,} | growth |")
    print("|---|---|---|---|---|")
    worst = 0.0
    for name, regex in regexes:
        for unit in UNITS:
            small, large = (_time(regex, unit * (n // len(unit))) for n in SIZES)
            growth = large / max(small, 1e-6)
            worst = max(worst, large)
            if large > 0.02 and growth > 7:
                print(f"| {name} | {unit!r} | {small:.4f} | {large:.4f} | {growth:.1f}× |")
    print(f"slowest case at {SIZES[1]:,} characters: {worst:.4f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
