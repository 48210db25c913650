"""The app's work outside the event handlers: open, create, store, save, conflicts, palette."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SuspendNotSupported, SystemCommand
from textual.screen import Screen

from alignment_tui.i18n import t
from alignment_tui.model.answers import has_content, set_answer
from alignment_tui.model.bank import Bank, Question
from alignment_tui.model.profile import Meta, Profile, now_utc
from alignment_tui.screens.checkin import CheckinScreen
from alignment_tui.screens.livewire import show_summary
from alignment_tui.screens.modals import ChangedOnDiskScreen, NoticeScreen, SaveAsScreen
from alignment_tui.screens.question import QuestionScreen
from alignment_tui.screens.walk import Walk
from alignment_tui.screens.welcome import WelcomeScreen
from alignment_tui.session import ProfileWriter, SaveState, Session, WriteResult
from alignment_tui.store import FileStamp, ProfileError, ProfileLock, read_profile, save_profile
from alignment_tui.store.files import is_read_only
from alignment_tui.store.paths import new_profile_path, remember_profile
from alignment_tui.widgets.editors.text import TextEditor
from alignment_tui.widgets.literal import markup_safe

if TYPE_CHECKING:
    from alignment_tui.app import AlignmentApp


def open_profile(path: Path, lang: str) -> tuple[Profile, FileStamp, ProfileLock] | str:
    """Read the profile and take its lock (not held: another app has it, open read-only)."""
    try:
        profile, stamp = read_profile(path)
    except ProfileError as exc:
        return exc.message(lang)
    lock = ProfileLock(path)
    if lock.acquire():
        remember_profile(path)
    return profile, stamp, lock


def create_profile(
    target: Path | None,
    organisation: str,
    respondent: str,
    lang: str,
    bank_dir: str | Path | None = None,
) -> tuple[Profile, Path, FileStamp, ProfileLock] | str:
    """A new profile, written at once (in the current folder unless a path was given);
    it records the custom bank's folder, if one is used, as plain mode does."""
    path = target if target is not None else new_profile_path(organisation)
    now = now_utc()
    meta = Meta(organisation=organisation, respondent=respondent, created=now, updated=now)
    if bank_dir is not None:
        meta.bank = str(Path(bank_dir).resolve())
    profile = Profile(lang="fr" if lang == "fr" else "en", meta=meta)
    lock = ProfileLock(path)
    lock.acquire()
    try:
        stamp = save_profile(profile, path)
    except ProfileError as exc:
        lock.release()
        return exc.message(lang)
    remember_profile(path)
    return profile, path, stamp, lock


def begin(
    bank: Bank | None, profile: Profile, path: Path, stamp: FileStamp, lock: ProfileLock, lang: str
) -> tuple[Walk, SaveState, ProfileWriter]:
    assert bank is not None
    session = Session([(lb.layer, [q.id for q in lb.questions]) for lb in bank.layers])
    session.restore(profile.meta.position)
    # Where the walk stands now: no change by itself (opening and quitting writes nothing).
    profile.meta.position = session.current.key
    # Another window has it, or its owner made the file read-only: shown, never written.
    file_read_only = is_read_only(path)
    read_only = not lock.held or file_read_only
    banner = ""
    if read_only:
        banner = t("readonly.file_banner" if file_read_only else "readonly.banner", lang)
    walk = Walk(bank, session, lang, read_only=banner)
    walk.path = str(path)
    return walk, SaveState(read_only=read_only), ProfileWriter(path, stamp, profile)


def read_only_notice(path: Path, lock: ProfileLock, lang: str) -> NoticeScreen:
    if is_read_only(path):
        body = t("readonly.file_body", lang, path=str(path))
        return NoticeScreen(t("readonly.file_title", lang), body, lang)
    holder = lock.holder or "?"
    return NoticeScreen(
        t("readonly.title", lang), t("readonly.body", lang, path=str(path), holder=holder), lang
    )


