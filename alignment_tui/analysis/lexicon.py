"""Word lists as data (each language pack's ``lexicon.toml``) and a fast whole-word matcher."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import resettable
from alignment_tui.analysis.recognise import fold

_TOKEN = re.compile(r"\w+")
# Characters allowed between two words of one phrase: a phrase never spans a sentence break.
_JOINERS = frozenset(" \t-'")
_SINGULAR_TOO = frozenset({"signal.audience", "signal.beneficiary"})
_NEAR = 120  # the longest exception or accepted term, in characters
_STEM = 3  # a word ending with * needs at least this many letters before it
_MEMO_MAX = 200_000  # steps through the trie remembered (a few MB at most)


@dataclass(frozen=True, eq=False)
class Entry:
    """One list entry: the rule it feeds, its phrases, why they are vague, a rewrite."""

    rule: str
    lang: str
    phrases: tuple[str, ...]
    note: str
    source: str = ""
    rewrite: str = ""
    exceptions: tuple[str, ...] = ()
    layers: tuple[str, ...] = ()
    weight: str | None = None  # "strong", "weak", or None: by the number of words matched


class Hit(NamedTuple):
    """A phrase of ``entry`` found at ``start:end`` of the text (a tuple, as tokens are:
    a frozen dataclass took five times as long to make, and every answer makes dozens)."""

    start: int
    end: int
    entry: Entry


class Token(NamedTuple):
    """One folded word and its offsets (a tuple: answers make thousands of them)."""

    start: int
    end: int
    key: str


def tokens(text: str) -> list[Token]:
    """Words of ``text`` folded (lower-case, unaccented, œ → oe) with their offsets."""
    folded = fold(text)
    if "œ" in folded or "æ" in folded:
        return [
            Token(m.start(), m.end(), m.group().replace("œ", "oe").replace("æ", "ae"))
            for m in _TOKEN.finditer(folded)
        ]
    # The tuple built directly: a NamedTuple's own constructor costs a third more, and
    # every answer makes dozens of tokens.
    return [_new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(folded)]


_new = tuple.__new__


def _pattern(phrase: str) -> tuple[str, ...]:
    words = tuple(t.key for t in tokens(phrase.replace("*", "STAR")))
    return tuple(w[:-4] + "*" if w.endswith("star") else w for w in words)


class _Node:
    __slots__ = ("entries", "exact", "prefix")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.prefix: dict[str, list[tuple[str, _Node]]] = {}
        self.entries: list[Entry] = []


# The nodes a word leads to, and those of them a next word can lead further from.
_Step = tuple[tuple[_Node, ...], tuple[_Node, ...]]


class Matcher:
    """Finds every phrase of many entries in one pass over the words of a text (a word trie)."""

    def __init__(self, entries: Iterable[tuple[str, Entry]]) -> None:
        self._root = _Node()
        self._memo: dict[tuple[tuple[_Node, ...], str], _Step] = {}
        self._first: dict[str, _Step] = {}  # the first step, by word alone (most steps)
        for phrase, entry in entries:
            words = _pattern(phrase)
            if not words or all(w.rstrip("*").isdigit() for w in words):
                continue
            node = self._root
            for w in words:
                node = self._child(node, w)
            if entry not in node.entries:
                node.entries.append(entry)

    @staticmethod
    def _child(node: _Node, word: str) -> _Node:
        if word.endswith("*"):
            stem = word[:-1]
            bucket = node.prefix.setdefault(stem[:_STEM], [])
            for known, child in bucket:
                if known == stem:
                    return child
            child = _Node()
            bucket.append((stem, child))
            return child
        return node.exact.setdefault(word, _Node())

    def _step(self, frontier: tuple[_Node, ...], key: str) -> _Step:
        """The nodes one word leads to from ``frontier``, and those of them a next word
        can lead further from (remembered: the same words and the same places in the trie
        come back answer after answer)."""
        memo_key = (frontier, key)
        found = self._memo.get(memo_key)
        if found is not None:
            return found
        nxt: list[_Node] = []
        for node in frontier:
            child = node.exact.get(key)
            if child is not None:
                nxt.append(child)
            if node.prefix:
                for stem, pchild in node.prefix.get(key[:_STEM], ()):
                    if key.startswith(stem):
                        nxt.append(pchild)
        result = (tuple(nxt), tuple(n for n in nxt if n.exact or n.prefix))
        if len(self._memo) < _MEMO_MAX:
            self._memo[memo_key] = result
        return result

    def find(
        self, text: str, toks: list[Token] | None = None, lang: str | None = None
    ) -> list[Hit]:
        """Longest phrase of each entry at each word, minus hits inside a longer one.

        With ``lang`` set, a lone word of the other language's list does not count
        (English "leader's" is not French « leader »); phrases always do.
        """
        toks = tokens(text) if toks is None else toks
        hits: list[Hit] = []
        n = len(toks)
        first_steps = self._first
        for i in range(n):
            start = toks[i]
            step = first_steps.get(start.key)
            if step is None:
                step = self._step((self._root,), start.key)
                if len(first_steps) < _MEMO_MAX:
                    first_steps[start.key] = step
            nxt, frontier = step
            if not nxt:
                continue  # most words start no phrase
            best: dict[Entry, int] = {}
            for node in nxt:
                for entry in node.entries:
                    if not lang or entry.lang == lang:
                        best[entry] = i + 1
            k = i + 1
            while frontier and k < n:
                if not _joined(text, toks[k - 1].end, toks[k].start):
                    break
                nxt, frontier = self._step(frontier, toks[k].key)
                k += 1
                for node in nxt:
                    for entry in node.entries:
                        best[entry] = k
            for entry, stop in best.items():
                end = toks[stop - 1].end
                # « beaucoup d' »: a phrase that ends on an elision takes its apostrophe.
                if end < len(text) and text[end] in _APOSTROPHES and _elided(entry):
                    end += 1
                hits.append(Hit(start.start, end, entry))
        return _drop_inner(hits) if len(hits) > 1 else hits


_APOSTROPHES = frozenset("'’")


@cache
def _elided(entry: Entry) -> bool:
    return any(p.rstrip().endswith(("'", "’")) for p in entry.phrases)


def _joined(text: str, end: int, start: int) -> bool:
    if start - end == 1 and text[end] == " ":
        return True
    gap = text[end:start]
    return len(gap) <= 3 and all(c in _JOINERS or c in "’‑" for c in gap)


def _drop_inner(hits: list[Hit]) -> list[Hit]:
    """One hit per stretch of words for a rule: overlapping hits merge into one
    ("on social" and "social media" in "on social media" are one finding)."""
    by_rule: dict[str, list[Hit]] = {}
    for h in hits:
        by_rule.setdefault(h.entry.rule, []).append(h)
    out: list[Hit] = []
    for group in by_rule.values():
        if len(group) == 1:
            out.extend(group)
            continue
        kept: list[Hit] = []
        for h in sorted(group, key=lambda h: (h.start, -h.end)):
            if kept and h.start < kept[-1].end:
                last = kept[-1]
                longer = h if h.end - h.start > last.end - last.start else last
                kept[-1] = Hit(last.start, max(last.end, h.end), longer.entry)
                continue
            kept.append(h)
        out.extend(kept)
    return out


def _load(pack: packs.Pack) -> list[Entry]:
    entries = []
    for item in pack.entries:
        phrases = list(item.match)
        if item.rule in _SINGULAR_TOO:
            # A named group counts in the singular too ("a parent", « un artisan »).
            phrases += [p[:-1] for p in phrases if p.endswith("s") and len(p) > 4]
        entries.append(
            Entry(
                rule=item.rule,
                lang=pack.code,
                phrases=tuple(phrases),
                note=item.note,
                source=item.source,
                rewrite=item.rewrite,
                exceptions=tuple(item.except_),
                layers=tuple(item.layers),
                weight=item.weight,
            )
        )
    return entries


@resettable
@cache
def entries() -> tuple[Entry, ...]:
    """Every entry of every language's list."""
    return tuple(e for pack in packs.packs().values() for e in _load(pack))


