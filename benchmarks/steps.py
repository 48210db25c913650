"""Time of a step to the next question, against building a fresh screen with a sidebar and
an editor, side by side in one run of the real app.

Run: ``.venv/bin/python benchmarks/steps.py [--rounds 15] [--repeats 3]``.

The app opens a profile on a free-text question. A *step* is Ctrl+N's action (the answer
kept, the session moved on, the next free-text question shown with the cursor in its
editor) until the app is settled. A *fresh screen* is a bare screen holding the chain
sidebar (the walk's entries) and a text editor, pushed and mounted in the same app, then
popped, timed until settled the same way. *Settled*: no message waiting or being handled
anywhere in the app, and nothing left for the screen to lay out or paint (looked at every
millisecond; Pilot's idle wait sleeps in 20 ms slices, which would add the same tens of ms
to both sides).

Each repeat is a fresh app timing both ``rounds`` times, alternating: the wall time, and
the CPU time of the app's thread (what the step costs the machine, less sensitive to other
programs running). The ratio step / fresh screen is taken per repeat (medians of its
rounds); the bar, a step at most 0.5 × a fresh screen on both, is read on the median of
the repeats' ratios, printed as met or not, with the load average before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal  # noqa: E402
from textual.screen import Screen  # noqa: E402

from alignment_tui.app import make_app  # noqa: E402
from alignment_tui.model.answers import set_answer  # noqa: E402
from alignment_tui.model.bank import load_bank  # noqa: E402
from alignment_tui.model.profile import Profile  # noqa: E402
from alignment_tui.store import save_profile  # noqa: E402
from alignment_tui.tui.keyroute import settled  # noqa: E402
from alignment_tui.tui.screens.question import QuestionScreen  # noqa: E402
from alignment_tui.tui.widgets.chain import Chain, ChainEntry  # noqa: E402
from alignment_tui.tui.widgets.editors.base import EditorContext  # noqa: E402
from alignment_tui.tui.widgets.editors.text import TextEditor  # noqa: E402

BAR = 0.5
# Free-text questions in a row, so every step lands on a text editor like the fresh screen's.
TEXT_STEPS = ("values.origin", "values.hard_choice")
# Not under the bar, shown beside it: a step to another kind of answer, which mounts an
# editor of its own (a horizon's fields).
OTHER_STEPS = ("values.hard_choice", "values.horizon_years")
# Both text answers written, as a user has them: the step loads and analyses real text.
ANSWERS = {
    "values.origin": "We started repairing bikes in a garage because new ones were too dear.",
    "values.hard_choice": "We turned down a chain store's order that would have doubled us.",
}
Timing = tuple[float, float]  # (wall s, CPU s of the app's thread)


class FreshScreen(Screen[None]):
    """The yardstick: a sidebar and an editor, nothing else."""

    def __init__(self, entries: list[ChainEntry], question: Any) -> None:
        super().__init__()
        self.entries = entries
        self.question = question

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Chain(self.entries, id="chain")
            yield TextEditor(self.question, "", EditorContext("en"), id="editor")


def _idle(app: App[Any]) -> bool:
    screen = app.screen
    if screen._layout_required or screen._repaint_required or screen._dirty_widgets:
        return False
    return settled(app, inside_app=False)


async def _timed(act: Callable[[], Any], app: App[Any], done: Callable[[], bool]) -> Timing:
    """Run ``act``, then wait for ``done`` and for the app to settle."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = act()
    if asyncio.iscoroutine(result):
        await result
    while not (done() and _idle(app)):
        await asyncio.sleep(0.001)
    return time.perf_counter() - wall, time.thread_time() - cpu


async def measure(
    rounds: int, folder: Path, pair: tuple[str, str] = TEXT_STEPS
) -> tuple[list[Timing], list[Timing]]:
    """``rounds`` steps from ``pair[0]`` to ``pair[1]``, each followed by a fresh screen."""
    path = folder / "bench-steps.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Bench"
    profile.meta.position = pair[0]
    bank = load_bank()
    for qid, text in ANSWERS.items():
        set_answer(profile, bank.question(qid), text)
    save_profile(profile, path)
    app = make_app(path, lang="en")
    steps: list[Timing] = []
    fresh: list[Timing] = []
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.screen, QuestionScreen):
            await pilot.pause(0.01)
        walk = app.walk
        assert walk is not None
        for _ in range(rounds):
            app.jump(pair[0])
            await pilot.pause(0.3)  # the cursor's blink and the first analysis are done

            def arrived() -> bool:
                screen = app.screen
                if not isinstance(screen, QuestionScreen) or screen.shown != pair[1]:
                    return False
                return screen.editor is not None and screen.editor.has_focus_within

            steps.append(await _timed(app.action_go_next, app, arrived))

            question = walk.bank.question(TEXT_STEPS[1])
            screen = FreshScreen(walk.chain(walk.session.profile), question)

            def shown(s: FreshScreen = screen) -> bool:
                return s.is_mounted and bool(s.query("#answer-text"))

            fresh.append(await _timed(lambda s=screen: app.push_screen(s), app, shown))
            app.pop_screen()
            await pilot.pause()
        await app.action_quit()
    return steps, fresh


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f}"


def _ratios(runs: list[tuple[list[Timing], list[Timing]]], name: str) -> dict[str, float]:
    """One line per repeat (medians of its rounds); the median of the repeats' ratios."""
    ratios: dict[str, list[float]] = {"wall": [], "CPU": []}
    for n, (steps, fresh) in enumerate(runs, 1):
        cells = []
        for i, what in ((0, "wall"), (1, "CPU")):
            step_times, fresh_times = [s[i] for s in steps], [f[i] for f in fresh]
            ratio = statistics.median(step_times) / statistics.median(fresh_times)
            ratios[what].append(ratio)
            cells.append(f"{_ms(step_times):>9} {_ms(fresh_times):>10} {ratio:>6.2f}")
        print(f"{name:<26} {n:>6}  {cells[0]}   {cells[1]}")
    return {what: statistics.median(values) for what, values in ratios.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    text: list[tuple[list[Timing], list[Timing]]] = []
    other: list[tuple[list[Timing], list[Timing]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeats):
            text.append(asyncio.run(measure(args.rounds, Path(folder))))
            other.append(asyncio.run(measure(args.rounds, Path(folder), OTHER_STEPS)))
    print(
        f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after;"
        f" {os.cpu_count()} CPUs; {args.repeats} repeats × {args.rounds} rounds"
    )
    print(
        f"{'ms, medians of the rounds':<26} {'repeat':>6}  {'step wall':>9} {'fresh wall':>10}",
        end="",
    )
    print(f" {'ratio':>6}   {'step CPU':>9} {'fresh CPU':>10} {'ratio':>6}")
    bar = _ratios(text, "text → text (the bar)")
    beside = _ratios(other, "text → horizon (new editor)")
    met = True
    for what, ratio in bar.items():
        met = met and ratio <= BAR
        verdict = "met" if ratio <= BAR else "not met"
        print(
            f"step / fresh screen, {what}: {ratio:.2f}, median of {args.repeats} repeats"
            f" (bar ≤ {BAR}: {verdict}); to a new editor: {beside[what]:.2f}"
        )
    print("bar met" if met else "bar not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
