"""UI strings in French and English, read from ``locales/*.toml`` (no UI import).

A key whose table holds ``one`` and ``other`` (CLDR plural categories) is a plural: ``t``
picks the form for its ``count`` (or ``n``) by the language's plural rules. Asking for a
key the catalogue does not have is a bug: with ``ALIGNMENT_TUI_STRICT_KEYS`` set (the
tests set it) ``t`` raises ``MissingKey``; otherwise the user sees the English string, or
the key itself, rather than a crash. Keys that may legitimately be absent are asked for
with ``lookup``.
"""

from __future__ import annotations

import locale
import os
import tomllib
from functools import cache
from importlib import resources
from typing import Any, Literal

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")


@cache
def catalogue(lang: Lang) -> dict[str, str]:
    """The flat key → string table of one language, from every ``locales/LANG/*.toml``.

    Each file is one part of the product (core, tui, analysis, report…); a key may be
    defined in one file only.
    """
    flat: dict[str, str] = {}
    folder = resources.files("alignment_tui.locales").joinpath(lang)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            part: dict[str, str] = {}
            _flatten(tomllib.loads(entry.read_text("utf-8")), "", part)
            clash = part.keys() & flat.keys()
            if clash:
                raise ValueError(
                    f"locales/{lang}/{entry.name}: keys defined twice: {sorted(clash)}"
                )
            flat.update(part)
    return flat


def _flatten(data: dict[str, Any], prefix: str, out: dict[str, str]) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, name + ".", out)
        else:
            out[name] = str(value)


class MissingKey(KeyError):
    """The code asked the catalogue for a string that neither language defines."""


PLURAL_PARAMS = ("count", "n")


def lookup(key: str, lang: str | None = None) -> str | None:
    """The raw template of ``key`` in ``lang`` (English when only English has it), or None."""
    template = catalogue(normalise_lang(lang)).get(key)
    return template if template is not None else catalogue("en").get(key)


def has_key(key: str) -> bool:
    """Is ``key`` a string or a plural of the catalogue?"""
    table = catalogue("en")
    return key in table or f"{key}.other" in table


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The string ``key`` in ``lang`` with ``{params}`` filled in (plurals by ``count``/``n``)."""
    code = normalise_lang(lang)
    table = catalogue(code)
    template = table.get(key)
    if template is None and f"{key}.other" in table:
        number = next((params[p] for p in PLURAL_PARAMS if p in params), None)
        form = plural_category(number, code) if isinstance(number, int | float) else "other"
        template = table.get(f"{key}.{form}") or table[f"{key}.other"]
    if template is None:
        template = catalogue("en").get(key)
        if template is None:
            if os.environ.get("ALIGNMENT_TUI_STRICT_KEYS"):
                raise MissingKey(key)
            template = key
    return template.format(**params) if params else template


def plural_category(number: float, lang: str) -> str:
    """The CLDR plural category of ``number`` in ``lang`` ("one", "other", "many"…).

    Babel knows the rules (French: 0 and 1 are singular; English: only 1); it is imported
    the first time a plural is shown, not when the app starts.
    """
    return str(_plural_rule(lang)(number))


@cache
def _plural_rule(lang: str) -> Any:
    from babel.core import Locale

    return Locale.parse(lang).plural_form


def normalise_lang(lang: str | None) -> Lang:
    if lang in LANGS:
        return lang
    return default_lang()


def default_lang() -> Lang:
    """The language of the user's locale: French for any ``fr*`` locale, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "fr" if code.lower().startswith("fr") else "en"
