"""Where the user is in the walk and whether the profile needs saving (no UI code)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
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

StepKind = Literal["intro", "question", "review", "summary"]


@dataclass(frozen=True)
class Step:
    """One screen of the walk: a layer's intro card, a question, a layer review, the summary."""

    kind: StepKind
    layer: str = ""
    qid: str = ""

    @property
    def key(self) -> str:
        """How the step is written in ``profile.meta.position``: a question id, or kind:layer."""
        if self.kind == "question":
            return self.qid
        if self.kind == "summary":
            return "summary"
        return f"{self.kind}:{self.layer}"


class Session:
    """The walk's order and the current step: next, back, jump and skip never refuse."""

    def __init__(self, plan: Sequence[tuple[str, Sequence[str]]]) -> None:
        """``plan``: each layer with the ids of its questions, in walk order."""
        steps: list[Step] = []
        for layer, qids in plan:
            steps.append(Step("intro", layer))
            steps.extend(Step("question", layer, qid) for qid in qids)
            steps.append(Step("review", layer))
        steps.append(Step("summary"))
        self.steps: tuple[Step, ...] = tuple(steps)
        self.layers: tuple[str, ...] = tuple(layer for layer, _ in plan)
        self._index_of = {step.key: i for i, step in enumerate(self.steps)}
        self.index = 0

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def at_end(self) -> bool:
        return self.index == len(self.steps) - 1

    def next(self) -> Step:
        self.index = min(self.index + 1, len(self.steps) - 1)
        return self.current

    def back(self) -> Step:
        self.index = max(self.index - 1, 0)
        return self.current

    def go(self, key: str) -> bool:
        """Jump to the step with this key (question id, ``intro:LAYER``, …); ``False`` if none."""
        index = self._index_of.get(key)
        if index is None:
            return False
        self.index = index
        return True

    def go_layer(self, layer: str) -> bool:
        """Jump to a layer's intro card."""
        return self.go(f"intro:{layer}")

    def restore(self, position: str) -> None:
        """Land where the user was; an unknown position (another bank) starts at the top."""
        if not self.go(position):
            self.index = 0

    def questions(self, layer: str | None = None) -> list[Step]:
        return [
            s for s in self.steps if s.kind == "question" and (layer is None or s.layer == layer)
        ]

    def skip(self, skipped: list[str]) -> Step:
        """Mark the current question skipped (in ``skipped``, the profile's list) and move on."""
        step = self.current
        if step.kind == "question" and step.qid not in skipped:
            skipped.append(step.qid)
        return self.next()

    def progress(self) -> tuple[int, int]:
        """(number of the current question, number of questions), both counted from 1."""
        questions = self.questions()
        done = sum(1 for s in self.steps[: self.index + 1] if s.kind == "question")
        return done, len(questions)


def unskip(skipped: list[str], qid: str) -> bool:
    """An answer given to a skipped question takes it off the list; ``True`` if it was there."""
    if qid in skipped:
        skipped.remove(qid)
        return True
    return False


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
