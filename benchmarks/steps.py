"""Time of a step to the next question, against building a fresh screen with a sidebar and
an editor, side by side in one run of the real app.

Run: ``.venv/bin/python benchmarks/steps.py [--rounds 20]``.

The app opens a profile on a free-text question. A *step* is Ctrl+N's action (the answer
kept, the session moved on, the next question shown with the cursor in its editor) until
the app is settled. A *fresh screen* is a bare screen holding the chain sidebar (the walk's
entries) and a text editor, pushed and mounted in the same app, then popped, timed until
settled the same way. *Settled*: no message waiting or being handled anywhere in the app,
and nothing left for the screen to lay out or paint (looked at every millisecond; Pilot's
idle wait sleeps in 20 ms slices, which would add the same tens of ms to both sides).

Each is timed ``rounds`` times, alternating: the wall time, and the CPU time of the app's
thread (what the step costs the machine, less sensitive to other programs running). Bar: a
step takes at most 0.5 × a fresh screen on both, printed as met or not.
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
from alignment_tui.model.profile import Profile  # noqa: E402
from alignment_tui.store import save_profile  # noqa: E402
from alignment_tui.tui.keyroute import _busy  # noqa: E402
from alignment_tui.tui.screens.question import QuestionScreen  # noqa: E402
from alignment_tui.tui.widgets.chain import Chain, ChainEntry  # noqa: E402
from alignment_tui.tui.widgets.editors.base import EditorContext  # noqa: E402
from alignment_tui.tui.widgets.editors.text import TextEditor  # noqa: E402

BAR = 0.5
# Free-text questions in a row, so every step lands on a text editor like the fresh screen's.
TEXT_STEPS = ("values.origin", "values.hard_choice")
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
    return not any(_busy(pump) for pump in (app, *screen.walk_children(with_self=True)))


async def _timed(act: Callable[[], Any], app: App[Any], done: Callable[[], bool]) -> Timing:
    """Run ``act``, then wait for ``done`` and for the app to settle."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = act()
    if asyncio.iscoroutine(result):
        await result
    while not (done() and _idle(app)):
        await asyncio.sleep(0.001)
    return time.perf_counter() - wall, time.thread_time() - cpu


async def measure(rounds: int, folder: Path) -> tuple[list[Timing], list[Timing]]:
    path = folder / "bench-steps.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Bench"
    profile.meta.position = TEXT_STEPS[0]
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
            app.jump(TEXT_STEPS[0])
            await pilot.pause(0.3)  # the cursor's blink and the first analysis are done
            before = app.screen.editor  # type: ignore[attr-defined]

            def arrived(b: Any = before) -> bool:
                editor = getattr(app.screen, "editor", None)
                return editor is not None and editor is not b and editor.has_focus_within

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        steps, fresh = asyncio.run(measure(args.rounds, Path(folder)))
    print(f"load average {os.getloadavg()[0]:.2f}, {args.rounds} rounds")
    print(f"{'what':<34} {'wall median ms':>15} {'wall p90 ms':>12} {'CPU median ms':>14}")
    for name, values in (
        ("step to the next question", steps),
        ("fresh screen, sidebar + editor", fresh),
    ):
        walls = sorted(w for w, _ in values)
        p90 = walls[max(0, int(len(walls) * 0.9) - 1)]
        cpu = statistics.median(c for _, c in values)
        print(
            f"{name:<34} {statistics.median(walls) * 1000:>15.1f} {p90 * 1000:>12.1f}"
            f" {cpu * 1000:>14.1f}"
        )
    met = True
    for i, what in ((0, "wall"), (1, "CPU")):
        ratio = statistics.median(s[i] for s in steps) / statistics.median(f[i] for f in fresh)
        met = met and ratio <= BAR
        verdict = "met" if ratio <= BAR else "not met"
        print(f"step / fresh screen, {what}: {ratio:.2f} (bar ≤ {BAR}: {verdict})")
    print("bar met" if met else "bar not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