def store_answer(profile: Profile, question: Question, value: Any, lang: str) -> str:
    """Put the editor's value in the profile; an error line if the model refuses it."""
    try:
        set_answer(profile, question, value)
    except ValueError as exc:
        detail = str(exc).splitlines()[-1].strip() if str(exc) else ""
        return t("answer.invalid", lang, detail=detail)
    if has_content(value) and question.id in profile.meta.skipped:
        profile.meta.skipped = [q for q in profile.meta.skipped if q != question.id]
    return ""


def keep_editor_value(profile: Profile, screen: object, lang: str) -> None:
    """Store what a question screen's editor holds now: its last change may still be a
    message on its way, or a typed cell not read yet (no pause since the last key)."""
    if isinstance(screen, QuestionScreen) and screen.editor is not None:
        screen.editor.flush()
        store_answer(profile, screen.editor.question, screen.editor.value, lang)


def edit_externally(app: AlignmentApp) -> None:
    """Open the current answer in ``$VISUAL``/``$EDITOR``; what is saved there comes back."""
    screen = app.screen
    editor = screen.editor if isinstance(screen, QuestionScreen) else None
    if not isinstance(editor, TextEditor) or (app.saves is not None and app.saves.read_only):
        app.notify(t("editor.only_text", app.lang))
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
        app.notify(t("editor.unsupported", app.lang), severity="warning")
        return
    except (OSError, ValueError) as exc:
        app.notify(
            t("editor.failed", app.lang, command=command, reason=str(exc)),
            severity="error",
            markup=False,
        )
        return
    finally:
        Path(name).unlink(missing_ok=True)
    # Editors add a final newline the user did not type.
    editor.set_text(text[:-1] if text.endswith("\n") else text)


def after_write(app: AlignmentApp, result: WriteResult, *, manual: bool) -> None:
    saves = app.saves
    assert saves is not None
    if result.status == "conflict":
        saves.done("", now=time.monotonic())
        saves.scheduler.changed(time.monotonic())
        saves.paused = True
        ask_conflict(app)
        return
    fresh = saves.done(result.message, now=time.monotonic())
    if result.status == "error" and fresh:
        app.notify(result.message, severity="error", markup=False, timeout=8)
    elif result.status in ("saved", "unchanged") and manual and app.writer is not None:
        app.notify(t("save.saved", app.lang, path=str(app.writer.path)), markup=False)


def ask_conflict(app: AlignmentApp) -> None:
    assert app.writer is not None
    app.push_screen(
        ChangedOnDiskScreen(str(app.writer.path), app.lang), partial(resolve_conflict, app)
    )


def resolve_conflict(app: AlignmentApp, choice: str | None) -> None:
    saves, writer = app.saves, app.writer
    assert saves is not None and writer is not None
    if choice == "reload":
        try:
            profile, stamp = read_profile(writer.path)
        except ProfileError as exc:
            app.notify(exc.message(app.lang), severity="error", markup=False)
            ask_conflict(app)
            return
        writer.reset(writer.path, stamp, profile)
        saves.paused = False
        saves.scheduler.saved()
        app.profile = profile
        app.show_step(keep_editor=False)
    elif choice == "overwrite":
        saves.paused = False
        app.start_save(force=True)
    else:
        save_as(app)


def save_as(app: AlignmentApp) -> None:
    writer = app.writer
    assert writer is not None
    suggestion = new_profile_path(writer.path.stem, writer.path.parent)
    app.push_screen(SaveAsScreen(suggestion, app.lang), partial(_saved_as, app))


def _saved_as(app: AlignmentApp, path: Path | None) -> None:
    saves, writer = app.saves, app.writer
    assert saves is not None and writer is not None
    if path is None:
        if saves.paused:
            ask_conflict(app)
        return
    lock = ProfileLock(path)
    if not lock.acquire():
        app.notify(t("save_as.locked", app.lang, path=str(path)), severity="error", markup=False)
        save_as(app)
        return
    if app.lock is not None:
        app.lock.release()
    app.lock, app.path = lock, path
    writer.reset(path, None)
    saves.read_only = saves.paused = False
    if app.walk is not None:
        app.walk.read_only = ""
        app.walk.path = str(path)
    remember_profile(path)
    app.autosave.manual = True
    app.start_save(force=True)
    app.show_step()


