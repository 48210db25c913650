"""SVGs of the check-in screen in both languages, on the check-in example profiles.

``python -m tools.checkin_screenshots screenshots/live`` (run from a checkout: it opens
the check-in example profiles of ``examples/``, on the day their last reading was saved).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tools.live_screenshots import _settle, _wait
from tools.screenshots import run_main, scratch_home

EXAMPLES = {"fr": "checkins-fr-atelier-semelle.toml", "en": "checkins-en-two-ovens-bakery.toml"}
TODAY = date(2026, 11, 30)
# This week's reading of the first KPI, typed as a person would, then its confidence and word.
TYPED = {
    "fr": ("184", "1", "Deux boutiques en parlent"),
    "en": ("158", "1", "School newsletter flyer"),
}
SIZE = (110, 46)


async def _shot(out: Path, lang: str, work: Path) -> Path:
    from alignment_tui.app import make_app
    from alignment_tui.screens.checkin import CheckinScreen
    from alignment_tui.screens.flow import open_checkin

    profile = work / EXAMPLES[lang]
    shutil.copyfile(Path(__file__).resolve().parents[1] / "examples" / EXAMPLES[lang], profile)
    app = make_app(profile, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await _wait(lambda: app.walk is not None and app.screen.is_mounted)
        app.path = Path(profile.name)  # the title bar shows the file's name only
        open_checkin(app, TODAY)
        await _wait(lambda: isinstance(app.screen, CheckinScreen) and app.focused is not None)
        value, confidence, comment = TYPED[lang]
        words = ["space" if ch == " " else ch for ch in comment]
        await pilot.press(*value, "enter", confidence, "enter", *words, "enter")
        await _settle(pilot)
        name = f"{lang}-checkin.svg"
        app.save_screenshot(filename=name, path=str(out))
        await pilot.press("ctrl+q")
    return out / name


async def take(out: Path, langs: Sequence[str] = ("fr", "en")) -> list[Path]:
    """Write the check-in screen in each of ``langs`` into ``out``; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    with scratch_home() as work:
        return [await _shot(out, lang, work) for lang in langs]


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("checkin_screenshots", take, list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
