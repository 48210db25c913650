"""Word-level differences and similarity pairing of texts, for the profile diff."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class WordOp:
    """A run of the word-level diff: ``equal``, ``delete`` (old only) or ``insert`` (new only)."""

    op: str
    text: str


def word_diff(old: str, new: str) -> list[WordOp]:
    """Word-level differences, whitespace and punctuation kept so the text reads whole."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[tuple[str, str, bool]] = []  # (old text, new text, same on both sides)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        runs.append(("".join(a[i1:i2]), "".join(b[j1:j2]), tag == "equal"))
    merged: list[tuple[str, str, bool]] = []
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


def norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def pair(
    old: list[str], new: list[str], threshold: float
) -> tuple[dict[int, int], set[int], set[int]]:
    """Match items: identical first, then the most similar pairs above ``threshold``."""
    pairs: dict[int, int] = {}
    free_new = set(range(len(new)))
    for i, a in enumerate(old):
        for j in sorted(free_new):
            if a and norm(a) == norm(new[j]):
                pairs[i] = j
                free_new.discard(j)
                break
    candidates = sorted(
        (
            (_ratio(old[i], new[j]), i, j)
            for i in range(len(old))
            if i not in pairs
            for j in free_new
        ),
        reverse=True,
    )
    for score, i, j in candidates:
        if score >= threshold and i not in pairs and j in free_new:
            pairs[i] = j
            free_new.discard(j)
    return pairs, set(range(len(old))) - set(pairs), free_new
