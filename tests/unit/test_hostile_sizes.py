"""The slow cases made near-linear give the same answers as the simple way did."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_tui.analysis.structure import _first_copies
from alignment_tui.report import words
from alignment_tui.report.words import pair, word_diff

WORDS = st.sampled_from(["bread", "rye", "leeds", "oven", "5am", "we", "bake", "fresh", "x"])
BAGS = st.lists(st.frozensets(WORDS, min_size=1, max_size=8), max_size=25)


def _brute(bags: list[frozenset[str]], threshold: float) -> Iterator[tuple[int, int]]:
    """Every bag against every earlier one, as the rule did before."""
    for k, bag in enumerate(bags):
        for j in range(k):
            other = bags[j]
            if min(len(bag), len(other)) < threshold * max(len(bag), len(other)):
                continue
            if len(bag & other) / len(bag | other) >= threshold:
                yield k, j
                break


@settings(max_examples=300, deadline=None)
@given(BAGS, st.sampled_from([0.5, 0.7, 0.85, 1.0]))
def test_prefix_filtering_finds_the_same_copies(bags: list[frozenset[str]], t: float) -> None:
    assert list(_first_copies(bags, t)) == list(_brute(bags, t))


TEXT = st.text(alphabet="ab .,\n", max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, st.sampled_from([0, 4, 4_000_000]))
def test_a_word_diff_rebuilds_both_texts(old: str, new: str, exact_pairs: int) -> None:
    """Whatever path it takes (word by word, line by line, one block), nothing is lost."""
    kept = words._EXACT_PAIRS
    words._EXACT_PAIRS = exact_pairs
    try:
        ops = word_diff(old, new)
    finally:
        words._EXACT_PAIRS = kept
    assert "".join(o.text for o in ops if o.op != "insert") == old
    assert "".join(o.text for o in ops if o.op != "delete") == new


def test_a_megabyte_answer_changed_in_places_is_compared_line_by_line() -> None:
    lines = [
        f"Line {i}: we bake rye in Leeds at 5am, because fresh bread matters."
        for i in range(12_000)
    ]
    old = "\n".join(lines)
    changed = list(lines)
    for i in range(0, 12_000, 1_000):
        changed[i] = changed[i].replace("rye", "spelt")
    ops = word_diff(old, "\n".join(changed))
    assert [o.text for o in ops if o.op == "insert"] == ["spelt"] * 12
    assert [o.text for o in ops if o.op == "delete"] == ["rye"] * 12


def test_identical_items_pair_first_in_order_and_huge_lists_skip_the_similar() -> None:
    pairs, gone, fresh = pair(["a", "b", "a", "c d e"], ["a", "x", "a", "c d f"], 0.6)
    assert pairs == {0: 0, 2: 2, 3: 3} and gone == {1} and fresh == {1}
    many = [f"message {i} about bread" for i in range(200)]
    pairs, gone, fresh = pair(many, [m + "!" for m in many], 0.6)
    assert pairs == {} and len(gone) == len(fresh) == 200  # 40,000 pairs: not compared
