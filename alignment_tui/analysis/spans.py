"""Spans of a text asked, many times over, whether one of them holds a position or a span."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """``(start, end)`` spans, possibly overlapping, sorted once: each question then costs
    a binary search, where asking each span in turn made an answer holding thousands of
    spans and thousands of hits quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest any span starting at or before the k-th start reaches.
        self._reach = list(accumulate((end for _, end in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def _furthest(self, position: int) -> int | None:
        k = bisect_right(self._starts, position)
        return self._reach[k - 1] if k else None

    def hold(self, position: int) -> bool:
        """Does a span hold ``position`` (``start <= position < end``)?"""
        reach = self._furthest(position)
        return reach is not None and reach > position

    def contain(self, start: int, end: int) -> bool:
        """Does one span hold the whole of ``start:end``?"""
        reach = self._furthest(start)
        return reach is not None and reach >= end
