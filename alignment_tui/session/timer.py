"""The coach's session timer: counts while the coach works, pauses, resets, and is kept in
the profile (``settings.session_seconds``) so that reopening the file carries on."""

from __future__ import annotations

from dataclasses import dataclass

from alignment_tui.model.profile import Settings


@dataclass
class SessionTimer:
    """``seconds`` counted before ``since`` (a monotonic time); ``since`` is None when paused."""

    seconds: float = 0.0
    since: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings, now: float) -> SessionTimer:
        """Carry on from what the profile kept: running, unless it was left paused."""
        paused = bool(settings.session_paused)
        return cls(float(settings.session_seconds or 0), None if paused else now)

    @property
    def paused(self) -> bool:
        return self.since is None

    def elapsed(self, now: float) -> float:
        return self.seconds + (now - self.since if self.since is not None else 0.0)

    def pause(self, now: float) -> None:
        self.seconds = self.elapsed(now)
        self.since = None

    def resume(self, now: float) -> None:
        if self.since is None:
            self.since = now

    def toggle(self, now: float) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def reset(self, now: float) -> None:
        """Back to 0:00; a running timer keeps running from there."""
        self.seconds = 0.0
        if self.since is not None:
            self.since = now

    def store(self, settings: Settings, now: float) -> bool:
        """Write the timer into the profile's settings; ``True`` when that changed them."""
        seconds = int(self.elapsed(now))
        before = (settings.session_seconds, settings.session_paused)
        settings.session_seconds = seconds or None
        settings.session_paused = True if self.paused else None
        return before != (settings.session_seconds, settings.session_paused)
