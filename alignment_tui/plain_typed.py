"""Typed values in plain mode: numbers, amounts, shares, deadlines, horizons, read as typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alignment_tui.model import typed


def _money(raw: str, lang: str) -> tuple[Any, str, str | None]:
    value = typed.parse_money(raw, lang)
    return value.amount, value.currency or "", value.period


_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "number": typed.parse_number,
    "measure": typed.parse_measure,
    "share": typed.parse_share,
    "deadline": lambda raw, lang: typed.parse_deadline(raw),
    "money": _money,
    "horizon_years": lambda raw, lang: typed.parse_horizon(raw, "years"),
    "horizon_months": lambda raw, lang: typed.parse_horizon(raw, "months"),
}


def parser_for(lang: str, how: str) -> Callable[[str], Any]:
    """A function reading one typed value, raising ``ValueError`` with a message in ``lang``."""
    chosen = _PARSERS[how]

    def parse(raw: str) -> Any:
        try:
            return chosen(raw, lang)
        except typed.TypedValueError as exc:
            raise ValueError(exc.message(lang)) from None

    return parse
