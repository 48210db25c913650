"""The vagueness rules of one answer: generic families and per-layer criteria."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence, Set
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
_SENTENCE_START = frozenset('.!?:;\n•·-*–—>(["«“')
# Capitalised words that name nothing: pronouns, articles, and business acronyms.
_EVERY_ONE = re.compile(
    r"\b(?:every|each|no|chaque|aucun|aucune|plus aucun|plus aucune)\s+(?!one\b|time\b|day\b|"
    r"year\b|more\b|longer\b|fois\b|jour\b|annee\b|matter\b|doubt\b)[a-z]{3,}"
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
        return found + patterns.signal_hits(self.text, self.where, self.lang if self.sure else None)

    @cached_property
    def where(self) -> dict[str, list[int]]:
        """Each folded word and where it starts."""
        out: dict[str, list[int]] = {}
        for t in self.toks:
            out.setdefault(t.key, []).append(t.start)
        return out

    @cached_property
    def keys(self) -> Set[str]:
        return self.where.keys()

    @cached_property
    def hype(self) -> list[tuple[int, int]]:
        """Numbers of emphasis ("110%", "24/7"): they are no detail."""
        return patterns.hype(self.text, self.layer) if self.digits_raw else []

    @cached_property
    def unmeasured(self) -> list[tuple[int, int]]:
        """Spans whose numbers measure nothing: hype, and counts of pillars or values."""
        if not self.digits_raw and not NUMBER_WORD.search(self.folded):
            return []
        return sorted(self.hype + patterns.counted(self.text, self.where))

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
    def audience(self) -> bool:
        """A named group other than the company's own staff or shareholders."""
        staff = [(h.start, h.end) for h in self.of("signal.staff")]
        return any(not any(s <= h.start < e for s, e in staff) for h in self.of("signal.audience"))

    @cached_property
    def change(self) -> bool:
        """A change for someone; "help", "enable", « permettre » count only with an audience."""
        return self.has("signal.change") or (self.has("signal.assist") and self.audience)

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
        found = [(m.start, m.end, m.value) for m in find_deadlines(self.text, self.today)]
        if found and self.unmeasured:  # "since 1998" is no deadline
            found = [d for d in found if not any(s <= d[0] < e for s, e in self.unmeasured)]
        return found

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
            lambda: self.audience,
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
