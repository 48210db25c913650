"""The vagueness rules of one answer: generic families and per-layer criteria."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from alignment_tui.analysis import lexicon, patterns
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.lexicon import Hit, Token
from alignment_tui.analysis.recognise import (
    find_amounts,
    find_deadlines,
    find_percentages,
    find_ranges,
    fold,
)


@dataclass
class Raw:
    """A finding before its message is written: rule, span, severity, message values."""

    rule_id: str
    start: int | None
    end: int | None
    severity: Severity | None = None
    values: dict[str, str] = field(default_factory=dict)


# Rules whose evidence is a word from a list: a text rich in concrete detail spares them.
LEXICAL = frozenset(
    {
        "vague.buzzword",
        "vague.hedge",
        "vague.weasel",
        "vague.superlative",
        "vague.everyone",
        "vague.cliche",
        "vague.vague_verb",
        "vague.vague_time",
        "execution.generic_channel",
    }
)
DIGIT = re.compile(r"\d")
NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|double|doubl\w+|"
    r"triple|tripl\w+|half|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cent|mille|"
    r"moitie|x\d+)\b"
    # "under an hour", « en moins d'une heure »: a measure written in words.
    r"|\b(?:than|under|within|in|moins d|sous|en|dans) (?:an?|one|une?) "
    r"(?:hour|day|week|minute|heure|jour|journee|semaine|minute)s?\b"
)
_QUOTE = re.compile(r"[«\"“”]|(?:^|\s)'\w")
_NOMINAL = re.compile(r"\w{3,}(?:tions?|ments?|ites?|ness|ity|ities|ances?|ences?|ismes?|isms?)$")
_SENTENCE_START = frozenset('.!?:;\n•·-*–—>(["«“')
# Capitalised words that name nothing: pronouns, articles, and business acronyms.
_EVERY_ONE = re.compile(
    r"\b(?:every|each|no|chaque|aucun|aucune|plus aucun|plus aucune)\s+(?!one\b|time\b|day\b|"
    r"year\b|more\b|longer\b|fois\b|jour\b|annee\b|matter\b|doubt\b)[a-z]{3,}"
)
_NA = re.compile(r"(?<![\w/])n/a(?![\w/])", re.IGNORECASE)
_TARGETING = re.compile(
    r"\b(?:serve|serving|reach|reaching|target|targeting|for|sell to|speak to|aimed at|"
    r"servir|toucher|cibler|pour|vendre a|s'adresser a|parler a|destine a)\s(?:\w+\s)?$"
)
_BLANK = re.compile(r"^\s*(?:\?+|x+|\.{2,}|…|-+|_+)\s*$", re.IGNORECASE)
_NUMBER_ONE = re.compile(r"(?<![\w#])(?:#\s?1|n°\s?1|no\.\s?1|nr\.?\s?1)(?![\d\w])", re.IGNORECASE)
# A value named then explained at some length: "No bs pricing: same price for all, on the door".
# A definition that only restates a belief ("we believe in…") explains nothing.
_DEFINED = re.compile(
    r"^[^:\n]{2,60}\s?[:=–—-]\s?(?!(?:we|nous|on)\s(?:believe|think|value|croyons|croit|pensons|"
    r"pense|valorisons)\b)(?:\S+\s+){5,}\S+",
    re.MULTILINE | re.IGNORECASE,
)
SPECIFICITY_CAP = 4  # rules and the score read at most "three or more" kinds of detail
_NOT_PROPER_WORDS = """
i we our us you the a an we're i'm it this that these they he she my nous notre nos vous on
le la les un une des je il elle ils elles ce cette ces mon ma mes en et
roi kpi kpis rse csr esg ia ai ceo rh hr ux ui api crm erp saas b2b b2c b2b2c ca ok
"""
_NOT_PROPER = frozenset(_NOT_PROPER_WORDS.split())
_TITLE_CASE_SHARE = 0.5  # above this share of capitalised words, capitals name nothing


@dataclass
class Context:
    """One answer and everything the rules read from it, computed once."""

    text: str
    layer: str
    lang: str
    field: str | None
    today: date
    params: dict[str, float]
    accepted: Sequence[str] = ()
    sure: bool = True  # the text's language is known or clearly detected

    @cached_property
    def toks(self) -> list[Token]:
        return lexicon.tokens(self.text)

    @cached_property
    def hits(self) -> list[Hit]:
        found = lexicon.find(
            self.text, self.toks, self.layer, self.accepted, self.lang if self.sure else None
        )
        return found + patterns.signal_hits(self.text)

    @cached_property
    def hype(self) -> list[tuple[int, int]]:
        """Numbers of emphasis ("110%", "24/7"): they are no detail."""
        return patterns.hype(self.text, self.layer) if self.digits_raw else []

    @cached_property
    def unmeasured(self) -> list[tuple[int, int]]:
        """Spans whose numbers measure nothing: hype, and counts of pillars or values."""
        if not self.digits_raw and not NUMBER_WORD.search(self.folded):
            return []
        return sorted(self.hype + patterns.counted(self.text))

    @cached_property
    def plain(self) -> str:
        """The text with its unmeasured numbers blanked (same length)."""
        text = self.text
        for start, end in self.unmeasured:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    @cached_property
    def by_rule(self) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {}
        for h in self.hits:
            out.setdefault(h.entry.rule, []).append(h)
        return out

    def of(self, rule: str) -> list[Hit]:
        return self.by_rule.get(rule, [])

    def has(self, rule: str) -> bool:
        return rule in self.by_rule

    @cached_property
    def words(self) -> int:
        return len(self.toks)

    @cached_property
    def folded_text(self) -> str:
        """The text lower-case and unaccented, offsets unchanged."""
        return fold(self.text)

    @cached_property
    def folded(self) -> str:
        return " ".join(t.key for t in self.toks)

    @cached_property
    def folded_without_deadlines(self) -> str:
        """The folded words with every deadline left out ("by June" is no "by" of means),
        and the numbers that measure nothing ("3 pillars", "110%")."""
        spans = sorted([(s, e) for s, e, _ in self.deadlines] + self.unmeasured)
        keep = []
        d = 0
        for t in self.toks:
            while d < len(spans) and spans[d][1] <= t.start:
                d += 1
            if d < len(spans) and spans[d][0] <= t.start < spans[d][1]:
                continue
            keep.append(t.key)
        return " ".join(keep)

    @cached_property
    def someone(self) -> bool:
        """ "every child", "no family", « chaque enfant », « aucun élève »: a vision's who."""
        return bool(_EVERY_ONE.search(self.folded))

    @cached_property
    def has_number(self) -> bool:
        """A quantity outside any date: "Q1" or "2027" alone measure nothing."""
        if not self.digits and not NUMBER_WORD.search(self.folded):
            return False
        plain = self.folded_without_deadlines
        return bool(DIGIT.search(plain)) or bool(NUMBER_WORD.search(plain))

    @cached_property
    def digits_raw(self) -> bool:
        return bool(DIGIT.search(self.text))

    @cached_property
    def digits(self) -> bool:
        """Digits that may measure something (not "110%" nor "3 pillars")."""
        if not self.digits_raw:
            return False
        return bool(DIGIT.search(self.plain)) if self.unmeasured else True

    @cached_property
    def deadlines(self) -> list[tuple[int, int, date]]:
        return [(m.start, m.end, m.value) for m in find_deadlines(self.text, self.today)]

    @cached_property
    def money(self) -> bool:
        return bool(find_amounts(self.plain)) if self.digits else False

    @cached_property
    def percent(self) -> bool:
        return bool(find_percentages(self.plain)) if self.digits else False

    @cached_property
    def ranges(self) -> list[tuple[float, float]]:
        return [m.value for m in find_ranges(self.plain)] if self.digits else []

    @cached_property
    def proper_nouns(self) -> int:
        """Capitalised words inside a sentence (Leeds, LinkedIn), not Title Case headings."""
        text = self.text
        capitals = [t for t in self.toks if text[t.start].isupper() and t.key not in _NOT_PROPER]
        long_words = sum(1 for t in self.toks if t.end - t.start > 3)
        title_case = len(capitals) > 2 and len(capitals) > _TITLE_CASE_SHARE * max(long_words, 1)
        count = 0
        for tok in capitals:
            if tok.end - tok.start < 2:
                continue
            word = text[tok.start : tok.end]
            if any(c.isupper() for c in word[1:]):
                count += not word.isupper() or len(word) > 3
                continue
            if title_case:
                continue
            k = tok.start - 1
            while k >= 0 and text[k] in " \t":
                k -= 1
            if k >= 0 and text[k] not in _SENTENCE_START:
                count += 1
        return count

    @cached_property
    def example(self) -> bool:
        """A quoted example, or a device that shows a tone ("first names", « on vouvoie »)."""
        if self.has("signal.device"):
            return True
        return bool(_QUOTE.search(self.text)) or any(
            k in self.folded for k in ("for example", "for instance", "par exemple", "e g ")
        )

    @cached_property
    def specificity(self) -> int:
        """How many kinds of concrete detail the answer holds (numbers, names, choices…)."""
        # Cheapest checks first; past SPECIFICITY_CAP kinds nothing reads the exact count.
        kinds: tuple[Callable[[], bool], ...] = (
            lambda: self.has("signal.tradeoff"),
            lambda: self.has("signal.audience"),
            lambda: self.has("signal.channel"),
            lambda: self.has("signal.insight"),
            lambda: self.proper_nouns > 0,
            lambda: self.example,
            lambda: self.has_number,
            lambda: self.has("signal.cadence") or bool(self.deadlines),
            lambda: self.digits and (self.money or self.percent),
            lambda: self.has("signal.terms"),
        )
        count = 0
        for kind in kinds:
            if kind():
                count += 1
                if count >= SPECIFICITY_CAP:
                    break
        return count

    def free_text(self, *fields: str) -> bool:
        """True for ``analyze_text`` and custom answers, or when the field is one of ``fields``."""
        f = self.field
        return not f or f.startswith("answers") or f in fields


