"""The live-feedback widgets in tiny harness apps: data in, what the user sees and gets out."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Input, OptionList, Static, TextArea

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.analysis.waivers import add_waiver
from alignment_tui.model.profile import Profile
from alignment_tui.session.live import LiveResult, analyse_answer
from alignment_tui.store import load_profile
from alignment_tui.tui.screens.alignment import AlignmentSummaryScreen
from alignment_tui.tui.screens.waive import WaiveScreen
from alignment_tui.tui.widgets.alignchain import AlignChain
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.findings import FindingsPanel
from alignment_tui.tui.widgets.highlight import HighlightTextArea
from alignment_tui.tui.widgets.livefeedback import LiveFeedback
from alignment_tui.tui.widgets.meter import SpecificityMeter
from tests.ui.conftest import wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VAGUE_FR = "🚀 Être le leader incontournable grâce à des solutions innovantes, à Besançon."
SPECIFIC_FR = (
    "Que les 12 000 cyclistes de Lyon roulent sans panne grâce à un réseau de 40 ateliers, "
    "d'ici 2030."
)


class Harness(App[None]):
    """An answer editor with live feedback on ``vision.statement``; waivers kept in the profile."""

    def __init__(
        self, text: str = "", lang: str = "fr", analyse: Any = analyse_answer, instant: bool = True
    ) -> None:
        super().__init__()
        self.instant = instant
        self.profile = Profile(lang="fr")
        self.profile.vision.statement = text
        self.text = text
        self.lang_ = lang
        self.analyse = analyse
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield HighlightTextArea(self.text, id="answer")
        yield LiveFeedback(
            "vision.statement",
            self.lang_,
            lambda: self.profile.model_copy(deep=True),
            analyse=self.analyse,
            instant=self.instant,
            id="live",
        )

    def on_mount(self) -> None:
        self.live.attach(self.area)
        self.area.focus()

    @property
    def area(self) -> HighlightTextArea:
        return self.query_one(HighlightTextArea)

    @property
    def live(self) -> LiveFeedback:
        return self.query_one(LiveFeedback)

    @on(TextArea.Changed, "#answer")
    def _typed(self, event: TextArea.Changed) -> None:
        self.profile.vision.statement = event.text_area.text
        self.live.changed()

    def on_live_feedback_updated(self, message: LiveFeedback.Updated) -> None:
        self.messages.append(message)

    def on_live_feedback_waived(self, message: LiveFeedback.Waived) -> None:
        add_waiver(self.profile, message.finding, message.reason, message.by)


def shown_rules(app: Harness) -> set[str]:
    return {f.rule_id for f in app.query_one(FindingsPanel).findings}


async def type_into(app: Harness, pilot: Any, text: str) -> None:
    """A few real key presses, then the rest posted as key events (fast, same key path)."""
    await pilot.press(*text[:2])
    for char in text[2:]:
        app.area.post_message(events.Key(char, char))
    await pilot.pause()


async def test_typing_updates_findings_meter_and_highlights() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.query_one(SpecificityMeter).score in (None, 0)
        await type_into(app, pilot, VAGUE_FR)
        await wait_for(pilot, lambda: app.area.text == VAGUE_FR)
        await wait_for(pilot, lambda: "vague.superlative" in shown_rules(app))
        assert (app.query_one(SpecificityMeter).score or 0) < 75
        words = {m[3] for m in app.area.marks}
        assert {"incontournable", "solutions innovantes"} <= words
        # The words are underlined in the editor itself, after the emoji and the accents.
        strip = app.area.render_line(0)
        styled = {seg.text: seg.style for seg in strip if seg.text.strip()}
        hit = next(text for text in styled if "incontournable" in text)
        assert styled[hit] is not None and styled[hit].underline
        # Rewriting it specifically empties the list and lifts the meter.
        app.area.load_text(SPECIFIC_FR)
        await wait_for(pilot, lambda: app.live.result and app.live.result.text == SPECIFIC_FR)
        await wait_for(pilot, lambda: (app.query_one(SpecificityMeter).score or 0) >= 75)
        assert not app.area.marks


async def test_a_highlight_never_lands_on_other_words_after_an_edit() -> None:
    app = Harness(VAGUE_FR)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.area.marks)
        app.area.move_cursor((0, 0))
        await pilot.press("x")  # shifts every word by one character
        for start, end, _, words in app.area.marks:
            line = app.area.document.lines[start[0]]
            assert line[start[1] : end[1]] == words
        # The next analysis puts them back on the words, where they now are.
        await wait_for(pilot, lambda: app.live.result and app.live.result.text.startswith("x"))
        assert {m[3] for m in app.area.marks} >= {"incontournable"}
        for start, end, _, words in app.area.marks:
            assert app.area.document.lines[start[0]][start[1] : end[1]] == words


async def test_only_one_analysis_at_a_time_and_stale_results_are_never_shown() -> None:
    running, peak = [0], [0]
    lock = threading.Lock()

    def slow(*args: Any, **kwargs: Any) -> LiveResult:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.3)
        try:
            return analyse_answer(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    app = Harness("Être leader", analyse=slow, instant=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.05)  # the first analysis (of "Être leader") is in flight
        app.area.load_text(VAGUE_FR)
        await pilot.pause(0.2)
        app.area.load_text(SPECIFIC_FR)
        await wait_for(pilot, lambda: app.live.result and app.live.result.text == SPECIFIC_FR)
        await pilot.pause(0.4)
        assert peak[0] == 1
        assert [m.result.text for m in app.messages] == [SPECIFIC_FR]


async def test_waiving_asks_a_reason_and_takes_the_finding_out() -> None:
    app = Harness(VAGUE_FR, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: "vague.superlative" in shown_rules(app))
        panel = app.query_one(FindingsPanel)
        panel.focus()
        panel.highlighted = next(
            i for i, f in enumerate(panel.findings) if f.rule_id == "vague.superlative"
        )
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, WaiveScreen))
        await pilot.press("enter")  # no reason yet: refused, with a line saying why
        assert isinstance(app.screen, WaiveScreen)
        assert "reason" in str(app.screen.query_one("#waive-error", Static).render()).lower()
        app.screen.query_one(Input).value = "the sector's own word"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, WaiveScreen))
        assert [(w.rule, w.reason, w.by) for w in app.profile.waivers] == [
            ("vague.superlative", "the sector's own word", "respondent")
        ]
        await wait_for(pilot, lambda: "vague.superlative" not in shown_rules(app))
        assert "1 waived" in str(app.query_one("#live-waived", Static).render())


class SummaryHarness(App[None]):
    def __init__(self, profile: Profile, lang: str) -> None:
        super().__init__()
        self.profile = profile
        self.lang_ = lang
        self.chosen: list[str | None] = []

    def on_mount(self) -> None:
        result = analyze_profile(self.profile, ui_lang=self.lang_)
        targets = {"objectives.kpis": "objectives.kpis", "execution.channels": "exec.channels"}
        screen = AlignmentSummaryScreen(
            result, self.profile, self.lang_, targets=targets, coach=True
        )
        self.push_screen(screen, self.chosen.append)


async def test_summary_of_a_misaligned_profile_shows_broken_links_and_jumps_to_a_fix() -> None:
    profile = load_profile(EXAMPLES / "misaligned-fr-cycles-hirondelle.toml")
    profile.waivers = []
    app = SummaryHarness(profile, "fr")
    async with app.run_test(size=(100, 60)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#align-chain"))
        chain = app.screen.query_one(AlignChain)
        drawn = str(chain.render())
        assert chain.broken_rules and "╳" in drawn and "rompu" in drawn
        for rule in chain.broken_rules:
            assert rule in drawn
        fixes = app.screen.query_one("#align-fixes", OptionList)
        assert fixes.option_count == 5
        assert "Aucune remarque n'a été acceptée." in str(
            app.screen.query_one("#align-no-waivers", Static).render()
        )
        fixes.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.chosen)
        assert app.chosen[0]


async def test_coach_panel_reports_the_note_and_runs_a_timer() -> None:
    class CoachHarness(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.notes: list[str] = []

        def compose(self) -> ComposeResult:
            yield CoachPanel(
                "vision.statement",
                ["Who changes?", "By when?"],
                "",
                "en",
                started=time.monotonic() - 75,
            )

        def on_coach_panel_note_changed(self, message: CoachPanel.NoteChanged) -> None:
            self.notes.append(f"{message.qid}={message.text}")

    app = CoachHarness()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert "Session 1:15" in str(app.query_one("#coach-head", Static).render())
        app.query_one("#coach-note", TextArea).focus()
        await pilot.press("o", "k")
        await wait_for(pilot, lambda: app.notes and app.notes[-1] == "vision.statement=ok")
        assert "• Who changes?" in str(app.query(".coach-probe").first().render())


async def test_summary_in_coach_mode_says_who_waived_what_and_why() -> None:
    profile = load_profile(EXAMPLES / "misaligned-en-ledgerline.toml")
    profile.waivers = []
    target = next(
        f for f in analyze_profile(profile).findings if f.rule_id == "align.persona_unreached"
    )
    add_waiver(profile, target, "launch partner: reached by hand this year", by="coach")
    app = SummaryHarness(profile, "en")
    async with app.run_test(size=(100, 60)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#align-waivers"))
        waivers = app.screen.query_one("#align-waivers", OptionList)
        text = str(waivers.get_option_at_index(0).prompt)
        assert "Persona that no channel reaches" in text and "waived by the coach" in text
        assert "launch partner: reached by hand this year" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.chosen == [None])
