"""Recognisers for numbers, amounts, percentages, ranges and deadlines in FR/EN free text."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """A recognised span: ``text == source[start:end]`` and its parsed ``value``."""

    start: int
    end: int
    text: str
    value: T


@dataclass(frozen=True)
class Amount:
    """Money: ``amount`` in units (``1,5 k€`` is 1500), ISO ``currency``, ``period`` or None."""

    amount: float
    currency: str
    period: str | None


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fev": 2, "fevr": 2,
    "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "decembre": 12,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "dix-huit": 18,
}  # fmt: skip

CURRENCIES: dict[str, str] = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "keur": "EUR",
    "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "chf": "CHF", "cad": "CAD", "fcfa": "XOF",
}  # fmt: skip

PERIODS: dict[str, str] = {
    "an": "year", "annee": "year", "year": "year", "yr": "year", "annum": "year",
    "mois": "month", "month": "month", "mo": "month",
    "trimestre": "quarter", "quarter": "quarter", "semaine": "week", "week": "week",
    "annuel": "year", "annuels": "year", "annuelle": "year", "yearly": "year",
    "annually": "year", "mensuel": "month", "mensuels": "month", "monthly": "month",
    "trimestriel": "quarter", "quarterly": "quarter", "weekly": "week",
}  # fmt: skip

# Accents folded one character for one, so offsets into the folded text stay valid.
_FOLD = str.maketrans(
    "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ’‘ʼ\u00a0\u202f\u2009–—‑",
    "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuy'''   ---",
)


@lru_cache(maxsize=32)
def fold(text: str) -> str:
    """Lower-case and unaccented, with exactly the same length as ``text``."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


_NUM = r"\d{1,3}(?:[ ,.]\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_MULT = r"(?:\s?(?P<mult>k|m|mn|md|bn|mds?|million|millions|milliard|milliards|billion))?"
_CUR_WORDS = "|".join(sorted((re.escape(c) for c in CURRENCIES), key=len, reverse=True))
_PER_WORDS = "|".join(sorted(PERIODS, key=len, reverse=True))
_PERIOD = (
    rf"(?:\s?(?:/|par|per|a|an|by|chaque|each|every)\s?(?P<per>{_PER_WORDS})\b"
    rf"|\s(?P<adj>annuel(?:le)?s?|yearly|annually|mensuel(?:le)?s?|monthly|trimestriel(?:le)?s?|quarterly|weekly)\b)?"
)
_MULTIPLIERS = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "md": 1e9, "mds": 1e9, "bn": 1e9, "milliard": 1e9, "milliards": 1e9, "billion": 1e9,
}  # fmt: skip


_DIGITS = re.compile(r"\d+")
_BEFORE, _AFTER = 24, 48  # how far a currency, "from"/« de » or a period sits from a digit