@resettable
@cache
def matcher() -> Matcher:
    """One matcher over the phrases and exceptions of both languages (answers mix them)."""
    pairs = [(p, e) for e in entries() for p in e.phrases]
    pairs += [(p, _shadow(e)) for e in entries() for p in e.exceptions]
    return Matcher(pairs)


@resettable
@cache
def _shadow(entry: Entry) -> Entry:
    """The stand-in whose hits mark where ``entry`` must not fire."""
    return Entry("!" + entry.rule, entry.lang, entry.phrases, entry.note, layers=entry.layers)


def find(
    text: str,
    toks: list[Token],
    layer: str,
    accepted: Collection[str] = (),
    lang: str | None = None,
) -> list[Hit]:
    """Hits of the entries that apply to ``layer``, minus exceptions and accepted terms.

    ``lang``: see ``Matcher.find`` (phrases of both languages count, since answers mix them).
    """
    hits: list[Hit] = []
    spared: list[tuple[int, int, str | None]] = []
    for h in matcher().find(text, toks, lang):
        if h.entry.layers and layer not in h.entry.layers:
            continue
        if h.entry.rule.startswith("!"):
            spared.append((h.start, h.end, h.entry.rule[1:]))
        else:
            hits.append(h)
    if not hits:
        return hits
    if accepted:
        spared += _accepted_spans(text, toks, accepted)
    if not spared:
        return hits
    spared.sort()
    starts = [s for s, _, _ in spared]
    kept = []
    for h in hits:
        # Spared spans are phrases of a few words: only those starting near the hit matter.
        lo = bisect_left(starts, h.start - _NEAR)
        hi = bisect_left(starts, h.end)
        if not any(
            spared[i][1] > h.start and (spared[i][2] is None or spared[i][2] == h.entry.rule)
            for i in range(lo, hi)
        ):
            kept.append(h)
    return kept


def _accepted_spans(
    text: str, toks: list[Token], accepted: Collection[str]
) -> list[tuple[int, int, str | None]]:
    found = _accepted_matcher(tuple(accepted)).find(text, toks)
    return [(h.start, h.end, None) for h in found]


@lru_cache(maxsize=8)
def _accepted_matcher(accepted: tuple[str, ...]) -> Matcher:
    """One matcher per profile's accepted terms (every answer of the profile reuses it)."""
    stub = Entry("accepted", "", (), "")
    return Matcher((term, stub) for term in accepted if term.strip())
