"""Recognisers for numbers, amounts, percentages and ranges in free text (dates: ``dates``).

The structure of each pattern is here; its words (number words, multipliers, currency words,
« de »…) come from every language pack at once, since answers mix languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Generic, TypeVar

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import builtin_table, resettable
from alignment_tui.analysis.packs import trie_alternation as _alt
from alignment_tui.analysis.packs import union_words as _words

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
    """Money: ``amount`` in units (``1,5 k€`` is 1500), ISO ``currency`` ("" when the text
    leaves it to the context: "90k a year"), ``period`` or None."""

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
_DIGITS = re.compile(r"\d+")
_BEFORE, _AFTER = 24, 48  # how far a currency, "from"/« de » or a period sits from a digit


@dataclass(frozen=True)
class _Vocab:
    """The words of every pack, and the patterns built from them (built once)."""

    multipliers: dict[str, float]
    currencies: dict[str, str]
    scale: dict[str, float]
    periods: dict[str, str]
    range_from: tuple[str, ...]
    amount: re.Pattern[str]
    bare_amount: re.Pattern[str]
    percent: re.Pattern[str]
    number: re.Pattern[str]
    range: re.Pattern[str]


@resettable
@cache
def _vocab() -> _Vocab:
    money = builtin_table("money.toml")
    currencies = {**{str(k): str(v) for k, v in packs.union_map("currencies").items()}}
    currencies.update({str(k): str(v) for k, v in money["currencies"].items()})
    multipliers = {k: float(v) for k, v in packs.union_map("multipliers").items()}
    periods = {k: str(v) for k, v in packs.union_map("periods").items()}
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
    money_of = _alt(_words("money_nouns"))
    count_of = _alt(_words("count_of"))
    # What the money is may sit before its period: « 3 500 € de CA par mois ».
    what = rf"(?:\s(?:(?:{count_of})\s?)?(?:{money_of})(?![\w])(?=\s?(?:{per})))?"
    amount = re.compile(rf"(?<![\w.,])(?:{pre}|{post})(?![\w]){what}(?:{period})?")
    # Money the context names without a currency: a sum in thousands or millions with a
    # period ("90k a year", « 45k par an »), or a number of a money noun (« 40 000 de CA »).
    bare_amount = re.compile(
        rf"(?<![\w.,])(?P<n3>{_NUM})\s?(?P<m3>{_alt(multipliers)})(?![\w])"
        rf"(?:\s?(?:{per})\s?(?P<per3>{_alt(periods)})\b"
        rf"|\s(?P<adj3>{_alt(_words('period_adjectives'))})\b)"
        rf"|(?<![\w.,])(?P<n4>{_NUM}){mult.replace('mult', 'm4')}\s"
        rf"(?:(?:{count_of})\s?)?(?:{money_of})(?![\w])"
    )
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
    return _Vocab(
        multipliers=multipliers,
        currencies=currencies,
        scale={str(k): float(v) for k, v in money["scale"].items()},
        periods=periods,
        range_from=range_from,
        amount=amount,
        bare_amount=bare_amount,
        percent=percent,
        number=number,
        range=range_re,
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
    """Sums of money with their currency and, when stated, their period; and sums the
    context makes money of, without a currency ("90k a year", « 40 000 de CA »)."""
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
    taken = [(a.start, a.end) for a in out]
    for m in _near_digits(v.bare_amount, folded):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw, mult = (m["n3"], m["m3"]) if m["n3"] else (m["n4"], m["m4"])
        value = parse_number(raw) * v.multipliers.get(mult or "", 1.0)
        per = m["per3"] or m["adj3"]
        out.append(
            Match(
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                Amount(value, "", v.periods.get(per) if per else None),
            )
        )
    return sorted(out, key=lambda a: a.start)


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
