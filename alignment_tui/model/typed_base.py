"""What every typed value shares: the error, the word lists, reading the digits of a number."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from alignment_tui.i18n import catalogue, t

Num = int | float

# Spaces people (and word processors) put between digit groups.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_MINUS = "\u2212"
_LARGEST = Decimal(10) ** 15


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
    if value >= _LARGEST:
        raise ValueError(text)  # beyond any plan, and beyond what a TOML integer holds
    return _as_num(-value if sign == "-" else value)
