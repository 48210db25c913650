"""Live feedback in the real app: typing, waiving, the summary of a misaligned profile, notes."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.summary import SummaryScreen
from alignment_tui.tui.screens.waive import WaiveScreen
from alignment_tui.tui.widgets.alignchain import AlignChain
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.findings import FindingsPanel
from alignment_tui.tui.widgets.highlight import HighlightTextArea
from alignment_tui.tui.widgets.layerreview import LayerReview
from alignment_tui.tui.widgets.livefeedback import LiveFeedback
from alignment_tui.tui.widgets.meter import SpecificityMeter
from tests.ui.conftest import SIZE, wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VAGUE = "Become the undisputed leader of innovative solutions for everyone."
# Specific, but for one unproven superlative: waiving it is worth the last points.
HYPE = (
    "By 2035, every one of the 4,000 cobblers in France repairs a world-class shoe in 20 "
    "minutes with our kits."
)


def new_profile(folder: Path, position: str, **settings: object) -> Path:
    profile = Profile(lang="en")
    profile.meta.organisation = "Live test"
    profile.meta.position = position
    for name, value in settings.items():
        setattr(profile.settings, name, value)
    path = folder / "live.toml"
    save_profile(profile, path)
    return path


async def on_question(pilot: object, app: AlignmentApp, qid: str) -> QuestionScreen:
    await wait_for(
        pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.query(LiveFeedback)
    )  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, QuestionScreen) and screen.question.id == qid
    return screen


def shown(app: AlignmentApp) -> set[str]:
    # The live panel is installed after the screen's first refresh: none yet, nothing shown.
    panels = app.screen.query(FindingsPanel)
    return {f.rule_id for f in panels.first().findings} if panels else set()


async def test_typing_an_answer_updates_findings_meter_and_highlights(workdir: Path) -> None:
    app = make_app(new_profile(workdir, "vision.statement"), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_question(pilot, app, "vision.statement")
        area = screen.query_one(HighlightTextArea)
        area.focus()
        await pilot.press("B", "e")  # real key presses, then the rest posted as keys
        for char in VAGUE[2:]:
            area.post_message(events.Key(char, char))
        await wait_for(pilot, lambda: area.text == VAGUE)
        await wait_for(pilot, lambda: "vision.company_centred" in shown(app))
        meter = screen.query_one(SpecificityMeter)
        assert meter.score is not None and meter.score < 50
        assert "everyone" in {words for *_, words in area.marks}
        for (row, left), (_, right), _, words in area.marks:
            assert area.document.lines[row][left:right] == words
        # A specific rewrite: the findings go, the meter climbs.
        area.load_text(
            "By 2035, every one of the 4,000 cobblers in France repairs a shoe in 20 minutes "
            "with our kits, so city walkers keep their shoes ten years instead of three."
        )
        await wait_for(pilot, lambda: "vision.company_centred" not in shown(app))
        await wait_for(pilot, lambda: (meter.score or 0) >= 75)
        await pilot.press("ctrl+q")


async def test_a_waiver_leaves_the_score_and_survives_save_and_reload(workdir: Path) -> None:
    path = new_profile(workdir, "vision.statement")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_question(pilot, app, "vision.statement")
        screen.query_one("#answer-text", TextArea).insert(HYPE)
        await wait_for(pilot, lambda: "vague.superlative" in shown(app))
        meter = screen.query_one(SpecificityMeter)
        assert meter.score is not None and meter.score < 100
        panel = screen.query_one(FindingsPanel)
        panel.highlighted = next(
            i for i, f in enumerate(panel.findings) if f.rule_id == "vague.superlative"
        )
        await pilot.press("f8")  # the waive key works from the editor
        await wait_for(pilot, lambda: isinstance(app.screen, WaiveScreen))
        app.screen.query_one(Input).value = "Our sector's own word"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await wait_for(pilot, lambda: "vague.superlative" not in shown(app))
        await wait_for(pilot, lambda: meter.score == 100)  # it no longer costs points
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: load_profile(path).waivers)
        await pilot.press("ctrl+q")
    saved = load_profile(path)
    assert [(w.rule, w.where, w.reason, w.by) for w in saved.waivers] == [
        ("vague.superlative", "vision.statement", "Our sector's own word", "respondent")
    ]
    assert saved.waivers[0].at is not None
    result = analyze_profile(saved)
    assert "vague.superlative" in {f.rule_id for f in result.waived}
    assert "vague.superlative" not in {f.rule_id for f in result.findings}
    assert result.answer_scores["vision.statement"] == 100
    # Reopened: the finding stays waived, and the screen says so.
    again = make_app(path, lang="en")
    async with again.run_test(size=SIZE) as pilot:
        screen = await on_question(pilot, again, "vision.statement")
        await wait_for(
            pilot, lambda: "1 waived" in str(again.screen.query_one("#live-waived").render())
        )
        assert "vague.superlative" not in shown(again)
        assert screen.query_one(SpecificityMeter).score == 100
        await pilot.press("ctrl+q")


async def test_the_summary_of_a_misaligned_example_shows_its_broken_links(workdir: Path) -> None:
    path = workdir / "misaligned.toml"
    shutil.copy(EXAMPLES / "misaligned-fr-cycles-hirondelle.toml", path)
    profile = load_profile(path)
    profile.meta.position = "summary"
    save_profile(profile, path)
    expected = {
        f.rule_id for f in analyze_profile(profile).findings if f.rule_id.startswith("align.")
    }
    app = make_app(path, lang="fr")
    async with app.run_test(size=(110, 60)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, SummaryScreen) and app.screen.query(AlignChain)
        )
        chain = app.screen.query_one(AlignChain)
        assert set(chain.broken_rules) == expected and len(expected) >= 3
        assert "╳" in str(chain.render()) and "rompu" in str(chain.render())
        # Each of the five fixes is a jump to its answer.
        fixes = app.screen.query_one("#align-fixes")
        fixes.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await pilot.press("ctrl+q")


async def test_the_layer_review_scores_each_answer_and_jumps_to_a_finding(workdir: Path) -> None:
    path = workdir / "review.toml"
    shutil.copy(EXAMPLES / "misaligned-en-ledgerline.toml", path)
    profile = load_profile(path)
    profile.meta.position = "review:execution"
    save_profile(profile, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=(110, 50)) as pilot:
        await wait_for(
            pilot,
            lambda: app.screen.query(LayerReview) and app.screen.query_one(LayerReview).result,
        )
        review = app.screen.query_one(LayerReview)
        listing = review.query_one("#review-findings")
        text = "\n".join(
            str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)
        )
        assert "/100" in text and "align." in text
        listing.focus()
        listing.highlighted = 1  # the first finding of the first answer
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await pilot.press("ctrl+q")


async def test_coach_notes_are_saved_and_reloaded(workdir: Path) -> None:
    path = new_profile(workdir, "vision.statement", coach_mode=True)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_question(pilot, app, "vision.statement")
        panel = screen.query_one(CoachPanel)
        assert panel.display and "Session" in str(panel.query_one("#coach-head").render())
        note = panel.query_one("#coach-note", TextArea)
        note.focus()
        await pilot.press("a", "s", "k")
        note.insert(" about the repair shops — é 🚀")
        await wait_for(pilot, lambda: app.profile is not None and app.profile.notes)
        await pilot.press("ctrl+q")
    assert load_profile(path).notes == {"vision.statement": "ask about the repair shops — é 🚀"}
    again = make_app(path, lang="en")
    async with again.run_test(size=SIZE) as pilot:
        screen = await on_question(pilot, again, "vision.statement")
        assert screen.query_one("#coach-note", TextArea).text == "ask about the repair shops — é 🚀"
        await pilot.press("f3")  # coach mode off: the panel hides, the note stays
        await wait_for(pilot, lambda: not screen.query_one(CoachPanel).display)
        await pilot.press("ctrl+q")
    assert load_profile(path).notes == {"vision.statement": "ask about the repair shops — é 🚀"}
