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


# Above this many token pairs (old × new), SequenceMatcher's time grows too fast (a 1 MB
# answer took minutes): the texts are compared line by line first, then a line's words.
_EXACT_PAIRS = 4_000_000


def word_diff(old: str, new: str) -> list[WordOp]:
    """Word-level differences, whitespace and punctuation kept so the text reads whole."""
    runs: list[tuple[str, str, bool]] = []  # (old text, new text, same on both sides)
    _runs(_TOKEN.findall(old), _TOKEN.findall(new), runs, by_line=True)
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


def _runs(a: list[str], b: list[str], out: list[tuple[str, str, bool]], *, by_line: bool) -> None:
    """The runs of ``a`` → ``b``: the common start and end set aside (linear), then the
    middle word by word when it is small enough, else line by line, else as one change."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    if start:
        out.append(("".join(a[:start]), "".join(b[:start]), True))
    mid_a, mid_b = a[start : len(a) - end], b[start : len(b) - end]
    if len(mid_a) * len(mid_b) <= _EXACT_PAIRS:
        matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            out.append(("".join(mid_a[i1:i2]), "".join(mid_b[j1:j2]), tag == "equal"))
    elif by_line and (len(_lines(mid_a)) > 1 or len(_lines(mid_b)) > 1):
        lines_a, lines_b = _lines(mid_a), _lines(mid_b)
        keys_a, keys_b = ["".join(x) for x in lines_a], ["".join(x) for x in lines_b]
        matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            old_part = [t for line in lines_a[i1:i2] for t in line]
            new_part = [t for line in lines_b[j1:j2] for t in line]
            if tag == "equal":
                out.append(("".join(old_part), "".join(new_part), True))
            else:
                _runs(old_part, new_part, out, by_line=False)
    else:
        out.append(("".join(mid_a), "".join(mid_b), False))
    if end:
        out.append(("".join(a[len(a) - end :]), "".join(b[len(b) - end :]), True))


def _lines(tokens: list[str]) -> list[list[str]]:
    """Tokens grouped by line (a whitespace token holding a newline ends its line)."""
    lines: list[list[str]] = [[]]
    for token in tokens:
        lines[-1].append(token)
        if "\n" in token:
            lines.append([])
    return [line for line in lines if line]


def norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _ratio(a: str, b: str, threshold: float = 0.0) -> float:
    """How alike two texts are (0–1); 0 when a quick upper bound is already below
    ``threshold`` (they will not be paired, so the exact ratio is not needed)."""
    matcher = difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


# Above this many (old × new) item pairs, similar items are not looked for: each pair costs
# a SequenceMatcher, and 2,000 personas against 2,000 never finished. Identical ones still are.
_SIMILAR_PAIRS = 5_000


def pair(
    old: list[str], new: list[str], threshold: float
) -> tuple[dict[int, int], set[int], set[int]]:
    """Match items: identical first, then the most similar pairs above ``threshold``."""
    pairs: dict[int, int] = {}
    free_new = set(range(len(new)))
    waiting: dict[str, list[int]] = {}  # each text of the new list → where, in order
    for j, b in enumerate(new):
        waiting.setdefault(norm(b), []).append(j)
    for i, a in enumerate(old):
        same = waiting.get(norm(a)) if a else None
        if same:
            j = same.pop(0)
            pairs[i] = j
            free_new.discard(j)
    left = [i for i in range(len(old)) if i not in pairs]
    if len(left) * len(free_new) > _SIMILAR_PAIRS:
        return pairs, set(left), free_new
    candidates = sorted(
        ((_ratio(old[i], new[j], threshold), i, j) for i in left for j in free_new),
        reverse=True,
    )
    for score, i, j in candidates:
        if score >= threshold and i not in pairs and j in free_new:
            pairs[i] = j
            free_new.discard(j)
    return pairs, set(range(len(old))) - set(pairs), free_new
