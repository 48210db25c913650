"""Numbers, amounts, shares and dates as each language writes them (Babel, loaded on first use).

The one place the product formats a value for a reader: the editors, the layer review,
the analysis's messages, the report and the diff all call these, so a French reader
sees « 18 000 € », « 12,5 % » and « 30 juin 2027 » everywhere, and an English one
"£18,000", "12.5%" and "30 June 2027". Babel (the CLDR data) is imported the first
time a value is formatted, never when the app starts.
"""

from __future__ import annotations

import decimal
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from alignment_tui.i18n import normalise_lang

if TYPE_CHECKING:
    from babel.core import Locale

# The CLDR locale each interface language writes values in. English is British: day
# before month and "30 June 2027" read the same on both sides of the Atlantic.
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@cache
def _locale(lang: str) -> Locale:
    from babel.core import Locale

    return Locale.parse(LOCALES[normalise_lang(lang)])


def _wide() -> decimal.Context:
    """Enough digits for any float Babel is given: its rounding raises on 1e300 otherwise."""
    return decimal.Context(prec=400, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def _plain(value: float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def format_number(value: float, lang: str | None = None, *, decimals: int | None = None) -> str:
    """ "24 000,5" (fr) or "24,000.5" (en); every decimal kept unless ``decimals`` says."""
    from babel.numbers import format_decimal

    locale = _locale(lang or "")
    with decimal.localcontext(_wide()):
        if decimals is not None:
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            return format_decimal(value, format=pattern, locale=locale)
        number = _plain(round(value, 6)) if isinstance(value, float) else value
        return format_decimal(number, locale=locale, decimal_quantization=False)


def format_currency(amount: float, currency: str, lang: str | None = None) -> str:
    """« 18 000 € », "£36,000", "CHF 1,200.50": cents only when there are some."""
    from babel.numbers import format_currency as babel_currency

    locale = _locale(lang or "")
    code = currency.strip().upper()
    pattern = locale.currency_formats["standard"].pattern
    whole = float(amount).is_integer()
    if whole:
        pattern = pattern.replace(".00", "")
    with decimal.localcontext(_wide()):
        text = babel_currency(
            _plain(amount), code, format=pattern, locale=locale, currency_digits=not whole
        )
    symbol = _symbol(code, lang or "")
    # A code written before the number needs a space ("CHF 1,200"), a sign does not ("£").
    if text.startswith(symbol) and symbol[-1:].isalpha():
        text = symbol + "\u00a0" + text[len(symbol) :]
    return text


def _symbol(code: str, lang: str) -> str:
    from babel.numbers import get_currency_symbol

    return str(get_currency_symbol(code, locale=_locale(lang)))


def format_amount(amount: float, currency: str = "", lang: str | None = None) -> str:
    """An amount with its currency when it has one, else the bare number."""
    if currency.strip():
        return format_currency(amount, currency, lang)
    return format_number(amount, lang)


def format_share(share: float, lang: str | None = None) -> str:
    """A share of 1 as a percentage: « 12,5 % » (fr), "12.5%" (en)."""
    from babel.numbers import format_percent

    with decimal.localcontext(_wide()):
        return format_percent(
            _plain(round(share, 6)), locale=_locale(lang or ""), decimal_quantization=False
        )


def format_date(value: date, lang: str | None = None) -> str:
    """A date written out: « 30 juin 2027 », « 1er mars 2027 », "30 June 2027"."""
    from babel.dates import format_date as babel_date

    text = str(babel_date(value, format="long", locale=_locale(lang or "")))
    if normalise_lang(lang) == "fr" and value.day == 1 and text.startswith("1 "):
        text = "1er" + text[1:]  # French writes the first of the month as an ordinal
    return text


def format_value(value: Any, lang: str | None = None) -> str:
    """A number or a date as a reader of ``lang`` reads it; anything else as ``str``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)
