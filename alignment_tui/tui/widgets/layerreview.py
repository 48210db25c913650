"""A layer's review: every answer with its score and findings; choosing one goes to fix it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.analysis.waivers import waiver_states
from alignment_tui.i18n import t
from alignment_tui.safe_text import visible
from alignment_tui.session.live import inside, part_label
from alignment_tui.tui.widgets.accepted import WaiverList
from alignment_tui.tui.widgets.analysed import AnalysedView
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.findings import finding_text
from alignment_tui.tui.widgets.livefeedback import LiveFeedback
from alignment_tui.tui.widgets.meter import BAND_STYLE, band

if TYPE_CHECKING:
    from alignment_tui.model.profile import Profile


@dataclass(frozen=True)
class ReviewedAnswer:
    """One question of the layer: its id, prompt, and the field path its answer fills."""

    qid: str
    prompt: str
    path: str


def answer_header(answer: ReviewedAnswer, score: int | None, count: int, lang: str) -> Text:
    """``72/100 ████░ The prompt · 2 finding(s)``."""
    line = Text()
    if score is None:
        line.append(f"{t('review.unscored', lang):>7} ", style="dim")
    else:
        line.append(f"{t('review.score', lang, score=score):>7} ", style=BAND_STYLE[band(score)])
    line.append(visible(answer.prompt), style="bold")
    found = t("review.n_findings", lang, n=count) if count else t("review.no_findings", lang)
    line.append(f" · {found}", style="dim" if count else "green")
    return line


class LayerReview(AnalysedView):
    """Analyses a snapshot of the profile off the UI thread, then lists the layer's answers.

    Out: ``Chain.Jump`` with the question id of the answer or finding chosen.
    """

    DEFAULT_CSS = """
    LayerReview { height: auto; margin: 1 0 0 0; }
    LayerReview > .review-label { text-style: bold; color: $accent; }
    LayerReview > .review-hint { color: $text-muted; }
    LayerReview > #review-findings { height: auto; max-height: 30; border: none; padding: 0; }
    LayerReview > #review-findings > .option-list--option { padding: 0 1; }
    """

    def __init__(
        self,
        answers: Sequence[ReviewedAnswer],
        lang: str,
        snapshot: Callable[[], Profile | None],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.answers = list(answers)
        self.lang = lang
        self.snapshot = snapshot
        self.result: ProfileResult | None = None
        self.profile: Profile | None = None
        self._targets: dict[str, tuple[str, str]] = {}
        self._findings: dict[str, Finding] = {}
        self._bindings.bind("t", "accept_term", t("key.accept_term", lang))

    def compose(self) -> ComposeResult:
        yield Static(t("review.findings_title", self.lang), classes="review-label")
        yield Static(t("review.jump_hint", self.lang), classes="review-hint")
        yield OptionList(id="review-findings")
        yield Vertical(id="review-waivers")

    def on_mount(self) -> None:
        self.refresh_analysis()

    def refresh_analysis(self) -> None:
        profile = self.snapshot()
        if profile is None:
            return
        self.profile = profile
        self.analyse(profile, self.lang)

    def action_accept_term(self) -> None:
        """``t`` on a finding: its words are a term of the trade, for this profile."""

        lists = list(self.query("#review-findings").results(OptionList))
        if not lists or lists[0].highlighted is None:
            return
        option = lists[0].get_option_at_index(lists[0].highlighted)
        finding = self._findings.get(option.id or "")
        if finding is not None and finding.text.strip():
            self.post_message(LiveFeedback.TermAccepted(finding.text))

    def show(self, result: ProfileResult) -> None:
        """Every answer of the layer, its score, then its findings (worst first)."""
        self.result = result
        options: list[Option] = []
        self._targets = {}
        self._findings = {}
        for answer in self.answers:
            found = _sorted([f for f in result.findings if inside(f.where, answer.path)])
            score = result.answer_scores.get(answer.path)
            key = f"q:{answer.qid}"
            self._targets[key] = (answer.qid, "")
            options.append(Option(answer_header(answer, score, len(found), self.lang), id=key))
            for i, finding in enumerate(found):
                key = f"f:{answer.qid}:{i}"
                self._targets[key] = (answer.qid, finding.where)
                self._findings[key] = finding
                place = part_label(finding.where, answer.path, self.profile, self.lang)
                # Padding, not spaces: wrapped lines stay under the finding, not the answer.
                text = Padding(finding_text(finding, self.lang, place), (0, 0, 0, 4))
                options.append(Option(text, id=key))
        lists = self.query("#review-findings").results(OptionList)
        found_list = next(lists, None)
        if found_list is None:
            return  # the review was left while the analysis ran
        found_list.clear_options()
        found_list.add_options(options)
        self._show_waivers(result)

    def _show_waivers(self, result: ProfileResult) -> None:
        """The layer's waivers, stale ones marked, each removable (Delete)."""

        slot = next(iter(self.query("#review-waivers").results(Vertical)), None)
        if slot is None or self.profile is None:
            return
        paths = [a.path for a in self.answers]
        states = [
            s
            for s in waiver_states(self.profile, result)
            if any(inside(s.waiver.where, p) for p in paths)
        ]
        slot.remove_children()
        if states:
            slot.mount(Static(t("review.waivers_title", self.lang), classes="review-label"))
            slot.mount(Static(t("accepted.remove_hint", self.lang), classes="review-hint"))
            slot.mount(WaiverList(states, self.profile, self.lang, id="review-waiver-list"))

    @on(OptionList.OptionSelected, "#review-findings")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target:
            self.post_message(Chain.Jump(*target))


_RANK = {"error": 0, "warning": 1, "info": 2}


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_RANK.get(str(f.severity), 3), f.where))