def _near_digits(pattern: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` limited to windows around digits: these patterns all need one."""
    windows: list[list[int]] = []
    for m in _DIGITS.finditer(folded):
        lo, hi = max(0, m.start() - _BEFORE), min(len(folded), m.end() + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    last = -1
    for lo, hi in windows:
        for m in pattern.finditer(folded, max(lo, last), hi):
            last = m.end()
            yield m


def parse_number(raw: str) -> float:
    """``24 000`` → 24000, ``1,5`` → 1.5, ``7,045`` → 7045, ``1.234,5`` → 1234.5."""
    s = raw.replace(" ", "")
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif "," in s:
        parts = s.split(",")
        # A comma followed by exactly three digits groups thousands; otherwise a decimal.
        s = "".join(parts) if all(len(p) == 3 for p in parts[1:]) else s.replace(",", ".")
    elif s.count(".") > 1 or ("." in s and len(s.split(".")[-1]) == 3 and len(s) > 4):
        s = s.replace(".", "")
    return float(s)


@cache
def _amount_re() -> re.Pattern[str]:
    pre = rf"(?P<pre>{_CUR_WORDS})\s?(?P<n1>{_NUM}){_MULT.replace('mult', 'm1')}"
    post = rf"(?P<n2>{_NUM}){_MULT.replace('mult', 'm2')}\s?(?P<post>{_CUR_WORDS})"
    return re.compile(rf"(?<![\w.,])(?:{pre}|{post})(?![\w])(?:{_PERIOD})?")


def find_amounts(text: str) -> list[Match[Amount]]:
    """Sums of money with their currency and, when stated, their period."""
    folded = fold(text)
    out: list[Match[Amount]] = []
    for m in _near_digits(_amount_re(), folded):
        raw, mult = (m["n1"], m["m1"]) if m["n1"] else (m["n2"], m["m2"])
        cur = m["pre"] or m["post"]
        value = parse_number(raw) * _MULTIPLIERS.get(mult or "", 1.0)
        if cur == "keur":
            value *= 1e3
        per = m["per"] or m["adj"]
        period = None
        if per:
            period = PERIODS.get(per) or PERIODS.get(per.rstrip("s").removesuffix("le"))
        end = m.end() if period else _core_end(m)
        out.append(
            Match(m.start(), end, text[m.start() : end], Amount(value, CURRENCIES[cur], period))
        )
    return out


def _core_end(m: re.Match[str]) -> int:
    if m["post"]:
        return m.end("post")
    return m.end("m1") if m["m1"] else m.end("n1")


_PCT_RE = re.compile(rf"(?<![\w.,])(?P<n>[+-]?(?:{_NUM}))\s?(?:%|pour\s?cent\b|percent\b|pct\b)")


def find_percentages(text: str) -> list[Match[float]]:
    """Percentages: ``12 %``, ``+20%``, ``4,5 pour cent``, ``30 percent``."""
    return [
        Match(m.start(), m.end(), text[m.start() : m.end()], parse_number(m["n"].lstrip("+-")))
        for m in _near_digits(_PCT_RE, fold(text))
    ]


_NUMBER_RE = re.compile(rf"(?<![\w.,])(?P<n>{_NUM}){_MULT}(?![\w])")


def find_numbers(text: str) -> list[Match[float]]:
    """Every number written with digits (with ``k``/``M`` multipliers), as a float."""
    out = []
    for m in _near_digits(_NUMBER_RE, fold(text)):
        value = parse_number(m["n"]) * _MULTIPLIERS.get(m["mult"] or "", 1.0)
        out.append(Match(m.start(), m.end(), text[m.start() : m.end()], value))
    return out


_RNUM = rf"(?:{_CUR_WORDS})?\s?(?:{_NUM})(?:\s?(?:k|m|%|{_CUR_WORDS}))*"
_RANGE_RE = re.compile(
    rf"(?<![\w.,])(?:(?:from|de|du|passer\sde|going\sfrom)\s)?(?P<a>{_RNUM})"
    rf"(?:\s?(?:→|->|=>|>)\s?|\s(?:to|a|au|jusqu'a|up\sto)\s)(?P<b>{_RNUM})(?![\w])"
)


def _range_value(raw: str) -> float:
    m = _NUMBER_RE.search(raw)
    assert m is not None
    return parse_number(m["n"]) * _MULTIPLIERS.get(m["mult"] or "", 1.0)


def find_ranges(text: str) -> list[Match[tuple[float, float]]]:
    """Baseline → target pairs: ``from 18k to 30k``, « de 40 à 65 », ``18k → 30k``."""
    out = []
    for m in _near_digits(_RANGE_RE, fold(text)):
        start = m.start()
        # "to 30" alone after a number is a range only with "from/de" or an arrow.
        sep = m.group(0)[m.end("a") - start : m.start("b") - start]
        if not m.group(0).startswith(("from", "de", "du", "passer", "going")) and not any(
            a in sep for a in ("→", "->", "=>", ">")
        ):
            continue
        a, b = _range_value(m["a"]), _range_value(m["b"])
        out.append(Match(start, m.end(), text[start : m.end()], (a, b)))
    return out


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(raw: str | None, default: int) -> int:
    if not raw:
        return default
    y = int(raw.lstrip("'"))
    return y + 2000 if y < 100 else y


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    day = min(d.day, calendar.monthrange(y, m % 12 + 1)[1])
    return date(y, m % 12 + 1, day)


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:20\d{2}|'\d{2})"
_PREFIX = (
    r"(?:(?:by|before|until|till|no\slater\sthan|d'ici|avant|jusqu'a|au\splus\stard|"
    r"pour|for|in|en|at|a|au|at\sthe)\s(?:(?:the|la|le|l')\s?)?)?"
    r"(?:(?:end|fin|debut|start|beginning|mid|mi)(?:\s(?:of|de|du|d'))?[\s-](?:l'|the\s)?)?"
)
_NUMW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT = (
    r"(?P<unit>days?|jours?|weeks?|semaines?|months?|mois|years?|ans?|annees?"
    r"|quarters?|trimestres?)"
)
_DEADLINE_RE = re.compile(
    rf"(?<![\w/.-])(?P<prefix>{_PREFIX})(?:"
    rf"(?P<d1>\d{{1,2}})[/.-](?P<m1>\d{{1,2}})[/.-](?P<y1>\d{{4}}|\d{{2}})"
    rf"|(?P<y2>20\d{{2}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})"
    rf"|(?P<d3>\d{{1,2}})(?:er|st|nd|rd|th)?\s(?P<m3>{_MONTH})\.?,?\s(?P<y3>{_YEAR})"
    rf"|(?P<m4>{_MONTH})\.?\s(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y4>{_YEAR})"
    rf"|(?P<m5>{_MONTH})\.?\s(?P<y5>{_YEAR})"
    rf"|(?P<y6a>20\d{{2}})\s?(?P<q6a>[qt][1-4]|[hs][12])"
    rf"|(?P<q6>[qt][1-4]|[hs][12])(?:\s?(?P<y6>{_YEAR}|20\d{{2}}))?"
    rf"|(?P<rel>(?:in|within|under|dans|sous|en|d'ici|over|next|the\snext|les)\s(?:the\s)?)"
    rf"(?P<n7>\d{{1,3}}|{_NUMW})\s{_UNIT}"
    rf"|(?P<n8>\d{{1,3}}|{_NUMW})\s{_UNIT.replace('unit', 'unit8')}\s(?:from\snow|later)"
    rf"|(?P<eoy>(?:year[\s-]end|eoy|(?:l'|d')annee|annee|year|l'an|this\syear|cette\sannee|next\syear|"
    rf"l'an\sprochain|l'annee\sprochaine|the\syear|(?:this|the|next)\squarter|eoq|"
    rf"(?:ce|du|le)\strimestre(?:\sprochain)?|(?:this|the|next)\smonth|(?:ce|du|le)\smois(?:\sprochain)?))"
    rf"|(?P<fy>(?:fiscal\syear|financial\syear|fy|exercice(?:\sfiscal)?|l'exercice)\s?'?(?P<y11>20\d{{2}}|\d{{2}}))"
    rf"|(?P<y9>20\d{{2}})"
    rf"|(?P<m10>{_MONTH})"
    rf")(?![\w/])"
)


_WEAK_PREFIXES = frozenset({"", "a", "au", "at", "at the", "in the", "en la", "pour la", "for the"})
_BARE_YEAR_WORDS = frozenset({"l'annee", "d'annee", "annee", "year", "l'an", "the year"})


def _period_end(kind: str, n: int, year: int) -> date:
    if kind in "qt":
        return _end_of_month(year, 3 * n)
    return _end_of_month(year, 6 * n)


def _next_period(kind: str, n: int, today: date) -> date:
    end = _period_end(kind, n, today.year)
    return end if end >= today else _period_end(kind, n, today.year + 1)


def _deadline_value(m: re.Match[str], today: date) -> date | None:
    g = m.groupdict()
    prefix = g["prefix"] or ""
    try:
        if g["d1"]:
            return date(_year(g["y1"], today.year), int(g["m1"]), int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["m3"]:
            return date(_year(g["y3"], today.year), MONTHS[g["m3"]], int(g["d3"]))
        if g["m4"]:
            return date(_year(g["y4"], today.year), MONTHS[g["m4"]], int(g["d4"]))
    except ValueError:
        return None
    if g["m5"]:
        return _end_of_month(_year(g["y5"], today.year), MONTHS[g["m5"]])
    if g["q6a"]:
        return _period_end(g["q6a"][0], int(g["q6a"][1]), int(g["y6a"]))
    if g["q6"]:
        kind, n = g["q6"][0], int(g["q6"][1])
        return _period_end(kind, n, _year(g["y6"], 0)) if g["y6"] else _next_period(kind, n, today)
    if g["n7"] or g["n8"]:
        raw = g["n7"] or g["n8"]
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        unit = g["unit"] or g["unit8"]
        if unit.startswith(("day", "jour")):
            return today + timedelta(days=n)
        if unit.startswith(("week", "semaine")):
            return today + timedelta(weeks=n)
        if unit.startswith(("month", "mois")):
            return _add_months(today, n)
        if unit.startswith(("quarter", "trimestre")):
            return _add_months(today, 3 * n)
        return _add_months(today, 12 * n)
    if g["eoy"]:
        word = g["eoy"]
        nxt = "next" in word or "prochain" in word
        if "quarter" in word or "trimestre" in word or word == "eoq":
            q_end = _period_end("q", (today.month - 1) // 3 + 1, today.year)
            return _end_of_month(*_ym(_add_months(q_end, 3))) if nxt else q_end
        if "month" in word or "mois" in word:
            ref = _add_months(today.replace(day=1), 1 if nxt else 0)
            return _end_of_month(ref.year, ref.month)
        if prefix.strip() in _WEAK_PREFIXES and word in _BARE_YEAR_WORDS:
            return None
        return date(today.year + (1 if nxt else 0), 12, 31)
    if g["fy"]:
        return date(_year(g["y11"], today.year), 12, 31)
    if g["y9"]:
        # A bare year is a deadline only after a word that makes it one ("by 2027", « fin 2027 »).
        if prefix.strip() in _WEAK_PREFIXES:
            return None
        return date(int(g["y9"]), 12, 31)
    if g["m10"]:
        # A month alone is a deadline only after a word that makes it one (« d'ici juin »).
        if prefix.strip() in _WEAK_PREFIXES:
            return None
        month = MONTHS[g["m10"]]
        end = _end_of_month(today.year, month)
        return end if end >= today else _end_of_month(today.year + 1, month)
    return None


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


_ANCHOR_RE = re.compile(
    rf"\d+|(?<!\w)(?:[qt][1-4]|[hs][12]|{_MONTH}|eoy|eoq|years?|annees?|an|ans|l'an|mois|months?"
    r"|quarters?|trimestres?|weeks?|semaines?|days?|jours?)(?!\w)"
)
_LOOKBACK = 40  # the longest prefix before a date's core ("no later than the end of ")


def _deadline_matches(folded: str) -> Iterator[re.Match[str]]:
    """Like ``_DEADLINE_RE.finditer``, tried only a few words before each date-like word."""
    done = 0
    for anchor in _ANCHOR_RE.finditer(folded):
        p = anchor.start()
        if p < done:
            continue
        for c in range(max(done, p - _LOOKBACK), p + 1):
            if c and (folded[c - 1].isalnum() or not folded[c].isalnum()):
                continue
            m = _DEADLINE_RE.match(folded, c)
            if m and m.end() > p:
                done = m.end()
                yield m
                break


def find_deadlines(text: str, today: date | None = None) -> list[Match[date]]:
    """Deadlines, each resolved to the last day of the period it names."""
    today = today or date.today()
    out: list[Match[date]] = []
    for m in _deadline_matches(fold(text)):
        value = _deadline_value(m, today)
        if value is None:
            continue
        out.append(Match(m.start(), m.end(), text[m.start() : m.end()], value))
    return out
