"""Tell the language of a short answer, from each language pack's words and endings."""

from __future__ import annotations

import re
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
    for token in _TOKEN.findall(fold(sample)):
        if "'" in token:
            elided = next((t for t in tables if t.elision and t.elision.match(token)), None)
            if elided is not None:
                scores[elided.code] += 1
                token = token.split("'", 1)[1]
            else:
                contracted = next(
                    (t for t in tables if t.contraction and t.contraction.search(token)), None
                )
                if contracted is not None:
                    scores[contracted.code] += 1
                    continue
        owners = [t for t in tables if token in t.words]
        if len(owners) == 1:
            scores[owners[0].code] += 1
        elif not owners and len(token) > 4:
            for t in tables:
                if token.endswith(t.endings):
                    scores[t.code] += _ENDING_WEIGHT
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
