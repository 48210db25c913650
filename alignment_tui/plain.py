"""Plain mode: the questionnaire line by line, for screen readers, dumb terminals and scripts."""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from alignment_tui.i18n import Lang, normalise_lang, t
from alignment_tui.model.answers import get_answer, has_content, is_answered, set_answer
from alignment_tui.model.bank import Bank, BankError, LayerBank, Question, load_bank
from alignment_tui.model.profile import Profile, now_utc
from alignment_tui.plain_io import Console, EndOfInput, Keep
from alignment_tui.plain_kinds import ask
from alignment_tui.safe_text import one_line
from alignment_tui.store import ProfileError, ProfileLock, load_profile, same_content, save_profile
from alignment_tui.store.files import check_new_file, is_read_only
from alignment_tui.store.paths import new_profile_path, remember_profile

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def run_plain(
    profile_path: str | Path | None,
    *,
    lang: str | None = None,
    bank: str | Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    interactive: bool | None = None,
    width: int | None = None,
) -> int:
    """Ask the whole bank line by line, saving the profile after every answer.

    Returns 0 when the walk ends or input runs out, 2 for an unreadable profile or
    bank (one line on ``stderr``), 130 on Ctrl+C. Answers already given are on disk in
    every case.
    """
    err = stderr or sys.stderr
    cli_lang = lang if lang in ("fr", "en") else None
    path = Path(profile_path) if profile_path else None
    profile: Profile | None = None
    read_only = False
    if path is not None and os.path.lexists(path):
        try:
            profile = load_profile(path)
        except ProfileError as exc:
            return _fail(err, exc.message(cli_lang or normalise_lang(None)))
        read_only = is_read_only(path)
    elif path is not None:
        # Said before any question: a profile that could never be saved there.
        problem = check_new_file(path)
        if problem is not None:
            error = ProfileError(problem.key, path, **problem.params)
            return _fail(err, error.message(cli_lang or normalise_lang(None)))
    ui: Lang = normalise_lang(cli_lang or (profile.lang if profile else None))
    try:
        the_bank = load_bank(bank)
    except BankError as exc:
        return _fail(err, exc.text(ui))
    console = Console(
        ui,
        stdin or _tolerant(sys.stdin),
        stdout or _tolerant(sys.stdout),
        interactive=interactive,
        width=width,
    )
    walk = PlainWalk(console, the_bank, bank)
    walk.read_only = read_only
    try:
        return walk.run(path, profile)
    except ProfileError as exc:
        return _fail(err, exc.message(ui))
    except PlainError as exc:
        return _fail(err, str(exc))
    except KeyboardInterrupt:
        console.say("")
        console.say(walk.closing("interrupted"))
        return EXIT_INTERRUPTED
    finally:
        walk.lock_release()


def _tolerant(stream: TextIO) -> TextIO:
    """A byte the encoding cannot carry becomes a replacement mark, never a traceback."""
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors="replace")
    return stream


class PlainError(Exception):
    """Plain mode cannot go on; the message says why and what to do."""


def _fail(err: TextIO, message: str) -> int:
    # One line whatever the path holds (a newline in a file name is shown as \n).
    err.write(one_line(message) + "\n")
    err.flush()
    return EXIT_BAD_INPUT


