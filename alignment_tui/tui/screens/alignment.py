"""The alignment summary as a screen of its own, from anywhere in the walk (the palette)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from alignment_tui.analysis.findings import ProfileResult
from alignment_tui.i18n import t
from alignment_tui.model.profile import Profile
from alignment_tui.tui.screens.base import bindings
from alignment_tui.tui.widgets.alignment import AlignmentSummary
from alignment_tui.tui.widgets.chain import Chain


class AlignmentSummaryScreen(Screen[tuple[str, str] | None]):
    """The summary alone; dismissed with (question id, field path) to go to, or None."""

    DEFAULT_CSS = "AlignmentSummaryScreen > #align-main { padding: 0 2; }"

    def __init__(
        self,
        result: ProfileResult,
        profile: Profile,
        lang: str,
        *,
        titles: Mapping[str, str] | None = None,
        targets: Mapping[str, str] | None = None,
        coach: bool = False,
    ) -> None:
        super().__init__()
        self.lang = lang
        self.summary = AlignmentSummary(
            result, profile, lang, titles=titles, targets=targets, coach=coach, id="alignment"
        )
        for b in bindings([("escape", "close", "align.close")], lang):
            self._bindings.bind(b.key, b.action, b.description)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="align-main"):
            yield Static(Text("⛓ " + t("align.title", self.lang), style="bold"), classes="title")
            yield self.summary
        yield Footer(compact=True)

    def on_mount(self) -> None:
        fixes = self.query("#align-fixes")
        if fixes:
            fixes.first().focus()

    @on(Chain.Jump)
    def _jump(self, event: Chain.Jump) -> None:
        event.stop()
        self.dismiss((event.key, event.where))

    def action_close(self) -> None:
        self.dismiss(None)
