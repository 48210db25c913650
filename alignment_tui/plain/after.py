"""Plain mode after an answer: its findings worst first, then (at a terminal) a chance to
revise it, and in coach mode to note something or waive a finding, before going on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from alignment_tui.analysis.findings import Finding
from alignment_tui.model.bank import Question
from alignment_tui.plain.console import Console
from alignment_tui.session import ProfileSession

_RANK = {"error": 0, "warning": 1, "info": 2}


def worst_first(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, then hints; in each, in the order of the text."""
    return sorted(
        findings,
        key=lambda f: (_RANK.get(str(f.severity), 3), f.where, f.start if f.start else -1),
    )


@dataclass(frozen=True)
class Turn:
    """What happens after one answer works with: the console, the session, and how the walk
    saves (it says so when the file changed on disk meanwhile)."""

    console: Console
    session: ProfileSession
    save: Callable[[], None]

    @property
    def lang(self) -> str:
        return self.console.lang

    def tr(self, key: str, **params: object) -> str:
        return self.console.tr(key, **params)


def read_findings(walk: Turn, question: Question) -> list[Finding]:
    """Say the answer's findings, numbered, worst first (the bank's rules, the waivers and
    the profile's settings applied, as in the TUI); the list said."""
    findings = worst_first(walk.session.findings_for(question, walk.lang))
    say, tr = walk.console.say, walk.tr
    if not findings:
        say(tr("no_findings"))
        return findings
    say(tr("findings", count=len(findings)))
    for n, f in enumerate(findings, 1):
        severity = tr(f"severity.{f.severity}")
        quoted = tr("quoted", text=f.text) if f.text else ""
        say(f"{n}. {severity}{quoted}{tr('colon')}{f.message}")
        if f.suggestion:
            say(f"   {tr('suggestion', text=f.suggestion)}")
    return findings


def after_answer(walk: Turn, question: Question, ask_again: Callable[[], bool]) -> None:
    """Read the findings out; at a terminal, offer to revise (``ask_again`` asks the
    question once more and says whether the answer changed), and in coach mode to
    write the coach's note or waive one of the findings, until an empty line.

    Piped input is never asked these: a script keeps one answer per prompt.
    """
    findings = read_findings(walk, question)
    console, tr = walk.console, walk.tr
    if not console.interactive:
        return
    coach = walk.session.profile.settings.coach_mode
    while True:
        key = "next_coach" if coach and findings else "next_coach_no_findings" if coach else "next"
        choice = console.read(tr(f"after.{key}") + tr("colon")).strip().casefold()
        if not choice:
            return
        if choice == tr("after.revise_key"):
            if ask_again():
                findings = read_findings(walk, question)
        elif coach and choice == tr("after.note_key"):
            _note(walk, question)
        elif coach and findings and walk.session.writable and choice == tr("after.waive_key"):
            if _waive(walk, findings):
                findings = read_findings(walk, question)
        else:
            console.say(tr("after.unknown", choice=choice))


def _note(walk: Turn, question: Question) -> None:
    """The coach's private note on the question: shown, then replaced, kept or cleared."""
    console, tr, notes = walk.console, walk.tr, walk.session.profile.notes
    if notes.get(question.id):
        console.say(tr("after.note_current", text=notes[question.id]))
    text = console.read(tr("after.note_prompt") + tr("colon")).strip()
    if not text:
        return
    walk.session.note(question.id, "" if text == "-" else text)
    walk.save()
    console.say(tr("after.note_saved"))


def _waive(walk: Turn, findings: list[Finding]) -> bool:
    """Waive one of the findings said (by its number) with a reason; ``True`` if done."""
    console, tr = walk.console, walk.tr
    raw = console.read(tr("after.waive_which", count=len(findings)) + tr("colon")).strip()
    if not raw.isdigit() or not 1 <= int(raw) <= len(findings):
        console.say(tr("after.waive_none"))
        return False
    finding = findings[int(raw) - 1]
    reason = console.read(tr("after.waive_reason") + tr("colon")).strip()
    if not reason:
        console.say(tr("after.waive_no_reason"))
        return False
    walk.session.waive(finding, reason, by="coach", among=findings)
    walk.save()
    console.say(tr("after.waived"))
    return True
