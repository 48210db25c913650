"""Numbers, amounts, shares, deadlines and durations as people type them, in French or English."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Literal

from alignment_tui.i18n import catalogue, normalise_lang, t
from alignment_tui.model.profile import Period

Num = int | float
HorizonUnit = Literal["years", "months"]

# Spaces people (and word processors) put between digit groups.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_MINUS = "\u2212"
_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
_CURRENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "EUR": ("€", "eur", "euro", "euros"),
    "USD": ("us$", "$", "usd", "dollar", "dollars"),
    "GBP": ("£", "gbp", "pound", "pounds", "livre", "livres"),
    "CHF": ("chf",),
    "CAD": ("ca$", "cad"),
    "AUD": ("au$", "aud"),
    "JPY": ("¥", "jpy", "yen"),
}
_MONTH_FACTORS = {"year": 12, "month": 1, "quarter": 3, "half": 6, "decade": 120}


class TypedValueError(ValueError):
    """A typed entry that cannot be read; ``key`` names the message saying what is expected."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


@dataclass(frozen=True)
class Money:
    """An amount, with the currency (ISO code) and period when the text gave them."""

    amount: Num
    currency: str | None = None
    period: Period | None = None


def fold(text: str) -> str:
    """Lower case without accents and with single plain spaces: what the word lists hold."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _SPACES.sub(" ", plain).strip()


@cache
def _words(name: str) -> tuple[tuple[str, ...], ...]:
    """Entries of a ``typed.words`` list, French entries then English, each with its aliases.

    Entries of the same rank in both languages are merged (month 6 is "juin" and "june").
    """
    lists = [catalogue(lang)[f"typed.words.{name}"].split("|") for lang in ("fr", "en")]
    merged: list[tuple[str, ...]] = []
    for rank in range(max(len(lst) for lst in lists)):
        aliases: list[str] = []
        for lst in lists:
            if rank < len(lst):
                aliases.extend(a for a in fold(lst[rank]).split(" ") if a)
        merged.append(tuple(dict.fromkeys(aliases)))
    return tuple(merged)


@cache
def _phrases(name: str) -> tuple[str, ...]:
    """A ``typed.words`` list whose entries are whole phrases, longest first."""
    found = {
        fold(p) for lang in ("fr", "en") for p in catalogue(lang)[f"typed.words.{name}"].split("|")
    }
    return tuple(sorted((p for p in found if p), key=len, reverse=True))


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _all(name: str) -> tuple[str, ...]:
    return tuple(a for entry in _words(name) for a in entry)


@cache
def _multipliers() -> dict[str, int]:
    table: dict[str, int] = {}
    for name, factor in (("thousand", 10**3), ("million", 10**6), ("billion", 10**9)):
        for alias in _all(name):
            table[alias] = factor
    return table


# ---------------------------------------------------------------------------- numbers


def _as_num(value: Decimal) -> Num:
    return int(value) if value == value.to_integral_value() else float(value)


def _decimal(raw: str, lang: str | None, *, money: bool, scaled: bool) -> Decimal:
    """The digits of one number, deciding which of ',' and '.' is the decimal mark."""
    raw = re.sub(r"[ '’]", " ", raw.strip())
    commas, dots = raw.count(","), raw.count(".")
    dec: str | None = None
    group: str | None = None
    if commas and dots:
        dec = "," if raw.rfind(",") > raw.rfind(".") else "."
        group = "." if dec == "," else ","
    elif commas + dots == 1:
        sep = "," if commas else "."
        head, _, tail = raw.partition(sep)
        thousands = len(tail) == 3 and head.strip("0 ") != "" and not scaled
        if sep == ",":
            thousands = thousands and (lang == "en" or money or lang is None)
        else:
            thousands = thousands and lang == "fr"
        if thousands:
            group = sep
        else:
            dec = sep
    elif commas > 1:
        group = ","
    elif dots > 1:
        group = "."
    head, _, tail = raw.partition(dec) if dec else (raw, "", "")
    if group:
        head = head.replace(group, " ")
    head = head.strip()
    if " " in head:
        if not re.fullmatch(r"\d{1,3}( \d{3})+", head):
            raise ValueError(raw)
    elif not re.fullmatch(r"\d*", head):
        raise ValueError(raw)
    if not re.fullmatch(r"\d*", tail) or not (head or tail):
        raise ValueError(raw)
    try:
        return Decimal(f"{head.replace(' ', '') or '0'}.{tail or '0'}")
    except InvalidOperation as exc:
        raise ValueError(raw) from exc


def _number(text: str, lang: str | None, *, money: bool = False) -> Num:
    folded = fold(text).replace(_MINUS, "-")
    match = re.fullmatch(r"([+-]?)\s*(\d[\d ,.'’]*|[.,]\d+)\s*([a-z]*)", folded)
    if not match:
        raise ValueError(text)
    sign, digits, word = match.groups()
    factor = 1
    if word:
        if word not in _multipliers():
            raise ValueError(text)
        factor = _multipliers()[word]
    value = _decimal(digits, lang, money=money, scaled=factor != 1) * factor
    return _as_num(-value if sign == "-" else value)


def parse_number(text: str, lang: str | None = None) -> Num:
    """A number as typed: "24 000", "1 234,56", "1,234.56", "1,5 k", "2 M", "12.5"."""
    try:
        return _number(text, lang)
    except ValueError:
        raise TypedValueError("typed.number", text=text.strip()) from None


def parse_measure(text: str, lang: str | None = None) -> tuple[Num, str]:
    """A number followed by its unit, if any: "120 subscribers", "12.5%", "1,5 k€"."""
    try:
        return _number(text, lang), ""
    except ValueError:
        pass
    mult = _alternation(list(_multipliers()))
    folded = text.strip().replace(_MINUS, "-")
    match = re.fullmatch(
        rf"([+-]?\s*\d[\d\s\u00a0\u202f,.'’]*(?:\s*(?:{mult})(?![^\W\d_]))?)\s*(\S.*)",
        folded,
        flags=re.IGNORECASE,
    )
    if match:
        try:
            return _number(match.group(1), lang), match.group(2).strip()
        except ValueError:
            pass
    raise TypedValueError("typed.number", text=text.strip())


# ---------------------------------------------------------------------------- money


def _period_pattern() -> str:
    names = {p: _alternation(_all(p)) for p in ("year", "month", "quarter")}
    return "|".join(f"(?P<{p}>{alts})" for p, alts in names.items())


def parse_money(text: str, lang: str | None = None) -> Money:
    """An amount as typed: "24 000 €", "1,5 k€", "$7,045", "10k EUR/mois", "£300 a month"."""
    folded = fold(text)
    period: Period | None = None
    per = _alternation(_all("per"))
    match = re.fullmatch(
        rf"(.*?)(?:\s*/\s*|\s+(?:(?:{per})\s+)*)(?:{_period_pattern()})\.?", folded
    )
    if match and match.group(1).strip():
        folded = match.group(1).strip()
        period = next(Period(p) for p in ("year", "month", "quarter") if match.group(p))
    currency: str | None = None
    for code, aliases in _CURRENCY_ALIASES.items():
        for alias in sorted(aliases, key=len, reverse=True):
            edge = "" if not alias[-1].isalpha() else r"(?![a-z])"
            start = "" if not alias[0].isalpha() else r"(?<![a-z])"
            found = re.search(f"{start}{re.escape(alias)}{edge}", folded)
            if found:
                currency = code
                folded = (folded[: found.start()] + " " + folded[found.end() :]).strip()
                break
        if currency:
            break
    if currency in ("USD", "GBP") and lang is None:
        lang = "en"
    try:
        amount = _number(folded, lang, money=True)
    except ValueError:
        raise TypedValueError("typed.money", text=text.strip()) from None
    if amount < 0:
        raise TypedValueError("typed.money", text=text.strip())
    return Money(amount, currency, period)


# ---------------------------------------------------------------------------- shares


def parse_share(text: str, lang: str | None = None) -> float:
    """A share between 0 and 1: "25 %", "12.5%", "0.25", "25" (read as percent), "1/4"."""
    folded = fold(text)
    try:
        fraction = re.fullmatch(r"(\d+)\s*/\s*(\d+)", folded)
        if fraction and int(fraction.group(2)):
            value = int(fraction.group(1)) / int(fraction.group(2))
        elif folded.endswith("%"):
            value = float(_number(folded[:-1], lang)) / 100
        else:
            value = float(_number(folded, lang))
            if value > 1:
                value /= 100
    except ValueError:
        raise TypedValueError("typed.share", text=text.strip()) from None
    if not 0 <= value <= 1:
        raise TypedValueError("typed.share_range", text=text.strip())
    return round(value, 6)


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


# ---------------------------------------------------------------------------- horizons


def parse_horizon(text: str, unit: HorizonUnit = "years") -> int:
    """A duration in whole ``unit``: "10 ans", "5 years", "18 mois", "a quarter", "un trimestre"."""
    folded = fold(text).rstrip(".")
    nouns = {kind: _all(kind) for kind in _MONTH_FACTORS}
    noun_alt = _alternation([a for aliases in nouns.values() for a in aliases])
    small = _alternation(_all("small_numbers"))
    match = re.fullmatch(
        rf"(?P<n>\d[\d ,.]*|{small})?\s*-?\s*(?P<unit>{noun_alt})?"
        r"(?:\s+(?:et\s+demi|and\s+a\s+half))?",
        folded,
    )
    if not match or not (match["n"] or match["unit"]) or not folded:
        raise TypedValueError("typed.horizon", text=text.strip())
    count: float = 1
    if match["n"]:
        words = _words("small_numbers")
        rank = next((i for i, aliases in enumerate(words, 1) if match["n"] in aliases), None)
        try:
            count = float(rank if rank is not None else _number(match["n"], None))
        except ValueError:
            raise TypedValueError("typed.horizon", text=text.strip()) from None
    if re.search(r"(et\s+demi|and\s+a\s+half)$", folded):
        count += 0.5
    if match["unit"]:
        kind = next(k for k, aliases in nouns.items() if match["unit"] in aliases)
        months = count * _MONTH_FACTORS[kind]
    else:
        months = count * (12 if unit == "years" else 1)
    value = int(months / 12 + 0.5) if unit == "years" else int(months + 0.5)
    if value < 1 or months > 1200:
        raise TypedValueError("typed.horizon_range", text=text.strip())
    return value


# ---------------------------------------------------------------------------- formatting


def format_number(value: Num, lang: str | None = None, *, decimals: int | None = None) -> str:
    """A number as a person of ``lang`` writes it: "24 000,5" (fr) or "24,000.5" (en)."""
    if decimals is None:
        text = f"{value:,.6f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    else:
        text = f"{value:,.{decimals}f}"
    if normalise_lang(lang) == "fr":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def format_money(value: Money, lang: str | None = None) -> str:
    """An amount as written in ``lang``: "24 000 €" / "€24,000", with its period if known."""
    lang = normalise_lang(lang)
    decimals = None if isinstance(value.amount, int) or float(value.amount).is_integer() else 2
    amount = value.amount if decimals else int(value.amount)
    number = format_number(amount, lang, decimals=decimals)
    code = value.currency or ""
    symbol = _CURRENCY_SYMBOLS.get(code)
    if not code:
        text = number
    elif lang == "fr":
        text = f"{number}\u00a0{symbol or code}"
    else:
        text = f"{symbol}{number}" if symbol else f"{code}\u00a0{number}"
    if value.period is not None:
        text = f"{text} {t(f'typed.per_{value.period.value}', lang)}"
    return text


def format_share(value: float, lang: str | None = None) -> str:
    """A share as a percentage: "12,5 %" (fr) or "12.5%" (en)."""
    percent = format_number(round(value * 100, 4), lang)
    return f"{percent}\u00a0%" if normalise_lang(lang) == "fr" else f"{percent}%"


def format_deadline(value: date, lang: str | None = None) -> str:
    """A date as written in ``lang``: "30/06/2027" (fr) or "30 Jun 2027" (en)."""
    if normalise_lang(lang) == "fr":
        return value.strftime("%d/%m/%Y")
    short = catalogue("en")["typed.words.month_short"].split("|")
    return f"{value.day} {short[value.month - 1]} {value.year}"


def format_horizon(value: int, unit: HorizonUnit = "years", lang: str | None = None) -> str:
    """A duration: "10 ans", "18 months"."""
    key = unit if value != 1 else unit[:-1]
    return t(f"typed.{key}", lang, count=value)
