"""The findings of an answer: severity, the words quoted, message, suggestion; pick one to waive."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from alignment_tui.analysis.findings import Finding
from alignment_tui.i18n import t
from alignment_tui.safe_text import visible

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SEVERITY_ICON = {"error": "✖", "warning": "▲", "info": "●"}


def quote(words: str, lang: str) -> str:
    words = " ".join(words.split())
    if len(words) > 60:
        words = words[:59] + "…"
    return f"« {words} »" if lang == "fr" else f"“{words}”"


def finding_text(finding: Finding, lang: str, label: str = "", indent: str = "") -> Text:
    """One finding as the panel shows it; every piece of user text stays plain (no markup)."""
    severity = str(finding.severity)
    line = Text(indent)
    line.append(f"{SEVERITY_ICON.get(severity, '·')} ", style=SEVERITY_STYLE.get(severity, ""))
    line.append(t(f"severity.{severity}", lang), style=SEVERITY_STYLE.get(severity, ""))
    if label:
        line.append(f"  {visible(label)}", style="bold")
    if finding.text:
        line.append("  ")
        line.append(visible(quote(finding.text, lang)), style="italic")
    line.append(f"  {visible(finding.rule_id)}", style="dim")
    line.append("\n" + indent)
    line.append(visible(finding.message))
    if finding.suggestion:
        suggestion = t("findings.suggestion", lang, text=finding.suggestion)
        line.append("\n" + indent)
        line.append("→ " + visible(suggestion), style="dim")
    return line


class FindingsPanel(OptionList):
    """Findings, worst first. ``w`` waives the highlighted one; Enter selects it.

    It never changes the profile itself: it posts ``Waive`` or ``Picked`` and the screen
    decides (the waiver's reason is asked in a dialog there).
    """

    DEFAULT_CSS = """
    FindingsPanel { height: auto; max-height: 16; border: none; padding: 0; }
    FindingsPanel > .option-list--option { padding: 0 1; }
    """

    class _About(Message):
        """What the user did with one of the panel's findings."""

        def __init__(self, panel: FindingsPanel, finding: Finding) -> None:
            super().__init__()
            self.panel = panel
            self.finding = finding

        @property
        def control(self) -> FindingsPanel:
            return self.panel

    class Waive(_About):
        """The user asked to waive ``finding``."""

    class AcceptTerm(_About):
        """The user says ``finding``'s words are a term of their trade, not vague."""

    class Picked(_About):
        """The user chose ``finding`` (to see its words, or go to its answer)."""

    def __init__(
        self,
        lang: str,
        *,
        label: Callable[[Finding], str] | None = None,
        waivable: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lang = lang
        self.label = label
        self.waivable = waivable
        self.findings: list[Finding] = []
        # What the list shows: the findings' keys, their lines, the line shown for none.
        self._shown: tuple[list[tuple[str, str, int | None, str]], list[Text], str] | None = None
        if waivable:
            self._bindings.bind("w", "waive", t("key.waive", lang))
            self._bindings.bind("t", "accept_term", t("key.accept_term", lang))

    def show(self, findings: Sequence[Finding], *, empty: str = "") -> None:
        """Replace the list; the highlight stays on the same finding when it is still there.

        With no finding, ``empty`` (or "nothing found") is shown as a line that cannot be picked.
        The same lines as those shown are not drawn again (a step to an unanswered question
        empties the panel, then shows its first analysis: often nothing, said the same way).
        """
        kept = self.selected
        ordered = sorted(findings, key=_worst_first)
        prompts = [finding_text(f, self.lang, self.label(f) if self.label else "") for f in ordered]
        shown = ([_key(f) for f in ordered], prompts, "" if ordered else empty)
        self.findings = ordered
        if shown == self._shown:
            return
        self._shown = shown
        self.clear_options()
        self.add_options(Option(prompt, id=str(i)) for i, prompt in enumerate(prompts))
        if not self.findings:
            note = Text(empty or t("findings.none", self.lang), style="italic green")
            self.add_option(Option(note, id="none", disabled=True))
            self.highlighted = None
            return
        keys = [_key(f) for f in self.findings]
        self.highlighted = keys.index(_key(kept)) if kept and _key(kept) in keys else 0

    @property
    def selected(self) -> Finding | None:
        """The highlighted finding, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.findings):
            return None
        return self.findings[index]

    def action_waive(self) -> None:
        finding = self.selected
        if finding is not None and self.waivable:
            self.post_message(self.Waive(self, finding))

    def action_accept_term(self) -> None:
        finding = self.selected
        if finding is not None and self.waivable and finding.text.strip():
            self.post_message(self.AcceptTerm(self, finding))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        finding = self.selected
        if finding is not None:
            self.post_message(self.Picked(self, finding))


_RANK = {"error": 0, "warning": 1, "info": 2}


def _worst_first(finding: Finding) -> tuple[int, int]:
    start = finding.start if finding.start is not None else -1
    return _RANK.get(str(finding.severity), 3), start


def _key(finding: Finding) -> tuple[str, str, int | None, str]:
    return finding.rule_id, finding.where, finding.start, finding.text
