"""Generic vagueness checks of one answer: word lists, placeholders, length, missing detail."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from alignment_tui.analysis.context import CLAUSE_END, DIGIT, Context, Spot
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.lexicon import Hit
from alignment_tui.analysis.registry import check, lexical_rules, meta
from alignment_tui.analysis.spans import Spans

_WORD_GAP = re.compile(r"[\s'’-]")  # between two words of one phrase
_BLANK = re.compile(r"^\s*(?:\?+|x+|\.{2,}|…|-+|_+)\s*$", re.IGNORECASE)
_TARGET_REACH = 25  # characters before "everyone" where a verb makes it a target


def weak_hit(ctx: Context, h: Hit) -> bool:
    """Whether a listed word is weak evidence: as its entry says, else a single word is
    (a phrase of several words is strong)."""
    if h.entry.weight is not None:
        return h.entry.weight == "weak"
    strong_in = meta(h.entry.rule).strong_in
    if strong_in and ctx.layer not in strong_in:
        return True  # "a lot of people" describes an audience; in an objective, no measure
    return _WORD_GAP.search(ctx.text, h.start, h.end) is None


def hits(ctx: Context, rule_id: str) -> Iterator[Spot]:
    """The listed words of ``rule_id`` in the answer, each with its entry's rewrite."""
    for h in ctx.of(rule_id):
        yield Spot(
            h.start,
            h.end,
            values={"rewrite": h.entry.rewrite, "lang": h.entry.lang},
            weak=weak_hit(ctx, h) if rule_id in lexical_rules() else None,
        )


def _listed(rule_id: str) -> Callable[[Context], Iterator[Spot]]:
    def listed(ctx: Context) -> Iterator[Spot]:
        return hits(ctx, rule_id)

    listed.__name__ = rule_id.replace(".", "_")
    return listed


for _rule in ("vague.buzzword", "vague.hedge", "vague.cliche", "vague.vague_time"):
    check(_rule)(_listed(_rule))


@check("vague.weasel")
def weasel(ctx: Context) -> Iterator[Spot]:
    yield from hits(ctx, "vague.weasel")
    # "110%", "24/7": a number of emphasis is a quantity nobody can check.
    for start, end in ctx.hype:
        yield Spot(start, end)


@check("vague.superlative")
def superlative(ctx: Context) -> Iterator[Spot]:
    yield from hits(ctx, "vague.superlative")
    # "#1", « n°1 »: digits, which word lists leave out (in a vision: company-centred).
    if ctx.layer not in ("vision", "mission"):
        for m in ctx.ranks():
            yield Spot(m.start(), m.end())


@check("vague.everyone")
def everyone(ctx: Context) -> Iterator[Spot]:
    for spot in hits(ctx, "vague.everyone"):
        if ctx.layer == "values" and not _aimed(ctx, spot):
            continue  # "everyone's salary is public" is a practice, not a target
        yield spot


def _aimed(ctx: Context, spot: Spot) -> bool:
    """Whether a "everyone" phrase is whom the answer targets ("to serve everyone")."""
    start = spot.start or 0
    before = ctx.folded_text[max(0, start - _TARGET_REACH) : start]
    return bool(ctx.search("targeting", before))


