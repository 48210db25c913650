"""The end of the walk: how complete each layer is, and a way back to any of them."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from alignment_tui.i18n import t
from alignment_tui.session import clock
from alignment_tui.session.period import closing
from alignment_tui.tui.screens.base import WalkScreen, WalkView
from alignment_tui.tui.widgets.alignment import SummaryLoader
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.literal import literal, literal_text


@dataclass(frozen=True)
class LayerStatus:
    layer: str
    title: str
    done: int
    total: int
    skipped: int


def completion_line(status: LayerStatus, lang: str, width: int = 20) -> Text:
    share = status.done / status.total if status.total else 1.0
    full = round(width * share)
    line = literal_text(f"{status.title:<14}", style="bold")
    line.append("█" * full, style="green")
    line.append("░" * (width - full), style="dim")
    line.append(" " + t("summary.answered", lang, done=status.done, total=status.total))
    if status.skipped:
        line.append("  " + t("summary.skipped", lang, n=status.skipped), style="italic")
    return line


class SummaryScreen(WalkScreen):
    """Completion per layer; choosing a layer goes back to its intro card."""

    def __init__(
        self, view: WalkView, layers: list[LayerStatus], path: str, loader: SummaryLoader
    ) -> None:
        super().__init__(view)
        self.statuses = layers
        self.path = path
        self.loader = loader  # the alignment summary (chain, bars, fixes), mounted below
        # Once the period's deadlines are near or past, the next period is offered here.
        profile = loader.snapshot()
        self.closing = closing(profile, clock.today()) if profile is not None else None

    def body(self) -> ComposeResult:
        lang = self.lang
        done = sum(s.done for s in self.statuses)
        total = sum(s.total for s in self.statuses)
        yield Static(t("summary.heading", lang), classes="title")
        yield Static(t("summary.overall", lang, done=done, total=total, count=done), id="overall")
        if self.closing is not None:
            line = literal_text(self.closing.text(lang), style="bold yellow")
            yield Static(line, id="next-period-hint")
        options = [Option(completion_line(s, lang), id=f"intro:{s.layer}") for s in self.statuses]
        yield OptionList(*options, id="layers")
        # The alignment summary (scores, broken links, top fixes) is mounted here.
        yield Vertical(id="findings")
        yield Static(literal(t("summary.saved_at", lang, path=self.path)), id="saved-at")

    def nav_buttons(self) -> ComposeResult:
        yield Button(t("nav.back", self.lang), id="back", action="app.go_back", compact=True)
        if self.closing is not None:
            yield Button(
                t("period.button", self.lang),
                id="next-period",
                variant="warning",
                action="app.next_period",
                compact=True,
            )
        yield Button(
            t("summary.quit", self.lang),
            id="quit",
            variant="primary",
            action="app.quit",
            compact=True,
        )

    def on_mount(self) -> None:
        self.query_one("#layers", OptionList).focus()
        self.query_one("#findings").mount(self.loader)

    @on(OptionList.OptionSelected, "#layers")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(Chain.Jump(event.option.id))
