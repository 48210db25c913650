"""Word-level differences and similarity pairing of texts, for the profile diff."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# A chunk (the unit compared when a text is too long to compare word by word) ends at a
# line break or after a sentence's last mark.
_CHUNK_END = frozenset(".!?…")


@dataclass(frozen=True)
class WordOp:
    """A run of the word-level diff: ``equal``, ``delete`` (old only) or ``insert`` (new only)."""

    op: str
    text: str


class _Exhausted(Exception):
    """The comparison would need more work than its budget allows."""


class Budget:
    """Steps of comparison work left; a comparison that would pass it stops, and its caller
    falls back to a coarser answer (chunk by chunk, then one block; not paired).

    A step is one look at a pair of tokens or one token read; a budget made from another
    (``part``) spends from both, so a whole diff stays bounded however many fields it has.
    """

    def __init__(self, steps: int, parent: Budget | None = None) -> None:
        self.left = steps
        self.spent = 0
        self._parent = parent

    def part(self, steps: int) -> Budget:
        return Budget(min(steps, self.left), self)

    def spend(self, steps: int) -> None:
        """Pay for ``steps`` before doing them; ``_Exhausted`` (nothing paid) if this budget
        or one it was made from cannot."""
        if not self._affords(steps):
            raise _Exhausted
        budget: Budget | None = self
        while budget is not None:
            budget.left -= steps
            budget.spent += steps
            budget = budget._parent

    def _affords(self, steps: int) -> bool:
        return steps <= self.left and (self._parent is None or self._parent._affords(steps))


# One call's work: about 0.3 s here (some 20 million steps a second); enough to compare word
# by word two answers of a thousand words or more.
CALL_STEPS = 6_000_000
# A whole profile diff's work (some 1.5 s), however many fields it compares.
DIFF_STEPS = 5 * CALL_STEPS
_SHARED: ContextVar[Budget | None] = ContextVar("shared_budget", default=None)


@contextmanager
def shared_budget(steps: int) -> Iterator[Budget]:
    """Every comparison inside spends from one budget of ``steps`` (as well as its own)."""
    budget = Budget(steps)
    token = _SHARED.set(budget)
    try:
        yield budget
    finally:
        _SHARED.reset(token)


def _call_budget() -> Budget:
    shared = _SHARED.get()
    return Budget(CALL_STEPS) if shared is None else shared.part(CALL_STEPS)


class _Matcher(difflib.SequenceMatcher[Hashable]):
    """A SequenceMatcher that pays for its work before doing it and stops when the budget
    cannot: its longest-match search looks at every pair of equal tokens, so texts made of
    a few repeated words or lines cost it far more than their length."""

    def __init__(self, a: Sequence[Hashable], b: Sequence[Hashable], budget: Budget) -> None:
        budget.spend(2 * (len(a) + len(b)))  # indexing b, here and in SequenceMatcher
        self._budget, self._a, self._b = budget, a, b
        self._places: dict[Hashable, list[int]] = {}
        for j, token in enumerate(b):
            self._places.setdefault(token, []).append(j)
        super().__init__(None, a, b, autojunk=False)

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> difflib.Match:
        ahi = len(self._a) if ahi is None else ahi
        bhi = len(self._b) if bhi is None else bhi
        self._budget.spend(ahi - alo)  # counting what the search will cost reads a[alo:ahi]
        places, a, nothing = self._places, self._a, list[int]()
        # The search visits, for each token of a, its places in b up to bhi.
        cost = sum(bisect_left(places.get(a[i], nothing), bhi) for i in range(alo, ahi))
        self._budget.spend(cost)
        return super().find_longest_match(alo, ahi, blo, bhi)

    def quick_ratio(self) -> float:
        self._budget.spend(len(self._a) + len(self._b))
        return super().quick_ratio()


Run = tuple[str, str, bool]  # (old text, new text, same on both sides)


def word_diff(old: str, new: str) -> list[WordOp]:
    """Word-level differences, whitespace and punctuation kept so the text reads whole.

    The work is bounded (a budget of steps): texts too long or too repetitive to compare
    word by word are compared chunk by chunk (lines and sentences), then the changed chunks
    word by word while the budget lasts; what is left is shown as one replaced block.
    """
    runs: list[Run] = []
    _runs(_TOKEN.findall(old), _TOKEN.findall(new), runs, _call_budget())
    merged: list[Run] = []
    for k, (x, y, same) in enumerate(runs):
        # A lone space between two edits joins them: "[-a b-]{+c d+}" reads better than
        # "[-a-]{+c+} [-b-]{+d+}".
        if same and not x.strip() and 0 < k < len(runs) - 1:
            same = runs[k - 1][2] or runs[k + 1][2]
        if merged and not same and not merged[-1][2]:
            px, py, _ = merged[-1]
            merged[-1] = (px + x, py + y, False)
        else:
            merged.append((x, y, same))
    ops: list[WordOp] = []
    for x, y, same in merged:
        if same:
            ops.append(WordOp("equal", x))
            continue
        if x:
            ops.append(WordOp("delete", x))
        if y:
            ops.append(WordOp("insert", y))
    return ops


def _runs(a: list[str], b: list[str], out: list[Run], budget: Budget, chunks: bool = True) -> None:
    """The runs of ``a`` → ``b``: the common start and end set aside (linear), then the
    middle word by word if half the budget allows, else chunk by chunk, else one change."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    if start:
        out.append(("".join(a[:start]), "".join(b[:start]), True))
    mid_a, mid_b = a[start : len(a) - end], b[start : len(b) - end]
    middle = _words(mid_a, mid_b, budget.part(budget.left // 2) if chunks else budget)
    if middle is None and chunks:
        middle = _chunks(mid_a, mid_b, budget)
    out.extend(middle or [("".join(mid_a), "".join(mid_b), False)])
    if end:
        out.append(("".join(a[len(a) - end :]), "".join(b[len(b) - end :]), True))


def _words(a: list[str], b: list[str], budget: Budget) -> list[Run] | None:
    """The runs of a word-by-word comparison, ``None`` when the budget does not allow it."""
    try:
        opcodes = _Matcher(a, b, budget).get_opcodes()
    except _Exhausted:
        return None
    return [
        ("".join(a[i1:i2]), "".join(b[j1:j2]), tag == "equal") for tag, i1, i2, j1, j2 in opcodes
    ]


def _chunks(a: list[str], b: list[str], budget: Budget) -> list[Run] | None:
    """Equal chunks matched first, then each changed stretch word by word."""
    chunks_a, chunks_b = _split(a), _split(b)
    if len(chunks_a) <= 1 and len(chunks_b) <= 1:
        return None  # one chunk on each side: it was the word-by-word comparison
    keys_a, keys_b = ["".join(x) for x in chunks_a], ["".join(x) for x in chunks_b]
    try:
        opcodes = _Matcher(keys_a, keys_b, budget).get_opcodes()
    except _Exhausted:
        return None
    out: list[Run] = []
    for tag, i1, i2, j1, j2 in opcodes:
        old_part = [t for chunk in chunks_a[i1:i2] for t in chunk]
        new_part = [t for chunk in chunks_b[j1:j2] for t in chunk]
        if tag == "equal":
            out.append(("".join(old_part), "".join(new_part), True))
        else:  # once the budget is spent, each later stretch is one change (no work)
            _runs(old_part, new_part, out, budget, chunks=False)
    return out


def _split(tokens: list[str]) -> list[list[str]]:
    """Tokens grouped by chunk: a whitespace token ends one when it holds a line break or
    follows a sentence's last mark."""
    chunks: list[list[str]] = [[]]
    for k, token in enumerate(tokens):
        chunks[-1].append(token)
        if token.isspace() and ("\n" in token or (k and tokens[k - 1] in _CHUNK_END)):
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


def norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _ratio(a: str, b: str, threshold: float, budget: Budget) -> float:
    """How alike two normalised texts are (0–1); 0 when a quick upper bound is already
    below ``threshold`` (they will not be paired) or when the budget cannot tell."""
    if not a or not b:
        return float(a == b)  # two blank items are alike, as SequenceMatcher says
    if 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return 0.0  # the length alone bounds the ratio (real_quick_ratio, before indexing)
    try:
        matcher = _Matcher(a, b, budget)
        if matcher.quick_ratio() < threshold:
            return 0.0
        return matcher.ratio()
    except _Exhausted:
        return 0.0


# Above this many (old × new) item pairs, similar items are not looked for: each pair costs
# a SequenceMatcher, and 2,000 personas against 2,000 never finished. Identical ones still are.
_SIMILAR_PAIRS = 5_000


def pair(
    old: list[str], new: list[str], threshold: float
) -> tuple[dict[int, int], set[int], set[int]]:
    """Match items: identical first, then the most similar pairs above ``threshold``; pairs
    the budget cannot afford to compare count as not similar."""
    pairs: dict[int, int] = {}
    free_new = set(range(len(new)))
    old_norms, new_norms = [norm(a) for a in old], [norm(b) for b in new]
    waiting: dict[str, list[int]] = {}  # each text of the new list → where, in order
    for j, b in enumerate(new_norms):
        waiting.setdefault(b, []).append(j)
    for i, a in enumerate(old_norms):
        same = waiting.get(a) if old[i] else None
        if same:
            j = same.pop(0)
            pairs[i] = j
            free_new.discard(j)
    left = [i for i in range(len(old)) if i not in pairs]
    if len(left) * len(free_new) > _SIMILAR_PAIRS:
        return pairs, set(left), free_new
    budget = _call_budget()
    candidates = sorted(
        (
            (_ratio(old_norms[i], new_norms[j], threshold, budget), i, j)
            for i in left
            for j in sorted(free_new)
        ),
        reverse=True,
    )
    for score, i, j in candidates:
        if score >= threshold and i not in pairs and j in free_new:
            pairs[i] = j
            free_new.discard(j)
    return pairs, set(range(len(old))) - set(pairs), free_new
