"""Benchmark: analyze_profile on complete profiles, and `check` on 1,000 profile files.

Run: ``.venv/bin/python -m benchmarks.profile_analysis``. Each example profile and the
year of check-ins (10 KPIs × 52 weekly readings), with nothing cached, after a one-answer
edit and unchanged; the bar (10 ms) is read on the fastest CPU time of the runs, since
the machine is shared (the load average is printed before and after).
"""

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment_tui.analysis import coherence, profile, recognise, structure  # noqa: E402
from alignment_tui.analysis.profile import analyze_profile  # noqa: E402
from alignment_tui.model import Profile  # noqa: E402
from alignment_tui.model.paths import set_field  # noqa: E402
from alignment_tui.store import load_profile, save_profile  # noqa: E402
from benchmarks.checkins import TODAY as YEAR_TODAY  # noqa: E402
from benchmarks.checkins import year_profile  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
TODAY = date(2026, 12, 1)
BAR_MS = 10.0
RUNS = 40


def _clear() -> None:
    """Forget every text seen (the analysis of each answer, its folded form, stems and
    word bags); what is kept per language pack (compiled patterns, word lists) stays, as
    in an app that has analysed a profile before."""
    for cached in (
        profile._analyse,
        coherence.stems,
        coherence.words,
        coherence._stem,
        structure._bag,
        recognise.fold,
    ):
        cached.cache_clear()


def _times_ms(prof: Profile, mode: str, today: date) -> tuple[float, float]:
    """Fastest and median CPU ms of ``analyze_profile`` over ``RUNS`` runs.

    ``cold``: nothing seen before; ``edit``: one answer changed since the last run (what
    the TUI does while a user types); ``warm``: the same profile again."""
    analyze_profile(prof, today=today)  # imports and word lists loaded once
    statement = prof.vision.statement
    times = []
    for run in range(RUNS):
        if mode == "cold":
            _clear()
        elif mode == "edit":
            prof.vision.statement = f"{statement} {run}"
        start = time.process_time()
        analyze_profile(prof, today=today)
        times.append((time.process_time() - start) * 1000)
    prof.vision.statement = statement
    return min(times), statistics.median(times)


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
    print(
        f"analyze_profile: CPU ms, fastest (median) of {RUNS} runs; "
        f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs"
    )
    print(
        f"| profile | cold (nothing cached) | one answer edited | unchanged | bar {BAR_MS:.0f} ms |"
    )
    print("|---|---|---|---|---|")
    profiles = [(path.name, load_profile(path), TODAY) for path in EXAMPLES]
    profiles.append(("10 KPIs × 52 check-ins (benchmarks/checkins.py)", year_profile(), YEAR_TODAY))
    worst = 0.0
    for name, prof, today in profiles:
        cells = []
        for mode in ("cold", "edit", "warm"):
            fastest, median = _times_ms(prof, mode, today)
            cells.append(f"{fastest:.2f} ({median:.2f})")
            if mode in ("cold", "edit"):
                worst = max(worst, fastest)
        cold = float(cells[0].split()[0])
        edit = float(cells[1].split()[0])
        verdict = "ok" if max(cold, edit) <= BAR_MS else "OVER"
        print(f"| {name} | {' | '.join(cells)} | {verdict} |")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
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
