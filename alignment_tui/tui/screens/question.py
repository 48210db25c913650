"""One question: prompt, help, examples on demand, the answer editor, probes, findings slot."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Button, Static, TextArea

from alignment_tui.i18n import t
from alignment_tui.model import kinds
from alignment_tui.model.kinds import inner_path
from alignment_tui.tui.screens.base import QUESTION_KEYS, WALK_KEYS, KeySpec, WalkScreen, WalkView
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.literal import literal
from alignment_tui.tui.widgets.livefeedback import LiveFeedback


class QuestionScreen(WalkScreen):
    """The editor reports ``AnswerEditor.Changed``; the app stores and autosaves it."""

    KEYS: ClassVar[list[KeySpec]] = WALK_KEYS + QUESTION_KEYS

    def __init__(
        self,
        view: WalkView,
        question: Any,
        editor: AnswerEditor | None,
        live: LiveFeedback,
        coach_panel: CoachPanel,
        *,
        coach: bool = False,
        skipped: bool = False,
        read_only: bool = False,
        focus: str = "",
    ) -> None:
        super().__init__(view)
        self.question = question
        self.editor = editor
        self.live = live  # mounted under the answer once the screen is shown
        self.coach_panel = coach_panel
        self.coach = coach
        self.skipped = skipped
        self.read_only = read_only
        self.focus_on = focus  # a field path inside the answer, where the cursor goes

    def body(self) -> ComposeResult:
        q, lang = self.question, self.lang
        required = t("question.required", lang) if q.required else t("question.optional", lang)
        prompt = Content.assemble(literal(q.prompt(lang)), "  ", (required, "dim"))
        yield Static(prompt, id="prompt", classes="title")
        yield Static(literal(q.help(lang)), id="help")
        with Vertical(id="examples", classes="hidden"):
            yield Static(t("question.vague", lang), classes="label vague")
            yield Static(literal(q.example_vague(lang)), classes="card")
            yield Static(t("question.specific", lang), classes="label specific")
            yield Static(literal(q.example_specific(lang)), classes="card")
        # The answer and its findings, with the coach's column beside them on a wide
        # terminal (below them on a narrow one): see ``#work`` in app.tcss.
        with Container(id="work"):
            with Vertical(id="answer-col"):
                if self.skipped:
                    yield Static(t("question.was_skipped", lang), id="skipped-note")
                if self.editor is not None:
                    yield self.editor
                else:
                    yield Static(t("question.no_editor", lang, kind=q.kind), id="no-editor")
                # Findings from the analysis are mounted here, live, below the answer.
                yield Vertical(id="findings")
            # The coach's probes, private note and session timer (``#probes``, hidden when off).
            yield self.coach_panel
        with Horizontal(id="tools"):
            yield Button(
                t("question.examples_button", lang),
                id="examples-button",
                action="screen.toggle_examples",
                compact=True,
            )
            yield Button(
                t("question.coach_button", lang),
                id="coach-button",
                action="app.toggle_coach",
                compact=True,
            )
            yield Button(
                t("question.editor_button", lang),
                id="editor-button",
                action="app.external_edit",
                compact=True,
            )

    def nav_buttons(self) -> ComposeResult:
        yield Button(t("nav.back", self.lang), id="back", action="app.go_back", compact=True)
        yield Button(t("nav.skip", self.lang), id="skip", action="app.skip", compact=True)
        yield Button(
            t("nav.next", self.lang),
            id="next",
            variant="primary",
            action="app.go_next",
            compact=True,
        )

    def on_mount(self) -> None:
        self.set_class(self.coach, "-coach")
        self.call_after_refresh(self._install_live)
        if self.editor is None:
            self.query_one("#next", Button).focus()
            return
        if self.read_only:
            # The coach's note too: nothing typed on a read-only profile could be kept.
            for area in self.query(TextArea):
                area.read_only = True
            for control in self.editor.query("Input, Select, Checkbox, RadioSet, Button"):
                control.disabled = True
        inner = inner_path(self.focus_on, self.question.path) if self.focus_on else None
        if inner:
            self.editor.focus_at(inner)
        else:
            self.editor.focus_first()

    def _install_live(self) -> None:
        """The findings under the answer, attached to the text box where words can be
        marked. (A fast jump can take the screen down before this runs: then nothing.)"""
        if not self.is_attached:
            return
        try:
            slot = self.query_one("#findings")
        except NoMatches:
            return
        slot.mount(self.live)
        area = None
        if self.editor is not None and kinds.spec(self.question.kind).lines is not None:
            area = self.editor.query(TextArea).first() if self.editor.query(TextArea) else None
        self.live.attach(area)

    def action_waive(self) -> None:
        self.live.ask_waiver()

    def action_toggle_examples(self) -> None:
        self.query_one("#examples").toggle_class("hidden")

    def show_probes(self, on: bool) -> None:
        self.coach = on
        self.query_one("#probes").set_class(not on, "hidden")
        self.set_class(on, "-coach")
