"""Time of a step to the next question, against building a fresh screen with a sidebar and
an editor, side by side in one run of the real app.

Run: ``.venv/bin/python benchmarks/steps.py [--rounds 15] [--repeats 3] [--walked 14]``.

A *step* is Ctrl+N's action (the answer kept, the session moved on, the next question shown
with the cursor in its editor) until the app is settled. A *fresh screen* is a bare screen
holding the chain sidebar (the walk's entries) and a text editor, pushed and mounted in the
same app after each step, then popped, timed until settled the same way. *Settled*: no
message waiting or being handled anywhere in the app, and nothing left for the screen to
lay out or paint (looked at every millisecond; Pilot's idle wait sleeps in 20 ms slices,
which would add the same tens of ms to both sides).

One line per kind of step: a text answer to the next (the same editor loads it); a text to
a horizon whose kind is met for the first time on the screen (the screen built anew before
each step: its horizon editor was built ahead, hidden, never shown); the same step once a
horizon was shown on that screen (its editor kept, hidden); and the bank's first questions
walked in order, each step from a question to the next of its layer timed once (a layer's
first question opens a screen of its own), each walk step also printed alone. A step is
timed once the screen has built its editors ahead, as it does while the user reads the
question (well under the 0.3 s pause each step already waits).

Each repeat is a fresh app per line: the wall time, and the CPU time of the app's thread
(what the step costs the machine, less sensitive to other programs running). The ratio
step / fresh screen is taken per repeat (medians of its rounds); the bar, a step at most
0.5 × a fresh screen on both, is read on the median of the repeats' ratios, printed as met
or not for each line, with the load average before and after.
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
from alignment_tui.model.profile import Axis, Persona, Profile  # noqa: E402
from alignment_tui.store import save_profile  # noqa: E402
from alignment_tui.tui.keyroute import settled  # noqa: E402
from alignment_tui.tui.screens.question import QuestionScreen  # noqa: E402
from alignment_tui.tui.widgets.chain import Chain, ChainEntry  # noqa: E402
from alignment_tui.tui.widgets.editors.base import EditorContext  # noqa: E402
from alignment_tui.tui.widgets.editors.text import TextEditor  # noqa: E402

BAR = 0.5
# Free-text questions in a row, so every step lands on a text editor like the fresh screen's.
TEXT_STEPS = ("values.origin", "values.hard_choice")
# A step to another kind of answer (a horizon's fields after a text).
OTHER_STEPS = ("values.hard_choice", "values.horizon_years")
# Both text answers written, as a user has them: the step loads and analyses real text.
ANSWERS = {
    "values.origin": "We started repairing bikes in a garage because new ones were too dear.",
    "values.hard_choice": "We turned down a chain store's order that would have doubled us.",
}
WALKED = 14  # the walk: the bank's first questions, one layer after another
ARRIVAL_LIMIT = 10.0  # seconds: a step never shown is reported, not waited for forever
Timing = tuple[float, float]  # (wall s, CPU s of the app's thread)
Runs = list[tuple[list[Timing], list[Timing]]]  # per repeat: (steps, fresh screens)


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


async def _ready(app: App[Any], pilot: Any) -> None:
    """The question screen has built its editors ahead (as it does while the user reads the
    question) and the app is settled: a step is timed from there."""
    while not (isinstance(app.screen, QuestionScreen) and app.screen.built_ahead and _idle(app)):
        await pilot.pause(0.05)


def _bench_app(folder: Path, position: str) -> App[Any]:
    path = folder / "bench-steps.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Bench"
    profile.meta.position = position
    bank = load_bank()
    for qid, text in ANSWERS.items():
        set_answer(profile, bank.question(qid), text)
    # Names to choose from: the choice questions of the walk show their options.
    profile.personas = [Persona(id="riders", name="Daily riders")]
    profile.strategy.axes = [Axis(id="repair", name="Repair first")]
    save_profile(profile, path)
    return make_app(path, lang="en")


def _arrived(app: App[Any], qid: str) -> Callable[[], bool]:
    """The question ``qid`` is shown with the cursor in its editor."""

    def arrived() -> bool:
        screen = app.screen
        if not isinstance(screen, QuestionScreen) or screen.shown != qid:
            return False
        return screen.editor is not None and screen.editor.has_focus_within

    return arrived


async def _fresh(app: Any) -> Timing:
    """The yardstick, in the same app: a fresh screen with the chain and a text editor."""
    walk = app.walk
    screen = FreshScreen(walk.chain(walk.session.profile), walk.bank.question(TEXT_STEPS[1]))

    def shown() -> bool:
        return screen.is_mounted and bool(screen.query("#answer-text"))

    timing = await _timed(lambda: app.push_screen(screen), app, shown)
    app.pop_screen()
    return timing


async def measure(
    rounds: int, folder: Path, pair: tuple[str, str] = TEXT_STEPS, *, first: bool = False
) -> tuple[list[Timing], list[Timing]]:
    """``rounds`` steps from ``pair[0]`` to ``pair[1]``, each followed by a fresh screen.
    ``first``: the screen is built anew before each step, so the step meets the next
    question's kind for the first time on it; else that kind was met on the screen before
    (a step there and back first, untimed)."""
    app: Any = _bench_app(folder, pair[0])
    steps: list[Timing] = []
    fresh: list[Timing] = []
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.screen, QuestionScreen):
            await pilot.pause(0.01)
        app.action_go_next()  # the next kind met once on this screen
        await pilot.pause(0.3)
        for _ in range(rounds):
            app.jump(pair[0])
            if first:
                app.walker.show(anew=True)
            await pilot.pause(0.3)  # the cursor's blink and the first analysis are done
            await _ready(app, pilot)
            steps.append(await _timed(app.action_go_next, app, _arrived(app, pair[1])))
            fresh.append(await _fresh(app))
            await pilot.pause()
        await app.action_quit()
    return steps, fresh


async def walk(
    folder: Path, labels: list[str], count: int = WALKED
) -> tuple[list[Timing], list[Timing]]:
    """Ctrl+N's action from the bank's first question through its first ``count``
    questions; each step from a question to the next one of its layer timed, and a fresh
    screen after each, its kinds put in ``labels``. (Between layers the walk shows an intro
    card and a review, each a screen of its own: the next layer's screen starts its pool.)"""
    bank = load_bank()
    order = [q.id for q in bank.questions()][:count]
    app: Any = _bench_app(folder, order[0])
    steps: list[Timing] = []
    fresh: list[Timing] = []
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.screen, QuestionScreen):
            await pilot.pause(0.01)
        app.jump(order[0])
        await pilot.pause(0.3)
        session = app.walker.session
        while session.current.qid != order[-1]:
            here, there = session.current, session.steps.steps[session.steps.index + 1]
            if here.kind != "question" or there.kind != "question":
                app.action_go_next()  # an intro card or a review: a screen of its own
                await pilot.pause(0.3)
                continue
            await _ready(app, pilot)  # a screen just opened may still be settling
            steps.append(await _timed(app.action_go_next, app, _arrived(app, there.qid)))
            fresh.append(await _fresh(app))
            kinds = (bank.question(q).kind for q in (here.qid, there.qid))
            labels.append(" → ".join(kinds))
            await pilot.pause(0.3)
        await app.action_quit()
    return steps, fresh


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f}"