def save_on_exit(app: AlignmentApp) -> str:
    """The last save, on the UI thread; never asks. Returns a line to print, if any."""
    saves, writer, profile = app.saves, app.writer, app.profile
    if saves is None or writer is None or profile is None:
        return ""
    try:
        if saves.read_only:
            return ""
        for screen in app.screen_stack:
            if isinstance(screen, CheckinScreen):
                screen.record_all()  # a value typed and not yet left
            keep_editor_value(profile, screen, app.lang)
        profile.meta.updated = now_utc()
        message = ""
        force = False
        if saves.paused:
            # The file changed elsewhere and no choice was made: keep both versions.
            writer.reset(new_profile_path(writer.path.stem, writer.path.parent), None)
            force = True
        result = writer.write(*writer.snapshot(profile), app.lang, force=force)
        if result.status == "conflict":
            writer.reset(new_profile_path(writer.path.stem, writer.path.parent), None)
            result = writer.write(*writer.snapshot(profile), app.lang, force=True)
            force = True
        if result.status == "error":
            message = result.message
        elif force:
            message = t("quit.saved_copy", app.lang, path=str(writer.path))
        return message
    finally:
        if app.lock is not None:
            app.lock.release()


def palette(app: AlignmentApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Every action of the current screen, in the UI language, then a jump to every step."""
    lang = app.lang

    def cmd(name: str, callback: Any) -> SystemCommand:
        return SystemCommand(t(f"key.{name}", lang), t(f"palette.{name}_help", lang), callback)

    if app.walk is None:
        if isinstance(screen, WelcomeScreen):
            yield cmd("language", screen.action_toggle_lang)
        yield cmd("theme", app.action_toggle_theme)
        yield cmd("quit", app.action_quit)
        return
    if isinstance(screen, CheckinScreen):
        yield cmd("checkin_leave", screen.action_leave)
        yield cmd("save", app.action_save_now)
        yield cmd("theme", app.action_toggle_theme)
        yield cmd("quit", app.action_quit)
        return
    yield cmd("next", app.action_go_next)
    yield cmd("back", app.action_go_back)
    if isinstance(screen, QuestionScreen):
        yield cmd("skip", app.action_skip)
        yield cmd("examples", screen.action_toggle_examples)
        yield cmd("editor", app.action_external_edit)
        if not screen.read_only:
            yield cmd("waive", screen.action_waive)
    yield cmd("summary", partial(show_summary, app))
    yield cmd("checkin", partial(open_checkin, app))
    yield cmd("coach", app.action_toggle_coach)
    if app.profile is not None and app.profile.settings.coach_mode:
        yield cmd("timer", partial(app.action_timer, "toggle"))
        yield cmd("timer_reset", partial(app.action_timer, "reset"))
    yield cmd("save", app.action_save_now)
    yield cmd("theme", app.action_toggle_theme)
    yield cmd("quit", app.action_quit)
    for entry in app.walk.jumps():
        # The palette reads titles as markup: a bank's titles and ids are escaped for it.
        title, help_text = markup_safe(entry.title), markup_safe(entry.help)
        yield SystemCommand(title, help_text, partial(app.jump, entry.key))


def open_checkin(app: AlignmentApp, today: date | None = None) -> None:
    """Show the check-in screen over the walk (Escape goes back to it)."""
    if app.profile is None or app.walk is None or isinstance(app.screen, CheckinScreen):
        return

    def profile() -> Profile:
        assert app.profile is not None
        return app.profile

    title = (app.profile.meta.organisation, str(app.path or ""))
    screen = CheckinScreen(
        app.lang, profile, app.touch, title=title, today=today, read_only=app.walk.read_only
    )
    app.push_screen(screen)
