"""Deadlines as people type them: "T2 2027", "fin juin 2027", "30/06/2027"."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from alignment_tui.i18n import catalogue, normalise_lang
from alignment_tui.model.typed_base import (
    TypedValueError,
    _all,
    _alternation,
    _phrases,
    _words,
    fold,
)

# ---------------------------------------------------------------------------- deadlines


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(raw: str) -> int:
    value = int(raw.lstrip("'"))
    return 2000 + value if value < 100 else value


def _next(end_of: Any, today: date) -> date:
    """The first end of a period (a function of the year) that is not already past."""
    this_year: date = end_of(today.year)
    return this_year if this_year >= today else end_of(today.year + 1)


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise TypedValueError("typed.impossible_date", text=text.strip()) from None


def _strip_prefixes(folded: str) -> str:
    changed = True
    while changed:
        changed = False
        for phrase in _phrases("deadline_prefixes"):
            glue = "" if phrase.endswith("'") else " "
            if folded.startswith(phrase + glue) and len(folded) > len(phrase):
                folded = folded[len(phrase) :].strip()
                changed = True
                break
    return folded


def _numbered(kind: str, folded: str) -> tuple[int, str | None] | None:
    """Quarter or half number and year: "q2 2027", "t2", "2027-q2", "2e trimestre 2027"."""
    letters = _alternation(_all(f"{kind}_letter"))
    year = r"(?P<year>\d{4}|'\d{2}|\d{2})"
    for pattern in (
        rf"(?:{letters})\s*(?P<n>[1-4])(?:\s*[-/ ]?\s*{year})?",
        rf"(?P<n>[1-4])\s*(?:{letters})(?:\s*[-/ ]?\s*{year})?",
        rf"{year}\s*[-/ ]?\s*(?:{letters})\s*(?P<n>[1-4])",
    ):
        match = re.fullmatch(pattern, folded)
        if match:
            return int(match.group("n")), match.group("year")
    ordinals = _words("ordinals")
    nouns = _alternation(_all(kind))
    for rank, aliases in enumerate(ordinals, start=1):
        alts = _alternation(list(aliases))
        match = re.fullmatch(
            rf"(?:{alts})\s+(?:{nouns})(?:\s+(?:of|de|d'|du)?\s*(?P<year>\d{{4}}))?", folded
        )
        if match:
            return rank, match.group("year")
    return None


def _month_number(word: str) -> int | None:
    word = word.rstrip(".")
    for number, aliases in enumerate(_words("months"), start=1):
        if word in aliases:
            return number
    return None


def _deadline(folded: str, text: str, today: date) -> date:
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", folded)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]), text)
    dmy = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", folded)
    if dmy:
        first, second, year = int(dmy[1]), int(dmy[2]), _year(dmy[3])
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _day(year, month, day, text)
    day_month = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})", folded)
    if day_month:
        day, month = int(day_month[1]), int(day_month[2])
        _day(2000, month, day, text)  # 29/02 exists in a leap year
        return _next(lambda y: date(y, month, min(day, _month_end(y, month).day)), today)
    month_year = re.fullmatch(r"(\d{1,2})[-/.](\d{4})|(\d{4})[-/.](\d{1,2})", folded)
    if month_year:
        month = int(month_year[1] or month_year[4])
        year = int(month_year[2] or month_year[3])
        if 1 <= month <= 12:
            return _month_end(year, month)
        raise TypedValueError("typed.impossible_date", text=text.strip())
    for kind, size in (("quarter", 3), ("half", 6)):
        numbered = _numbered(kind, folded)
        if numbered and numbered[0] <= 12 // size:
            last = numbered[0] * size

            def end_of(year: int, last: int = last) -> date:
                return _month_end(year, last)

            return end_of(_year(numbered[1])) if numbered[1] else _next(end_of, today)
    if re.fullmatch(r"\d{4}", folded):
        return date(int(folded), 12, 31)
    if folded in _all("year"):
        return date(today.year, 12, 31)
    named = re.fullmatch(
        r"(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th)?\s+)?(?P<m>[a-z]+\.?)"
        r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)?(?:\s+(?:of\s+|de\s+)?(?P<y>\d{4}|'\d{2}))?",
        folded,
    )
    if named:
        month_number = _month_number(named["m"])
        if month_number is not None and not (named["d1"] and named["d2"]):
            day_text = named["d1"] or named["d2"]
            month = month_number
            if day_text:
                if named["y"]:
                    return _day(_year(named["y"]), month, int(day_text), text)
                day = int(day_text)
                _day(2000, month, day, text)  # 29 February is valid in a leap year
                return _next(lambda y: date(y, month, min(day, _month_end(y, month).day)), today)
            if named["y"]:
                return _month_end(_year(named["y"]), month)
            return _next(lambda y: _month_end(y, month), today)
    raise TypedValueError("typed.deadline", text=text.strip())


def parse_deadline(text: str, today: date | None = None) -> date:
    """A deadline: "30/06/2027", "2027-06-30", "June 2027", "T2 2027", "Q3", "H1 2027", "fin 2027".

    A month, quarter, half or year stands for its last day; without a year it is the
    next one that is not over yet.
    """
    today = today or date.today()
    folded = fold(text).rstrip(".").strip()
    stripped = _strip_prefixes(folded)
    return _deadline(stripped or folded, text, today)


def format_deadline(value: date, lang: str | None = None) -> str:
    """A date as written in ``lang``: "30/06/2027" (fr) or "30 Jun 2027" (en)."""
    if normalise_lang(lang) == "fr":
        return value.strftime("%d/%m/%Y")
    short = catalogue("en")["typed.words.month_short"].split("|")
    return f"{value.day} {short[value.month - 1]} {value.year}"
