"""One open profile and its walk, shared by the TUI and plain mode: no UI code.

A front end renders the session and hands it what the user did; it keeps no walk state of
its own, so the same file behaves the same in both: read-only when another window holds
it, resumed where it was left, never written over a change made on disk meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.analysis.waivers import add_waiver, remove_waiver
from alignment_tui.model.accepted import accept_term, remove_term
from alignment_tui.model.answers import has_content, is_answered, set_answer
from alignment_tui.model.bank import Bank, Question
from alignment_tui.model.kinds import is_under
from alignment_tui.model.profile import Profile, Waiver, now_utc
from alignment_tui.session import clock
from alignment_tui.session.saving import ProfileWriter, SaveState, WriteResult
from alignment_tui.session.steps import Step, Steps
from alignment_tui.session.timer import SessionTimer
from alignment_tui.store import FileStamp, ProfileError, ProfileLock, read_profile

# Why nothing is written: "locked" (another window holds the profile), "file" (its owner
# made the file read-only), or "" (it is written).
ReadOnly = Literal["", "locked", "file"]


def refusal(exc: Exception) -> str:
    """What the model said when it refused an answer, on one line."""
    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        loc = ".".join(str(p) for p in error["loc"])
        detail = f"{loc}: {error['msg']}" if loc else str(error["msg"])
    else:
        detail = str(exc)
    return " ".join(detail.split())


class ProfileSession:
    """The profile, its file and lock, its autosave bookkeeping and the walk through it.

    Every change goes through a method here, which bumps ``revision`` (the analysis cache
    key) and tells the listeners (the TUI arms its autosave timer; plain mode saves at
    once). ``keep_position``: moving through the walk is a change worth saving (so a
    reopened file resumes there); a script walking from the top leaves the file's alone.
    """

    def __init__(
        self,
        bank: Bank,
        profile: Profile,
        path: Path,
        stamp: FileStamp | None,
        lock: ProfileLock,
        *,
        read_only: ReadOnly = "",
        on_disk: bool = True,
        keep_position: bool = True,
    ) -> None:
        self.bank = bank
        self.profile = profile
        self.path = path
        self.lock = lock
        self.read_only: ReadOnly = read_only
        self.keep_position = keep_position
        self.steps = Steps([(lb.layer, [q.id for q in lb.questions]) for lb in bank.layers])
        self.saves = SaveState(read_only=bool(read_only))
        self.revision = 0
        self.listeners: list[Callable[[], None]] = []
        self._analysed: tuple[int, str, date, ProfileResult] | None = None
        self._timer: SessionTimer | None = None
        self.resume()
        # What the file holds, taken after landing: opening and quitting writes nothing.
        self.writer = ProfileWriter(path, stamp, profile if on_disk else None)

    # -- the walk -------------------------------------------------------------------------

    @property
    def current(self) -> Step:
        return self.steps.current

    @property
    def question(self) -> Question | None:
        """The question of the current step, if it is one."""
        step = self.steps.current
        return self.bank.question(step.qid) if step.kind == "question" else None

    def resume(self) -> Step:
        """Land where the user was: the step the profile names; with none (a file written
        by hand or another tool), the first question without an answer once some have
        one; else the top. Landing is no change by itself."""
        position = self.profile.meta.position
        self.resumed: Literal["position", "unanswered", "top"] = "position"
        if not self.steps.go(position):
            self.steps.index = 0
            first = self.first_unanswered() if not position else None
            self.resumed = "top" if first is None else "unanswered"
            if first is not None:
                self.steps.go(first)
        if self.keep_position:
            self.profile.meta.position = self.steps.current.key
        return self.steps.current

    def first_unanswered(self) -> str | None:
        """The first question without an answer, when an earlier one has one (else None)."""
        questions = self.bank.questions()
        for n, question in enumerate(questions):
            if not is_answered(self.profile, question):
                return question.id if n else None
        return None

    def top(self) -> Step:
        self.steps.index = 0
        return self._moved()

    def next(self) -> Step:
        self.steps.next()
        return self._moved()

    def back(self) -> Step:
        self.steps.back()
        return self._moved()

    def go(self, key: str) -> bool:
        """Jump to a step (a question id, ``intro:LAYER``, ``review:LAYER``, ``summary``)."""
        if not self.steps.go(key):
            return False
        self._moved()
        return True

    def skip(self) -> Step:
        """Leave the current question for later (marked skipped) and move on."""
        if self.question is not None:
            self.mark_skipped(self.question)
        return self.next()

    def mark_skipped(self, question: Question) -> None:
        """Mark a question skipped, once; one with an answer is answered, not skipped."""
        skipped = self.profile.meta.skipped
        if question.id not in skipped and not is_answered(self.profile, question):
            self.profile.meta.skipped = [*skipped, question.id]
            self.changed()

    def _moved(self) -> Step:
        self.keep_timer()
        key = self.steps.current.key
        if self.keep_position and self.profile.meta.position != key:
            self.profile.meta.position = key
            self.changed()
        return self.steps.current

    # -- what the user says -----------------------------------------------------------------

    def answer(self, question: Question, value: Any) -> str:
        """Store ``value`` as the answer; ``""``, or what the model refused, on one line.
        An answer given to a skipped question takes it off the list."""
        try:
            set_answer(self.profile, question, value)
        except ValueError as exc:  # pydantic's ValidationError is one
            return refusal(exc) or "?"
        if has_content(value) and question.id in self.profile.meta.skipped:
            self.profile.meta.skipped = [q for q in self.profile.meta.skipped if q != question.id]
        self.changed()
        return ""

    def note(self, qid: str, text: str) -> None:
        """The coach's private note on a question; an empty note is removed."""
        if text.strip():
            if self.profile.notes.get(qid) == text:
                return
            self.profile.notes[qid] = text
        elif self.profile.notes.pop(qid, None) is None:
            return
        self.changed()

    def waive(
        self, finding: Finding, reason: str, by: str = "coach", *, among: Iterable[Finding] = ()
    ) -> Waiver | None:
        """Waive one finding with a reason (who, when); ``None`` on a read-only profile."""
        if self.read_only or not reason.strip():
            return None
        waiver = add_waiver(self.profile, finding, reason.strip(), by, among=among)
        self.changed()
        return waiver

    def take_back_waiver(self, waiver: Waiver) -> bool:
        if self.read_only or not remove_waiver(self.profile, waiver):
            return False
        self.changed()
        return True

    def accept_term(self, words: str) -> str | None:
        """Accept a trade's own words for this profile; the term added, if any."""
        term = accept_term(self.profile, words) if not self.read_only else None
        if term is not None:
            self.changed()
        return term

    def take_back_term(self, term: str) -> bool:
        if self.read_only or not remove_term(self.profile, term):
            return False
        self.changed()
        return True

    def set_coach_mode(self, on: bool) -> None:
        if self.profile.settings.coach_mode != on:
            self.keep_timer()
            self.profile.settings.coach_mode = on
            self.changed()

    def set_theme(self, theme: str) -> None:
        if self.profile.settings.theme != theme:
            self.profile.settings.theme = theme
            self.changed()

    @property
    def writable(self) -> bool:
        """May the user change what is kept (waivers, terms)? Not on a read-only profile."""
        return not self.read_only

    def reload(self, lang: str) -> str:
        """Take the file's version (after a change on disk); a line when it cannot be read."""
        try:
            profile, stamp = read_profile(self.path)
        except ProfileError as exc:
            return exc.message(lang)
        self.replace(profile, stamp)
        return ""

    def replace(self, profile: Profile, stamp: FileStamp | None) -> None:
        """The file's version replaces ours (a reload after a change on disk)."""
        self.profile = profile
        if self.keep_position:  # the walk stays where the user is: no change by itself
            profile.meta.position = self.steps.current.key
        self.writer.reset(self.path, stamp, profile)
        self.saves.paused = False
        self.saves.scheduler.saved()
        self._timer = None
        self.revision += 1

    # -- the coach's timer -------------------------------------------------------------------

    def timer(self) -> SessionTimer:
        """The coach's session timer: it carries on from what the profile kept."""
        if self._timer is None:
            self._timer = SessionTimer.from_settings(self.profile.settings, clock.monotonic())
        return self._timer

    def timer_action(self, action: Literal["toggle", "reset"]) -> None:
        timer, now = self.timer(), clock.monotonic()
        timer.toggle(now) if action == "toggle" else timer.reset(now)
        self.keep_timer()

    def keep_timer(self) -> None:
        """Write the timer into the profile (on a move, a pause, on quitting); only in coach
        mode: it is the coach's session, not the time a founder spends alone."""
        timer = self._timer
        if timer is None or not self.profile.settings.coach_mode:
            return
        if timer.store(self.profile.settings, clock.monotonic()):
            self.changed()

    # -- changes, analysis ----------------------------------------------------------------------

    def changed(self) -> None:
        """Something the file holds changed: autosave is due, the analysis is stale."""
        self.revision += 1
        self.saves.changed(time.monotonic())
        for listener in self.listeners:
            listener()

    def snapshot(self) -> Profile:
        """A private copy of the profile, for an analysis or a save in another thread."""
        return self.profile.model_copy(deep=True)

    def analysis(self, lang: str) -> ProfileResult:
        """The whole profile analysed, messages in ``lang``; cached until the next change."""
        cached, day = self._analysed, clock.today()  # the pace rules read the plan as of today
        if cached is not None and cached[:3] == (self.revision, lang, day):
            return cached[3]
        result = analyze_profile(self.profile, today=day, ui_lang=lang)
        self._analysed = (self.revision, lang, day, result)
        return result

    def findings_for(self, question: Question, lang: str) -> list[Finding]:
        """The findings on one answer, with the profile's bank rules, waivers and settings."""
        path = question.path
        return [f for f in self.analysis(lang).findings if is_under(f.where, path)]

    # -- saving ------------------------------------------------------------------------------

    def save_now(self, lang: str, *, force: bool = False) -> WriteResult:
        """Write at once (plain mode after each answer; the TUI on quitting); a save that
        would change nothing writes nothing; read-only, it writes nothing either."""
        if self.read_only:
            return WriteResult("unchanged")
        self.profile.meta.updated = now_utc()
        result = self.writer.write(*self.writer.snapshot(self.profile), lang, force=force)
        if result.status in ("saved", "unchanged") and not self.saves.saving:
            self.saves.scheduler.saved()
        return result

    def save_as(self, path: Path) -> bool:
        """Write from now on to ``path``, whose lock is taken; ``False`` when another window
        holds it. The next save writes there whatever it holds."""
        lock = ProfileLock(path)
        if not lock.acquire():
            return False
        self.lock.release()
        self.lock, self.path = lock, path
        self.writer.reset(path, None)
        self.read_only = ""
        self.saves.read_only = self.saves.paused = False
        return True

    def close(self, lang: str, keep_copy: Callable[[], Path]) -> tuple[WriteResult, Path | None]:
        """The last save, never asking; the lock released. A change on disk nobody chose
        about keeps both versions: ours goes to ``keep_copy()``, returned with the result."""
        try:
            if self.read_only:
                return WriteResult("unchanged"), None
            copy: Path | None = None
            if self.saves.paused:
                copy = keep_copy()
                self.writer.reset(copy, None)
            result = self.save_now(lang, force=copy is not None)
            if result.status == "conflict":
                copy = keep_copy()
                self.writer.reset(copy, None)
                result = self.save_now(lang, force=True)
            return result, copy
        finally:
            self.lock.release()
