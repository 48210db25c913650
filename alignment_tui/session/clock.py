"""The day the session takes for today: the calendar's, unless a test or a demo fixes it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

_fixed: list[date] = []  # the innermost ``fixed`` day wins


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
