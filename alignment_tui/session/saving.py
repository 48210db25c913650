"""Autosave bookkeeping and the writer of numbered snapshots (no UI code)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from alignment_tui.model.profile import Profile
from alignment_tui.store import (
    FileStamp,
    ProfileError,
    changed_on_disk,
    same_content,
    save_profile,
)
from alignment_tui.store.autosave import SaveScheduler


@dataclass
class SaveState:
    """Autosave bookkeeping: when a save is due, one save at a time, paused on a conflict."""

    read_only: bool = False
    scheduler: SaveScheduler = field(default_factory=SaveScheduler)
    saving: bool = False
    paused: bool = False
    last_error: str = ""

    @property
    def dirty(self) -> bool:
        return self.scheduler.dirty

    def changed(self, now: float) -> None:
        if not self.read_only:
            self.scheduler.changed(now)

    def should_save(self, now: float) -> bool:
        return not (self.read_only or self.saving or self.paused) and self.scheduler.due(now)

    def next_check(self, now: float) -> float | None:
        if self.read_only or self.paused:
            return None
        return self.scheduler.next_check(now)

    def begin(self) -> None:
        """A save starts from a snapshot: later changes make the profile dirty again."""
        self.saving = True
        self.scheduler.saved()

    def done(self, error: str = "", *, now: float = 0.0) -> bool:
        """The save finished; on failure the change is kept pending. ``True`` for a new error."""
        self.saving = False
        if not error:
            self.last_error = ""
            return False
        self.scheduler.changed(now)
        fresh = error != self.last_error
        self.last_error = error
        return fresh


@dataclass(frozen=True)
class WriteResult:
    """``saved``; ``unchanged`` (the file already holds it: nothing written); ``stale`` (a
    newer snapshot is already on disk); ``conflict``; ``error``."""

    status: Literal["saved", "unchanged", "stale", "conflict", "error"]
    message: str = ""


class ProfileWriter:
    """Writes numbered snapshots of the profile, one at a time, never an older over a newer,
    and never over a file someone else changed since we last read or wrote it."""

    def __init__(self, path: Path, stamp: FileStamp | None, on_disk: Profile | None = None) -> None:
        self.path = path
        self.stamp = stamp
        # What the file holds (a private copy), so that a save changing nothing is skipped.
        self.on_disk = on_disk.model_copy(deep=True) if on_disk is not None else None
        self._lock = threading.Lock()
        self._taken = 0
        self._written = 0

    def snapshot(self, profile: Profile) -> tuple[Profile, int]:
        """A private copy to write from another thread, and its number (call on the UI thread)."""
        self._taken += 1
        return profile.model_copy(deep=True), self._taken

    def write(
        self, snapshot: Profile, number: int, lang: str, *, force: bool = False
    ) -> WriteResult:
        with self._lock:
            if number <= self._written:
                return WriteResult("stale")
            if not force and self.on_disk is not None and same_content(snapshot, self.on_disk):
                self._written = number
                return WriteResult("unchanged")
            if not force and changed_on_disk(self.path, self.stamp):
                return WriteResult("conflict")
            try:
                self.stamp = save_profile(snapshot, self.path)
            except ProfileError as exc:
                return WriteResult("error", exc.message(lang))
            self.on_disk = snapshot
            self._written = number
            return WriteResult("saved")

    def reset(self, path: Path, stamp: FileStamp | None, on_disk: Profile | None = None) -> None:
        """After a reload or a save-as: earlier snapshots must not be written any more."""
        with self._lock:
            self.path = path
            self.stamp = stamp
            self.on_disk = on_disk.model_copy(deep=True) if on_disk is not None else None
            self._written = self._taken
