"""Live feedback under an answer: the meter, the findings, highlights in the editor, waivers.

The analysis runs in a thread after ``DEBOUNCE`` s of quiet, one at a time; a result for
a text that has changed since is dropped (``LiveScheduler``), so a keystroke never waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection
from textual.worker import Worker, WorkerState

from alignment_tui.analysis.findings import Finding
from alignment_tui.i18n import t
from alignment_tui.session.live import (
    DEBOUNCE,
    LiveResult,
    LiveScheduler,
    analyse_answer,
    analysis_warm,
    location_of,
)
from alignment_tui.tui.screens.waive import WaiveScreen
from alignment_tui.tui.widgets.findings import FindingsPanel
from alignment_tui.tui.widgets.highlight import HighlightTextArea
from alignment_tui.tui.widgets.meter import SpecificityMeter

if TYPE_CHECKING:
    from alignment_tui.model.profile import Profile

Analyse = Callable[..., LiveResult]


class LiveFeedback(Vertical):
    """Data in: the answer's field path, how to snapshot the profile, the editor's TextArea.

    Call ``changed()`` after each edit. Out: ``Updated`` after each fresh analysis, and
    ``Waived`` when the user gave a reason to waive a finding (the app stores the waiver).
    """

    DEFAULT_CSS = """
    LiveFeedback { height: auto; margin: 1 0 0 0; }
    LiveFeedback > #live-title { text-style: bold; color: $text-muted; }
    LiveFeedback > #live-waived { color: $text-muted; height: 1; }
    /* A fixed height: findings coming and going never move what is below (Next, Back). */
    LiveFeedback > FindingsPanel { height: 8; max-height: 8; }
    LiveFeedback > #live-hint { color: $text-muted; height: auto; }
    """

    class Updated(Message):
        """A fresh analysis of the answer is shown."""

        def __init__(self, feedback: LiveFeedback, result: LiveResult) -> None:
            super().__init__()
            self.feedback = feedback
            self.result = result

    class TermAccepted(Message):
        """Accept ``words`` as a term of the trade for this profile (the app stores it)."""

        def __init__(self, words: str) -> None:
            super().__init__()
            self.words = words

    class Waived(Message):
        """Waive ``finding`` with ``reason``, by ``by`` ("respondent" or "coach").

        ``among``: the answer's findings, kept and waived, to tell which occurrence of
        its words the finding is.
        """

        def __init__(
            self, finding: Finding, reason: str, by: str, among: tuple[Finding, ...] = ()
        ) -> None:
            super().__init__()
            self.finding = finding
            self.reason = reason
            self.by = by
            self.among = among

    def __init__(
        self,
        path: str,
        lang: str,
        snapshot: Callable[[], Profile | None],
        *,
        one_per_line: bool = False,
        coach: Callable[[], bool] = lambda: False,
        analyse: Analyse = analyse_answer,
        today: date | None = None,
        delay: float = DEBOUNCE,
        waivable: bool = True,
        instant: bool = True,
        label: Callable[[Finding], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.waivable = waivable
        self.instant = instant
        self.path = path
        self.lang = lang
        self.snapshot = snapshot
        self.one_per_line = one_per_line
        self.coach = coach
        self.analyse = analyse
        self.today = today
        self.scheduler = LiveScheduler(delay)
        self.area: TextArea | None = None
        self.result: LiveResult | None = None
        self.analyses = 0  # how many analyses ran (the benchmark reports it)
        self._timer: Timer | None = None
        self._jobs: dict[Worker[LiveResult], int] = {}

    def compose(self) -> ComposeResult:
        yield SpecificityMeter(self.lang, id="live-meter")
        yield Static(t("findings.title", self.lang), id="live-title")
        yield FindingsPanel(self.lang, label=self.label, waivable=self.waivable, id="live-findings")
        yield Static("", id="live-waived")
        hint = "findings.hint" if self.waivable else "findings.hint_read_only"
        yield Static(t(hint, self.lang), id="live-hint")

    def attach(self, area: TextArea | None) -> None:
        """The editor whose words get highlighted (none for a structured answer)."""
        changed = area is not self.area
        self.area = area
        if changed and self.result is not None:
            self.reanalyse()  # what was shown was located in no editor

    def on_mount(self) -> None:
        self.look()

    def follow(
        self, path: str, *, one_per_line: bool, label: Callable[[Finding], str] | None
    ) -> None:
        """Another answer now (the walk went on to the next question, keeping this panel):
        nothing of the last one stays to be seen or waived, and its analysis still running
        is dropped when it comes back. ``attach`` and ``look`` follow once its editor is in."""
        self.path, self.one_per_line, self.label = path, one_per_line, label
        self.area, self.result = None, None
        self.scheduler.drop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.is_mounted:
            panel = self.query_one(FindingsPanel)
            panel.label = label
            panel.show([], empty=t("findings.empty", self.lang))
            self.query_one(SpecificityMeter).score = None
            self.query_one("#live-waived", Static).update("")

    def look(self) -> None:
        """The first analysis of the answer: at once when the analysis is loaded."""
        self.query_one(FindingsPanel).show([], empty=t("findings.empty", self.lang))
        profile = self.snapshot() if self.instant and analysis_warm() else None
        if profile is None:
            self.reanalyse()
            return
        # Once the analysis is loaded the first result takes milliseconds: show it with the
        # screen rather than a moment after.
        text = self.area.text if self.area is not None else ""
        self.analyses += 1
        self.show(
            self.analyse(
                profile,
                self.path,
                text,
                lang=self.lang,
                one_per_line=self.one_per_line,
                today=self.today,
            )
        )

    # -- scheduling ----------------------------------------------------------------------------
    def changed(self) -> None:
        """The answer changed: analyse it once typing pauses.

        A keystroke only moves the due time; the one pending timer, when it fires early,
        waits again for what is left (no timer is made per key).
        """
        self.scheduler.changed(time.monotonic())
        if self._timer is None:
            self._arm()

    def reanalyse(self) -> None:
        """Analyse now (a waiver or a setting changed, or the screen just opened)."""
        self.scheduler.changed(time.monotonic() - self.scheduler.delay)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._arm()

    def _arm(self) -> None:
        delay = self.scheduler.wait(time.monotonic())
        if delay is None or self._timer is not None:
            return
        self._timer = self.set_timer(max(delay, 0.005), self._fire)  # 0 s breaks Timer.stop

    def _fire(self) -> None:
        self._timer = None
        if not self.is_attached:
            return
        generation = self.scheduler.start(time.monotonic())
        if generation is None:
            self._arm()
            return
        profile = self.snapshot()
        text = self.area.text if self.area is not None else ""
        if profile is None:
            self.scheduler.finish(generation)
            return
        job = partial(
            self.analyse,
            profile,
            self.path,
            text,
            lang=self.lang,
            one_per_line=self.one_per_line,
            today=self.today,
        )
        worker = self.run_worker(job, thread=True, group="live", exit_on_error=False)
        self._jobs[worker] = generation

    @on(Worker.StateChanged)
    def _finished(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker not in self._jobs or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        event.stop()
        generation = self._jobs.pop(worker)
        self.analyses += 1
        fresh = self.scheduler.finish(generation)
        if fresh and event.state == WorkerState.SUCCESS and worker.result is not None:
            self.show(worker.result)
        self._arm()

    # -- showing -------------------------------------------------------------------------------
    def show(self, result: LiveResult) -> None:
        if not self.is_attached or not self.query(FindingsPanel):
            return  # the screen was left while the analysis ran
        self.result = result
        empty = (
            t("findings.empty", self.lang)
            if self.area is not None and not self.area.text.strip()
            else t("findings.none", self.lang)
        )
        self.query_one(FindingsPanel).show(result.findings, empty=empty)
        self.query_one(SpecificityMeter).score = result.score
        waived = t("findings.waived", self.lang, n=len(result.waived)) if result.waived else ""
        self.query_one("#live-waived", Static).update(waived)
        if isinstance(self.area, HighlightTextArea):
            self.area.show_marks(result.text, result.marks)
        self.post_message(self.Updated(self, result))

    @property
    def panel(self) -> FindingsPanel:
        return self.query_one(FindingsPanel)

    # -- waive, and go to a finding's words ----------------------------------------------------
    @on(FindingsPanel.Waive)
    def _waive(self, event: FindingsPanel.Waive) -> None:
        event.stop()
        self.ask_waiver(event.finding)

    def ask_waiver(self, finding: Finding | None = None) -> None:
        """Ask the reason for waiving ``finding`` (default: the selected one, else the first)."""

        panel = self.panel
        if not self.waivable:
            return
        finding = finding or panel.selected or (panel.findings[0] if panel.findings else None)
        if finding is None:
            return
        by = "coach" if self.coach() else "respondent"
        among = (*self.result.findings, *self.result.waived) if self.result else ()

        def done(reason: str | None) -> None:
            if reason:
                self.post_message(self.Waived(finding, reason, by, among))
                self.notify(t("waive.done", self.lang, rule=finding.rule_id), markup=False)
                self.changed()

        self.app.push_screen(WaiveScreen(finding, self.lang, by=by), done)

    @on(FindingsPanel.AcceptTerm)
    def _accept_term(self, event: FindingsPanel.AcceptTerm) -> None:
        event.stop()
        words = event.finding.text
        self.post_message(self.TermAccepted(words))
        self.notify(t("accepted.term_done", self.lang, term=" ".join(words.split())), markup=False)

    @on(FindingsPanel.Picked)
    def _picked(self, event: FindingsPanel.Picked) -> None:
        event.stop()
        area, result = self.area, self.result
        if area is None or result is None:
            return
        wanted = (event.finding.rule_id, event.finding.text)
        mark = next((m for m in result.marks if (m.rule_id, m.text) == wanted), None)
        if mark is not None and result.text == area.text:
            lines = area.document.lines
            newline = len(area.document.newline)
            area.selection = Selection(
                location_of(lines, mark.start, newline), location_of(lines, mark.end, newline)
            )
        area.focus()
