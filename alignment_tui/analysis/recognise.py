"""Recognisers for numbers, amounts, percentages, ranges and deadlines in free text.

The structure of each pattern is here; its words (months, number words, currency words,
"by", « d'ici »…) come from every language pack at once, since answers mix languages.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Generic, TypeVar

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import builtin_table, resettable

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


# Accents folded one character for one, so offsets into the folded text stay valid.
_FOLD = str.maketrans(
    "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ’‘ʼ\u00a0\u202f\u2009–—‑",
    "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuy'''   ---",
)


@lru_cache(maxsize=32)
def fold(text: str) -> str:
    """Lower-case and unaccented, with exactly the same length as ``text``.

    Remembered for the last few texts: the tokens, the sentence patterns, the dates and
    the numbers of one answer each read it folded.
    """
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


_NUM = r"\d{1,3}(?:[ ,.]\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_YEAR = r"(?:20\d{2}|'\d{2})"
_DIGITS = re.compile(r"\d+")
_BEFORE, _AFTER = 24, 48  # how far a currency, "from"/« de » or a period sits from a digit
_LOOKBACK = 40  # the longest prefix before a date's core ("no later than the end of ")


@dataclass(frozen=True)
class _Vocab:
    """The words of every pack, and the patterns built from them (built once)."""

    months: dict[str, int]
    numbers: dict[str, int]
    multipliers: dict[str, float]
    currencies: dict[str, str]
    scale: dict[str, float]
    periods: dict[str, str]
    durations: dict[str, str]
    period_words: dict[str, str]
    weak_prefixes: frozenset[str]
    bare_year: frozenset[str]
    range_from: tuple[str, ...]
    amount: re.Pattern[str]
    percent: re.Pattern[str]
    number: re.Pattern[str]
    range: re.Pattern[str]
    deadline: re.Pattern[str]
    anchor: re.Pattern[str]


def _words(name: str) -> frozenset[str]:
    return packs.union_words(name)


def _alt(items: object) -> str:
    return packs.trie_alternation(items)


@resettable
@cache
def _vocab() -> _Vocab:
    money = builtin_table("money.toml")
    currencies = {**{str(k): str(v) for k, v in packs.union_map("currencies").items()}}
    currencies.update({str(k): str(v) for k, v in money["currencies"].items()})
    months = {k: int(v) for k, v in packs.union_map("months").items()}
    numbers = {k: int(v) for k, v in packs.union_map("numbers").items()}
    multipliers = {k: float(v) for k, v in packs.union_map("multipliers").items()}
    periods = {k: str(v) for k, v in packs.union_map("periods").items()}
    durations = {k: str(v) for k, v in packs.union_map("durations").items()}
    period_words = {k: str(v) for k, v in packs.union_map("period_words").items()}
    mult = rf"(?:\s?(?P<mult>{_alt(multipliers)}))?"
    cur = _alt(currencies)
    per = _alt({"/", *_words("period_per")})
    period = (
        rf"(?:\s?(?:{per})\s?(?P<per>{_alt(periods)})\b"
        rf"|\s(?P<adj>{_alt(_words('period_adjectives'))})\b)?"
    )
    pre = rf"(?P<pre>{cur})\s?(?P<n1>{_NUM}){mult.replace('mult', 'm1')}"
    # "30 millions d'euros", "2 milliards de dollars": a multiplier's own "of".
    of = rf"(?:\s(?:{_alt(_words('multiplier_of'))})\s?)?"
    post = rf"(?P<n2>{_NUM}){mult.replace('mult', 'm2')}{of}\s?(?P<post>{cur})"
    amount = re.compile(rf"(?<![\w.,])(?:{pre}|{post})(?![\w])(?:{period})?")
    percent = re.compile(
        rf"(?<![\w.,])(?P<n>[+-]?(?:{_NUM}))\s?(?:%|(?:{_alt(_words('percent'))})\b)"
    )
    number = re.compile(rf"(?<![\w.,])(?P<n>{_NUM}){mult}(?![\w])")
    rnum = rf"(?:{cur})?\s?(?:{_NUM})(?:\s?(?:{_alt({*multipliers, '%', *currencies})}))*"
    range_from = tuple(sorted(_words("range_from")))
    range_re = re.compile(
        rf"(?<![\w.,])(?:(?:{_alt(range_from)})\s)?(?P<a>{rnum})"
        rf"(?:\s?(?:→|->|=>|>)\s?|\s(?:{_alt(_words('range_to'))})\s)(?P<b>{rnum})(?![\w])"
    )
    month = _alt(months)
    quarter = "".join(sorted(_words("quarter_letters")))
    half = "".join(sorted(_words("half_letters")))
    periodic = rf"[{re.escape(quarter)}][1-4]|[{re.escape(half)}][12]"
    prefix = (
        rf"(?:(?:{_alt(_words('deadline_prefix'))})\s(?:(?:{_alt(_words('deadline_article'))})\s?)?)?"
        rf"(?:(?:{_alt(_words('period_edge'))})(?:\s(?:{_alt(_words('edge_of'))}))?[\s-]"
        rf"(?:{_alt(_words('edge_article'))}\s?)?)?"
    )
    numw = _alt(numbers)
    ordinal = _alt(_words("ordinal_suffixes"))
    unit = rf"(?P<unit>{_alt(durations)})"
    relative = _alt(_words("relative"))
    rel_article = _alt(_words("relative_article"))
    rel = (
        rf"(?P<rel>(?:{relative})\s(?:(?:{rel_article})\s)?)"
        if rel_article
        else rf"(?P<rel>(?:{relative})\s)"
    )
    from_now = _alt(_words("from_now"))
    later = (
        rf"|(?P<n8>\d{{1,3}}|{numw})\s{unit.replace('unit', 'unit8')}\s(?:{from_now})"
        if from_now
        else ""
    )
    deadline = re.compile(
        rf"(?<![\w/.-])(?P<prefix>{prefix})(?:"
        rf"(?P<d1>\d{{1,2}})[/.-](?P<m1>\d{{1,2}})[/.-](?P<y1>\d{{4}}|\d{{2}})"
        rf"|(?P<y2>20\d{{2}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})"
        rf"|(?P<d3>\d{{1,2}})(?:{ordinal})?\s(?P<m3>{month})\.?,?\s(?P<y3>{_YEAR})"
        rf"|(?P<m4>{month})\.?\s(?P<d4>\d{{1,2}})(?:{ordinal})?,?\s(?P<y4>{_YEAR})"
        rf"|(?P<m5>{month})\.?\s(?P<y5>{_YEAR})"
        rf"|(?P<y6a>20\d{{2}})\s?(?P<q6a>{periodic})"
        rf"|(?P<q6>{periodic})(?:\s?(?P<y6>{_YEAR}|20\d{{2}}))?"
        rf"|{rel}(?P<n7>\d{{1,3}}|{numw})\s{unit}"
        rf"{later}"
        rf"|(?P<eoy>{_alt(period_words)})"
        rf"|(?P<fy>(?:{_alt(_words('fiscal_year'))})\s?'?(?P<y11>20\d{{2}}|\d{{2}}))"
        rf"|(?P<y9>20\d{{2}})"
        rf"|(?P<m10>{month})"
        rf")(?![\w/])"
    )
    anchor = re.compile(
        rf"\d+|(?<!\w)(?:{periodic}|{month}|{_alt({*period_words, *durations})})(?!\w)"
    )
    return _Vocab(
        months=months,
        numbers=numbers,
        multipliers=multipliers,
        currencies=currencies,
        scale={str(k): float(v) for k, v in money["scale"].items()},
        periods=periods,
        durations=durations,
        period_words=period_words,
        weak_prefixes=frozenset({"", *_words("weak_prefix")}),
        bare_year=frozenset(_words("bare_year")),
        range_from=range_from,
        amount=amount,
        percent=percent,
        number=number,
        range=range_re,
        deadline=deadline,
        anchor=anchor,
    )


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


def find_amounts(text: str) -> list[Match[Amount]]:
    """Sums of money with their currency and, when stated, their period."""
    v = _vocab()
    folded = fold(text)
    out: list[Match[Amount]] = []
    for m in _near_digits(v.amount, folded):
        raw, mult = (m["n1"], m["m1"]) if m["n1"] else (m["n2"], m["m2"])
        cur = m["pre"] or m["post"]
        value = parse_number(raw) * v.multipliers.get(mult or "", 1.0) * v.scale.get(cur, 1.0)
        per = m["per"] or m["adj"]
        period = v.periods.get(per) if per else None
        end = m.end() if period else _core_end(m)
        out.append(
            Match(m.start(), end, text[m.start() : end], Amount(value, v.currencies[cur], period))
        )
    return out


def _core_end(m: re.Match[str]) -> int:
    if m["post"]:
        return m.end("post")
    return m.end("m1") if m["m1"] else m.end("n1")


def find_percentages(text: str) -> list[Match[float]]:
    """Percentages: ``12 %``, ``+20%``, ``4,5 pour cent``, ``30 percent``."""
    return [
        Match(m.start(), m.end(), text[m.start() : m.end()], parse_number(m["n"].lstrip("+-")))
        for m in _near_digits(_vocab().percent, fold(text))
    ]


def find_numbers(text: str) -> list[Match[float]]:
    """Every number written with digits (with ``k``/``M`` multipliers), as a float."""
    v = _vocab()
    out = []
    for m in _near_digits(v.number, fold(text)):
        value = parse_number(m["n"]) * v.multipliers.get(m["mult"] or "", 1.0)
        out.append(Match(m.start(), m.end(), text[m.start() : m.end()], value))
    return out


def _range_value(raw: str) -> float:
    v = _vocab()
    m = v.number.search(raw)
    assert m is not None
    return parse_number(m["n"]) * v.multipliers.get(m["mult"] or "", 1.0)


def find_ranges(text: str) -> list[Match[tuple[float, float]]]:
    """Baseline → target pairs: ``from 18k to 30k``, « de 40 à 65 », ``18k → 30k``."""
    v = _vocab()
    out = []
    for m in _near_digits(v.range, fold(text)):
        start = m.start()
        # "to 30" alone after a number is a range only with "from/de" or an arrow.
        sep = m.group(0)[m.end("a") - start : m.start("b") - start]
        if not m.group(0).startswith(v.range_from) and not any(
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


def _period_end(kind: str, n: int, year: int) -> date:
    if kind == "quarter":
        return _end_of_month(year, 3 * n)
    return _end_of_month(year, 6 * n)


def _next_period(kind: str, n: int, today: date) -> date:
    end = _period_end(kind, n, today.year)
    return end if end >= today else _period_end(kind, n, today.year + 1)


def _kind(letter: str) -> str:
    return "quarter" if letter in packs.union_words("quarter_letters") else "half"


_MONTHS_IN = {"day": 0, "week": 0, "month": 1, "quarter": 3, "year": 12}


def _deadline_value(m: re.Match[str], today: date) -> date | None:
    v = _vocab()
    g = m.groupdict()
    prefix = g["prefix"] or ""
    try:
        if g["d1"]:
            return date(_year(g["y1"], today.year), int(g["m1"]), int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["m3"]:
            return date(_year(g["y3"], today.year), v.months[g["m3"]], int(g["d3"]))
        if g["m4"]:
            return date(_year(g["y4"], today.year), v.months[g["m4"]], int(g["d4"]))
    except ValueError:
        return None
    if g["m5"]:
        return _end_of_month(_year(g["y5"], today.year), v.months[g["m5"]])
    if g["q6a"]:
        return _period_end(_kind(g["q6a"][0]), int(g["q6a"][1]), int(g["y6a"]))
    if g["q6"]:
        kind, n = _kind(g["q6"][0]), int(g["q6"][1])
        return _period_end(kind, n, _year(g["y6"], 0)) if g["y6"] else _next_period(kind, n, today)
    if g["n7"] or g.get("n8"):
        raw = g["n7"] or g["n8"]
        n = int(raw) if raw.isdigit() else v.numbers[raw]
        unit = v.durations[g["unit"] or g["unit8"]]
        if unit == "day":
            return today + timedelta(days=n)
        if unit == "week":
            return today + timedelta(weeks=n)
        return _add_months(today, _MONTHS_IN[unit] * n)
    if g["eoy"]:
        word = g["eoy"]
        span = v.period_words[re.sub(r"\s+", " ", word)]
        nxt = span.startswith("next_")
        span = span.removeprefix("next_")
        if span == "quarter":
            q_end = _period_end("quarter", (today.month - 1) // 3 + 1, today.year)
            return _end_of_month(*_ym(_add_months(q_end, 3))) if nxt else q_end
        if span == "month":
            ref = _add_months(today.replace(day=1), 1 if nxt else 0)
            return _end_of_month(ref.year, ref.month)
        if prefix.strip() in v.weak_prefixes and word in v.bare_year:
            return None
        return date(today.year + (1 if nxt else 0), 12, 31)
    if g["fy"]:
        return date(_year(g["y11"], today.year), 12, 31)
    if g["y9"]:
        # A bare year is a deadline only after a word that makes it one ("by 2027", « fin 2027 »).
        if prefix.strip() in v.weak_prefixes:
            return None
        return date(int(g["y9"]), 12, 31)
    if g["m10"]:
        # A month alone is a deadline only after a word that makes it one (« d'ici juin »).
        if prefix.strip() in v.weak_prefixes:
            return None
        month = v.months[g["m10"]]
        end = _end_of_month(today.year, month)
        return end if end >= today else _end_of_month(today.year + 1, month)
    return None


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _deadline_matches(folded: str) -> Iterator[re.Match[str]]:
    """Like ``deadline.finditer``, tried only a few words before each date-like word."""
    v = _vocab()
    done = 0
    for anchor in v.anchor.finditer(folded):
        p = anchor.start()
        if p < done:
            continue
        for c in range(max(done, p - _LOOKBACK), p + 1):
            if c and (folded[c - 1].isalnum() or not folded[c].isalnum()):
                continue
            m = v.deadline.match(folded, c)
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
