"""Tell French from English in a short answer, from a word list shipped as data."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from alignment_tui.analysis.recognise import fold

Lang = Literal["fr", "en"]

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_FR_ELISION = re.compile(r"^(?:l|d|qu|n|c|j|s|m|t|jusqu|lorsqu|puisqu|quoiqu)'[a-z]")
_EN_CONTRACTION = re.compile(r"(?:'s|n't|'re|'ll|'ve|'m|'d)$")
_FR_ACCENTS = re.compile(r"[éèêàùçœâîôû]")
_ENDING_WEIGHT = 0.5
_FR_SPACED_MARK = re.compile(r"[\w)»] [:;!?%]")
_SPACED_MARK_WEIGHT = 0.5
_SPACED_MARK_MAX = 1.5
_SAMPLE = 600  # enough words to tell the two languages apart


@cache
def _tables() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    raw = tomllib.loads(
        resources.files("alignment_tui.analysis").joinpath("data/lang.toml").read_text("utf-8")
    )
    tables: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for lang in ("fr", "en"):
        words = frozenset(raw[lang]["words"].split())
        tables[lang] = (words, tuple(raw[lang]["endings"]))
    return tables


def lang_scores(text: str) -> tuple[float, float]:
    """French and English evidence in ``text`` (word hits, elisions, accents, endings)."""
    tables = _tables()
    fr_words, fr_end = tables["fr"]
    en_words, en_end = tables["en"]
    sample = text[:_SAMPLE]
    fr = float(len(_FR_ACCENTS.findall(sample.lower())))
    # French typography puts a space before : ; ! ? and % ("Budget : 2 k€", "+30 %").
    fr += min(_SPACED_MARK_MAX, _SPACED_MARK_WEIGHT * len(_FR_SPACED_MARK.findall(sample)))
    en = 0.0
    for token in _TOKEN.findall(fold(sample)):
        if "'" in token:
            if _FR_ELISION.match(token):
                fr += 1
                token = token.split("'", 1)[1]
            elif _EN_CONTRACTION.search(token):
                en += 1
                continue
        in_fr, in_en = token in fr_words, token in en_words
        if in_fr != in_en:
            fr += in_fr
            en += in_en
        elif not in_fr and len(token) > 4:
            if token.endswith(fr_end):
                fr += _ENDING_WEIGHT
            if token.endswith(en_end):
                en += _ENDING_WEIGHT
    return fr, en


def detect_lang(text: str) -> Lang:
    """``"fr"`` or ``"en"``: the language with more evidence; French wins a tie with accents."""
    return detect_with_margin(text)[0]


def detect_with_margin(text: str) -> tuple[Lang, float]:
    """The detected language and by how much evidence it won (0 for a tie)."""
    fr, en = lang_scores(text)
    if fr == en:
        return ("fr" if _FR_ACCENTS.search(text.lower()) else "en"), 0.0
    return ("fr" if fr > en else "en"), abs(fr - en)
