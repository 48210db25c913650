"""Benchmark: a year of check-ins, 10 KPIs × 52 weekly readings.

Run: ``.venv/bin/python -m benchmarks.checkins``. Prints the median CPU time of
``analyze_profile`` (the bar: 10 ms), of reading and writing the file, and of building
the report with its progress section (charts and the layer scores at twelve dates).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model import Cadence, CheckIn, Confidence, Kpi, Profile
from alignment_tui.report.content import build_report
from alignment_tui.report.html import render_html
from alignment_tui.store import dumps_profile, load_profile, save_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "checkins-en-two-ovens-bakery.toml"
START = date(2026, 1, 5)
TODAY = START + timedelta(days=7 * 52 + 2)
BAR_MS = 10.0
RUNS = 30


def year_profile() -> Profile:
    """The check-in example with 10 KPIs, each read every week for a year."""
    p = load_profile(EXAMPLE)
    axes = [a.id for a in p.strategy.axes]
    kpis = []
    for i in range(10):
        kpi = Kpi(
            name=f"Weekly measure {i + 1}",
            baseline=100 + i,
            baseline_date=START,
            target=400 + 10 * i,
            unit="orders",
            deadline=START + timedelta(days=400),
            cadence=Cadence.weekly,
            owner="owner",
            axis=axes[i % len(axes)],
        )
        kpi.checkins = [
            CheckIn(
                date=START + timedelta(days=7 * (w + 1)),
                value=100 + i + w * (5 + i % 3),
                confidence=list(Confidence)[(w + i) % 3],
                comment=f"week {w + 1}" if w % 4 == 0 else "",
            )
            for w in range(52)
        ]
        kpis.append(kpi)
    p.objectives.kpis = kpis
    return p


def _median_ms(action: Callable[[], object]) -> float:
    action()  # imports, word lists and caches loaded once
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    p = year_profile()
    readings = sum(len(k.checkins) for k in p.objectives.kpis)
    print(f"profile: {len(p.objectives.kpis)} KPIs, {readings} check-ins")
    warm = _median_ms(lambda: analyze_profile(p, today=TODAY))
    print(f"analyze_profile, warm: {warm:.2f} ms (bar {BAR_MS:.0f} ms)")

    step = iter(range(10**9))

    def checked_in() -> object:
        # What follows a check-in: one reading more, the profile analysed again.
        p.objectives.kpis[0].checkins[-1].value = 400 + next(step)
        return analyze_profile(p, today=TODAY)

    after = _median_ms(checked_in)
    print(f"analyze_profile after one new reading: {after:.2f} ms (bar {BAR_MS:.0f} ms)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "year.toml"
        save_profile(p, path)
        size = path.stat().st_size
        print(f"file: {size / 1024:.0f} KiB, {len(dumps_profile(p).splitlines())} lines")
        print(f"load_profile: {_median_ms(lambda: load_profile(path)):.2f} ms")
        print(f"save_profile: {_median_ms(lambda: save_profile(p, path)):.2f} ms")
    result = analyze_profile(p, today=TODAY)
    report = _median_ms(lambda: render_html(build_report(p, result, lang="en", today=TODAY)))
    print(f"HTML report with its progress section: {report:.1f} ms")
    verdict = "within" if max(warm, after) <= BAR_MS else "OVER"
    print(f"{verdict} the {BAR_MS:.0f} ms bar")


if __name__ == "__main__":
    main()
