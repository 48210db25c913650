"""Saving from the TUI: autosave's timer and thread, a change on disk, save-as, the last save.

The session core decides when a save is due and writes; this drives it from Textual (one
timer per burst of changes, the write in a thread worker) and asks the user when the file
changed on disk. It knows the app only as a Textual ``App``, and the walk by two callbacks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.worker import Worker, WorkerState

from alignment_tui.i18n import t
from alignment_tui.model.profile import now_utc
from alignment_tui.session import ProfileSession, WriteResult
from alignment_tui.store.paths import new_profile_path, remember_profile
from alignment_tui.tui.screens.modals import ChangedOnDiskScreen, SaveAsScreen


def _copy_path(path: Path) -> Path:
    """Where our version goes when the file changed elsewhere: beside it, a new name."""
    return new_profile_path(path.stem, path.parent)


class Saving:
    """``arm()`` on every change (the session's listener); the profile is on disk within the
    scheduler's maximum wait. Nothing here runs per keystroke beyond a clock read."""

    def __init__(
        self,
        app: App[Any],
        session: ProfileSession,
        lang: Callable[[], str],
        reloaded: Callable[[], None],
        moved: Callable[[Path], None],
    ) -> None:
        self.app = app
        self.session = session
        self.lang = lang
        self.reloaded = reloaded  # the file's version replaced ours: show it
        self.moved = moved  # saved under another name from now on
        self.armed = False
        self.manual = False  # the running save was asked for (Ctrl+S): say when it lands
        self.wanted = False  # Ctrl+S came during an autosave: one more save, said when done
        session.listeners.append(self.arm)

    # -- autosave ---------------------------------------------------------------------------

    def arm(self) -> None:
        delay = self.session.saves.next_check(time.monotonic())
        if delay is not None and not self.armed:
            self.armed = True
            # A zero-length Textual timer divides by zero: never ask for less than 10 ms.
            self.app.set_timer(max(delay, 0.01), self._tick)

    def _tick(self) -> None:
        self.armed = False
        if self.session.saves.should_save(time.monotonic()):
            self.start()
        else:
            self.arm()

    def start(self, *, force: bool = False) -> None:
        session, lang = self.session, self.lang()
        session.profile.meta.updated = now_utc()
        snapshot, number = session.writer.snapshot(session.profile)
        session.saves.begin()
        writer = session.writer
        self.app.run_worker(
            lambda: writer.write(snapshot, number, lang, force=force),
            thread=True,
            group="save",
            name="save",
            exit_on_error=False,
        )

    def finished(self, event: Worker.StateChanged) -> None:
        """A save worker ended: record the result, report it, re-arm if changes came meanwhile."""
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, WriteResult):
            result = event.worker.result
        elif event.state == WorkerState.ERROR:
            # Not a ProfileError (those come back as results): still one line, never a crash.
            result = WriteResult("error", str(event.worker.error).splitlines()[0][:200])
        else:
            return
        self._after_write(result)
        self.manual = False
        saves = self.session.saves
        if self.wanted and not (saves.paused or saves.read_only):
            # Ctrl+S came while an autosave was writing: save again now, and say so.
            self.wanted = False
            self.manual = True
            self.start()
        else:
            self.wanted = False
            self.arm()

    def _after_write(self, result: WriteResult) -> None:
        saves, lang = self.session.saves, self.lang()
        if result.status == "conflict":
            saves.done("", now=time.monotonic())
            saves.scheduler.changed(time.monotonic())
            saves.paused = True
            self.ask_conflict()
            return
        fresh = saves.done(result.message, now=time.monotonic())
        if result.status == "error" and fresh:
            self.app.notify(result.message, severity="error", markup=False, timeout=8)
        elif result.status in ("saved", "unchanged") and self.manual:
            path = str(self.session.writer.path)
            self.app.notify(t("save.saved", lang, path=path), markup=False)

    def save_now(self) -> None:
        """Ctrl+S: at once; read-only or mid-conflict, it offers another file instead."""
        saves = self.session.saves
        if saves.read_only or saves.paused:
            self.save_as()
        elif not saves.saving:
            self.manual = True
            self.start()
        else:
            self.wanted = True

    # -- a change on disk, another name ----------------------------------------------------

    def ask_conflict(self) -> None:
        dialog = ChangedOnDiskScreen(str(self.session.writer.path), self.lang())
        dialog.open_over(self.app, self._resolve)  # between two keys (tui/keyroute.py)

    def _resolve(self, choice: str | None) -> None:
        session = self.session
        if choice == "reload":
            problem = session.reload(self.lang())
            if problem:
                self.app.notify(problem, severity="error", markup=False)
                self.ask_conflict()
                return
            self.reloaded()
        elif choice == "overwrite":
            session.saves.paused = False
            self.start(force=True)
        else:
            self.save_as()

    def save_as(self) -> None:
        suggestion = _copy_path(self.session.writer.path)
        self.app.push_screen(SaveAsScreen(suggestion, self.lang()), self._saved_as)

    def _saved_as(self, path: Path | None) -> None:
        if path is None:
            if self.session.saves.paused:
                self.ask_conflict()
            return
        if not self.session.save_as(path):
            notice = t("save_as.locked", self.lang(), path=str(path))
            self.app.notify(notice, severity="error", markup=False)
            self.save_as()
            return
        remember_profile(path)
        self.moved(path)
        self.manual = True
        self.start(force=True)

    def close(self) -> str:
        """The last save, on the UI thread; never asks. A line to print, if any."""
        lang = self.lang()
        result, copy = self.session.close(lang, lambda: _copy_path(self.session.writer.path))
        if result.status == "error":
            return result.message
        if copy is not None:
            return t("quit.saved_copy", lang, path=str(copy))
        return ""