class PlainWalk:
    """One plain session: the profile, its file and lock, and the questions in order."""

    def __init__(self, console: Console, bank: Bank, bank_dir: str | Path | None) -> None:
        self.console = console
        self.bank = bank
        self.bank_dir = bank_dir
        self.path: Path | None = None
        self.profile = Profile()
        self.lock: ProfileLock | None = None
        self.saved = 0
        self.read_only = False  # the file's owner made it read-only: shown, never written
        self.on_disk: Profile | None = None  # what the file holds, to skip a save of nothing

    @property
    def lang(self) -> str:
        return self.console.lang

    def tr(self, key: str, **params: Any) -> str:
        return self.console.tr(key, **params)

    def run(self, path: Path | None, profile: Profile | None) -> int:
        say = self.console.say
        say(self.tr("welcome"))
        say(self.tr("rules", end=".", clear="-"))
        say(self.tr("rules_eof"))
        try:
            if profile is None:
                profile, path = self._start_new(path)
            else:
                assert path is not None
                self._open(profile, path)
                say(self.tr("resuming", path=str(path), organisation=profile.meta.organisation))
                if self.read_only:
                    say(self.tr("read_only", path=str(path)))
            # A person at a terminal picks up where the answers stop; a script answers the
            # whole bank from the top, whatever the file holds (one answer per prompt).
            start = self._first_unanswered() if self.console.interactive else None
            for layer in self.bank.layers:
                self._walk_layer(layer, start)
                if start is not None and any(q.id == start for q in layer.questions):
                    start = None
        except EndOfInput:
            say(self.closing("end_of_input"))
            return EXIT_OK
        say("")
        self._summary()
        return EXIT_OK

    def closing(self, key: str) -> str:
        """The last line: why the walk stopped, and where the answers are."""
        if self.path is None:
            return self.tr(f"{key}_nothing")
        if self.read_only:
            return self.tr("read_only_closing", path=str(self.path))
        return self.tr(key, path=str(self.path))

    def lock_release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    # -- opening -----------------------------------------------------------------------

    def _start_new(self, path: Path | None) -> tuple[Profile, Path]:
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
        profile = Profile(lang=normalise_lang(self.lang))
        profile.meta.organisation = organisation
        profile.meta.respondent = respondent
        if self.bank_dir is not None:
            profile.meta.bank = str(Path(self.bank_dir).resolve())
        profile.meta.created = now_utc()
        target = path if path is not None else new_profile_path(organisation)
        self._open(profile, target)
        self.save()
        say(self.tr("created", path=str(target)))
        return profile, target

    def _open(self, profile: Profile, path: Path) -> None:
        lock = ProfileLock(path)
        if not lock.acquire():
            raise PlainError(self.tr("locked", path=str(path), holder=lock.holder or "?"))
        self.lock = lock
        self.profile = profile
        self.path = path
        if path.exists():
            self.on_disk = profile.model_copy(deep=True)
        remember_profile(path)

    def save(self) -> None:
        """Write the profile if an answer changed (the question reached does not count:
        plain mode always walks from the first one)."""
        assert self.path is not None
        if self.read_only:
            return
        unchanged = ("updated", "position")
        if self.on_disk is not None and same_content(self.profile, self.on_disk, ignore=unchanged):
            return
        self.profile.meta.updated = now_utc()
        save_profile(self.profile, self.path)
        self.on_disk = self.profile.model_copy(deep=True)
        self.saved += 1

    # -- the walk ----------------------------------------------------------------------

    def _first_unanswered(self) -> str | None:
        """Where a reopened profile resumes: its first question without an answer (None:
        every question has one, so the walk goes through them all again)."""
        for question in self.bank.questions():
            if not is_answered(self.profile, question):
                if question.id != self.bank.questions()[0].id:
                    self.console.say(self.tr("resume_at", prompt=question.prompt(self.lang)))
                    return question.id
                return None
        return None

    def _walk_layer(self, layer: LayerBank, start: str | None = None) -> None:
        """Ask the layer's questions; with ``start`` (a question of a later layer, or of
        this one), the answered questions before it are passed over without a word."""
        ids = [q.id for q in layer.questions]
        if start is not None and start not in ids:
            return
        say, intro, lang = self.console.say, layer.intro, self.lang
        index = [lb.layer for lb in self.bank.layers].index(layer.layer) + 1
        say("")
        say(
            self.tr(
                "layer_heading", number=index, count=len(self.bank.layers), title=intro.title(lang)
            )
        )
        for key in ("what", "why", "horizon", "good"):
            say(f"{self.tr(f'intro.{key}')}{self.tr('colon')}{getattr(intro, key)(lang)}")
        first = ids.index(start) if start is not None else 0
        for number, question in enumerate(layer.questions, start=1):
            if number - 1 >= first:
                self._ask_question(question, number, len(layer.questions))

    def _ask_question(self, question: Question, number: int, count: int) -> None:
        say, lang, profile = self.console.say, self.lang, self.profile
        say("")
        mark = self.tr("required") if question.required else self.tr("optional")
        say(self.tr("question_heading", number=number, count=count, mark=mark))
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
                shown = [_horizon(current, question.field or "", lang)]
            for line in shown:
                say(f"  {line}")
        profile.meta.position = question.id
        answer = self._take_answer(question, current)
        answered = is_answered(profile, question)
        skipped = profile.meta.skipped
        if answered and question.id in skipped:
            profile.meta.skipped = [q for q in skipped if q != question.id]
        elif not answered and question.id not in skipped:
            profile.meta.skipped = [*skipped, question.id]
        self.save()
        if isinstance(answer, Keep):
            say(self.tr("kept" if answered else "skipped"))
            return
        say(self.tr("saved"))
        if answered:
            from alignment_tui.plain_after import after_answer

            after_answer(self, question, lambda: self._revise(question))

    def _take_answer(self, question: Question, current: Any) -> Any:
        """Ask until the answer can be stored (or is kept); what was given."""
        while True:
            answer = ask(self.console, question, self.profile, current)
            if isinstance(answer, Keep):
                return answer
            try:
                set_answer(self.profile, question, answer)
            except (ValidationError, ValueError) as exc:
                self.console.say(self.tr("rejected", detail=_first_error(exc)))
                continue
            return answer

    def _revise(self, question: Question) -> bool:
        """The question once more, after its findings; ``True`` when the answer changed."""
        before = get_answer(self.profile, question)
        if isinstance(self._take_answer(question, before), Keep):
            return False
        self.save()
        self.console.say(self.tr("saved"))
        return bool(get_answer(self.profile, question) != before)

    def _summary(self) -> None:
        from alignment_tui.analysis.profile import analyze_profile
        from alignment_tui.model.answers import layer_completion

        say = self.console.say
        result = analyze_profile(self.profile, ui_lang=self.lang)
        say(self.tr("summary"))
        for layer in self.bank.layers:
            done, required = layer_completion(self.profile, self.bank, layer.layer)
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
        errors = sum(1 for f in result.findings if f.severity == "error")
        remarks = self.tr("n_remarks", count=len(result.findings))
        say(self.tr("summary_findings", remarks=remarks, errors=self.tr("n_errors", count=errors)))
        say(self.closing("finished"))


