"""Sentence patterns word lists cannot hold: choices, conditions, behaviours, timings, hype."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from alignment_tui.analysis.lexicon import Entry, Hit
from alignment_tui.analysis.recognise import fold

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
)
_DAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end"
)
_CLAUSE = r"[^.;!?\n]"  # a pattern's two halves sit in one clause
# Patterns are searched around the words they need: from this many characters before one
# to this many after (the longest pattern spans a clause of 80 characters).
_BEFORE, _AFTER = 24, 140

# Each pattern is evidence for a ``signal.*`` rule: the words one of which it needs (a set
# lookup is far cheaper than a failed regex scan), the rule, the regex, and its language
# ("" for both; a one-language pattern runs on the other language only when unsure).
_SIGNALS: tuple[tuple[str, str, str, str], ...] = (
    # A preference states what is given up: "we'd rather lose a client than lie".
    (
        "rather prefer prefers preferred prefere preferes preferons preferent preferer "
        "preferez preferait",
        "signal.tradeoff",
        rf"\b(?:would|'d) rather\b{_CLAUSE}{{1,80}}?\bthan\b"
        rf"|\bprefer(?:s|red)?\b{_CLAUSE}{{1,80}}?\b(?:than|over|instead of)\b"
        rf"|\bprefer\w*\b{_CLAUSE}{{1,80}}?(?:\bplutot\b|\bque\b|\bqu')",
        "",
    ),
    # A French refusal, elided or not: « n'est pas », « ne facture jamais ». (The fixed phrases
    # of both languages — "don't", "unless", « tant que », « celui qui » — are word lists.)
    (
        "n ne",
        "signal.tradeoff",
        r"\b(?:n'\w+\s(?:\w+\s)?|ne\s[a-z']+\s)(?:pas|jamais|plus|aucune?)\b"
        r"(?!\s(?:que|qu'|seulement|juste|une? simple)\b)",
        "",
    ),
    # A rule that holds either way: "whether they ask or not", « qu'il pleuve ou non ».
    (
        "non not",
        "signal.behaviour",
        r"\b(?:que|qu'il|qu'elle|qu'ils|whether)\s[a-z']+(?:\s[a-z']+)?\s(?:ou non|or not)\b",
        "",
    ),
    # We do something (not "we believe", "we strive"): "we publish our errors".
    (
        "we our",
        "signal.behaviour",
        r"\b(?:we|our team|our staff)\s(?:(?:always|never|still|only|systematically|don't|do not)"
        r"\s)?(?!(?:believe|value|strive|want|aim|hope|think|love|care|are|is|be|have|had|was|"
        r"were|will|would|can|could|must|should|may|might|also|embrace|put|place|keep|grow|"
        r"innovate|dare|share|respect|listen|support|serve|build)\b)[a-z]{3,}\s[a-z']{2,}"
        r"\s[a-z']{2,}",
        "en",
    ),
    # …and in French: « nous racontons nos erreurs ».
    (
        "nous on notre equipe",
        "signal.behaviour",
        r"\b(?:nous|on|notre equipe|l'equipe)\s(?:(?:toujours|jamais|systematiquement|n'|ne)\s?)?"
        r"(?!(?:sommes|croyons|croit|pensons|pense|voulons|veut|visons|vise|esperons|valorisons|"
        r"cherchons|souhaitons|aimons|aime|avons|avions|avait|a|est|etions|etait|sera|serons|"
        r"mettons|met|placons|place|pouvons|peut|devons|doit|grandissons|innovons|avancons|"
        r"partageons|osons|allons|va|vous|respectons|respecte|ecoutons|ecoute|accompagnons|"
        r"accompagne|soutenons|servons|construisons)\b)[a-z]{3,}\s[a-z']{2,}\s[a-z']{2,}",
        "fr",
    ),
    # A group defined by what its people do: "people who stammer", « ceux qui louent ».
    (
        "people those families women men children kids parents personnes ceux celles familles "
        "femmes hommes enfants",
        "signal.audience",
        r"\b(?:people|those|families|women|men|children|kids|parents|personnes|ceux|celles|"
        r"familles|femmes|hommes|enfants)\s(?:who|qui)\s[a-z']{3,}",
        "",
    ),
    # A contrast names what is left out: "on their skills, not on their speed".
    (
        "not pas non",
        "signal.tradeoff",
        r",\s(?:not|and not|but not|pas|et non|non pas|mais pas)\s",
        "",
    ),
    # An offer by its shape: "we turn old sails into bags", "sell them to sailors".
    (
        "turn turns transform transforms convert converts transforme transformons transforment "
        "transformer sell sells selling vend vends vendons vendent vendre vendu vendus",
        "signal.offer",
        rf"\b(?:turn|transform|convert|transform)\w*\s{_CLAUSE}{{3,60}}?\s(?:into|en)\s"
        rf"|\b(?:sell|sells|selling|vend|vends|vendons|vendent|vendre)\b{_CLAUSE}{{0,40}}?"
        r"\s(?:to|aux|a des|a la|a l'|au)\s[a-z]{3,}",
        "",
    ),
    # A weekday or a span of months is a timing: « chaque samedi d'avril à octobre ».
    (
        f"{_DAYS.replace('|', ' ')} {_MONTHS.replace('|', ' ')} week weekends mondays tuesdays "
        "wednesdays thursdays fridays saturdays sundays lundis mardis mercredis jeudis vendredis "
        "samedis dimanches",
        "signal.cadence",
        rf"\b(?:every|each|on|the|chaque|tous les|le|les|du)\s(?:{_DAYS})s?\b"
        rf"|\b(?:from|between|de|d'|du|entre)\s?(?:{_MONTHS})\b{_CLAUSE}{{0,12}}?"
        rf"\b(?:to|until|till|through|and|a|au|jusqu'a|jusqu'en|et)\s(?:{_MONTHS})\b"
        rf"|\b(?:from|starting|starting in|a partir de|des)\s(?:{_MONTHS})\b",
        "",
    ),
)

# Numbers that measure nothing: hype ("110%", « 100 % ») and counts of pillars or values.
_HYPE = re.compile(
    r"(?<![\d.,])(?:[1-9]\d{2,}|1000)\s?%|\b360\s?(?:°|degrees?|degres)"
    r"|\b24\s?/\s?7\b|\b24\s?h\s?/\s?24\b|\b7\s?j\s?/\s?7\b"
)
_COUNTED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|deux|trois|quatre|cinq|six|sept)\s"
    r"(?:(?:key|main|core|strategic|big|grands|grandes|principaux|strategiques|fondamentales|"
    r"fondamentaux)\s)?(?:pillars?|axes?|axis|priorities|priorites|values|valeurs|piliers?|"
    r"commitments|engagements|principles|principes|orientations|leviers|levers|themes)\b"
)
_COUNTED_NOUNS_WORDS = """
pillars pillar axes axe axis priorities priorites values valeurs piliers pilier commitments
engagements principles principes orientations leviers levers themes
"""
_COUNTED_NOUNS = frozenset(_COUNTED_NOUNS_WORDS.split())
# "Since 1998", « fondée en 2012 »: the company's age, not a measure nor a deadline.
_FOUNDED = re.compile(
    r"\b(?:since|founded in|established in|created in|started in|depuis|fondee? en|creee? en|"
    r"nee? en)\s(?:19|20)\d\d\b"
)
_FOUNDED_TRIGGERS = (
    """since founded established created started depuis fonde fondee cree creee ne nee"""
)
_FOUNDED_WORDS = frozenset(_FOUNDED_TRIGGERS.split())
_HYPE_LAYERS = ("values", "vision", "mission")


@cache
def _compiled() -> tuple[tuple[frozenset[str], Entry, re.Pattern[str]], ...]:
    return tuple(
        (frozenset(words.split()), Entry(rule, lang, (), "sentence pattern"), re.compile(rx))
        for words, rule, rx, lang in _SIGNALS
    )


def signal_hits(
    text: str, where: Mapping[str, Sequence[int]], lang: str | None = None
) -> list[Hit]:
    """Evidence found by sentence patterns, as hits of ``signal.*`` rules.

    ``where``: each folded word of ``text`` and its offsets; a pattern runs only around the
    words it needs (scanning a whole answer for every pattern costs too much).
    ``lang``: the text's language when sure (English "on" is no French « on »).
    """
    folded = fold(text)
    out = []
    for needs, entry, rx in _compiled():
        if lang and entry.lang and entry.lang != lang:
            continue
        m = _around(rx, folded, sorted(p for w in needs if w in where for p in where[w]))
        if m:
            out.append(Hit(m.start(), m.end(), entry))
    return out


def _around(rx: re.Pattern[str], folded: str, starts: Sequence[int]) -> re.Match[str] | None:
    """The first match of ``rx`` in the windows around ``starts`` (overlapping ones merged)."""
    windows: list[list[int]] = []
    for start in starts:
        lo, hi = max(0, start - _BEFORE), start + _AFTER
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        m = rx.search(folded, lo, hi)
        if m:
            return m
    return None


def hype(text: str, layer: str) -> list[tuple[int, int]]:
    """Numbers of emphasis ("110%", "24/7"): no measure, in the layers that state a belief."""
    if layer not in _HYPE_LAYERS or not any(c in text for c in "%/°"):
        return []
    return [(m.start(), m.end()) for m in _HYPE.finditer(fold(text))]


def counted(text: str, where: Mapping[str, Sequence[int]]) -> list[tuple[int, int]]:
    """Numbers that count the answer's own parts ("3 pillars", « quatre valeurs ») or the
    company's age ("since 1998")."""
    folded = fold(text)
    spans: set[tuple[int, int]] = set()
    for words, rx in ((_COUNTED_NOUNS, _COUNTED), (_FOUNDED_WORDS, _FOUNDED)):
        for start in sorted(p for w in words if w in where for p in where[w]):
            lo, hi = max(0, start - _BEFORE), start + _AFTER
            spans.update((m.start(), m.end()) for m in rx.finditer(folded, lo, hi))
    return sorted(spans)
