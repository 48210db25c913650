"""Builds the screen for the current step, its live widgets and the palette's jumps, from the
session core (bank, profile, steps): the screens get their data, never the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from alignment_tui.analysis.findings import Finding
from alignment_tui.i18n import lookup, t
from alignment_tui.model import kinds
from alignment_tui.model.answers import get_answer, is_answered, layer_completion
from alignment_tui.model.bank import Question
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.session import ProfileSession, Step
from alignment_tui.session.live import part_label
from alignment_tui.tui.screens.base import WalkScreen, WalkView
from alignment_tui.tui.screens.intro import IntroScreen
from alignment_tui.tui.screens.question import QuestionPane, QuestionScreen
from alignment_tui.tui.screens.review import ReviewRow, ReviewScreen
from alignment_tui.tui.screens.summary import LayerStatus, SummaryScreen
from alignment_tui.tui.widgets.alignment import SummaryLoader
from alignment_tui.tui.widgets.chain import ChainEntry
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.editors.base import AnswerEditor, EditorContext, editor_class
from alignment_tui.tui.widgets.layerreview import LayerReview, ReviewedAnswer
from alignment_tui.tui.widgets.livefeedback import LiveFeedback


def short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class PaletteEntry:
    title: str
    help: str
    key: str  # the step to go to


class Walk:
    """Everything the screens of the walk show, computed from the bank, the profile, the session."""

    def __init__(self, session: ProfileSession, lang: str, *, read_only: str = "") -> None:
        self.session = session
        self.bank = session.bank
        self.steps = session.steps
        self.lang = lang
        self.read_only = read_only  # the banner shown on every step ("" when writable)
        self.path = str(session.path)

    def title(self, layer: str) -> str:
        layer_bank = self.bank.layer(layer)
        return layer_bank.intro.title(self.lang) if layer_bank else layer

    def mark(self, profile: Profile, question: Question) -> str:
        if is_answered(profile, question):
            return "answered"
        return "skipped" if question.id in profile.meta.skipped else ""

    def chain(self, profile: Profile) -> list[ChainEntry]:
        step = self.session.current
        entries: list[ChainEntry] = []
        for layer in self.steps.layers:
            done, total = layer_completion(profile, self.bank, layer)
            current = step.layer == layer and step.kind == "intro"
            entries.append(
                ChainEntry(f"intro:{layer}", self.title(layer), True, done, total, current)
            )
            if step.layer != layer:
                continue
            for qstep in self.steps.questions(layer):
                q = self.bank.question(qstep.qid)
                entries.append(
                    ChainEntry(
                        q.id,
                        short(q.prompt(self.lang), 40),
                        current=qstep == step,
                        mark=self.mark(profile, q),
                    )
                )
            entries.append(
                ChainEntry(
                    f"review:{layer}", t("chain.review", self.lang), current=step.kind == "review"
                )
            )
        entries.append(
            ChainEntry(
                "summary", t("chain.summary", self.lang), True, current=step.kind == "summary"
            )
        )
        return entries

    def progress(self, step: Step) -> str:
        lang = self.lang
        if step.kind == "question":
            n, total = self.steps.progress()
            return t("progress.question", lang, layer=self.title(step.layer), n=n, total=total)
        if step.kind in ("intro", "review"):
            n = self.steps.layers.index(step.layer) + 1
            return t("progress.layer", lang, n=n, total=len(self.steps.layers))
        return ""

    def view(self, profile: Profile) -> WalkView:
        return WalkView(
            self.lang,
            self.chain(profile),
            self.progress(self.session.current),
            self.read_only,
            profile.meta.organisation,
            self.path,
            self.session.current.key,
        )

    def editor(self, profile: Profile, question: Question) -> AnswerEditor | None:
        context = EditorContext(
            self.lang,
            personas=[(p.id, p.name) for p in profile.personas],
            axes=[(a.id, a.name) for a in profile.strategy.axes],
        )
        try:
            cls = editor_class(question.kind)
        except (ImportError, AttributeError, KeyError):
            return None  # an editor not built yet: the screen says so and moving on still works
        # One id per kind: the question screen keeps an editor of each kind it has shown.
        value = get_answer(profile, question)
        return cls(question, value, context, id=f"editor-{question.kind}")

    def screen(self, profile: Profile, focus: str = "") -> WalkScreen:
        """The current step's screen; on a question, the cursor goes to ``focus`` (a field
        path inside its answer) when given."""
        step = self.session.current
        view = self.view(profile)
        if step.kind == "intro":
            layer_bank = self.bank.layer(step.layer)
            assert layer_bank is not None
            n = self.steps.layers.index(step.layer) + 1
            return IntroScreen(view, layer_bank.intro, n, len(self.steps.layers))
        if step.kind == "question":
            q = self.bank.question(step.qid)
            coach = profile.settings.coach_mode
            return QuestionScreen(
                view,
                self.pane(profile, focus),
                self.live(q),
                self.coach_panel(q, coach),
                coach=coach,
                read_only=bool(self.read_only),
                ahead=self.ahead(profile, step.layer),
            )
        if step.kind == "review":
            rows = [
                ReviewRow(
                    q.id,
                    q.prompt(self.lang),
                    get_answer(profile, q),
                    q.id in profile.meta.skipped,
                    q.required,
                )
                for q in (self.bank.question(s.qid) for s in self.steps.questions(step.layer))
            ]
            answers = [
                ReviewedAnswer(row.qid, row.prompt, self.bank.question(row.qid).path)
                for row in rows
            ]
            review = LayerReview(answers, self.lang, self.session.snapshot, id="layer-review")
            return ReviewScreen(view, self.title(step.layer), rows, review)
        loader = SummaryLoader(
            self.lang,
            self.session.snapshot,
            titles=self.titles(),
            targets=self.targets(),
            coach=profile.settings.coach_mode,
            id="summary-loader",
        )
        return SummaryScreen(view, self.statuses(profile), self.path, loader)

    def ahead(self, profile: Profile, layer: str) -> list[AnswerEditor]:
        """An editor of each kind the layer's questions show, built for the first question
        of each with its answer as it stands, for the question screen to build ahead."""
        editors: dict[str, AnswerEditor] = {}
        for step in self.steps.questions(layer):
            q = self.bank.question(step.qid)
            if q.kind not in editors:
                editor = self.editor(profile, q)
                if editor is not None:
                    editors[q.kind] = editor
        return list(editors.values())

    def pane(self, profile: Profile, focus: str = "") -> QuestionPane:
        """The current question's own part of its screen: what a step to it shows anew."""
        q = self.bank.question(self.session.current.qid)
        return QuestionPane(
            q,
            self.editor(profile, q),
            skipped=q.id in profile.meta.skipped,
            focus=focus,
            note=profile.notes.get(q.id, ""),
        )

    def live(self, question: Question) -> LiveFeedback:
        """The findings under an answer, analysed again whenever typing pauses."""
        session, lang = self.session, self.lang
        return LiveFeedback(
            question.path,
            lang,
            session.snapshot,
            one_per_line=bool(kinds.spec(question.kind).lines),
            coach=lambda: session.profile.settings.coach_mode,
            waivable=session.writable,
            label=self.label(question.path),
            id="live",
        )

    def follow(self, live: LiveFeedback, question: Question) -> None:
        """The findings panel kept from the last question now follows ``question``'s answer."""
        one_per_line = bool(kinds.spec(question.kind).lines)
        live.follow(question.path, one_per_line=one_per_line, label=self.label(question.path))

    def label(self, path: str) -> Callable[[Finding], str]:
        """How a finding names the part of the answer at ``path`` it is about."""
        session, lang = self.session, self.lang
        return lambda f: part_label(f.where, path, session.profile, lang)

    def coach_panel(self, question: Question, coach: bool) -> CoachPanel:
        """The coach's column for a question: probes, the private note, the session timer."""
        return CoachPanel(
            question.id,
            question.probes(self.lang),
            self.session.profile.notes.get(question.id, ""),
            self.lang,
            timer=self.session.timer(),
            id="probes",
            classes="" if coach else "hidden",
        )

    def titles(self) -> dict[str, str]:
        return {layer: self.title(layer) for layer in LAYERS}

    def targets(self) -> dict[str, str]:
        """Answer path → the question that fills it: where a finding's fix jumps."""
        targets: dict[str, str] = {}
        for q in self.bank.questions():
            targets.setdefault(q.path, q.id)
        return targets

    def statuses(self, profile: Profile) -> list[LayerStatus]:
        out = []
        for layer in self.steps.layers:
            done, total = layer_completion(profile, self.bank, layer)
            skipped = sum(1 for s in self.steps.questions(layer) if s.qid in profile.meta.skipped)
            out.append(LayerStatus(layer, self.title(layer), done, total, skipped))
        return out

    def jumps(self) -> Iterator[PaletteEntry]:
        """A palette entry for every step: layers, questions, reviews, the summary."""
        lang = self.lang
        for layer in self.steps.layers:
            title = self.title(layer)
            yield PaletteEntry(
                t("palette.goto_layer", lang, layer=title),
                t("palette.goto_layer_help", lang),
                f"intro:{layer}",
            )
            for s in self.steps.questions(layer):
                question = self.bank.question(s.qid)
                prompt = " ".join(question.prompt(lang).split())
                # The palette searches the title only: it carries the answer's name ("Focus
                # of the period") and the whole prompt, so any word of either finds it.
                name = lookup(f"report.field.{question.field}", lang) if question.field else None
                shown = f"{name} — {prompt}" if name else prompt
                yield PaletteEntry(
                    t("palette.goto_question", lang, layer=title, prompt=shown), s.qid, s.qid
                )
            yield PaletteEntry(
                t("palette.goto_review", lang, layer=title),
                t("palette.goto_layer_help", lang),
                f"review:{layer}",
            )
        yield PaletteEntry(
            t("palette.goto_summary", lang), t("palette.goto_layer_help", lang), "summary"
        )
