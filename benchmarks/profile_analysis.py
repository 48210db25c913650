"""Benchmark: analyze_profile on complete profiles, and `check` on 1,000 profile files."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from alignment_tui.analysis import coherence, profile, recognise, structure
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.paths import set_field
from alignment_tui.store import load_profile, save_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
TODAY = date(2026, 12, 1)
BAR_MS = 10.0
RUNS = 40


def _clear() -> None:
    for cached in (
        profile._analyse,
        coherence.stems,
        coherence.words,
        coherence._stem,
        structure._bag,
        recognise.fold,
    ):
        cached.cache_clear()


def _median_ms(path: Path, mode: str, clock: str = "cpu") -> float:
    """``cold``: nothing seen before; ``edit``: one answer changed since the last run
    (what the TUI does while a user types); ``warm``: the same profile again."""
    prof = load_profile(path)
    analyze_profile(prof, today=TODAY)  # imports and word lists loaded once
    statement = prof.vision.statement
    times = []
    for run in range(RUNS):
        if mode == "cold":
            _clear()
        elif mode == "edit":
            prof.vision.statement = f"{statement} {run}"
        timer = time.process_time if clock == "cpu" else time.perf_counter
        start = timer()
        analyze_profile(prof, today=TODAY)
        times.append((timer() - start) * 1000)
    return statistics.median(times)


def _variants(folder: Path, count: int) -> list[str]:
    """``count`` distinct profiles: the examples with every answer changed in each copy,
    so that no analysis of one file can be reused for another."""
    paths = []
    for i in range(count):
        prof = load_profile(EXAMPLES[i % len(EXAMPLES)])
        prof.meta.organisation = f"{prof.meta.organisation} {i}"
        for leaf in profile.leaves(prof):
            set_field(prof, leaf.path, f"{leaf.text} ({i})")
        target = folder / f"profile-{i:04d}.toml"
        save_profile(prof, target)
        paths.append(str(target))
    return paths


def _check_run(paths: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and exit code of one `check` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "alignment_tui", "check", "--format", "json", *paths],
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def main() -> int:
    load = os.getloadavg()[0]
    print(f"analyze_profile, median of {RUNS} runs: CPU ms (wall ms); load average {load:.1f}")
    print(
        f"| profile | cold (nothing cached) | one answer edited | unchanged | bar {BAR_MS:.0f} ms |"
    )
    print("|---|---|---|---|---|")
    worst = 0.0
    for path in EXAMPLES:
        cells = []
        for mode in ("cold", "edit", "warm"):
            cpu, wall = _median_ms(path, mode), _median_ms(path, mode, "wall")
            cells.append(f"{cpu:.2f} ({wall:.2f})")
            if mode == "cold":
                worst = max(worst, cpu)
        verdict = "ok" if float(cells[0].split()[0]) <= BAR_MS else "OVER"
        print(f"| {path.name} | {' | '.join(cells)} | {verdict} |")
    with tempfile.TemporaryDirectory() as tmp:
        paths = _variants(Path(tmp), 1000)
        wall, cpu, code = _check_run(paths)
    print()
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
    print("| check, 1,000 distinct profiles (JSON) | wall s | CPU s | profiles/s | exit |")
    print("|---|---|---|---|---|")
    print(f"| {len(paths)} files | {wall:.2f} | {cpu:.2f} | {len(paths) / wall:.0f} | {code} |")
    return 0 if worst <= BAR_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
