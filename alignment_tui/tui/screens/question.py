"""One question: prompt, help, examples on demand, the answer editor, probes, findings slot.

The walk keeps this screen from one question to the next: its chain, findings panel and
coach's column stay, and only the question's own part (the pane: prompt, help, examples,
the editor, the probes and note) is shown anew. The screen keeps at most one editor of each
kind it has shown (its pool), hidden when another kind's is in use: a step to a kind met
before shows that editor again with the next answer loaded, nothing of its last one left in
it (see ``AnswerEditor.take``); a kind met for the first time, or an editor that cannot
take another answer, gets an editor of its own, which joins the pool.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Button, Static, TextArea

from alignment_tui.i18n import t
from alignment_tui.model import kinds
from alignment_tui.model.kinds import inner_path
from alignment_tui.tui.keyroute import quiet
from alignment_tui.tui.screens.base import QUESTION_KEYS, WALK_KEYS, KeySpec, WalkScreen, WalkView
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.fitted import FittedContainer, FittedStatic, FittedVertical
from alignment_tui.tui.widgets.literal import literal
from alignment_tui.tui.widgets.livefeedback import LiveFeedback

# Seconds a step may hold the screen's drawing, waiting for the cursor to settle in the next
# editor (should something keep it from settling, the step is drawn anyway), and between two
# looks at whether it has.
FRAME_LIMIT = 0.25
FRAME_POLL = 0.001


@dataclass(frozen=True)
class QuestionPane:
    """What changes from one question to the next."""

    question: Any
    editor: AnswerEditor | None
    skipped: bool = False
    focus: str = ""  # a field path inside the answer, where the cursor goes
    note: str = ""  # the coach's private note on the question


def prompt_text(question: Any, lang: str) -> Content:
    required = t("question.required", lang) if question.required else t("question.optional", lang)
    return Content.assemble(literal(question.prompt(lang)), "  ", (required, "dim"))


class QuestionScreen(WalkScreen):
    """The editor reports ``AnswerEditor.Changed``; the app stores and autosaves it."""

    KEYS: ClassVar[list[KeySpec]] = WALK_KEYS + QUESTION_KEYS
    # Textual's screen draws itself whole whenever its focused widget changes; the widgets
    # losing and gaining the focus restyle and draw themselves anyway (``has_focus``), so a
    # step that moves the cursor to another editor draws only what it changed.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(
        self,
        view: WalkView,
        pane: QuestionPane,
        live: LiveFeedback,
        coach_panel: CoachPanel,
        *,
        coach: bool = False,
        read_only: bool = False,
        ahead: Sequence[AnswerEditor] = (),
    ) -> None:
        super().__init__(view)
        self.pane = pane  # the question to show; ``_shown`` is the one on screen
        self._shown = pane
        self.live = live  # mounted under the answer once the screen is shown, then kept
        self.coach_panel = coach_panel  # the coach's probes, private note and session timer
        self.coach = coach
        self.read_only = read_only
        # One editor per kind of editor shown here, on screen, hidden but for the current one.
        self._pool: dict[type[AnswerEditor], AnswerEditor] = {}
        if pane.editor is not None:
            self._pool[type(pane.editor)] = pane.editor
        # Editors of the kinds the next steps will show, mounted hidden once the screen is
        # drawn (``_build_ahead``), so that no step meets a kind for the first time.
        self._ahead = [e for e in ahead if type(e) not in self._pool]
        self._unshown: set[AnswerEditor] = set()  # built ahead, not shown yet

    @property
    def question(self) -> Any:
        return self.pane.question

    @property
    def editor(self) -> AnswerEditor | None:
        return self.pane.editor

    @property
    def shown(self) -> str:
        return self._shown.question.id if self.is_mounted else ""

    def body(self) -> ComposeResult:
        q, lang = self.question, self.lang
        # Boxes whose height follows the question: see ``widgets/fitted.py``.
        yield FittedStatic(prompt_text(q, lang), id="prompt", classes="title")
        yield FittedStatic(literal(q.help(lang)), id="help")
        with Vertical(id="examples", classes="hidden"):
            yield Static(t("question.vague", lang), classes="label vague")
            yield Static(literal(q.example_vague(lang)), id="example-vague", classes="card")
            yield Static(t("question.specific", lang), classes="label specific")
            yield Static(literal(q.example_specific(lang)), id="example-specific", classes="card")
        # The answer and its findings, with the coach's column beside them on a wide
        # terminal (below them on a narrow one): see ``#work`` in app.tcss.
        with FittedContainer(id="work"):
            with FittedVertical(id="answer-col"):
                yield self._answer(self.pane)
                # Findings from the analysis are mounted here, live, below the answer.
                yield Vertical(id="findings")
            yield self.coach_panel  # ``#probes``, hidden when coach mode is off
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

    def _answer(self, pane: QuestionPane) -> FittedVertical:
        """The answer's own widgets, above the findings: the skipped note and the editor, in a
        box of their own that the next question's replaces."""
        box = FittedVertical(classes="answer")
        note = Static(t("question.was_skipped", self.lang), id="skipped-note")
        note.display = pane.skipped  # shown again when a kept editor takes a skipped question
        box.compose_add_child(note)
        if pane.editor is not None:
            box.compose_add_child(pane.editor)
        else:
            kind = pane.question.kind
            note = Static(t("question.no_editor", self.lang, kind=kind), id="no-editor")
            box.compose_add_child(note)
        return box

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
        self._arrive(self._shown)

    def on_screen_resume(self) -> None:
        if self._ahead:
            self.call_after_refresh(self._build_ahead)

    @property
    def built_ahead(self) -> bool:
        """Every editor this screen builds ahead is in its pool."""
        return not self._ahead

    async def _build_ahead(self) -> None:
        """One editor built ahead joins the pool, hidden (``display: none``: it cannot take
        the focus, so no key reaches it), then the next once the screen has drawn again: one
        a frame, only while this screen is on top (it starts again when it is back). Its
        question and answer are another step's until ``take`` gives it the one it shows."""
        if not self._ahead or not self.is_attached or not self.is_current:
            return  # (the app closing, or another screen on top)
        if self._shown.editor is None:
            return
        boxes = self.query(".answer")
        if not boxes or not (boxes.first().is_mounted and boxes.first().is_attached):
            self.call_after_refresh(self._build_ahead)  # the answer's box is being replaced
            return
        editor = self._ahead.pop(0)
        if type(editor) not in self._pool:
            editor.display = False
            self._pool[type(editor)] = editor
            self._unshown.add(editor)
            await boxes.first().mount(editor)
        if self._ahead:
            self.call_after_refresh(self._build_ahead)

    def _arrive(self, pane: QuestionPane) -> None:
        """The question is on screen: read-only applied, the cursor in its editor."""
        if pane.editor is None:
            self.query_one("#next", Button).focus()
            return
        if self.read_only:
            # The coach's note too: nothing typed on a read-only profile could be kept.
            for area in self.query(TextArea):
                area.read_only = True
            for control in pane.editor.query("Input, Select, Checkbox, RadioSet, Button"):
                control.disabled = True
        inner = inner_path(pane.focus, pane.question.path) if pane.focus else None
        if inner:
            pane.editor.focus_at(inner)
        else:
            pane.editor.focus_first()

    def show_pane(self, view: WalkView, pane: QuestionPane) -> None:
        """Go on to another question on this screen; ``editor`` and ``question`` are the new
        one's at once. When an editor of the pool can take the next answer (an editor of its
        kind shown before), all of it is shown now, in the frame the chain's change is drawn
        in; else the next editor is mounted as soon as the screen takes its next message."""
        self.view = view
        self.pane = pane
        kept = self._pooled(pane) if self.is_attached else None
        if kept is None:
            self.call_later(self._swap)
            return
        pane = self.pane = replace(pane, editor=kept)
        self._show_around(pane)
        self._put_in_view(kept)
        self.query_one("#skipped-note").display = pane.skipped
        self._settle(pane)
        self._one_frame()  # (nothing is drawn before this returns: the screen draws between
        # messages)

    def _one_frame(self) -> None:
        """What the step changes is drawn in one frame. The screen lays out and draws what
        changed as soon as it has a moment; but the editors shown and hidden, and the cursor
        moving into the next one, reach it a moment later (each widget asks from its own
        queue, and the focus moves from the app's), and they would take a second layout and
        a frame of their own. So the screen draws nothing (``App.batch_update``) until no
        message is waiting anywhere (looked at every ``FRAME_POLL`` s, from a timer of the
        app's, which runs in the app's task and outlives a screen taken down meanwhile: the
        hold always ends), or ``FRAME_LIMIT`` s at the most."""
        hold = self.app.batch_update()
        hold.__enter__()
        since = time.monotonic()
        held = True

        def look() -> None:
            nonlocal held
            if not held:
                return
            if (
                self.is_attached
                and not quiet(self.app, inside_app=True)
                and time.monotonic() - since < FRAME_LIMIT
            ):
                self.app.set_timer(FRAME_POLL, look)
                return
            held = False
            hold.__exit__(None, None, None)
            self.check_idle()  # the screen draws now, even if nothing else comes

        self.app.set_timer(FRAME_POLL, look)

    def _pooled(self, pane: QuestionPane) -> AnswerEditor | None:
        """The pool's editor of ``pane``'s kind, showing ``pane``'s answer in place of the
        one built for it (nothing of its last answer kept: see ``take``), if it can."""
        if pane.editor is None or self._shown.editor is None:
            return None
        built, kept = pane.editor, self._pool.get(type(pane.editor))
        if kept is None or not kept.is_attached:
            return None
        if kept in self._unshown and kept.is_mounted:
            # Built ahead for this very answer, as it stands: shown as built (an editor that
            # cannot take another answer, of rows or choices, is used this way).
            same = (kept.question, kept.value, kept.context)
            if same == (built.question, built.value, built.context):
                return kept
        return kept if kept.take(built) else None

    def _put_in_view(self, editor: AnswerEditor) -> None:
        """``editor`` shown, every other one of the pool hidden, with no moment where the
        cursor is in a hidden one: a key typed then would go to another question's editor.
        When the cursor stays in the same editor, the focus does not move (Textual draws the
        whole screen again when it does)."""
        focused = self.focused
        for other in self._pool.values():
            if other is not editor and other.display:
                if focused is not None and other in focused.ancestors:
                    self.set_focus(None, scroll_visible=False)
                other.display = False
        editor.display = True
        self._unshown.discard(editor)
        box = editor.parent
        if isinstance(box, Widget) and box.children.index(editor) != 1:
            # First after the skipped note: a query for the answer's widgets finds this one.
            box.move_child(editor, after=0)

    async def _swap(self) -> None:
        """The pane shown anew with an editor of its own, the chain's changed lines and the
        progress line updated, in one frame. Several steps in a row show only the last.
        The new editor joins the pool (the one it replaces there is removed); a question
        with no editor for its kind gets an answer box of its own, and the pool is emptied."""
        pane, old = self.pane, self._shown
        if pane is old or not self.is_attached:
            return
        with self.app.batch_update():
            self._show_around(pane)
            column = self.query_one("#answer-col")
            # The editor leaves without the focus: else Textual hands it on to the scroller
            # (restyling all it holds) just before the new editor takes it.
            self.set_focus(None)
            editor = pane.editor
            if editor is None or old.editor is None:
                self._pool.clear()
                await column.remove_children(".answer")
                await column.mount(self._answer(pane), before="#findings")
            else:
                self.query_one("#skipped-note").display = pane.skipped
                replaced = self._pool.pop(type(editor), None)
                for other in self._pool.values():
                    other.display = False
                if replaced is not None:
                    await replaced.remove()
                await self.query_one(".answer").mount(editor, after="#skipped-note")
            if editor is not None:
                self._pool[type(editor)] = editor
            self._settle(pane)

    def _show_around(self, pane: QuestionPane) -> None:
        """What surrounds the answer, for ``pane``'s question: the chain's changed lines, the
        progress line, prompt, help, examples (folded), the coach's column; from the top."""
        q, lang = pane.question, self.lang
        self.query_one(Chain).update_entries(self.view.chain)
        for progress in self.query("#progress").results(Static):
            progress.update(literal(self.view.progress))
        self.query_one("#prompt", Static).update(prompt_text(q, lang))
        self.query_one("#help", Static).update(literal(q.help(lang)))
        self.query_one("#example-vague", Static).update(literal(q.example_vague(lang)))
        self.query_one("#example-specific", Static).update(literal(q.example_specific(lang)))
        self.query_one("#examples").add_class("hidden")
        # The next question from its top, at once: a scroll left for after the next frame
        # would keep the step waiting a frame longer (and draw it twice when it moves).
        self.query_one("#main").scroll_home(animate=False, immediate=True)
        self.coach_panel.show_question(q.id, q.probes(lang), pane.note)

    def _settle(self, pane: QuestionPane) -> None:
        """``pane`` is the one on screen: the cursor in its editor, the findings on it."""
        self._shown = pane
        self._arrive(pane)
        self._attach_live()
        if self.live.is_mounted:
            self.live.look()

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
        self._attach_live()

    def _attach_live(self) -> None:
        editor, area = self._shown.editor, None
        if editor is not None and kinds.spec(self._shown.question.kind).lines is not None:
            area = editor.query(TextArea).first() if editor.query(TextArea) else None
        self.live.attach(area)

    def action_waive(self) -> None:
        self.live.ask_waiver()

    def action_toggle_examples(self) -> None:
        self.query_one("#examples").toggle_class("hidden")

    def show_probes(self, on: bool) -> None:
        self.coach = on
        self.coach_panel.reveal(on)
        self.set_class(on, "-coach")
