"""Time of a step to the next question, against building a fresh screen with a sidebar and
an editor, side by side in one run of the real app.

Run: ``.venv/bin/python benchmarks/steps.py [--rounds 20]``.

The app opens a profile on a free-text question. A *step* is Ctrl+N's action (the answer
kept, the session moved on, the next question's screen shown) until that screen has
mounted and the app is idle. A *fresh screen* is a bare screen holding the chain sidebar
(the walk's entries) and a text editor, pushed and mounted in the same app, then popped.
Each is timed ``rounds`` times, alternating, and the medians compared. Bar: a step takes at
most 0.5 × a fresh screen (the walk keeping its screen, sidebar and findings panel and
swapping only the question pane) — printed as met or not.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import ComposeResult  # noqa: E402
from textual.containers import Horizontal  # noqa: E402
from textual.screen import Screen  # noqa: E402

from alignment_tui.app import make_app  # noqa: E402
from alignment_tui.model.profile import Profile  # noqa: E402
from alignment_tui.store import save_profile  # noqa: E402
from alignment_tui.tui.screens.question import QuestionScreen  # noqa: E402
from alignment_tui.tui.widgets.chain import Chain, ChainEntry  # noqa: E402
from alignment_tui.tui.widgets.editors.base import EditorContext  # noqa: E402
from alignment_tui.tui.widgets.editors.text import TextEditor  # noqa: E402

BAR = 0.5
# Free-text questions in a row, so every step lands on a text editor like the fresh screen's.
TEXT_STEPS = ("values.origin", "values.hard_choice")


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


async def _settled(pilot: Any, done: Any) -> None:
    while not done():
        await pilot.pause(0)
    await pilot.pause()


async def measure(rounds: int, folder: Path) -> tuple[list[float], list[float]]:
    path = folder / "bench-steps.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Bench"
    profile.meta.position = TEXT_STEPS[0]
    save_profile(profile, path)
    app = make_app(path, lang="en")
    steps: list[float] = []
    fresh: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await _settled(pilot, lambda: isinstance(app.screen, QuestionScreen))
        for _ in range(rounds):
            walk = app.walk
            assert walk is not None
            app.jump(TEXT_STEPS[0])
            await _settled(pilot, lambda: app.screen.is_mounted)
            before = app.screen
            start = time.perf_counter()
            app.action_go_next()
            await _settled(
                pilot,
                lambda b=before: (
                    app.screen is not b  # type: ignore[misc]
                    and app.screen.is_mounted
                    and bool(app.screen.query("#answer-text"))
                ),
            )
            steps.append(time.perf_counter() - start)

            question = walk.bank.question(TEXT_STEPS[1])
            screen = FreshScreen(walk.chain(walk.session.profile), question)
            start = time.perf_counter()
            await app.push_screen(screen)
            await _settled(pilot, lambda s=screen: s.is_mounted and bool(s.query("#answer-text")))
            fresh.append(time.perf_counter() - start)
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
    step, base = statistics.median(steps), statistics.median(fresh)
    ratio = step / base
    print(f"{'what':<44} {'median ms':>10} {'p90 ms':>8}")
    for name, values in (
        ("step to the next question", steps),
        ("fresh screen, sidebar + editor", fresh),
    ):
        p90 = sorted(values)[int(len(values) * 0.9) - 1]
        print(f"{name:<44} {statistics.median(values) * 1000:>10.1f} {p90 * 1000:>8.1f}")
    verdict = "met" if ratio <= BAR else "not met"
    print(f"step / fresh screen: {ratio:.2f} (bar ≤ {BAR}: {verdict}), {args.rounds} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
