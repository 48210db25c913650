"""The walk on screen: one session core shown step by step, and what the user does handed to it.

The app owns a ``Walker`` once a profile is open. It keeps no walk state of its own beyond
what is drawn (the chain's marks): position, skips, answers, notes, waivers and saving
are the session's. It knows the app only as a Textual ``App``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal

from textual.app import App, SuspendNotSupported
from textual.screen import Screen

from alignment_tui.analysis.findings import Finding
from alignment_tui.i18n import t
from alignment_tui.model.bank import Question
from alignment_tui.model.profile import Waiver
from alignment_tui.session import ProfileSession
from alignment_tui.tui.saving import Saving
from alignment_tui.tui.screens.alignment import AlignmentSummaryScreen
from alignment_tui.tui.screens.checkin import CheckinScreen
from alignment_tui.tui.screens.modals import NoticeScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.walk import Walk
from alignment_tui.tui.widgets.analysed import AnalysedView
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.editors.text import TextEditor
from alignment_tui.tui.widgets.livefeedback import LiveFeedback


class Walker:
    """Shows the session's current step and turns the user's acts into session calls."""

    def __init__(self, app: App[Any], session: ProfileSession, lang: str) -> None:
        self.app = app
        self.session = session
        self.lang = lang
        banner = ""
        if session.read_only:
            key = "readonly.file_banner" if session.read_only == "file" else "readonly.banner"
            banner = t(key, lang)
        self.walk = Walk(session, lang, read_only=banner)
        self.saving = Saving(app, session, lambda: self.lang, self._reloaded, self._moved)
        self._marks: dict[str, str] = {}  # question id → chain mark last drawn

    def notice(self) -> NoticeScreen | None:
        """What a read-only profile says when it opens (None when it is writable)."""
        session, lang, path = self.session, self.lang, str(self.session.path)
        if session.read_only == "file":
            body = t("readonly.file_body", lang, path=path)
            return NoticeScreen(t("readonly.file_title", lang), body, lang)
        if session.read_only == "locked":
            body = t("readonly.body", lang, path=path, holder=session.lock.holder or "?")
            return NoticeScreen(t("readonly.title", lang), body, lang)
        return None

    # -- the walk ---------------------------------------------------------------------------

    def keep_editors(self) -> None:
        """What is typed and not yet stored (a change still on its way as a message, a typed
        cell not read since the last key) goes into the session, on every screen open."""
        for screen in self.app.screen_stack:
            if isinstance(screen, CheckinScreen):
                screen.record_all()  # a value typed and not yet left
            if isinstance(screen, QuestionScreen):
                panel = screen.coach_panel
                self.session.note(panel.qid, panel.typed)  # a no-op when already kept
            if isinstance(screen, QuestionScreen) and screen.editor is not None:
                screen.editor.flush()
                self.answer(screen.editor.question, screen.editor.value, quiet=True)

    def show(self, focus: str = "", *, anew: bool = False) -> None:
        """The current step on screen. From a question to a question the screen stays (its
        chain and findings panel with it) and shows the next one's pane; another kind of
        step, or ``anew`` (the file reloaded or moved), gets a screen of its own."""
        screen, profile = self.app.screen, self.session.profile
        if (
            not anew
            and self.session.current.kind == "question"
            and isinstance(screen, QuestionScreen)
            and screen.is_mounted
        ):
            pane = self.walk.pane(profile, focus)
            self.walk.follow(screen.live, pane.question)
            screen.show_pane(self.walk.view(profile), pane)
            return
        self.app.switch_screen(self.walk.screen(profile, focus))

    def checkin(self, today: date | None = None) -> None:
        """The check-in screen over the step shown (Escape goes back to it)."""
        if isinstance(self.app.screen, CheckinScreen):
            return
        session = self.session
        title = (session.profile.meta.organisation, self.walk.path)
        screen = CheckinScreen(
            self.lang,
            lambda: session.profile,
            session.changed,
            title=title,
            today=today,
            read_only=self.walk.read_only,
        )
        self.app.push_screen(screen)

    def move(self, how: Literal["next", "back", "skip"]) -> None:
        self.keep_editors()
        getattr(self.session, how)()
        self.show()

    def jump(self, key: str, where: str = "") -> None:
        """Go to step ``key``; on a question, with the cursor on ``where`` in its answer."""
        self.keep_editors()
        if self.session.go(key):
            self.show(where)

    def answer(self, question: Question, value: Any, *, quiet: bool = False) -> None:
        refused = self.session.answer(question, value)
        if refused:
            if not quiet:
                notice = t("answer.invalid", self.lang, detail=refused)
                self.app.notify(notice, severity="error", markup=False)
            return
        if not self.app.screen_stack:
            return  # the app is closing: the answer is kept, and there is nothing to draw
        screen = self.app.screen_stack[-1]
        if (
            isinstance(screen, QuestionScreen)
            and screen.question is question
            and screen.live.is_attached
        ):
            screen.live.changed()  # analysed again once typing pauses
        mark = self.walk.mark(self.session.profile, question)
        if self._marks.get(question.id) != mark:
            self._marks[question.id] = mark
            for chain in screen.query(Chain):
                chain.update_entries(self.walk.chain(self.session.profile))

    def _reloaded(self) -> None:
        self._anew(keep_readings=False)  # the file's version was chosen over ours

    def _moved(self, path: Path) -> None:
        self.keep_editors()
        self.walk.read_only = ""
        self.walk.path = str(path)
        self._anew(keep_readings=True)

    def _anew(self, *, keep_readings: bool) -> None:
        """The file reloaded or saved under another name: the step gets a screen of its own.
        A check-in or summary open over it closes first (else the step would take its place
        and leave the old step behind it), and a check-in opens again on the new version."""
        top = self.app.screen
        checkin = top if isinstance(top, CheckinScreen) else None
        if checkin is not None and keep_readings:
            checkin.record_all()
        while len(self.app.screen_stack) > 1 and isinstance(
            self.app.screen, CheckinScreen | AlignmentSummaryScreen
        ):
            self.app.pop_screen()
        self.show(anew=True)
        if checkin is not None:
            self.checkin(checkin.today)

    # -- the coach, waivers, terms ------------------------------------------------------------

    def waive(self, finding: Finding, reason: str, by: str, among: tuple[Finding, ...]) -> None:
        self.session.waive(finding, reason, by, among=among)

    def accept_term(self, words: str) -> None:
        self.session.accept_term(words)
        self.refresh_analyses()

    def take_back_waiver(self, waiver: Waiver) -> None:
        if self.session.take_back_waiver(waiver):
            self.app.notify(t("accepted.waiver_removed", self.lang), markup=False)
        self.refresh_analyses()

    def take_back_term(self, term: str) -> None:
        if self.session.take_back_term(term):
            self.app.notify(t("accepted.term_removed", self.lang, term=term), markup=False)
        self.refresh_analyses()

    def refresh_analyses(self) -> None:
        """Something the analysis depends on changed: every view of it on screen looks again."""
        for live in self.app.screen.query(LiveFeedback):
            live.reanalyse()
        for view in self.app.screen.query(AnalysedView):
            view.refresh_analysis()

    def toggle_coach(self) -> None:
        on = not self.session.profile.settings.coach_mode
        self.session.set_coach_mode(on)
        if isinstance(self.app.screen, QuestionScreen):
            self.app.screen.show_probes(on)

    def timer(self, action: Literal["toggle", "reset"]) -> None:
        """The coach's session timer: ``toggle`` (pause or go on) or ``reset``."""
        self.session.timer_action(action)
        for panel in self.app.screen.query(CoachPanel):
            panel.refresh_head()

    def show_summary(self) -> None:
        """The alignment summary as its own screen, from anywhere (palette); a fix jumps there."""
        session, walk = self.session, self.walk
        self.keep_editors()
        screen = AlignmentSummaryScreen(
            session.analysis(self.lang),
            session.snapshot(),
            self.lang,
            titles=walk.titles(),
            targets=walk.targets(),
            coach=session.profile.settings.coach_mode,
        )

        def jump(target: tuple[str, str] | None) -> None:
            if target:
                self.jump(*target)

        self.app.push_screen(screen, jump)

    # -- $EDITOR, quitting --------------------------------------------------------------------

    def edit_externally(self, screen: Screen[Any]) -> None:
        """Open the current answer in ``$VISUAL``/``$EDITOR``; what is saved there comes back."""
        app, lang = self.app, self.lang
        editor = screen.editor if isinstance(screen, QuestionScreen) else None
        if not isinstance(editor, TextEditor) or self.session.read_only:
            app.notify(t("editor.only_text", lang))
            return
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        fd, name = tempfile.mkstemp(prefix="alignment-", suffix=".md")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # A text file's last line ends with a newline: a line added after it in the
            # editor (or appended by a tool) starts a line of its own. Taken off on return.
            handle.write(editor.text + "\n" if editor.text else "")
        try:
            with app.suspend():
                subprocess.call([*shlex.split(command), name])
            text = Path(name).read_text("utf-8")
        except SuspendNotSupported:
            app.notify(t("editor.unsupported", lang), severity="warning")
            return
        except (OSError, ValueError) as exc:
            failed = t("editor.failed", lang, command=command, reason=str(exc))
            app.notify(failed, severity="error", markup=False)
            return
        finally:
            Path(name).unlink(missing_ok=True)
        # Editors add a final newline the user did not type.
        editor.set_text(text[:-1] if text.endswith("\n") else text)

    def close(self) -> str:
        """The last save (what is typed kept first) and the lock released; a line, if any."""
        self.keep_editors()
        self.session.keep_timer()
        return self.saving.close()
