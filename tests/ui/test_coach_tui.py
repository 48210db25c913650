"""What a coach does in the app: jump to a cell, take a waiver back, accept a trade's term."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.analysis.waivers import add_waiver
from alignment_tui.app import make_app
from alignment_tui.model.profile import Kpi
from alignment_tui.session import clock
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.summary import SummaryScreen
from alignment_tui.tui.widgets.accepted import TermList, WaiverList
from alignment_tui.tui.widgets.findings import FindingsPanel
from alignment_tui.tui.widgets.layerreview import LayerReview
from tests.ui.conftest import wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALIGNED = {"en": "aligned-en-two-ovens-bakery", "fr": "aligned-fr-atelier-semelle"}
BEST = {"en": "We are the best bakery.", "fr": "Nous sommes le meilleur atelier."}


def _profile_at(folder: Path, lang: str, position: str) -> Path:
    """An aligned example with a ×15 KPI jump (a warning on its target cell) and a
    boastful second message (a superlative on line #2 of a list)."""
    path = folder / "coach.toml"
    shutil.copy(EXAMPLES / f"{ALIGNED[lang]}.toml", path)
    p = load_profile(path)
    p.objectives.kpis.append(
        Kpi(
            name="Brand awareness",
            branch="marketing",
            baseline=2,
            target=30,
            unit="%",
            deadline=date.today().replace(day=1).replace(year=date.today().year + 1),
            cadence="monthly",
            owner="owner",
            axis=p.strategy.axes[0].id,
        )
    )
    p.execution.messages[1] = BEST[lang]
    p.meta.position = position
    p.settings.coach_mode = True
    save_profile(p, path)
    return path


async def _summary(pilot, app) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
    await wait_for(pilot, lambda: app.screen.query("#align-fixes"))


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_a_fix_on_a_kpi_target_opens_that_row_s_target_cell(workdir: Path, lang: str) -> None:
    app = make_app(_profile_at(workdir, lang, "summary"), lang=lang)
    async with app.run_test(size=(120, 50)) as pilot:
        await _summary(pilot, app)
        fixes = app.screen.query_one("#align-fixes", OptionList)
        summary = app.screen.query_one("#alignment")
        index = next(
            i for i, f in enumerate(summary.fixes) if f.where == "objectives.kpis[3].target"
        )
        label = str(fixes.get_option_at_index(index).prompt)
        assert "Brand awareness" in label
        fixes.focus()
        fixes.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        focused = app.focused
        assert isinstance(focused, Input) and focused.name == "target"
        assert focused.value == "30"
        rows = app.screen.editor.rows()  # type: ignore[union-attr]
        assert focused in rows[3].cells()
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_a_finding_on_a_list_names_its_line(workdir: Path, lang: str) -> None:
    app = make_app(_profile_at(workdir, lang, "execution.messages"), lang=lang)
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(FindingsPanel))
        panel = app.screen.query_one(FindingsPanel)
        await wait_for(pilot, lambda: panel.findings)
        texts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("#2" in text for text in texts), texts
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_a_waiver_is_listed_and_taken_back_in_the_summary(workdir: Path, lang: str) -> None:
    path = _profile_at(workdir, lang, "summary")
    p = load_profile(path)
    result = analyze_profile(p)
    jump = next(f for f in result.findings if f.rule_id == "kpi.implausible_jump")
    add_waiver(p, jump, "a partner hands over its clients in January", by="coach")
    save_profile(p, path)
    app = make_app(path, lang=lang)
    async with app.run_test(size=(120, 60)) as pilot:
        await _summary(pilot, app)
        await wait_for(pilot, lambda: app.screen.query(WaiverList))
        waivers = app.screen.query_one(WaiverList)
        assert "a partner hands over" in str(waivers.get_option_at_index(0).prompt)
        assert all(
            f.rule_id != "kpi.implausible_jump" for f in app.screen.query_one("#alignment").fixes
        )
        waivers.focus()
        await pilot.press("delete")
        await wait_for(pilot, lambda: app.profile is not None and not app.profile.waivers)
        # the summary looks again: the finding is back among the fixes, the list is gone
        await wait_for(
            pilot,
            lambda: (
                app.screen.query("#alignment")
                and any(
                    f.rule_id == "kpi.implausible_jump"
                    for f in app.screen.query_one("#alignment").fixes
                )
            ),
        )
        assert not app.screen.query(WaiverList)
        await pilot.press("ctrl+q")
    assert load_profile(path).waivers == []


