"""Builds the screen and the palette commands for the current step from bank, profile, session."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from alignment_tui.i18n import lookup, t
from alignment_tui.model.answers import get_answer, is_answered, layer_completion
from alignment_tui.model.bank import Bank, Question
from alignment_tui.model.profile import Profile
from alignment_tui.session import Session, Step
from alignment_tui.tui.screens.base import WalkScreen, WalkView
from alignment_tui.tui.screens.intro import IntroScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.review import ReviewRow, ReviewScreen
from alignment_tui.tui.screens.summary import LayerStatus, SummaryScreen
from alignment_tui.tui.widgets.chain import ChainEntry
from alignment_tui.tui.widgets.editors.base import AnswerEditor, EditorContext, editor_class


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

    def __init__(self, bank: Bank, session: Session, lang: str, *, read_only: str = "") -> None:
        self.bank = bank
        self.session = session
        self.lang = lang
        self.read_only = read_only
        self.path = ""

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
        for layer in self.session.layers:
            done, total = layer_completion(profile, self.bank, layer)
            current = step.layer == layer and step.kind == "intro"
            entries.append(
                ChainEntry(f"intro:{layer}", self.title(layer), True, done, total, current)
            )
            if step.layer != layer:
                continue
            for qstep in self.session.questions(layer):
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
            n, total = self.session.progress()
            return t("progress.question", lang, layer=self.title(step.layer), n=n, total=total)
        if step.kind in ("intro", "review"):
            n = self.session.layers.index(step.layer) + 1
            return t("progress.layer", lang, n=n, total=len(self.session.layers))
        return ""

    def view(self, profile: Profile) -> WalkView:
        return WalkView(
            self.lang,
            self.chain(profile),
            self.progress(self.session.current),
            self.read_only,
            profile.meta.organisation,
            self.path,
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
        return cls(question, get_answer(profile, question), context, id="editor")

    def screen(self, profile: Profile) -> WalkScreen:
        step = self.session.current
        view = self.view(profile)
        if step.kind == "intro":
            layer_bank = self.bank.layer(step.layer)
            assert layer_bank is not None
            n = self.session.layers.index(step.layer) + 1
            return IntroScreen(view, layer_bank.intro, n, len(self.session.layers))
        if step.kind == "question":
            q = self.bank.question(step.qid)
            return QuestionScreen(
                view,
                q,
                self.editor(profile, q),
                coach=profile.settings.coach_mode,
                skipped=q.id in profile.meta.skipped,
                read_only=bool(self.read_only),
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
                for q in (self.bank.question(s.qid) for s in self.session.questions(step.layer))
            ]
            return ReviewScreen(view, self.title(step.layer), rows)
        return SummaryScreen(view, self.statuses(profile), self.path)

    def statuses(self, profile: Profile) -> list[LayerStatus]:
        out = []
        for layer in self.session.layers:
            done, total = layer_completion(profile, self.bank, layer)
            skipped = sum(1 for s in self.session.questions(layer) if s.qid in profile.meta.skipped)
            out.append(LayerStatus(layer, self.title(layer), done, total, skipped))
        return out

    def jumps(self) -> Iterator[PaletteEntry]:
        """A palette entry for every step: layers, questions, reviews, the summary."""
        lang = self.lang
        for layer in self.session.layers:
            title = self.title(layer)
            yield PaletteEntry(
                t("palette.goto_layer", lang, layer=title),
                t("palette.goto_layer_help", lang),
                f"intro:{layer}",
            )
            for s in self.session.questions(layer):
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
