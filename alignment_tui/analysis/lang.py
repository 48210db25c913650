"""Tell the language of a short answer, from each language pack's words and endings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import resettable
from alignment_tui.analysis.recognise import fold

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_ENDING_WEIGHT = 0.5
_SPACED_MARK_WEIGHT = 0.5
_SPACED_MARK_MAX = 1.5
_SAMPLE = 600  # enough words to tell languages apart


@dataclass(frozen=True)
class _Table:
    code: str
    words: frozenset[str]
    endings: tuple[str, ...]
    marks: re.Pattern[str] | None
    elision: re.Pattern[str] | None
    contraction: re.Pattern[str] | None
    spaced: re.Pattern[str] | None


def _rx(raw: str) -> re.Pattern[str] | None:
    return re.compile(raw) if raw else None


@resettable
@cache
def _tables() -> tuple[_Table, ...]:
    out = []
    for pack in packs.packs().values():
        d = pack.detect
        out.append(
            _Table(
                pack.code,
                frozenset(d.words.split()),
                tuple(d.endings),
                _rx(d.marks),
                _rx(d.elision),
                _rx(d.contraction),
                _rx(d.spaced_marks),
            )
        )
    return tuple(out)


@resettable
@cache
def _owners() -> dict[str, str | None]:
    """Each word of the packs' lists and the one language that owns it (``None``: several
    do, so it tells nothing)."""
    out: dict[str, str | None] = {}
    for t in _tables():
        for word in t.words:
            out[word] = t.code if word not in out else None
    return out


def lang_scores(text: str) -> dict[str, float]:
    """Each language's evidence in ``text`` (word hits, elisions, marks, endings)."""
    tables = _tables()
    sample = text[:_SAMPLE]
    lower = sample.lower()
    scores = {t.code: 0.0 for t in tables}
    for t in tables:
        if t.marks is not None:
            scores[t.code] += len(t.marks.findall(lower))
        if t.spaced is not None:
            # French typography puts a space before : ; ! ? and % ("Budget : 2 k€").
            found = len(t.spaced.findall(sample))
            scores[t.code] += min(_SPACED_MARK_MAX, _SPACED_MARK_WEIGHT * found)
    owners = _owners()
    # Each distinct word once, weighed by how often it occurs (sums of 1 and 0.5 are exact
    # in any order).
    for token, times in Counter(_TOKEN.findall(fold(sample))).items():
        if "'" in token:
            elided = next((t for t in tables if t.elision and t.elision.match(token)), None)
            if elided is not None:
                scores[elided.code] += times
                token = token.split("'", 1)[1]
            else:
                contracted = next(
                    (t for t in tables if t.contraction and t.contraction.search(token)), None
                )
                if contracted is not None:
                    scores[contracted.code] += times
                    continue
        if token in owners:
            owner = owners[token]
            if owner is not None:
                scores[owner] += times
        elif len(token) > 4:
            for t in tables:
                if token.endswith(t.endings):
                    scores[t.code] += _ENDING_WEIGHT * times
    return scores


def detect_lang(text: str) -> str:
    """The language with the most evidence (see ``detect_with_margin``)."""
    return detect_with_margin(text)[0]


def detect_with_margin(text: str) -> tuple[str, float]:
    """The detected language and by how much evidence it won (0 for a tie).

    A tie goes to a language whose own marks (accents) the text carries, else to the
    first pack (in the order the packs are found).
    """
    scores = lang_scores(text)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top == second:
        tied = [code for code, s in ranked if s == top]
        lower = text.lower()
        for t in _tables():
            if t.code in tied and t.marks is not None and t.marks.search(lower):
                return t.code, 0.0
        return tied[0], 0.0
    return best, top - second
