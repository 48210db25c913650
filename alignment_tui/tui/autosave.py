"""Drives autosave from the UI: a timer per burst of changes, the write in a thread."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from alignment_tui.tui.app import AlignmentApp


class Autosave:
    """``touch()`` on every change; the profile is on disk within the scheduler's max wait.

    Nothing here runs per keystroke beyond a clock read: one timer is armed per burst, the
    snapshot is taken when it fires, and the file is written by a thread worker.
    """

    def __init__(self, app: AlignmentApp) -> None:
        self.app = app
        self.armed = False
        self.manual = False  # the running save was asked for (Ctrl+S): say when it lands
        self.wanted = False  # Ctrl+S came during an autosave: one more save, said when done

    def touch(self) -> None:
        if self.app.saves is not None:
            self.app.saves.changed(time.monotonic())
            self.arm()

    def arm(self) -> None:
        saves = self.app.saves
        delay = saves.next_check(time.monotonic()) if saves is not None else None
        if delay is not None and not self.armed:
            self.armed = True
            # A zero-length Textual timer divides by zero: never ask for less than 10 ms.
            self.app.set_timer(max(delay, 0.01), self._tick)

    def _tick(self) -> None:
        self.armed = False
        saves = self.app.saves
        if saves is not None and saves.should_save(time.monotonic()):
            self.start()
        else:
            self.arm()

    def start(self, *, force: bool = False) -> None:
        app = self.app
        if app.saves is None or app.profile is None or app.writer is None:
            return
        from alignment_tui.model.profile import now_utc

        app.profile.meta.updated = now_utc()
        snapshot, number = app.writer.snapshot(app.profile)
        app.saves.begin()
        writer, lang = app.writer, app.lang
        app.run_worker(
            lambda: writer.write(snapshot, number, lang, force=force),
            thread=True,
            group="save",
            name="save",
            exit_on_error=False,
        )

    def finished(self, event: Worker.StateChanged) -> None:
        """A save worker ended: record the result, report it, re-arm if changes came meanwhile."""
        from alignment_tui.session import WriteResult
        from alignment_tui.tui.flow import after_write

        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, WriteResult):
            result = event.worker.result
        elif event.state == WorkerState.ERROR:
            # Not a ProfileError (those come back as results): still one line, never a crash.
            result = WriteResult("error", str(event.worker.error).splitlines()[0][:200])
        else:
            return
        after_write(self.app, result, manual=self.manual)
        self.manual = False
        saves = self.app.saves
        if self.wanted and saves is not None and not (saves.paused or saves.read_only):
            # Ctrl+S came while an autosave was writing: save again now, and say so.
            self.wanted = False
            self.manual = True
            self.start()
        else:
            self.wanted = False
            self.arm()

    def save_now(self) -> None:
        """Ctrl+S: at once; read-only or mid-conflict, it offers another file instead."""
        from alignment_tui.tui.flow import save_as

        saves = self.app.saves
        if saves is None:
            return
        if saves.read_only or saves.paused:
            save_as(self.app)
        elif not saves.saving:
            self.manual = True
            self.start()
        else:
            self.wanted = True
