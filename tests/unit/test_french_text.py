"""French and English that read as written by a person: real plurals, French spacing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from alignment_tui import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALES = Path(i18n.__file__).parent / "locales"


def _strings(data: Any, lang: str, inside: bool = False) -> list[str]:
    """Every string of ``lang`` in a locale table or a bank file."""
    out: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _strings(value, lang, inside or key == lang)
    elif isinstance(data, list):
        for value in data:
            out += _strings(value, lang, inside)
    elif isinstance(data, str) and inside:
        out.append(data)
    return out


def _french() -> list[str]:
    texts = []
    for path in sorted((LOCALES / "fr").glob("*.toml")):
        texts += _strings(tomllib.loads(path.read_text("utf-8")), "fr", inside=True)
    for path in sorted((ROOT / "questions").glob("*.toml")):
        texts += _strings(tomllib.loads(path.read_text("utf-8")), "fr")
    return texts


def _all(lang: str) -> list[str]:
    texts = []
    for path in sorted((LOCALES / lang).glob("*.toml")):
        texts += _strings(tomllib.loads(path.read_text("utf-8")), lang, inside=True)
    return texts


def test_french_puts_a_narrow_no_break_space_before_double_signs() -> None:
    # A plain or no-break space there lets a line break before the sign, or looks wide.
    bad = [s for s in _french() if re.search(r"[ \u00a0][:;?!](\s|$|\")", s)]
    assert bad == []
    glued = [s for s in _french() if re.search(r"[^\s\u202f\d:/][;?!](\s|$)", s)]
    assert glued == []


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_string_hedges_its_plural(lang: str) -> None:
    assert [s for s in _all(lang) if "(s)" in s] == []


@pytest.mark.parametrize(
    ("key", "lang", "n", "text"),
    [
        ("findings.waived", "fr", 0, "0 acceptée"),
        ("findings.waived", "fr", 1, "1 acceptée"),
        ("findings.waived", "fr", 2, "2 acceptées"),
        ("review.n_findings", "fr", 1, "1 remarque"),
        ("review.n_findings", "fr", 3, "3 remarques"),
        ("review.n_findings", "en", 1, "1 finding"),
        ("review.n_findings", "en", 0, "0 findings"),
        ("summary.skipped", "fr", 1, "1 passée"),
        ("summary.skipped", "fr", 4, "4 passées"),
    ],
)
def test_plurals_follow_each_language(key: str, lang: str, n: int, text: str) -> None:
    assert i18n.t(key, lang, n=n) == text


def test_counts_in_sentences_agree() -> None:
    assert i18n.t("check.n_errors", "fr", count=1) == "1 erreur"
    assert i18n.t("check.n_errors", "en", count=2) == "2 errors"
    assert i18n.t("diff.n_layers", "fr", count=1) == "1 couche"
    line = i18n.t("plain.current_rows", "fr", count=1)
    assert line == "1 ligne déjà saisie."
    assert i18n.t("summary.overall", "en", done=1, total=9, count=1).startswith(
        "1 of 9 questions that count toward completion is answered"
    )


def test_the_french_card_title_reads_naturally() -> None:
    assert i18n.t("intro.good", "fr") == "Ce qui fait une bonne réponse"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_analysis_message_hedges_its_plural(lang: str) -> None:
    pack = Path(i18n.__file__).parent / "analysis" / "packs" / lang
    texts: list[str] = []
    for path in sorted(pack.glob("*.toml")):
        texts += _strings(tomllib.loads(path.read_text("utf-8")), lang, inside=True)
    assert [s for s in texts if "(s)" in s or "(aux)" in s] == []