Rule = Callable[[Context], Iterator[Raw]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    """Add ``fn`` to the rules every answer goes through."""
    RULES.append(fn)
    return fn


def _hits(ctx: Context, rule_id: str) -> Iterator[Raw]:
    for h in ctx.of(rule_id):
        yield Raw(
            rule_id, h.start, h.end, values={"rewrite": h.entry.rewrite, "lang": h.entry.lang}
        )


@rule
def lexical(ctx: Context) -> Iterator[Raw]:
    for rule_id in sorted(LEXICAL - {"vague.vague_verb", "execution.generic_channel"}):
        for raw in _hits(ctx, rule_id):
            if rule_id == "vague.everyone" and ctx.layer == "values" and not _aimed(ctx, raw):
                continue  # "everyone's salary is public" is a practice, not a target
            yield raw
    # "110%", "24/7": a number of emphasis is a quantity nobody can check.
    for start, end in ctx.hype:
        yield Raw("vague.weasel", start, end)
    # "#1", « n°1 »: digits, which word lists leave out.
    for m in _NUMBER_ONE.finditer(ctx.text):
        rule_id = (
            "vision.company_centred" if ctx.layer in ("vision", "mission") else "vague.superlative"
        )
        yield Raw(rule_id, m.start(), m.end())
    if ctx.layer == "execution":
        named = ctx.has("signal.channel")
        for raw in _hits(ctx, "execution.generic_channel"):
            raw.severity = Severity.info if named else None
            yield raw


def _aimed(ctx: Context, raw: Raw) -> bool:
    """Whether a "everyone" phrase is whom the answer targets ("to serve everyone")."""
    before = ctx.folded_text[max(0, (raw.start or 0) - 25) : raw.start]
    return bool(_TARGETING.search(before))


@rule
def placeholder(ctx: Context) -> Iterator[Raw]:
    """ "TBD", « à définir », "???": the answer is not written yet; no detail spares it."""
    whole = _BLANK.match(ctx.text)
    if whole:
        yield Raw("vague.placeholder", 0, len(ctx.text.rstrip()))
        return
    yield from _hits(ctx, "vague.placeholder")
    for m in _NA.finditer(ctx.text):
        yield Raw("vague.placeholder", m.start(), m.end())


@rule
def vague_verb(ctx: Context) -> Iterator[Raw]:
    """A vague verb counts only when its clause has no measure (a date is no measure)."""
    for h in ctx.of("vague.vague_verb"):
        left, right = _clause(ctx.text, h.start, h.end)
        dates = [(s, e) for s, e, _ in ctx.deadlines if left <= s < right]
        if any(
            not any(s <= m.start() < e for s, e in dates)
            for m in DIGIT.finditer(ctx.text, left, right)
        ):
            continue
        yield Raw("vague.vague_verb", h.start, h.end, values={"rewrite": h.entry.rewrite})


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``start:end`` (up to the nearest . ; ! ? or line end)."""
    left = max(text.rfind(c, 0, start) for c in ".;!?\n")
    rights = [i for i in (text.find(c, end) for c in ".;!?\n") if i >= 0]
    return left + 1, min(rights) if rights else len(text)


@rule
def nominal(ctx: Context) -> Iterator[Raw]:
    heavy = [t for t in ctx.toks if _NOMINAL.match(t.key)]
    content = [t for t in ctx.toks if len(t.key) > 3]
    if len(heavy) >= ctx.params["nominal_min"] and len(heavy) >= ctx.params["nominal_share"] * len(
        content
    ):
        yield Raw("vague.nominal", heavy[0].start, heavy[-1].end, values={"count": str(len(heavy))})


@rule
def too_short(ctx: Context) -> Iterator[Raw]:
    wanted = ctx.params.get("min_words")
    explicit = wanted is not None
    if wanted is None and ctx.free_text():
        wanted = ctx.params.get(f"min_words_{ctx.layer}")
    if not wanted or ctx.words == 0 or ctx.words >= wanted:
        return
    if not explicit and ctx.specificity > 0:
        return
    yield Raw(
        "vague.too_short", None, None, values={"words": str(ctx.words), "min": str(int(wanted))}
    )


@rule
def too_long(ctx: Context) -> Iterator[Raw]:
    wanted = ctx.params.get("max_words")
    if wanted and ctx.words > wanted:
        yield Raw(
            "vague.too_long", None, None, values={"words": str(ctx.words), "max": str(int(wanted))}
        )


@rule
def no_detail(ctx: Context) -> Iterator[Raw]:
    if ctx.layer == "objectives" or not ctx.free_text(f"{ctx.layer}.statement"):
        return
    if ctx.words < ctx.params["no_detail_min_words"] or ctx.specificity > 0:
        return
    if ctx.layer == "vision" and (
        ctx.has("signal.change") or ctx.has("signal.audience") or ctx.someone
    ):
        return
    if ctx.layer == "mission" and ctx.has("signal.offer"):
        return
    if ctx.layer == "values" and (ctx.has("signal.behaviour") or _DEFINED.search(ctx.text)):
        return
    yield Raw("vague.no_detail", None, None)


_SIGNALS: dict[str, Callable[[Context], bool]] = {
    # Any number answers "a number" here, a horizon included ("in ten years").
    "number": lambda c: c.digits or bool(NUMBER_WORD.search(c.folded)),
    "date": lambda c: bool(c.deadlines) or c.has("signal.cadence"),
    "money": lambda c: c.money,
    "name": lambda c: c.proper_nouns > 0 or c.has("signal.audience") or c.has("signal.channel"),
    "tradeoff": lambda c: c.has("signal.tradeoff"),
    "beneficiary": lambda c: (
        c.has("signal.audience")
        or c.has("signal.change")
        or c.has("signal.beneficiary")
        or c.proper_nouns > 0
    ),
}


def missing_signals(ctx: Context, expect: Sequence[str]) -> Iterator[Raw]:
    """The signals a question's ``rules.expect`` asks for and the answer lacks."""
    if not ctx.text.strip():
        return
    for name in expect:
        check = _SIGNALS.get(name)
        if check is not None and not check(ctx):
            yield Raw("vague.missing_signal", None, None, values={"signal": name})
