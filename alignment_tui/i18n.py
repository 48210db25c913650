"""UI strings in French and English, read from ``locales/*.toml`` (no UI import)."""

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


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The string ``key`` in ``lang`` with ``{params}`` filled in."""
    table = catalogue(normalise_lang(lang))
    template = table.get(key)
    if template is None:
        template = catalogue("en").get(key, key)
    return template.format(**params) if params else template


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
