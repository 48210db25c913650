"""The next period from the summary: offered once the period's deadlines are near (a share of
the period in data) or past, written where the user says as `next` writes it, an existing
file refused in one line, the old file untouched, the new profile opened on request."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from math import floor
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList
from textual.widgets import Button, Input, Static

from alignment_tui.analysis.registry import params
from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.cli import main
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.checkins import start_of
from alignment_tui.session import clock
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.modals import OpenNextScreen, SaveAsScreen
from alignment_tui.tui.screens.summary import SummaryScreen
from tests.ui.conftest import wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = {"en": "checkins-en-two-ovens-bakery.toml", "fr": "checkins-fr-atelier-semelle.toml"}


def _copy(workdir: Path, lang: str) -> Path:
    path = workdir / EXAMPLE[lang].replace("checkins-", "")
    shutil.copy(EXAMPLES / EXAMPLE[lang], path)
    profile = load_profile(path)
    profile.meta.position = "summary"
    save_profile(profile, path)
    return path


def _end(path: Path) -> date:
    """The period's end: its last KPI deadline."""
    return max(k.deadline for k in load_profile(path).objectives.kpis if k.deadline is not None)


def _first_near_day(path: Path) -> date:
    """The first day the period counts as closing, from the plan and the share in data."""
    profile = load_profile(path)
    kpis = [k for k in profile.objectives.kpis if k.deadline is not None]
    end = max(k.deadline for k in kpis if k.deadline is not None)
    start = min(s for s in (start_of(k, profile) for k in kpis) if s is not None)
    return end - timedelta(days=floor((end - start).days * params()["next_period_share"]))


async def _summary(pilot: Any, app: AlignmentApp) -> SummaryScreen:
    # Composed, not only pushed: what it shows is there to be read.
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, SummaryScreen) and app.screen.query("#nav Button"),
        timeout=15,
    )
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


def _palette_help(app: AlignmentApp) -> str:
    [command] = [
        c for c in app.get_system_commands(app.screen) if c.title == t("key.next_period", app.lang)
    ]
    return command.help


def _without_stamps(profile_text: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in profile_text["meta"].items() if k not in ("created", "updated")}
    return {**profile_text, "meta": meta}


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_action_shows_once_the_deadlines_are_near(workdir: Path, lang: str) -> None:
    path = _copy(workdir, lang)
    near = _first_near_day(path)
    for day, shown in ((near - timedelta(days=1), False), (near, True)):
        with clock.fixed(day):
            app = make_app(path, lang=lang)
            async with app.run_test(size=(110, 50)) as pilot:
                screen = await _summary(pilot, app)
                assert bool(screen.query("#next-period")) is shown, day
                assert bool(screen.query("#next-period-hint")) is shown, day
                # Always in the palette; there it says the period is closing only then.
                usual = t("palette.next_period_help", lang)
                assert (_palette_help(app) != usual) is shown
                if shown:
                    hint = str(screen.query_one("#next-period-hint", Static).render())
                    assert format_date(_end(path), lang) in hint
                    assert f" {(_end(path) - day).days} " in hint
                await pilot.press("ctrl+q")


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_next_period_written_from_the_summary_is_what_next_writes(
    workdir: Path, lang: str
) -> None:
    path = _copy(workdir, lang)
    day = _first_near_day(path) + timedelta(days=3)
    with clock.fixed(day):
        app = make_app(path, lang=lang)
        async with app.run_test(size=(110, 50)) as pilot:
            await _summary(pilot, app)
            await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty)
            before = path.read_bytes()
            # From the command palette, by its name, as a user who knows it would.
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: app.screen.query("CommandInput"))
            await pilot.press(*t("key.next_period", lang).rstrip("…"))
            await wait_for(
                pilot,
                lambda: (
                    app.screen.query(CommandList)
                    and app.screen.query_one(CommandList).option_count > 0
                ),
            )
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
            offered = Path(app.screen.query_one(Input).value)
            assert offered == path.with_name(path.stem + "-2027.toml")  # beside it, named
            # An existing file (the profile itself) is refused in one line; nothing written.
            app.screen.query_one(Input).value = str(path)
            await pilot.press("enter")
            error = str(app.screen.query_one("#save-as-error", Static).render())
            assert error == t("save_as.exists", lang) and isinstance(app.screen, SaveAsScreen)
            assert path.read_bytes() == before
            app.screen.query_one(Input).value = str(offered)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, OpenNextScreen))
            shown = str(app.screen.query_one("#next-written", Static).render())
            assert str(offered) in shown
            await pilot.press("escape")  # stay on this profile
            await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
            assert app.path == path
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before  # the old file is never modified
        by_cli = workdir / "by-cli.toml"
        assert main(["next", str(path), "-o", str(by_cli)]) == 0
    tui, cli = load_profile(offered), load_profile(by_cli)
    assert _without_stamps(tui.model_dump()) == _without_stamps(cli.model_dump())
    old = load_profile(path)
    assert [k.baseline for k in tui.objectives.kpis] == [
        k.checkins[-1].value if k.checkins else k.baseline for k in old.objectives.kpis
    ]
    assert tui.history[-1].closed == day


async def test_the_new_profile_opens_in_place_of_the_old_one(workdir: Path) -> None:
    path = _copy(workdir, "en")
    with clock.fixed(_first_near_day(path) + timedelta(days=40)):  # past the last deadline
        app = make_app(path, lang="en")
        async with app.run_test(size=(110, 50)) as pilot:
            screen = await _summary(pilot, app)
            hint = str(screen.query_one("#next-period-hint", Static).render())
            assert hint.startswith("The period ended on 30 September 2027")
            screen.query_one("#next-period", Button).press()
            await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
            await pilot.press("enter")  # the name offered
            await wait_for(pilot, lambda: isinstance(app.screen, OpenNextScreen))
            await pilot.press("enter")  # "Open the new profile" has the focus
            new = path.with_name(path.stem + "-2027.toml")
            await wait_for(pilot, lambda: app.path == new and app.walk is not None, timeout=15)
            session = app.session
            assert session is not None and not session.read_only
            assert session.profile.history and session.profile.objectives.kpis[0].target is None
            await pilot.press("ctrl+q")
    # the old one closed as it was, its period not closed in it
    assert load_profile(path).history == load_profile(EXAMPLES / EXAMPLE["en"]).history
