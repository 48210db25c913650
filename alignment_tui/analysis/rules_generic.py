"""Generic vagueness rules of one answer: word lists, placeholders, length, missing detail."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.text_rules import (
    DIGIT,
    LEXICAL,
    NUMBER_WORD,
    Context,
    Raw,
    rule,
)

_NOMINAL = re.compile(r"\w{3,}(?:tions?|ments?|ites?|ness|ity|ities|ances?|ences?|ismes?|isms?)$")
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
    # "+30%": a number alone still says neither what moves nor by when.
    measured = ctx.layer != "objectives" or (ctx.has("signal.outcome") and bool(ctx.deadlines))
    if not explicit and ctx.specificity > 0 and measured:
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
    if ctx.layer == "vision" and (ctx.change or ctx.audience or ctx.someone):
        return
    if ctx.layer == "mission" and ctx.has("signal.offer"):
        return
    # "a handwritten card in every parcel": a practice applied each time is a detail.
    if ctx.layer == "execution" and ctx.someone:
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
