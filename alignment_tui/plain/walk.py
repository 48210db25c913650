"""Plain mode's walk: the session's steps said line by line, each answer saved as it comes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alignment_tui.i18n import t
from alignment_tui.model.answers import get_answer, has_content, is_answered, layer_completion
from alignment_tui.model.bank import Bank, Question
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.plain.after import Turn, after_answer
from alignment_tui.plain.asking import ask
from alignment_tui.plain.console import Choice, Console, EndOfInput, Keep
from alignment_tui.plain.period import offer_next_period
from alignment_tui.plain.shown import describe, horizon
from alignment_tui.report.chain import broken_links, link_sentence
from alignment_tui.session import ProfileSession, create_session, open_session
from alignment_tui.store import FileStamp
from alignment_tui.store.paths import new_profile_path


class PlainError(Exception):
    """Plain mode cannot go on; the message says why and what to do."""


class PlainWalk:
    """One plain session: the session core rendered as prompts. A person at a terminal
    resumes where the profile was left, as in the TUI; a script (piped input) answers the
    whole bank from the top, one answer per prompt, and leaves no position behind."""

    def __init__(self, console: Console, bank: Bank, bank_dir: str | Path | None) -> None:
        self.console = console
        self.bank = bank
        self.bank_dir = bank_dir
        self.session: ProfileSession | None = None
        self.saved = 0

    @property
    def lang(self) -> str:
        return self.console.lang

    def tr(self, key: str, **params: Any) -> str:
        return self.console.tr(key, **params)

    def run(self, path: Path | None, opened: tuple[Profile, FileStamp] | None) -> int:
        say = self.console.say
        say(self.tr("welcome"))
        say(self.tr("rules", end=".", clear="-"))
        say(self.tr("rules_eof"))
        try:
            session = self._start_new(path) if opened is None else self._open(path, opened)
            self._walk(session)
        except EndOfInput:
            say(self.closing("end_of_input"))
            return 0
        say("")
        self._summary(session)
        return 0

    def closing(self, key: str) -> str:
        """The last line: why the walk stopped, and where the answers are."""
        session = self.session
        if session is None:
            return self.tr(f"{key}_nothing")
        if session.read_only == "file":
            return self.tr("read_only_closing", path=str(session.path))
        if session.read_only == "locked":
            return self.tr("locked_closing", path=str(session.path))
        return self.tr(key, path=str(session.path))

    def close(self) -> None:
        """The lock released; a change on disk nobody chose about keeps both versions."""
        session, self.session = self.session, None
        if session is None:
            return
        result, copy = session.close(self.lang, lambda: _copy_path(session.path))
        if copy is not None and result.status == "saved":
            self.console.say(self.tr("saved_copy", path=str(copy)))

    # -- opening -----------------------------------------------------------------------

    def _start_new(self, path: Path | None) -> ProfileSession:
        say = self.console.say
        say(self.tr("new_profile"))
        organisation = ""
        while not organisation:
            organisation = self.console.read(self.tr("organisation_prompt"))
            if not organisation and path is not None:
                break
            if not organisation:
                say(self.tr("organisation_needed"))
        respondent = self.console.read(self.tr("respondent_prompt"))
        made = create_session(
            self.bank,
            path,
            organisation,
            respondent,
            self.lang,
            bank_dir=self.bank_dir,
            keep_position=self.console.interactive,
        )
        if isinstance(made, str):
            raise PlainError(made)
        self.session = made
        say(self.tr("created", path=str(made.path)))
        return made

    def _open(self, path: Path | None, opened: tuple[Profile, FileStamp]) -> ProfileSession:
        assert path is not None
        made = open_session(
            self.bank, path, self.lang, read=opened, keep_position=self.console.interactive
        )
        if isinstance(made, str):
            raise PlainError(made)
        self.session = made
        say = self.console.say
        say(self.tr("resuming", path=str(path), organisation=made.profile.meta.organisation))
        if made.read_only == "file":
            say(self.tr("read_only", path=str(path)))
        elif made.read_only == "locked":
            say(self.tr("locked", path=str(path), holder=made.lock.holder or "?"))
        return made

    def save(self) -> None:
        """Write the profile if something changed; a change on disk meanwhile is never
        overwritten without asking."""
        session = self.session
        if session is None or session.read_only:
            return
        result = session.save_now(self.lang)
        if result.status == "conflict":
            result = self._conflict(session)
        if result.status == "error":
            raise PlainError(result.message)
        if result.status == "saved":
            self.saved += 1

    def _conflict(self, session: ProfileSession) -> Any:
        """The file changed on disk: at a terminal, reload, overwrite or save a copy; a
        script keeps both versions (its answers go to a copy beside the file)."""
        say = self.console.say
        say(self.tr("conflict", path=str(session.path)))
        choice: Any = "copy"
        if self.console.interactive:
            options = [
                Choice("reload", self.tr("conflict_reload")),
                Choice("overwrite", self.tr("conflict_overwrite")),
                Choice("copy", self.tr("conflict_copy")),
            ]
            while not isinstance(choice := self._choose(options), str):
                pass
        if choice == "reload":
            problem = session.reload(self.lang)
            if problem:
                raise PlainError(problem)
            say(self.tr("reloaded"))
            return session.save_now(self.lang)
        if choice == "overwrite":
            return session.save_now(self.lang, force=True)
        copy = _copy_path(session.path)
        if not session.save_as(copy):
            raise PlainError(t("save_as.locked", self.lang, path=str(copy)))
        result = session.save_now(self.lang, force=True)
        if result.status == "saved":
            say(self.tr("saved_copy", path=str(copy)))
        return result

    def _choose(self, options: list[Choice]) -> Any:
        self.console.say(self.tr("conflict_choice"))
        return self.console.read_choice(self.tr("choice_prompt"), options, multiple=False)

    # -- the walk ----------------------------------------------------------------------

    def _walk(self, session: ProfileSession) -> None:
        """Every step from where the session stands to the summary: intro cards said,
        questions asked (a layer resumed in its middle is introduced first)."""
        if not self.console.interactive:
            session.top()
        elif session.current.kind != "intro" and session.steps.index:
            where = session.question.prompt(self.lang) if session.question else ""
            if where:
                key = "resume_at" if session.resumed == "unanswered" else "resume_here"
                self.console.say(self.tr(key, prompt=where))
            if session.current.layer:
                self._intro(session.current.layer)
        while True:
            step = session.current
            if step.kind == "summary":
                return
            if step.kind == "intro":
                self._intro(step.layer)
            elif step.kind == "question":
                question = session.question
                assert question is not None
                self._ask_question(session, question)
            session.next()

    def _intro(self, layer: str) -> None:
        layer_bank = self.bank.layer(layer)
        assert layer_bank is not None
        say, intro, lang = self.console.say, layer_bank.intro, self.lang
        index = [lb.layer for lb in self.bank.layers].index(layer) + 1
        say("")
        say(
            self.tr(
                "layer_heading", number=index, count=len(self.bank.layers), title=intro.title(lang)
            )
        )
        for key in ("what", "why", "horizon", "good"):
            say(f"{self.tr(f'intro.{key}')}{self.tr('colon')}{getattr(intro, key)(lang)}")

    def _ask_question(self, session: ProfileSession, question: Question) -> None:
        say, lang, profile = self.console.say, self.lang, session.profile
        layer = self.bank.layer(question.layer)
        ids = [q.id for q in layer.questions] if layer is not None else [question.id]
        say("")
        mark = self.tr("required") if question.required else self.tr("optional")
        say(
            self.tr(
                "question_heading", number=ids.index(question.id) + 1, count=len(ids), mark=mark
            )
        )
        say(question.prompt(lang))
        say(self.tr("help", text=question.help(lang)))
        say(self.tr("example_vague", text=question.example_vague(lang)))
        say(self.tr("example_specific", text=question.example_specific(lang)))
        if profile.settings.coach_mode:
            say(self.tr("probes"))
            for probe in question.probes(lang):
                say(f"  - {probe}")
        current = get_answer(profile, question)
        if has_content(current):
            say(self.tr("current"))
            shown = describe(current, self.console)
            if question.kind == "horizon" and isinstance(current, int):
                shown = [horizon(current, question.field, lang)]
            for line in shown:
                say(f"  {line}")
        answer = self._take_answer(session, question, current)
        answered = is_answered(session.profile, question)
        if not answered:
            session.mark_skipped(question)
        self.save()
        if isinstance(answer, Keep):
            say(self.tr("kept" if answered else "skipped"))
            return
        say(self.tr("saved"))
        if answered:
            turn = Turn(self.console, session, self.save)
            after_answer(turn, question, lambda: self._revise(session, question))

    def _take_answer(self, session: ProfileSession, question: Question, current: Any) -> Any:
        """Ask until the answer can be stored (or is kept); what was given."""
        while True:
            answer = ask(self.console, question, session.profile, current)
            if isinstance(answer, Keep):
                return answer
            refused = session.answer(question, answer)
            if not refused:
                return answer
            self.console.say(self.tr("rejected", detail=refused))

    def _revise(self, session: ProfileSession, question: Question) -> bool:
        """The question once more, after its findings; ``True`` when the answer changed."""
        before = get_answer(session.profile, question)
        if isinstance(self._take_answer(session, question, before), Keep):
            return False
        self.save()
        self.console.say(self.tr("saved"))
        return bool(get_answer(session.profile, question) != before)

    def _summary(self, session: ProfileSession) -> None:
        say, profile = self.console.say, session.profile
        result = session.analysis(self.lang)
        say(self.tr("summary"))
        for layer in self.bank.layers:
            done, required = layer_completion(profile, self.bank, layer.layer)
            title = layer.intro.title(self.lang)
            score = result.layer_scores.get(layer.layer, 0)
            say(
                self.tr(
                    "summary_layer",
                    title=title,
                    done=done,
                    required=required,
                    score=score,
                    count=done,
                )
            )
        say(self.tr("summary_score", score=result.score))
        say(self.tr("summary_chain"))
        answered = {
            layer.layer
            for layer in self.bank.layers
            if layer_completion(profile, self.bank, layer.layer)[0]
        }
        for link in broken_links(result.findings, LAYERS, profile):
            checked = {link.upper, link.lower} <= answered
            say("  " + link_sentence(link, self.lang, checked=checked))
        errors = sum(1 for f in result.findings if f.severity == "error")
        remarks = self.tr("n_remarks", count=len(result.findings))
        say(self.tr("summary_findings", remarks=remarks, errors=self.tr("n_errors", count=errors)))
        offer_next_period(self.console, session)
        say(self.closing("finished"))


def _copy_path(path: Path) -> Path:
    """Where our version goes when the file changed elsewhere: beside it, a new name."""
    return new_profile_path(path.stem, path.parent)
