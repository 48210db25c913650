"""Horizons as people say them: "10 ans", "une dizaine d'années", "au moins 10 ans", "by 2035".

Every word comes from the ``typed.words`` lists of the locale catalogues (both languages
are read whatever the UI language): qualifiers that do not change the duration ("au
moins", "about"), collective numbers ("dizaine", "dozen"), the small words between a
number and its unit ("d'", "of", "prochaines"), and "et demi" / "and a half".
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Literal

from alignment_tui.i18n import catalogue, t
from alignment_tui.model.typed_base import (
    TypedValueError,
    _all,
    _alternation,
    _number,
    _phrases,
    _words,
    fold,
)
from alignment_tui.model.typed_dates import _strip_prefixes, parse_deadline

HorizonUnit = Literal["years", "months"]
_MONTH_FACTORS = {"year": 12, "month": 1, "quarter": 3, "half": 6, "decade": 120}
_MAX_MONTHS = 1200  # a hundred years


@cache
def _collective() -> dict[str, int]:
    """``typed.words.collective_numbers`` ("dizaine:10|…") of both languages, folded."""
    table: dict[str, int] = {}
    for lang in ("fr", "en"):
        for entry in catalogue(lang)["typed.words.collective_numbers"].split("|"):
            word, _, value = entry.partition(":")
            if word.strip() and value.strip().isdigit():
                table[fold(word)] = int(value)
    return table


def _strip_words(folded: str, name: str, *, at_end: bool = False) -> str:
    """``folded`` without the phrases of list ``name`` at its start (or end), repeatedly."""
    changed = True
    while changed:
        changed = False
        for phrase in _phrases(name):
            glue = "" if phrase.endswith("'") else " "
            if at_end and folded.endswith(" " + phrase):
                folded, changed = folded[: -len(phrase) - 1].strip(), True
            elif not at_end and folded.startswith(phrase + glue) and len(folded) > len(phrase):
                folded, changed = folded[len(phrase) :].strip(), True
            if changed:
                break
    return folded


def _duration_months(core: str, unit: HorizonUnit) -> float | None:
    """Months in "10 ans", "une dizaine d'années", "1 an et demi", "les dix prochaines années";
    a number alone counts in ``unit``."""
    nouns = {kind: _all(kind) for kind in _MONTH_FACTORS}
    noun_alt = _alternation([a for aliases in nouns.values() for a in aliases])
    small = _alternation(_all("small_numbers"))
    ones = _alternation(list(_words("small_numbers")[0]))
    collective = _alternation(list(_collective()))
    between = _alternation(list(_all("horizon_between")))
    half = _alternation(list(_phrases("half_more")))
    match = re.fullmatch(
        rf"(?:(?:(?:{ones})\s+)?(?P<c>{collective})|(?P<n>\d[\d ,.]*|{small}))?\s*\+?\s*-?\s*"
        rf"(?:(?:{between})\s*)*(?P<unit>{noun_alt})?(?P<half>\s+(?:{half}))?",
        core,
    )
    if not match or not (match["n"] or match["c"] or match["unit"]):
        return None
    count: float = 1
    if match["c"]:
        count = _collective()[match["c"]]
    elif match["n"]:
        words = _words("small_numbers")
        rank = next((i for i, aliases in enumerate(words, 1) if match["n"] in aliases), None)
        try:
            count = float(rank if rank is not None else _number(match["n"], None))
        except ValueError:
            return None
    if match["half"]:
        count += 0.5
    if match["unit"] is None:
        return count * (12 if unit == "years" else 1)
    kind = next(k for k, aliases in nouns.items() if match["unit"] in aliases)
    return count * _MONTH_FACTORS[kind]


def _months_until(core: str, unit: HorizonUnit, today: date) -> int | None:
    """Months from ``today`` to a target year or date: "2035", "d'ici 2035", "by June 2027".

    A year alone counts in whole years (by 2035 is 2035 minus this year) when the horizon is
    in years, and up to the end of that year when it is in months.
    """
    if not re.search(r"\b\d{4}\b", core):
        return None
    try:
        target = parse_deadline(core, today)
    except TypedValueError:
        return None
    if target <= today:
        return None
    if unit == "years" and re.fullmatch(r"\d{4}", _strip_prefixes(core)):
        return (target.year - today.year) * 12
    return (target.year - today.year) * 12 + target.month - today.month


def parse_horizon(text: str, unit: HorizonUnit = "years", today: date | None = None) -> int:
    """A duration in whole ``unit``: "10 ans", "5 years", "18 mois", "une dizaine d'années",
    "au moins 10 ans", "a decade", "by 2035" (the years from ``today`` to then)."""
    folded = fold(text).rstrip(".").strip()
    core = _strip_words(_strip_words(folded, "horizon_qualifiers"), "horizon_after", at_end=True)
    months = _months_until(core, unit, today or date.today()) if core else None
    found = months if months is not None else _duration_months(core, unit) if core else None
    if found is None:
        raise TypedValueError("typed.horizon", text=text.strip())
    value = int(found / 12 + 0.5) if unit == "years" else int(found + 0.5)
    if value < 1 or found > _MAX_MONTHS:
        raise TypedValueError("typed.horizon_range", text=text.strip())
    return value


def format_horizon(value: int, unit: HorizonUnit = "years", lang: str | None = None) -> str:
    """A duration: "10 ans", "18 months"."""
    key = unit if value != 1 else unit[:-1]
    return t(f"typed.{key}", lang, count=value)