def _ratio(steps: list[Timing], fresh: list[Timing], i: int) -> float:
    return statistics.median(s[i] for s in steps) / statistics.median(f[i] for f in fresh)


def _line(runs: Runs, name: str) -> tuple[float, float]:
    """One line per repeat (medians of its rounds); the medians of the repeats' ratios."""
    ratios: tuple[list[float], list[float]] = ([], [])
    for n, (steps, fresh) in enumerate(runs, 1):
        cells = []
        for i in (0, 1):
            ratios[i].append(_ratio(steps, fresh, i))
            step_ms, fresh_ms = _ms([s[i] for s in steps]), _ms([f[i] for f in fresh])
            cells.append(f"{step_ms:>9} {fresh_ms:>10} {ratios[i][-1]:>6.2f}")
        print(f"{name:<30} {n:>6}  {cells[0]}   {cells[1]}")
    return statistics.median(ratios[0]), statistics.median(ratios[1])


def _walk_steps(runs: Runs, labels: list[str]) -> None:
    """Each step of the walk, its ratios the medians over the repeats."""
    for k, label in enumerate(labels):
        wall = statistics.median(_ratio([r[0][k]], [r[1][k]], 0) for r in runs)
        cpu = statistics.median(_ratio([r[0][k]], [r[1][k]], 1) for r in runs)
        print(f"  walk step {k + 1:>2}: {label:<22} wall {wall:.2f}  CPU {cpu:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--walked", type=int, default=WALKED)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    runs: dict[str, Runs] = {name: [] for name in LINES}
    labels: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeats):
            for name, (pair, first) in LINES.items():
                if pair is None:
                    labels.clear()
                    result = asyncio.run(walk(Path(folder), labels, args.walked))
                else:
                    result = asyncio.run(measure(args.rounds, Path(folder), pair, first=first))
                runs[name].append(result)
    print(
        f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after;"
        f" {os.cpu_count()} CPUs; {args.repeats} repeats × {args.rounds} rounds;"
        f" the walk: the bank's first {args.walked} questions"
    )
    print(
        f"{'ms, medians of the rounds':<30} {'repeat':>6}  {'step wall':>9} {'fresh wall':>10}",
        end="",
    )
    print(f" {'ratio':>6}   {'step CPU':>9} {'fresh CPU':>10} {'ratio':>6}")
    verdicts = {name: _line(runs[name], name) for name in LINES}
    _walk_steps(runs[WALK_LINE], labels)
    met = True
    for name, (wall, cpu) in verdicts.items():
        ok = wall <= BAR and cpu <= BAR
        met = met and ok
        print(
            f"{name}: step / fresh screen {wall:.2f} wall, {cpu:.2f} CPU, median of"
            f" {args.repeats} repeats (bar ≤ {BAR}: {'met' if ok else 'not met'})"
        )
    print("bar met on every line" if met else "bar not met on every line")
    return 0


# name → (the step timed, or None for the walk; the kind met for the first time on the screen)
WALK_LINE = "walk (q → q steps, medians)"
LINES: dict[str, tuple[tuple[str, str] | None, bool]] = {
    "text → text": (TEXT_STEPS, False),
    "text → horizon, first met": (OTHER_STEPS, True),
    "text → horizon, met before": (OTHER_STEPS, False),
    WALK_LINE: (None, False),
}


if __name__ == "__main__":
    sys.exit(main())
