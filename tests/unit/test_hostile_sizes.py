"""The slow cases made near-linear give the same answers as the simple way did."""

from __future__ import annotations

import random
import re._constants as constants
import re._parser as parser
import sys
from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_tui.analysis import packs
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
@given(TEXT, TEXT, st.sampled_from([0, 10, 60, 300, words.CALL_STEPS]))
def test_a_word_diff_rebuilds_both_texts(old: str, new: str, steps: int) -> None:
    """Whatever path the budget leaves it (word by word, chunk by chunk, one block),
    nothing is lost."""
    kept = words.CALL_STEPS
    words.CALL_STEPS = steps
    try:
        ops = word_diff(old, new)
    finally:
        words.CALL_STEPS = kept
    assert "".join(o.text for o in ops if o.op != "insert") == old
    assert "".join(o.text for o in ops if o.op != "delete") == new


def _builtin_calls(run: Callable[[], object]) -> int:
    """How many built-in functions ``run`` calls: SequenceMatcher's inner loop calls one per
    pair of equal tokens it looks at, so this counts the comparison's work without timing it
    and without trusting the budget's own count."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event == "c_call":
            calls += 1

    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


# Two answers of 40,000 lines, each line "x" or "y" at random: the stretches of equal lines
# are short and each line matches half the other side, so the unbounded line-by-line
# comparison looked at some 10^10 pairs (264 s here before the budget).
_RANDOM = random.Random(16)
_XY_OLD = "\n".join(_RANDOM.choice("xy") for _ in range(40_000))
_XY_NEW = "\n".join(_RANDOM.choice("xy") for _ in range(40_000))


def test_repetitive_answers_are_compared_within_the_budget_and_nothing_is_lost() -> None:
    ops = word_diff(_XY_OLD, _XY_NEW)
    assert "".join(o.text for o in ops if o.op != "insert") == _XY_OLD
    assert "".join(o.text for o in ops if o.op != "delete") == _XY_NEW
    kept = words.CALL_STEPS
    words.CALL_STEPS = 200_000
    try:
        calls = _builtin_calls(lambda: word_diff(_XY_OLD, _XY_NEW))
    finally:
        words.CALL_STEPS = kept
    # Reading and rejoining the 160,000 tokens costs a few calls each; the comparison itself
    # at most one a step of its budget.
    assert calls < 8 * 160_000 + 200_000


def test_pairing_two_long_items_stays_within_the_budget() -> None:
    """A pair of long items used to cost a SequenceMatcher over their characters (1 vs 1
    item of 20,000 words from ten: not done after 300 s); past the budget they are not
    paired, and the diff shows one removed and one added."""
    vocabulary = ["bread", "rye", "leeds", "oven", "we", "bake", "fresh", "the", "of", "and"]
    old = " ".join(_RANDOM.choice(vocabulary) for _ in range(20_000))
    new = " ".join(_RANDOM.choice(vocabulary) for _ in range(20_000))
    kept = words.CALL_STEPS
    words.CALL_STEPS = 200_000
    try:
        calls = _builtin_calls(lambda: pair([old], [new], 0.45))
    finally:
        words.CALL_STEPS = kept
    assert calls < 4 * (len(old) + len(new)) + 200_000
    assert pair([old], [new], 0.45) == ({}, {0}, {0})
    assert pair(["we bake rye"], ["we bake fresh rye"], 0.45)[0] == {0: 0}


def test_a_whole_diff_shares_one_budget() -> None:
    """However many fields a diff rewords, its work is bounded: once the shared budget is
    spent, the later fields are shown as replaced blocks, still whole."""
    old, new = "we bake rye every day in leeds", "we bake spelt every day in york"
    with words.shared_budget(3 * words.CALL_STEPS) as budget:
        first = word_diff(old, new)
        budget.spend(budget.left)  # as if other fields had used it all
        later = word_diff(old, new)
    assert [o.op for o in first].count("equal") > 1
    assert [(o.op, o.text) for o in later] == [
        ("equal", "we bake "),
        ("delete", "rye every day in leeds"),
        ("insert", "spelt every day in york"),
    ]


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


def _repeated(items: Any) -> Iterator[Any]:
    """What each unbounded repeat (``*``, ``+``, ``{n,}``) of a parsed pattern applies to."""
    for op, arg in items:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            if arg[1] == constants.MAXREPEAT:
                yield arg[2]
            yield from _repeated(arg[2])
        elif op == constants.SUBPATTERN:
            yield from _repeated(arg[-1])
        elif op == constants.BRANCH:
            for branch in arg[1]:
                yield from _repeated(branch)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            yield from _repeated(arg[1])


def _matches(item: Any, char: str) -> bool:
    """Does a one-character item (``.``, ``[…]``, ``\\s``) match ``char``?"""
    if len(item) != 1:
        return False  # a group: not a run of characters of one kind
    op, arg = item[0]
    if op == constants.ANY:
        return char != "\n"
    if op != constants.IN:
        return False
    categories = {
        constants.CATEGORY_SPACE: char.isspace(),
        constants.CATEGORY_NOT_SPACE: not char.isspace(),
        constants.CATEGORY_DIGIT: char.isdigit(),
        constants.CATEGORY_NOT_DIGIT: not char.isdigit(),
        constants.CATEGORY_WORD: char.isalnum() or char == "_",
        constants.CATEGORY_NOT_WORD: not (char.isalnum() or char == "_"),
    }
    negated = hit = False
    for kind, value in arg:
        if kind == constants.NEGATE:
            negated = True
        elif kind == constants.LITERAL:
            hit = hit or ord(char) == value
        elif kind == constants.RANGE:
            hit = hit or value[0] <= ord(char) <= value[1]
        elif kind == constants.CATEGORY:
            hit = hit or categories.get(value, False)
    return hit != negated


def test_no_pattern_of_a_pack_runs_unbounded_across_words() -> None:
    """`[\\d ,.]*` read a run of digits and spaces again from each of its digits, so an
    answer of "1 2 3 …" took 33 s for 30,000 characters (quadratic): a run that may cross
    words must be bounded ({0,15}). Found by running every pattern over repeated units
    at two sizes (benchmarks/patterns.py); this checks every pattern's shape instead."""
    crossing = []
    for code, pack in packs.packs().items():
        regexes = [(f"patterns.{n}", p) for n, p in pack.patterns.items()]
        regexes += [(f"signal {s.rule}", s.regex) for s in pack.signals]
        for name, regex in regexes:
            for item in _repeated(parser.parse(regex.pattern, regex.flags)):
                if _matches(item, " ") and (_matches(item, "a") or _matches(item, "1")):
                    crossing.append(f"{code} {name}")
    assert crossing == []
