"""Coach mode beside a question: the probes, a private note on the question, a session timer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TextArea

from alignment_tui.i18n import t
from alignment_tui.session.clock import monotonic
from alignment_tui.session.live import elapsed
from alignment_tui.session.timer import SessionTimer
from alignment_tui.tui.widgets.literal import ShowsControls, literal_text
from alignment_tui.tui.widgets.wraparea import WrapAtOnceTextArea


class NoteArea(ShowsControls, WrapAtOnceTextArea):
    """The coach's note: what it holds is shown, never sent to the terminal as is."""


class CoachPanel(Vertical):
    """Data in: the question id, its probes, the note so far, when the session started.

    Out: ``NoteChanged`` at every change of the note (the app keeps it in
    ``profile.notes`` and autosaves it).
    """

    DEFAULT_CSS = """
    CoachPanel { height: auto; border-left: thick $secondary; padding: 0 1; margin: 1 0 0 0; }
    CoachPanel > #coach-head { height: 2; }
    CoachPanel > .coach-label { text-style: bold; color: $text-muted; margin: 1 0 0 0; }
    CoachPanel > #coach-note { height: auto; min-height: 4; max-height: 10; }
    """

    class NoteChanged(Message):
        """The coach's private note on question ``qid`` is now ``text``."""

        def __init__(self, panel: CoachPanel, qid: str, text: str) -> None:
            super().__init__()
            self.panel = panel
            self.qid = qid
            self.text = text

        @property
        def control(self) -> CoachPanel:
            return self.panel

    def __init__(
        self,
        qid: str,
        probes: Sequence[str],
        note: str,
        lang: str,
        *,
        timer: SessionTimer | None = None,
        started: float | None = None,
        clock: Callable[[], float] = monotonic,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.qid = qid
        self.probes = list(probes)
        self.note = note
        self.lang = lang
        self.clock = clock
        self.timer = timer or SessionTimer(0.0, clock() if started is None else started)
        self._stale = False  # the question changed while hidden: drawn for it once shown

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(self._head(), id="coach-head")
        yield Static(t("coach.probes", lang), classes="coach-label")
        yield Static(self._probes(), id="coach-probes", classes="coach-probe")
        yield Static(t("coach.note", lang), classes="coach-label")
        area = NoteArea(self.note, soft_wrap=True, tab_behavior="focus", id="coach-note")
        area.placeholder = t("coach.note_placeholder", lang)
        yield area

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)

    def _probes(self) -> Text:
        return literal_text("\n".join("• " + probe for probe in self.probes))

    def show_question(self, qid: str, probes: Sequence[str], note: str) -> None:
        """The walk went on to question ``qid``: its probes and its note, whose undo history
        starts afresh (the timer runs on). Hidden (coach mode off), the panel is drawn for
        it only once shown: a step does not pay for a column nobody sees."""
        self.qid, self.probes, self.note = qid, list(probes), note
        self._stale = True
        if not self.has_class("hidden"):
            self._draw_question()

    def reveal(self, on: bool) -> None:
        """Show the panel (coach mode on), with the current question's probes and note; or
        hide it."""
        self.set_class(not on, "hidden")
        if on:
            self._draw_question()

    def _draw_question(self) -> None:
        if not self._stale or not self.is_mounted:
            return
        self._stale = False
        self.query_one("#coach-probes", Static).update(self._probes())
        self.query_one("#coach-note", TextArea).load_text(self.note)

    @property
    def typed(self) -> str:
        """The note as its box holds it (its last change may still be on its way)."""
        if not self.is_mounted or self._stale:
            return self.note
        return self.query_one("#coach-note", TextArea).text

    def _head(self) -> Text:
        line = Text(t("coach.title", self.lang), style="bold")
        line.append("   ")
        line.append(t("coach.timer", self.lang, time=elapsed(self.timer.elapsed(self.clock()))))
        if self.timer.paused:
            line.append("  " + t("coach.paused", self.lang), style="italic yellow")
        line.append("\n" + t("coach.timer_keys", self.lang), style="dim")
        return line

    def refresh_head(self) -> None:
        for head in self.query("#coach-head").results(Static):
            # Two lines always (see the CSS): the timer's tick asks for no layout of the screen.
            head.update(self._head(), layout=False)

    def _tick(self) -> None:
        self.refresh_head()

    @on(TextArea.Changed, "#coach-note")
    def _noted(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text != self.note:
            self.note = text
            self.post_message(self.NoteChanged(self, self.qid, text))
