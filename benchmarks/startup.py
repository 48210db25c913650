"""Time from process start to the first screen ready: alignment-tui against a minimal Textual app.

Run: ``python benchmarks/startup.py [runs]``. Each case is a fresh process that prints the
time once its first screen is ready, then exits; the table shows the median over ``runs``
runs (default 7), the cases interleaved so that a busy machine slows them alike. The bar:
the welcome screen within 1.4x the minimal app (Header, Static, TextArea, Footer).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAR = 1.4

MINIMAL = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static, TextArea

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield TextArea()
        yield Footer()

async def ready(pilot):
    await pilot.pause()  # the screen composed, mounted and refreshed
    print(time.time(), flush=True)
    pilot.app.exit()

Minimal().run(headless=True, size=(100, 36), auto_pilot=ready)
"""

WELCOME = """
import time
from alignment_tui.app import make_app

async def ready(pilot):
    await pilot.pause()
    assert pilot.app.screen.query("#organisation")  # the welcome form is there
    print(time.time(), flush=True)
    pilot.app.exit()

make_app(lang="en").run(headless=True, size=(100, 36), auto_pilot=ready)
"""

# Not part of the bar: opening a profile reads the bank and the profile (pydantic) first.
RESUME = """
import asyncio, sys, time
from alignment_tui.app import make_app
from alignment_tui.tui.screens.question import QuestionScreen

async def ready(pilot):
    app = pilot.app
    while not (isinstance(app.screen, QuestionScreen) and app.screen.query("TextArea")):
        await asyncio.sleep(0.005)
    print(time.time(), flush=True)
    app.exit()

make_app(sys.argv[1], lang="en").run(headless=True, size=(100, 36), auto_pilot=ready)
"""


def run_once(code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTUAL_ANIMATIONS": "none"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, *args], check=True, env=env, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as home:
        os.environ["ALIGNMENT_TUI_HOME"] = home
        profile = Path(home) / "resume.toml"
        profile.write_text(
            'schema_version = 1\nlang = "en"\n[meta]\norganisation = "Bench"\n'
            'position = "values.origin"\n',
            "utf-8",
        )
        cases = {
            "minimal Textual app": (MINIMAL,),
            "alignment-tui welcome": (WELCOME,),
            "alignment-tui resume (question screen)": (RESUME, str(profile)),
        }
        for code, *args in cases.values():  # warm the .pyc caches
            run_once(code, *args)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (code, *args) in cases.items():
                times[name].append(run_once(code, *args))
    base = statistics.median(times["minimal Textual app"])
    print(f"{'case':<40} {'median s':>9} {'min s':>7} {'ratio':>6}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<40} {median:>9.3f} {min(values):>7.3f} {median / base:>6.2f}")
    ratio = statistics.median(times["alignment-tui welcome"]) / base
    verdict = "within" if ratio <= BAR else "OVER"
    print(f"\nwelcome / minimal = {ratio:.2f} ({verdict} the {BAR}x bar), {runs} runs each")
    return 0 if ratio <= BAR else 1


if __name__ == "__main__":
    sys.exit(main())
