"""Every string a user sees exists in French and in English, with the same placeholders."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest

from alignment_tui import i18n

LOCALES = Path(i18n.__file__).parent / "locales"


def _flat(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    i18n._flatten(tomllib.loads(path.read_text("utf-8")), "", out)
    return out


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


PARTS = sorted(p.name for p in (LOCALES / "en").glob("*.toml"))


def test_both_languages_have_the_same_files() -> None:
    assert PARTS and sorted(p.name for p in (LOCALES / "fr").glob("*.toml")) == PARTS


@pytest.mark.parametrize("part", PARTS)
def test_same_keys_and_placeholders(part: str) -> None:
    en, fr = _flat(LOCALES / "en" / part), _flat(LOCALES / "fr" / part)
    assert sorted(en.keys() - fr.keys()) == [], "missing in French"
    assert sorted(fr.keys() - en.keys()) == [], "missing in English"
    for key in en:
        assert en[key].strip() and fr[key].strip(), key
        assert _fields(en[key]) == _fields(fr[key]), key


def test_catalogues_load_without_clashes() -> None:
    i18n.catalogue.cache_clear()
    assert i18n.catalogue("fr").keys() == i18n.catalogue("en").keys()


def test_language_from_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.default_lang() == "fr"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.default_lang() == "en"
    assert i18n.normalise_lang("fr") == "fr"
