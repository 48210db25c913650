"""The dialog that asks why a finding may be waived; it returns the reason, or ``None``."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from alignment_tui.analysis.findings import Finding
from alignment_tui.i18n import t
from alignment_tui.tui.screens.base import bindings
from alignment_tui.tui.widgets.findings import finding_text
from alignment_tui.tui.widgets.literal import SafeInput


class WaiveScreen(ModalScreen[str | None]):
    """Shows the finding, asks a reason (required); Enter waives, Escape cancels."""

    DEFAULT_CSS = """
    WaiveScreen { align: center middle; }
    WaiveScreen > .dialog { width: 80%; max-width: 90; height: auto; padding: 1 2;
                            border: thick $warning; background: $surface; }
    WaiveScreen .title { text-style: bold; margin: 0 0 1 0; }
    WaiveScreen #waive-finding { margin: 0 0 1 0; }
    WaiveScreen #waive-error { color: $error; height: auto; }
    WaiveScreen .buttons { height: auto; margin: 1 0 0 0; }
    WaiveScreen Button { margin: 0 1 0 0; }
    """

    def __init__(self, finding: Finding, lang: str, *, by: str = "respondent") -> None:
        super().__init__()
        self.finding = finding
        self.lang = lang
        self.by = by
        for b in bindings([("escape", "cancel", "waive.cancel")], lang):
            self._bindings.bind(b.key, b.action, b.description)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Static(t("waive.title", lang), classes="title")
            yield Static(finding_text(self.finding, lang), id="waive-finding")
            yield Static(t("waive.reason_label", lang))
            yield SafeInput(placeholder=t("waive.placeholder", lang), id="waive-reason")
            yield Static(Text(t("waive.by", lang, who=t(f"who.{self.by}", lang)), style="dim"))
            yield Static("", id="waive-error")
            with Horizontal(classes="buttons"):
                yield Button(t("waive.cancel", lang), id="waive-cancel", action="screen.cancel")
                yield Button(
                    t("waive.confirm", lang),
                    id="waive-confirm",
                    variant="warning",
                    action="screen.confirm",
                )

    def on_mount(self) -> None:
        self.query_one("#waive-reason", Input).focus()

    @on(Input.Submitted, "#waive-reason")
    def action_confirm(self) -> None:
        reason = " ".join(self.query_one("#waive-reason", Input).value.split())
        if not reason:
            self.query_one("#waive-error", Static).update(t("waive.empty", self.lang))
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)
