"""What the coach accepted: waivers and a trade's own terms, each listed and removable."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from alignment_tui.analysis.waivers import WaiverState
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.profile import Profile, Waiver
from alignment_tui.report.fields import path_label, quoted
from alignment_tui.safe_text import visible
from alignment_tui.session.live import rule_title
from alignment_tui.tui.widgets.literal import literal_text


def waiver_text(state: WaiverState, profile: Profile, lang: str) -> Text:
    """Who waived what and why, in plain text (the reason and the words are the user's)."""

    w = state.waiver
    line = Text("✓ " if not state.stale else "○ ", style="green" if not state.stale else "dim")
    line.append(visible(rule_title(w.rule, lang)), style="bold")
    if w.text:
        line.append(" " + visible(quoted(w.text, lang)), style="italic")
    line.append(" — " + visible(path_label(w.where, profile, lang) if w.where else ""))
    when = format_date(w.at.date(), lang) if w.at else ""
    who = t(f"who.{w.by}", lang)
    line.append("\n  " + t("accepted.by", lang, who=who, when=when).strip(), style="dim")
    line.append("\n  " + visible(w.reason or t("align.no_reason", lang)))
    if state.stale:
        line.append("\n  " + t("accepted.stale", lang), style="italic yellow")
    return line


class WaiverList(OptionList):
    """Waivers with their state; Delete (or x) takes the highlighted one back.

    Out: ``Remove`` with the waiver; the app removes it from the profile.
    """

    DEFAULT_CSS = """
    WaiverList { height: auto; max-height: 14; border: none; padding: 0; }
    WaiverList > .option-list--option { padding: 0 1; }
    """

    class Remove(Message):
        def __init__(self, waiver: Waiver) -> None:
            super().__init__()
            self.waiver = waiver

    def __init__(
        self, states: list[WaiverState], profile: Profile, lang: str, *, id: str | None = None
    ) -> None:
        options = [Option(waiver_text(s, profile, lang), id=str(i)) for i, s in enumerate(states)]
        super().__init__(*options, id=id)
        self.states = states
        for key in ("delete", "x"):
            self._bindings.bind(key, "remove", t("accepted.remove_key", lang))

    def action_remove(self) -> None:
        index = self.highlighted
        if index is not None and 0 <= index < len(self.states):
            self.post_message(self.Remove(self.states[index].waiver))


class TermList(OptionList):
    """The terms accepted as the trade's own words; Delete (or x) removes one.

    Out: ``Remove`` with the term; the app removes it from ``settings.accepted_terms``.
    """

    DEFAULT_CSS = """
    TermList { height: auto; max-height: 8; border: none; padding: 0; }
    TermList > .option-list--option { padding: 0 1; }
    """

    class Remove(Message):
        def __init__(self, term: str) -> None:
            super().__init__()
            self.term = term

    def __init__(self, terms: list[str], lang: str, *, id: str | None = None) -> None:

        super().__init__(
            *(Option(literal_text("• " + quoted(term, lang)), id=term) for term in terms), id=id
        )
        self.terms = terms
        for key in ("delete", "x"):
            self._bindings.bind(key, "remove", t("accepted.remove_key", lang))

    def action_remove(self) -> None:
        index = self.highlighted
        if index is not None and 0 <= index < len(self.terms):
            self.post_message(self.Remove(self.terms[index]))
