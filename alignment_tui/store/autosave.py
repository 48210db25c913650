"""When to autosave: a debounce with a maximum wait, as pure logic the UI drives."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SaveScheduler:
    """Save ``debounce`` s after the last change, and never later than ``max_wait`` s
    after the first unsaved one, even while changes keep coming."""

    debounce: float = 0.3
    max_wait: float = 0.8
    _first: float | None = None
    _last: float | None = None

    @property
    def dirty(self) -> bool:
        return self._first is not None

    def changed(self, now: float) -> None:
        if self._first is None:
            self._first = now
        self._last = now

    def due(self, now: float) -> bool:
        if self._first is None or self._last is None:
            return False
        return now - self._last >= self.debounce or now - self._first >= self.max_wait

    def next_check(self, now: float) -> float | None:
        """Seconds until a save becomes due (``None`` when nothing is unsaved)."""
        if self._first is None or self._last is None:
            return None
        return max(0.0, min(self._last + self.debounce, self._first + self.max_wait) - now)

    def saved(self) -> None:
        self._first = None
        self._last = None
