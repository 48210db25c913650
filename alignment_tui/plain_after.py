"""Plain mode after an answer: its findings worst first, then (at a terminal) a chance to
revise it, and in coach mode to note something or waive a finding, before going on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from alignment_tui.analysis.findings import Finding
from alignment_tui.model.bank import Question

if TYPE_CHECKING:
    from alignment_tui.plain import PlainWalk

_RANK = {"error": 0, "warning": 1, "info": 2}


def worst_first(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, then hints; in each, in the order of the text."""
    return sorted(
        findings,
        key=lambda f: (_RANK.get(str(f.severity), 3), f.where, f.start if f.start else -1),
    )


def read_findings(walk: PlainWalk, question: Question) -> list[Finding]:
    """Say the answer's findings, numbered, worst first; the list said."""
    from alignment_tui.plain_findings import findings_for

    findings = worst_first(findings_for(walk.profile, question, walk.lang))
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


def after_answer(walk: PlainWalk, question: Question, ask_again: Callable[[], bool]) -> None:
    """Read the findings out; at a terminal, offer to revise (``ask_again`` asks the
    question once more and says whether the answer changed), and in coach mode to
    write the coach's note or waive one of the findings, until an empty line.

    Piped input is never asked these: a script keeps one answer per prompt.
    """
    findings = read_findings(walk, question)
    console, tr = walk.console, walk.tr
    if not console.interactive:
        return
    coach = walk.profile.settings.coach_mode
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
        elif coach and findings and choice == tr("after.waive_key"):
            if _waive(walk, findings):
                findings = read_findings(walk, question)
        else:
            console.say(tr("after.unknown", choice=choice))


def _note(walk: PlainWalk, question: Question) -> None:
    """The coach's private note on the question: shown, then replaced, kept or cleared."""
    console, tr, notes = walk.console, walk.tr, walk.profile.notes
    if notes.get(question.id):
        console.say(tr("after.note_current", text=notes[question.id]))
    text = console.read(tr("after.note_prompt") + tr("colon")).strip()
    if not text:
        return
    if text == "-":
        notes.pop(question.id, None)
    else:
        notes[question.id] = text
    walk.save()
    console.say(tr("after.note_saved"))


def _waive(walk: PlainWalk, findings: list[Finding]) -> bool:
    """Waive one of the findings said (by its number) with a reason; ``True`` if done."""
    from alignment_tui.analysis.waivers import add_waiver

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
    add_waiver(walk.profile, finding, reason, by="coach", among=findings)
    walk.save()
    console.say(tr("after.waived"))
    return True
