"""SVGs of live feedback, a layer review, the summary and a waiver, in both languages.

``python -m tools.live_screenshots screenshots/live`` (run from a checkout:
it opens the misaligned example profiles of ``examples/``).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tools.screenshots import run_main, scratch_home

EXAMPLES = {"fr": "misaligned-fr-cycles-hirondelle.toml", "en": "misaligned-en-ledgerline.toml"}
# Typed at the end of the vision so the shot shows words highlighted as they are found.
VAGUE = {
    "fr": " Devenir le leader incontournable grâce à des solutions innovantes.",
    "en": " Become the undisputed leader of innovative solutions for everyone.",
}
SIZE = (110, 40)


async def _wait(condition: Callable[[], object], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the screen to capture")
        await asyncio.sleep(0.02)


async def _settle(pilot: Any) -> None:
    """Let the debounced analysis arrive and stop the cursor blinking: a stable image."""
    from textual.widgets import Input, TextArea

    await pilot.pause(0.5)
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


async def _go(pilot: Any, key: str, ready: str) -> None:
    app = pilot.app
    app.jump(key)
    await _wait(lambda: getattr(app.screen, "shown", "") == key and app.screen.query(ready))
    await _settle(pilot)


async def _shots(out: Path, lang: str, work: Path) -> list[Path]:
    from textual.widgets import Input, TextArea

    from alignment_tui.app import make_app
    from alignment_tui.tui.widgets.findings import FindingsPanel

    profile = work / EXAMPLES[lang]
    shutil.copyfile(Path(__file__).resolve().parents[1] / "examples" / EXAMPLES[lang], profile)
    app = make_app(profile, lang=lang)
    written: list[Path] = []

    def save(name: str) -> None:
        app.save_screenshot(filename=f"{lang}-{name}.svg", path=str(out))
        written.append(out / f"{lang}-{name}.svg")

    async with app.run_test(size=SIZE) as pilot:
        await _wait(lambda: app.walk is not None and app.screen.is_mounted)
        assert app.walk is not None and app.profile is not None
        app.walk.path = profile.name
        app.profile.waivers = []
        await _go(pilot, "vision.statement", "#live")
        area = app.screen.query_one("#answer-text", TextArea)
        area.move_cursor(area.document.end)
        area.insert(VAGUE[lang])
        await pilot.pause(0.4)
        await _settle(pilot)
        app.screen.query_one("#main").scroll_to(y=6, animate=False)
        await pilot.pause()
        save("live-feedback")
        # A waiver: the dialog asking why, then the same answer with the finding gone.
        panel = app.screen.query_one(FindingsPanel)
        panel.highlighted = next(
            (i for i, f in enumerate(panel.findings) if f.start is not None), 0
        )
        app.screen.action_waive()  # type: ignore[attr-defined]
        await _wait(lambda: app.screen.query("#waive-reason"))
        reason = "le mot du métier" if lang == "fr" else "the sector's own word"
        app.screen.query_one("#waive-reason", Input).value = reason
        await _settle(pilot)
        save("waive")
        await pilot.press("enter")
        # Coach mode on a laptop and on a large screen: the coach's column beside the answer.
        app.action_toggle_coach()
        for width, height in ((120, 36), (200, 60)):
            await pilot.resize_terminal(width, height)
            await _settle(pilot)
            save(f"coach-{width}x{height}")
        app.action_toggle_coach()
        await pilot.resize_terminal(*SIZE)
        await _go(pilot, "review:execution", "#review-findings")
        app.screen.query_one("#main").scroll_to(y=12, animate=False)
        await pilot.pause()
        save("layer-review")
        await pilot.resize_terminal(110, 72)
        await _go(pilot, "summary", "#align-chain")
        app.screen.query_one("#main").scroll_to(y=4, animate=False)
        await pilot.pause()
        save("summary")
    return written


async def take(out: Path, langs: Sequence[str] = ("fr", "en")) -> list[Path]:
    """Write the screenshots in each of ``langs`` into ``out``; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with scratch_home() as work:
        for lang in langs:
            written += await _shots(out, lang, work)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("live_screenshots", take, list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
