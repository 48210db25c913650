"""The alignment summary: the chain with broken links, layer scores, the five fixes worth most
(as a part of the walk's last step, and loaded off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.analysis.waivers import waiver_states
from alignment_tui.i18n import t
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.report.fields import path_label
from alignment_tui.report.ranking import top_fixes
from alignment_tui.session import clock
from alignment_tui.session.live import analyse_profile, broken_links, jump_target
from alignment_tui.tui.widgets.accepted import TermList, WaiverList
from alignment_tui.tui.widgets.alignchain import AlignChain
from alignment_tui.tui.widgets.analysed import AnalysedView
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.findings import finding_text
from alignment_tui.tui.widgets.meter import BAND_STYLE, band
from alignment_tui.tui.widgets.scorechart import ScoreChart


def _label(where: str, profile: Profile, lang: str) -> str:

    return path_label(where, profile, lang) if where else ""


class AlignmentSummary(Vertical):
    """The summary's content, so the end of the walk and a standalone screen can both show it.

    Out: ``Chain.Jump`` with the question id (or field path) of the fix the user chose.
    """

    DEFAULT_CSS = """
    AlignmentSummary { height: auto; }
    AlignmentSummary > .align-label { text-style: bold; color: $accent; margin: 1 0 0 0; }
    AlignmentSummary > .align-hint { color: $text-muted; }
    AlignmentSummary > #align-fixes { height: auto; max-height: 22; border: none; padding: 0; }
    AlignmentSummary > #align-fixes > .option-list--option { padding: 0 1; }
    """

    def __init__(
        self,
        result: ProfileResult,
        profile: Profile,
        lang: str,
        *,
        titles: Mapping[str, str] | None = None,
        targets: Mapping[str, str] | None = None,
        coach: bool = False,
        fixes: list[Finding] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)

        self.result = result
        self.profile = profile
        self.lang = lang
        self.titles = dict(titles or {layer: t(f"report.layer.{layer}", lang) for layer in LAYERS})
        self.targets = dict(targets or {})
        self.coach = coach
        self.links = broken_links(result.findings, LAYERS, profile)
        self.fixes: list[Finding] = (
            fixes if fixes is not None else top_fixes(result, profile, 5, lang=lang)
        )

    def compose(self) -> ComposeResult:
        lang, result = self.lang, self.result
        overall = Text(t("align.overall", lang, score=result.score), style="bold")
        yield Static(overall, id="align-overall")
        yield Static(_score_bar(result.score), id="align-overall-bar")
        yield Static(t("align.overall_hint", lang), classes="align-hint")
        yield Static(t("align.chain", lang), classes="align-label")
        yield AlignChain(self.links, self.titles, result.layer_scores, lang, id="align-chain")
        yield Static(t("align.bars", lang), classes="align-label")
        yield ScoreChart(result.layer_scores, self.titles, LAYERS, id="align-bars")
        yield Static(t("align.fixes", lang), classes="align-label")
        yield Static(t("align.fixes_hint", lang), classes="align-hint")
        if self.fixes:
            options = [
                Option(finding_text(f, lang, _label(f.where, self.profile, lang)), id=str(i))
                for i, f in enumerate(self.fixes)
            ]
            yield OptionList(*options, id="align-fixes")
        else:
            yield Static(Text(t("align.no_fixes", lang), style="green"), id="align-no-fixes")
        if self.coach or self.profile.waivers or self.profile.settings.accepted_terms:
            yield Static(t("align.waivers", lang), classes="align-label")
            states = waiver_states(self.profile, result)
            if states:
                yield Static(t("accepted.remove_hint", lang), classes="align-hint")
                yield WaiverList(states, self.profile, lang, id="align-waivers")
            else:
                yield Static(Text(t("align.no_waivers", lang)), id="align-no-waivers")
            yield Static(t("accepted.terms", lang), classes="align-label")
            terms = list(self.profile.settings.accepted_terms)
            if terms:
                yield Static(t("accepted.terms_hint", lang), classes="align-hint")
                yield TermList(terms, lang, id="align-terms")
            else:
                yield Static(Text(t("accepted.no_terms", lang)), id="align-no-terms")

    def target_of(self, finding: Finding) -> str:
        return jump_target(finding.where, self.targets) or finding.where

    @on(OptionList.OptionSelected, "#align-fixes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or 0)
        fix = self.fixes[index]
        self.post_message(Chain.Jump(self.target_of(fix), fix.where))


def _score_bar(score: int, width: int = 30) -> Text:
    full = round(width * max(0, min(100, score)) / 100)
    line = Text("█" * full, style=BAND_STYLE[band(score)])
    line.append("░" * (width - full), style="dim")
    return line


class SummaryLoader(AnalysedView):
    """Analyses a snapshot of the profile off the UI thread, then shows ``AlignmentSummary``."""

    DEFAULT_CSS = "SummaryLoader { height: auto; }"

    def __init__(
        self,
        lang: str,
        snapshot: Callable[[], Profile | None],
        *,
        titles: Mapping[str, str] | None = None,
        targets: Mapping[str, str] | None = None,
        coach: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.snapshot = snapshot
        self.titles = titles
        self.targets = targets
        self.coach = coach
        self.profile: Profile | None = None

        self.fixes: list[Finding] | None = None

    def on_mount(self) -> None:
        self.refresh_analysis()

    def refresh_analysis(self) -> None:
        self.profile = self.snapshot()
        if self.profile is None:
            return
        # Ranking the fixes analyses the profile once per candidate (tens of milliseconds):
        # always in a thread, so the summary never holds a keystroke.
        self.run_worker(
            partial(self._analyse_and_rank, self.profile),
            thread=True,
            group=self.ANALYSIS_GROUP,
            exit_on_error=False,
        )

    def _analyse_and_rank(self, profile: Profile) -> ProfileResult:

        day = clock.today()  # the pace findings read the plan as of today
        result = analyse_profile(profile, lang=self.lang, today=day)
        self.fixes = top_fixes(result, profile, 5, today=day, lang=self.lang)
        return result

    def show(self, result: ProfileResult) -> None:
        if self.profile is not None and self.is_attached:
            self.call_next(
                self._swap,
                AlignmentSummary(
                    result,
                    self.profile,
                    self.lang,
                    titles=self.titles,
                    targets=self.targets,
                    coach=self.coach,
                    fixes=self.fixes,
                    id="alignment",
                ),
            )

    async def _swap(self, summary: AlignmentSummary) -> None:
        """Shown again after a change: the old summary goes before the new one comes."""
        await self.remove_children()
        await self.mount(summary)