async def test_a_stale_waiver_is_shown_as_such_in_the_layer_review(workdir: Path) -> None:
    path = _profile_at(workdir, "en", "review:execution")
    p = load_profile(path)
    result = analyze_profile(p)
    best = next(f for f in result.findings if f.rule_id == "vague.superlative")
    add_waiver(p, best, "their own slogan", by="coach", among=result.findings)
    p.execution.messages[1] = "Order by 9 pm, your loaf waits on the shelf at 7 am."
    save_profile(p, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 60)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(WaiverList))
        text = str(app.screen.query_one(WaiverList).get_option_at_index(0).prompt)
        assert "Stale" in text and "their own slogan" in text
        app.screen.query_one(WaiverList).focus()
        await pilot.press("x")
        await wait_for(pilot, lambda: app.profile is not None and not app.profile.waivers)
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_accepting_the_words_of_a_finding_as_a_term(workdir: Path, lang: str) -> None:
    app = make_app(_profile_at(workdir, lang, "execution.messages"), lang=lang)
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(FindingsPanel))
        panel = app.screen.query_one(FindingsPanel)
        await wait_for(pilot, lambda: any(f.rule_id == "vague.superlative" for f in panel.findings))
        index = next(i for i, f in enumerate(panel.findings) if f.rule_id == "vague.superlative")
        words = panel.findings[index].text
        panel.focus()
        panel.highlighted = index
        await pilot.press("t")
        assert app.profile is not None
        await wait_for(pilot, lambda: words in app.profile.settings.accepted_terms)
        await wait_for(
            pilot,
            lambda: all(f.text != words for f in app.screen.query_one(FindingsPanel).findings),
        )
        # check honours it too, and the summary lists the term, removable
        again = analyze_profile(app.profile)
        assert all(f.text != words for f in again.findings)
        app.jump("summary")
        await _summary(pilot, app)
        await wait_for(pilot, lambda: app.screen.query(TermList))
        terms = app.screen.query_one(TermList)
        terms.focus()
        terms.highlighted = terms.terms.index(words)
        await pilot.press("delete")
        await wait_for(pilot, lambda: words not in app.profile.settings.accepted_terms)
        await pilot.press("ctrl+q")


async def test_accepting_a_term_from_the_layer_review(workdir: Path) -> None:
    app = make_app(_profile_at(workdir, "en", "review:execution"), lang="en")
    async with app.run_test(size=(120, 60)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(LayerReview))
        review = app.screen.query_one(LayerReview)
        await wait_for(pilot, lambda: review.result is not None)
        listing = review.query_one("#review-findings", OptionList)
        key = next(k for k, f in review._findings.items() if f.rule_id == "vague.superlative")
        listing.focus()
        listing.highlighted = next(
            i for i in range(listing.option_count) if listing.get_option_at_index(i).id == key
        )
        await pilot.press("t")
        assert app.profile is not None
        await wait_for(pilot, lambda: "the best" in app.profile.settings.accepted_terms)
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("size", [(120, 36), (200, 60)])
async def test_coach_mode_puts_the_coach_beside_the_answer_and_keeps_the_question(
    workdir: Path, size: tuple[int, int]
) -> None:
    app = make_app(_profile_at(workdir, "en", "vision.statement"), lang="en")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.screen.query(FindingsPanel))
        screen = app.screen
        answer = screen.query_one("#answer-col").region
        coach = screen.query_one("#probes").region
        assert coach.x >= answer.right and coach.y < answer.bottom  # beside, not below
        assert coach.bottom <= size[1]  # the probes and the note are on screen
        note = screen.query_one("#coach-note").region
        assert note.bottom <= size[1] - 1
        prompt = screen.query_one("#prompt")
        main = screen.query_one("#main")
        area = screen.query_one("#answer-text")
        area.focus()
        area.insert("Many more words. " * 40)
        await pilot.pause()
        main.scroll_end(animate=False)
        await pilot.pause()
        assert main.scroll_y > 0 or main.max_scroll_y == 0
        assert prompt.region.y >= 0 and prompt.region.height > 0  # still in view
        assert prompt.region.y <= 3
        # more than two findings fit in the panel
        panel = screen.query_one(FindingsPanel)
        assert panel.region.height >= 12
        await pilot.press("ctrl+q")


async def test_without_coach_mode_the_layout_is_unchanged(workdir: Path) -> None:
    path = _profile_at(workdir, "en", "vision.statement")
    p = load_profile(path)
    p.settings.coach_mode = False
    save_profile(p, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(FindingsPanel))
        assert app.screen.query_one("#chain").display
        assert not app.screen.query_one("#probes").display
        await pilot.press("ctrl+q")


async def test_the_session_timer_survives_reopening_pauses_and_resets(workdir: Path) -> None:
    path = _profile_at(workdir, "en", "vision.statement")
    p = load_profile(path)
    p.settings.session_seconds = 3600 + 125  # an earlier sitting of the same session
    save_profile(p, path)
    # The timer's clock is held: what it shows does not depend on how long a busy machine
    # takes to open the app, and the test moves it on by exact amounts.
    with clock.held(1000.0) as move_on:
        app = make_app(path, lang="en")
        async with app.run_test(size=(120, 36)) as pilot:
            # The panel is in the screen before its own children are: wait for the line.
            await wait_for(pilot, lambda: app.screen.query("CoachPanel > #coach-head"))
            head = app.screen.query_one("#coach-head")
            assert "Session 1:02:05" in str(head.render())
            move_on(60)
            await wait_for(pilot, lambda: "Session 1:03:05" in str(head.render()))
            await pilot.press("f5")  # pause
            await wait_for(pilot, lambda: "(paused)" in str(head.render()))
            assert app.profile is not None and app.profile.settings.session_paused is True
            assert app.profile.settings.session_seconds == 3600 + 185
            move_on(600)
            await pilot.pause(1.2)  # a tick of the panel's clock, while paused
            assert "Session 1:03:05  (paused)" in str(head.render())
            assert app.profile.settings.session_seconds == 3600 + 185
            app.action_timer("reset")
            await pilot.pause()
            assert "Session 0:00" in str(head.render())
            await pilot.press("f5")  # go on
            await wait_for(pilot, lambda: "(paused)" not in str(head.render()))
            move_on(7)
            await wait_for(pilot, lambda: "Session 0:07" in str(head.render()))
            await pilot.press("ctrl+q")
    kept = load_profile(path).settings
    assert kept.session_paused is None and kept.session_seconds == 7