def describe(value: Any, console: Console) -> list[str]:
    """An answer as lines a person reads: text as is, one item or row per line."""
    if isinstance(value, Enum):
        return [_cell(value, "", console.lang)]
    if isinstance(value, str):
        return value.splitlines() or [""]
    if isinstance(value, list):
        lines: list[str] = []
        for item in value:
            shown = describe(item, console)
            lines.extend(f"- {line}" for line in shown[:1])
            lines.extend(f"  {line}" for line in shown[1:])
        return lines
    if isinstance(value, BaseModel):
        parts = []
        for name in type(value).model_fields:
            cell = getattr(value, name)
            if cell is not None and cell != "" and cell != []:
                label = console.tr(f"key.{name}") + console.tr("colon")
                parts.append(label + _cell(cell, name, console.lang))
        return ["; ".join(parts)]
    return [_cell(value, "", console.lang)]


def _cell(value: Any, name: str, lang: str) -> str:
    """A stored value written as people of ``lang`` write it."""
    from alignment_tui.model import typed

    if isinstance(value, Enum):
        return t(f"plain.{type(value).__name__.lower()}.{value.value}", lang)
    if isinstance(value, date):
        return typed.format_deadline(value, lang)
    if name == "budget_share" and isinstance(value, int | float):
        return typed.format_share(float(value), lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return typed.format_number(value, lang)
    return str(value)


def _horizon(value: int, field: str, lang: str) -> str:
    from alignment_tui.model.typed import format_horizon

    return format_horizon(value, "months" if field.endswith("_months") else "years", lang)


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        errors = exc.errors()
        if errors:
            loc = ".".join(str(p) for p in errors[0]["loc"])
            return f"{loc}: {errors[0]['msg']}" if loc else str(errors[0]["msg"])
    return str(exc)
