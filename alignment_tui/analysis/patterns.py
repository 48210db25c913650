"""Sentence patterns word lists cannot hold, from the language packs: choices, conditions,
behaviours, timings (``signal.*`` evidence), numbers that measure nothing, and the named
patterns the rules ask for (``search``/``finditer`` by name)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import resettable
from alignment_tui.analysis.lexicon import Entry, Hit
from alignment_tui.analysis.recognise import fold

# Patterns are searched around the words they need: from this many characters before one
# to this many after (the longest pattern spans a clause of 80 characters).
_BEFORE, _AFTER = 24, 140
_HYPE_LAYERS = ("values", "vision", "mission")
_HYPE_CHARS = "%/°"


def chosen(langs: Iterable[str] | None) -> list[packs.Pack]:
    """The packs of ``langs`` (every pack for ``None``: the language is not sure)."""
    every = packs.packs()
    if langs is None:
        return list(every.values())
    return [every[code] for code in langs if code in every]


@resettable
@cache
def words(name: str, langs: tuple[str, ...] | None) -> frozenset[str]:
    """A word class of the chosen packs (every pack for ``None``)."""
    return frozenset(w for p in chosen(langs) for w in p.words[name])


@resettable
@cache
def stopwords(langs: tuple[str, ...] | None) -> frozenset[str]:
    """The stop words of the chosen packs, folded as the answers are."""
    return frozenset(fold(w) for p in chosen(langs) for w in p.stopwords)


@resettable
@cache
def word_alternation(name: str, langs: tuple[str, ...] | None) -> str:
    """A word class of the chosen packs as a regex alternation (longest first)."""
    return packs.alternation(words(name, langs))


@resettable
@cache
def word_tree(name: str, langs: tuple[str, ...] | None) -> str:
    """The same as ``word_alternation``, as a tree of shared beginnings (faster to match;
    for patterns compiled without IGNORECASE)."""
    return packs.trie_alternation(words(name, langs))


def search(
    name: str,
    text: str,
    langs: Iterable[str] | None = None,
    pos: int = 0,
    endpos: int | None = None,
) -> re.Match[str] | None:
    """The leftmost match of the named pattern of any chosen pack (in ``pos:endpos``)."""
    best: re.Match[str] | None = None
    end = len(text) if endpos is None else endpos
    for pack in chosen(langs):
        m = pack.patterns[name].search(text, pos, end)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def finditer(name: str, text: str, langs: Iterable[str] | None = None) -> list[re.Match[str]]:
    """Every match of the named pattern of every chosen pack, in text order (a span two
    packs both match counts once)."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for pack in chosen(langs):
        for m in pack.patterns[name].finditer(text):
            found.setdefault(m.span(), m)
    return sorted(found.values(), key=lambda m: (m.start(), -m.end()))


@resettable
@cache
def _entry(rule: str, lang: str) -> Entry:
    return Entry(rule, lang, (), "sentence pattern")


def signal_hits(
    text: str, where: Mapping[str, Sequence[int]], lang: str | None = None
) -> list[Hit]:
    """Evidence found by sentence patterns, as hits of ``signal.*`` rules.

    ``where``: each folded word of ``text`` and its offsets; a pattern runs only around the
    words it needs (scanning a whole answer for every pattern costs too much).
    ``lang``: the text's language when sure (English "on" is no French « on »); every
    pack's patterns run when it is not.
    """
    folded = fold(text)
    out = []
    for pack in chosen(None if lang is None else (lang,)):
        for signal in pack.signals:
            present = signal.needs.intersection(where)  # walks the answer's few words
            if not present:
                continue
            m = _around(signal.regex, folded, sorted(p for w in present for p in where[w]))
            if m:
                out.append(Hit(m.start(), m.end(), _entry(signal.rule, pack.code)))
    return out


def _around(rx: re.Pattern[str], folded: str, starts: Sequence[int]) -> re.Match[str] | None:
    """The first match of ``rx`` in the windows around ``starts`` (overlapping ones merged)."""
    windows: list[list[int]] = []
    for start in starts:
        lo, hi = max(0, start - _BEFORE), start + _AFTER
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        m = rx.search(folded, lo, hi)
        if m:
            return m
    return None


def hype(text: str, layer: str) -> list[tuple[int, int]]:
    """Numbers of emphasis ("110%", "24/7"): no measure, in the layers that state a belief."""
    if layer not in _HYPE_LAYERS or not any(c in text for c in _HYPE_CHARS):
        return []
    return sorted({(m.start(), m.end()) for m in finditer("hype", fold(text))})


def counted(text: str, where: Mapping[str, Sequence[int]]) -> list[tuple[int, int]]:
    """Numbers that count the answer's own parts ("3 pillars", « quatre valeurs ») or the
    company's age ("since 1998")."""
    folded = fold(text)
    spans: set[tuple[int, int]] = set()
    for pack in packs.packs().values():
        for words, name in (("counted_nouns", "counted"), ("founded", "founded")):
            rx = pack.patterns[name]
            needs = pack.words[words]
            for start in sorted(p for w in needs if w in where for p in where[w]):
                lo, hi = max(0, start - _BEFORE), start + _AFTER
                spans.update((m.start(), m.end()) for m in rx.finditer(folded, lo, hi))
    return sorted(spans)
