"""Numbers, amounts, shares, deadlines and durations as people type them, in French or English."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from alignment_tui import formats
from alignment_tui.i18n import normalise_lang, t
from alignment_tui.model.profile import Axis, Budget, Channel, Kpi, Period, Persona, ValueItem
from alignment_tui.model.typed_base import (
    _MINUS,
    Num,
    TypedValueError,
    _all,
    _alternation,
    _multipliers,
    _number,
    fold,
)
from alignment_tui.model.typed_dates import format_deadline, parse_deadline
from alignment_tui.model.typed_horizons import HorizonUnit, format_horizon, parse_horizon

__all__ = [
    "HorizonUnit",
    "Money",
    "Num",
    "TypedValueError",
    "currency_code",
    "fold",
    "format_deadline",
    "format_horizon",
    "format_item",
    "format_money",
    "format_number",
    "format_share",
    "parse_deadline",
    "parse_horizon",
    "parse_measure",
    "parse_money",
    "parse_number",
    "parse_share",
]

_CURRENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "EUR": ("€", "eur", "euro", "euros"),
    "USD": ("us$", "$us", "$", "usd", "dollar", "dollars"),
    "GBP": ("£", "gbp", "pound", "pounds", "livre", "livres"),
    "CHF": ("chf",),
    "CAD": ("ca$", "cad"),
    "AUD": ("au$", "aud"),
    "JPY": ("¥", "jpy", "yen"),
}


@dataclass(frozen=True)
class Money:
    """An amount, with the currency (ISO code) and period when the text gave them."""

    amount: Num
    currency: str | None = None
    period: Period | None = None


def parse_number(text: str, lang: str | None = None) -> Num:
    """A number as typed: "24 000", "1 234,56", "1,234.56", "1,5 k", "2 M", "12.5"."""
    try:
        return _number(text, lang)
    except ValueError:
        raise TypedValueError("typed.number", text=text.strip()) from None


def parse_measure(text: str, lang: str | None = None) -> tuple[Num, str]:
    """A number followed by its unit, if any: "120 subscribers", "12.5%", "1,5 k€".

    A unit never starts with a digit: "24 0" is a number being typed, not 24 of unit "0".
    """
    try:
        return _number(text, lang), ""
    except ValueError:
        pass
    mult = _alternation(list(_multipliers()))
    folded = text.strip().replace(_MINUS, "-")
    match = re.fullmatch(
        rf"([+-]?\s*\d[\d\s\u00a0\u202f,.'’]*(?:\s*(?:{mult})(?![^\W\d_]))?)\s*([^\d\s].*)",
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


def currency_code(text: str) -> str | None:
    """The ISO code a currency is written as: "€", "euros" and "EUR" are all "EUR"."""
    folded = fold(text)
    for code, aliases in _CURRENCY_ALIASES.items():
        if folded == code.lower() or folded in aliases:
            return code
    return None


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


# ---------------------------------------------------------------------------- formatting


def format_number(value: Num, lang: str | None = None, *, decimals: int | None = None) -> str:
    """A number as a person of ``lang`` writes it: "24 000,5" (fr) or "24,000.5" (en)."""
    return formats.format_number(value, lang, decimals=decimals)


def format_money(value: Money, lang: str | None = None) -> str:
    """An amount as written in ``lang``: "24 000 €" / "€24,000", with its period if known."""
    text = formats.format_amount(value.amount, value.currency or "", lang)
    if value.period is not None:
        text = f"{text} {t(f'typed.per_{value.period.value}', lang)}"
    return text


def format_share(value: float, lang: str | None = None) -> str:
    """A share as a percentage: "12,5 %" (fr) or "12.5%" (en)."""
    return formats.format_share(value, lang)


def format_item(
    item: object, lang: str | None = None, names: Mapping[str, str] | None = None
) -> str:
    """One row of a structured answer on one line, for a review or a report, in ``lang``.

    "Abonnés — Financier — 120 → 400 abonnés — 30/09/2027 — Mensuelle — gérante — axe
    forfait"; a budget reads as its amount; anything else as ``str``.
    """
    lang = normalise_lang(lang)
    shown = names or {}  # persona and axis ids → their names, when the caller knows them
    if isinstance(item, Budget):
        if item.amount is None:
            return t(f"editors.period.{item.period.value}", lang) if item.period else ""
        return format_money(Money(item.amount, item.currency or None, item.period), lang)
    if isinstance(item, Kpi):
        measure = ""
        if item.baseline is not None or item.target is not None:
            ends = [
                format_number(v, lang) if v is not None else "?"
                for v in (item.baseline, item.target)
            ]
            measure = " → ".join(ends) + (f" {item.unit}" if item.unit else "")
        parts = [
            item.name,
            t(f"editors.branch.{item.branch.value}", lang) if item.branch else "",
            measure or item.unit,
            format_deadline(item.deadline, lang) if item.deadline else "",
            t(f"editors.cadence.{item.cadence.value}", lang) if item.cadence else "",
            item.owner,
            t("typed.linked_axis", lang, axis=shown.get(item.axis, item.axis)) if item.axis else "",
        ]
    elif isinstance(item, Channel):
        share = format_share(item.budget_share, lang) if item.budget_share is not None else ""
        parts = [item.name, shown.get(item.persona, item.persona), item.timing, share]
    elif isinstance(item, ValueItem):
        parts = [item.name, item.meaning, item.behaviour]
    elif isinstance(item, Persona | Axis):
        parts = [f"{item.name} ({item.id})" if item.id else item.name, item.description]
    elif isinstance(item, date):
        return format_deadline(item, lang)
    elif isinstance(item, bool) or not isinstance(item, int | float):
        return str(item)
    else:
        return format_number(item, lang)
    return " — ".join(p for p in parts if p)
