"""Spans answer as asking each span in turn did, in a binary search instead."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_tui.analysis.context import Context
from alignment_tui.analysis.spans import Spans

SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(-2, 55), st.integers(0, 10))
def test_spans_hold_and_contain_as_the_loops_did(
    spans: list[tuple[int, int]], position: int, width: int
) -> None:
    found = Spans(spans)
    assert found.hold(position) == any(s <= position < e for s, e in spans)
    end = position + width
    assert found.contain(position, end) == any(s <= position and end <= e for s, e in spans)
    assert bool(found) == bool(spans)


@settings(max_examples=200, deadline=None)
@given(SPANS, st.text(alphabet="ab1 %", min_size=50, max_size=60))
def test_plain_blanks_the_unmeasured_spans_as_one_at_a_time_did(
    spans: list[tuple[int, int]], text: str
) -> None:
    ctx = Context(
        text=text, layer="vision", lang="en", field=None, today=date(2026, 1, 1), params={}
    )
    ordered = sorted((s, min(e, len(text))) for s, e in spans if s < len(text))
    ctx.__dict__["unmeasured"] = ordered  # the cached property, set as the rules found it
    expected = text
    for start, end in ordered:
        expected = expected[:start] + " " * (end - start) + expected[end:]
    assert ctx.plain == expected