@check("execution.generic_channel")
def generic_channel(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "execution":
        return
    named = ctx.has("signal.channel")
    for spot in hits(ctx, "execution.generic_channel"):
        spot.severity = Severity.info if named else None
        yield spot


_ABSTRACT_QUOTED = 3  # abstract words a message quotes


@check("vague.abstract")
def abstract(ctx: Context) -> Iterator[Spot]:
    """Mostly abstract words and nothing a reader could check (no number, date, name…)."""
    if ctx.abstract_level < 1 or ctx.hard_detail > 1:
        return
    seen: list[str] = []
    for h in ctx.of("signal.abstract"):
        word = ctx.text[h.start : h.end]
        if word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    yield Spot(None, None, values={"words": ", ".join(seen[:_ABSTRACT_QUOTED])})


@check("vague.placeholder")
def placeholder(ctx: Context) -> Iterator[Spot]:
    """ "TBD", « à définir », "???": the answer is not written yet; no detail spares it."""
    whole = _BLANK.match(ctx.text)
    if whole:
        yield Spot(0, len(ctx.text.rstrip()))
        return
    # A placeholder in quotes is a word the answer mentions (« dire « je ne sais pas » »),
    # not the answer left unwritten.
    quoted = Spans(ctx.quoted)
    for spot in hits(ctx, "vague.placeholder"):
        if not quoted.contain(spot.start or 0, spot.end or 0):
            yield spot
    for m in ctx.finditer("not_applicable"):
        yield Spot(m.start(), m.end())


@check("vague.vague_verb")
def vague_verb(ctx: Context) -> Iterator[Spot]:
    """A vague verb counts only when its clause has no measure (a date is no measure)."""
    verbs = ctx.of("vague.vague_verb")
    if not verbs:
        return
    # Each clause is read once, however many vague verbs it holds, and its dates found by a
    # binary search: one verb at a time over the whole text was quadratic in a long answer.
    ends = [m.start() for m in CLAUSE_END.finditer(ctx.text)]
    dates = sorted((s, e) for s, e, _ in ctx.deadlines)
    starts = [s for s, _ in dates]
    measured: dict[tuple[int, int], bool] = {}
    for h in verbs:
        bounds = clause(ends, len(ctx.text), h.start, h.end)
        if bounds not in measured:
            left, right = bounds
            inside = Spans(dates[bisect_left(starts, left) : bisect_left(starts, right)])
            measured[bounds] = any(
                not inside.hold(m.start()) for m in DIGIT.finditer(ctx.text, left, right)
            )
        if not measured[bounds]:
            yield Spot(h.start, h.end, values={"rewrite": h.entry.rewrite}, weak=weak_hit(ctx, h))


def clause(ends: list[int], length: int, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``start:end`` (up to the nearest . ; ! ? or line
    end), ``ends`` being where those marks are in the text, in order."""
    before = bisect_left(ends, start)
    after = bisect_left(ends, end)
    return (ends[before - 1] + 1 if before else 0), (ends[after] if after < len(ends) else length)


@check("vague.nominal")
def nominal(ctx: Context) -> Iterator[Spot]:
    heavy = ctx.heavy
    content = [t for t in ctx.toks if len(t.key) > 3]
    if len(heavy) >= ctx.params["nominal_min"] and len(heavy) >= ctx.params["nominal_share"] * len(
        content
    ):
        yield Spot(heavy[0].start, heavy[-1].end, values={"count": str(len(heavy))})


@check("vague.too_short")
def too_short(ctx: Context) -> Iterator[Spot]:
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
    # "+30%": an objective this short misses what moves; elsewhere shortness is a hint.
    strong = ctx.layer == "objectives" and ctx.words < ctx.params["min_words_objectives"]
    yield Spot(
        None, None, values={"words": str(ctx.words), "min": str(int(wanted))}, weak=not strong
    )


@check("vague.too_long")
def too_long(ctx: Context) -> Iterator[Spot]:
    wanted = ctx.params.get("max_words")
    if wanted and ctx.words > wanted:
        yield Spot(None, None, values={"words": str(ctx.words), "max": str(int(wanted))})


@check("vague.no_detail")
def no_detail(ctx: Context) -> Iterator[Spot]:
    """Nothing concrete at all: no number, date, name, channel or example, and no
    audience, choice, reason, behaviour or offer either."""
    if ctx.layer == "objectives" or not ctx.free_text(f"{ctx.layer}.statement"):
        return
    if ctx.words < ctx.params["no_detail_min_words"] or ctx.hard_detail or ctx.soft_detail:
        return
    if ctx.layer == "vision" and (ctx.change or ctx.someone):
        return
    # "a handwritten card in every parcel": a practice applied each time is a detail.
    if ctx.layer == "execution" and ctx.someone:
        return
    if ctx.layer == "values" and ctx.search("defined"):
        return
    yield Spot(None, None)


_SIGNALS: dict[str, Callable[[Context], bool]] = {
    # Any number answers "a number" here, a horizon included ("in ten years").
    "number": lambda c: c.digits or c.number_words,
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


@check("vague.missing_signal")
def missing_signal(ctx: Context) -> Iterator[Spot]:
    """The signals a question's ``rules.expect`` asks for and the answer lacks."""
    if not ctx.text.strip():
        return
    for name in ctx.expect:
        found = _SIGNALS.get(name)
        if found is not None and not found(ctx):
            yield Spot(None, None, values={"signal": name})
