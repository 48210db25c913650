"""The day the session takes for today, and the coach's timer's seconds: the calendar's and
the machine's, unless a test or a demo fixes them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

_fixed: list[date] = []  # the innermost ``fixed`` day wins
_held: list[float] = []  # the innermost ``held`` time wins


def today() -> date:
    """Today, as the summary's pace findings and the next period read it."""
    return _fixed[-1] if _fixed else date.today()


@contextmanager
def fixed(day: date) -> Iterator[date]:
    """``today()`` is ``day`` inside the block (a Pilot test, a reproducible screenshot)."""
    _fixed.append(day)
    try:
        yield day
    finally:
        _fixed.pop()


def monotonic() -> float:
    """Seconds for the coach's session timer (``time.monotonic``, unless ``held``)."""
    return _held[-1] if _held else time.monotonic()


@contextmanager
def held(at: float = 0.0) -> Iterator[Callable[[float], None]]:
    """``monotonic()`` stands still at ``at`` inside the block, however long the machine
    takes; the function it gives moves it on by so many seconds (a test of the timer)."""
    _held.append(at)
    index = len(_held) - 1

    def move_on(seconds: float) -> None:
        _held[index] += seconds

    try:
        yield move_on
    finally:
        _held.pop()
