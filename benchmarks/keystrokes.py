"""Time per keystroke in the answer editor with live analysis on, against the same editor off.

Run: ``.venv/bin/python benchmarks/keystrokes.py [--keys 300] [--rounds 3]``.

The real app opens a profile on a free-text question. Keys are posted to the editor one
at a time, each as soon as the previous one is in the answer (a person typing as fast as
the screen echoes), with a pause every few words so that the debounced analysis does run
between keys. "Time per key" is from posting a key to the answer having it; the pauses are
not counted. The same run measures the screen with its live feedback removed. Bar: on ≤
1.2 × off.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.widgets import TextArea  # noqa: E402

from alignment_tui.app import make_app  # noqa: E402
from alignment_tui.model.profile import Profile  # noqa: E402
from alignment_tui.store import save_profile  # noqa: E402

TEXT = (
    "Devenir le leader incontournable des solutions innovantes pour nos clients, "
    "avec une approche holistique et des synergies fortes. Nous voulons que 12 000 "
    "cyclistes de Lyon roulent sans panne grâce à 40 ateliers partenaires d'ici 2030, "
    "sans payer plus de 30 euros par réparation, et que chacun reparte en moins de 24 heures. "
)
PAUSE_EVERY = 30  # keys between two pauses…
PAUSE = 0.25  # …long enough (> the 150 ms debounce) for an analysis to start
BAR = 1.2


async def run(live: bool, keys: int, folder: Path) -> tuple[list[float], int]:
    """Per-key latencies (s) and how many analyses ran, in a fresh app."""
    from alignment_tui.tui.widgets.livefeedback import LiveFeedback

    path = folder / f"bench-{'on' if live else 'off'}-{time.monotonic_ns()}.toml"
    profile = Profile(lang="fr")
    profile.meta.organisation = "Banc d'essai"
    profile.meta.position = "vision.statement"
    save_profile(profile, path)
    app = make_app(path, lang="fr")
    latencies: list[float] = []
    analyses = 0
    async with app.run_test(size=(100, 40)) as pilot:
        deadline = time.monotonic() + 20
        while not app.screen.query("#answer-text") and time.monotonic() < deadline:
            await pilot.pause(0.05)
        area = app.screen.query_one("#answer-text", TextArea)
        feedback = app.screen.query(LiveFeedback)
        if not live:
            await feedback.remove()
        area.focus()
        await pilot.pause(0.3)  # the first analysis of the screen is done
        typed = (TEXT * (keys // len(TEXT) + 1))[:keys]
        for i, char in enumerate(typed):
            want = len(area.text) + 1
            start = time.perf_counter()
            area.post_message(events.Key(char, char))
            while len(area.text) < want:
                await asyncio.sleep(0)
            latencies.append(time.perf_counter() - start)
            if (i + 1) % PAUSE_EVERY == 0:
                await pilot.pause(PAUSE)
        if live:
            await pilot.pause(0.3)
            analyses = app.screen.query_one(LiveFeedback).analyses
        assert area.text == typed, "every key must reach the answer"
    return latencies, analyses


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    per: dict[bool, list[float]] = {True: [], False: []}
    p95: dict[bool, list[float]] = {True: [], False: []}
    runs: dict[bool, int] = {True: 0, False: 0}
    with tempfile.TemporaryDirectory() as tmp:
        await run(True, 40, Path(tmp))  # warm-up: imports, lexicons, the bank
        for round_ in range(args.rounds):
            for live in (False, True) if round_ % 2 == 0 else (True, False):
                lat, analyses = await run(live, args.keys, Path(tmp))
                per[live].append(statistics.fmean(lat))
                p95[live].append(sorted(lat)[int(0.95 * len(lat)) - 1])
                runs[live] += analyses
    off, on = statistics.median(per[False]), statistics.median(per[True])
    ratio = on / off
    print(f"{args.keys} keys × {args.rounds} rounds, pause {PAUSE}s every {PAUSE_EVERY} keys")
    print(f"| {'live analysis':<14} | {'ms per key':>10} | {'p95 ms':>7} | {'analyses':>8} |")
    print(f"|{'-' * 16}|{'-' * 12}|{'-' * 9}|{'-' * 10}|")
    for live in (False, True):
        name = "on" if live else "off"
        mean_ms = statistics.median(per[live]) * 1000
        tail_ms = statistics.median(p95[live]) * 1000
        print(f"| {name:<14} | {mean_ms:>10.3f} | {tail_ms:>7.3f} | {runs[live]:>8} |")
    verdict = "ok" if ratio <= BAR else "TOO SLOW"
    print(f"ratio on/off: {ratio:.2f} (bar ≤ {BAR}) {verdict}")
    return 0 if ratio <= BAR else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
