"""SVGs of the app's screens for screenshots/: ``python -m tools.screenshots DIR``."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIZE = (100, 32)
EXAMPLES = {"fr": "aligned-fr-atelier-semelle.toml", "en": "aligned-en-two-ovens-bakery.toml"}


@dataclass(frozen=True)
class Shot:
    """One screenshot: a name, the walk step it shows ("" for the welcome screen), themes."""

    name: str
    step: str
    themes: tuple[str, ...] = ("dark",)


SHOTS: tuple[Shot, ...] = (
    Shot("welcome", "", ("dark", "light")),
    Shot("intro", "intro:values"),
    Shot("question-text", "vision.statement"),
    Shot("values-editor", "values.items", ("dark", "light")),
    Shot("kpi-editor", "objectives.kpis", ("dark", "light")),
    Shot("channels-editor", "execution.channels"),
    Shot("review", "review:objectives"),
)
THEMES = {"dark": "textual-dark", "light": "textual-light"}
WELCOME_TARGET = Path("/home/you/atelier-semelle.toml")


def examples_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "examples"


async def _wait(app: Any, condition: Callable[[], object], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the screen to capture")
        await asyncio.sleep(0.02)


def _on(app: Any, kind: type[Any]) -> Callable[[], bool]:
    return lambda: isinstance(app.screen, kind) and bool(app.screen.query("Button"))


def _shown(app: Any, key: str) -> Callable[[], bool]:
    """The step ``key`` is on screen (a question may be shown on the screen already there)."""
    return lambda: getattr(app.screen, "shown", "") == key


async def _settle(pilot: Any) -> None:
    """Let debounced feedback arrive, and stop blinking cursors, so the image is stable."""
    from textual.widgets import Input, TextArea

    await pilot.pause(0.6)
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


async def _welcome(out: Path, lang: str, shots: Sequence[Shot]) -> list[Path]:
    from alignment_tui.app import make_app
    from alignment_tui.tui.screens.welcome import WelcomeScreen

    written: list[Path] = []
    for shot in shots:
        for theme in shot.themes:
            # Shown as where the profile would go; nothing is written before "Create".
            app = make_app(WELCOME_TARGET, lang=lang)
            async with app.run_test(size=SIZE) as pilot:
                app.theme = THEMES[theme]
                await _wait(app, _on(app, WelcomeScreen))
                await _settle(pilot)
                written.append(_save(app, out, f"{lang}-{theme}-{shot.name}.svg"))
    return written


async def _walk(out: Path, lang: str, work: Path, shots: Sequence[Shot]) -> list[Path]:
    from alignment_tui.app import make_app

    profile = work / EXAMPLES[lang]
    shutil.copyfile(examples_dir() / EXAMPLES[lang], profile)
    app = make_app(profile, lang=lang)
    written: list[Path] = []
    async with app.run_test(size=SIZE) as pilot:
        await _wait(app, lambda: app.walk is not None and app.screen.is_mounted)
        assert app.walk is not None
        app.walk.path = profile.name  # the file's name, not the temporary folder it is in
        for shot in shots:
            app.jump(shot.step)
            await _wait(app, _shown(app, shot.step))
            for theme in shot.themes:
                app.theme = THEMES[theme]
                await _settle(pilot)
                written.append(_save(app, out, f"{lang}-{theme}-{shot.name}.svg"))
    return written


@contextmanager
def scratch_home() -> Iterator[Path]:
    """A temporary folder that also holds the app's own files (recent profiles), so that
    taking screenshots writes nothing in the user's home."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        previous = os.environ.get("ALIGNMENT_TUI_HOME")
        os.environ["ALIGNMENT_TUI_HOME"] = str(work / "home")
        try:
            yield work
        finally:
            if previous is None:
                os.environ.pop("ALIGNMENT_TUI_HOME", None)
            else:
                os.environ["ALIGNMENT_TUI_HOME"] = previous


def run_main(
    name: str, take: Callable[[Path], Coroutine[Any, Any, list[Path]]], argv: list[str]
) -> int:
    """``python -m tools.NAME DIR``: one line and exit 2 when it cannot run."""
    if len(argv) != 1:
        print(f"usage: python -m tools.{name} DIR", file=sys.stderr)
        return 2
    try:
        written = asyncio.run(take(Path(argv[0])))
    except (OSError, TimeoutError) as exc:
        # Run from a checkout: the example profiles it opens live in examples/.
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


def _save(app: Any, out: Path, name: str) -> Path:
    app.save_screenshot(filename=name, path=str(out))
    return out / name


async def take(
    out: Path, langs: Sequence[str] = ("fr", "en"), shots: Sequence[Shot] = SHOTS
) -> list[Path]:
    """Write the screenshots of ``shots`` in each of ``langs`` into ``out``; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with scratch_home() as work:
        for lang in langs:
            written += await _welcome(out, lang, [s for s in shots if not s.step])
            written += await _walk(out, lang, work, [s for s in shots if s.step])
    return written


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("screenshots", take, list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
