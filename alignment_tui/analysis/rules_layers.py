"""Per-layer vagueness rules: what each layer's answer must hold (SPEC "Vagueness analysis")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise

from alignment_tui.analysis.context import Context, Spot
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.lexicon import Hit
from alignment_tui.analysis.patterns import word_alternation
from alignment_tui.analysis.registry import check
from alignment_tui.analysis.rules_generic import hits
from alignment_tui.analysis.spans import Spans

_YEAR = re.compile(r"(?<![\w.,/-])(?:19[5-9]\d|20\d\d)(?![\w.,/-]\d|\w)")
_SEGMENT_SPLIT = re.compile(r"\n|[•·]|^\s*[-*]\s|[.!?](?=\s)|[:=]|\s[-–—]\s", re.MULTILINE)
_WORD = re.compile(r"\w+")
_DEFINES = frozenset("\n:=-–—")
_LIST_ITEM_WORDS = 5  # a piece longer than this makes the answer prose, not a list
# Words that may sit around a bare virtue without giving it any meaning.
_EXPLAINED_WORDS = 4
_STEM = 5  # letters that make two words one ("trust", "trusted"; « confiance », « confiant »)
_MEANS_REACH = 25  # characters after "through" where a buzzword makes the means empty


# values ----------------------------------------------------------------------------------


@cache
def _item_split(joiners: str) -> re.Pattern[str]:
    return re.compile(rf"[,;/\n•·|+&]|\s(?:{joiners})\s|\s[-–—]\s|^\s*[-*]\s", re.MULTILINE)


def _item_bounds(ctx: Context, only_virtues: Callable[[int, int], bool]) -> list[int]:
    """Where the items of a list end: at sentence ends, colons and dashes, and inside a
    sentence at commas only when its pieces are short (a list, not « La qualité, c'est… »)
    or when two pieces or more are bare virtues ("Excellence, Integrity and Teamwork are…")."""
    text = ctx.text
    split = _item_split(word_alternation("list_joiners", ctx.langs))
    cuts = [m.start() for m in _SEGMENT_SPLIT.finditer(text)]
    for a, b in pairwise([0, *cuts, len(text)]):
        seps = list(split.finditer(text, a, b))
        if not seps or ctx.search("definition", None, a, b):
            continue
        # Each piece runs from the end of one separator ("and", ",") to the next one.
        starts, ends = [a, *(m.end() for m in seps)], [*(m.start() for m in seps), b]
        pieces = list(zip(starts, ends, strict=True))
        if max(len(_WORD.findall(text, x, y)) for x, y in pieces) <= _LIST_ITEM_WORDS:
            cuts += [m.start() for m in seps]
            continue
        bare = [i for i, (x, y) in enumerate(pieces) if only_virtues(x, y)]
        if len(bare) >= 2:
            cuts += [seps[i].start() for i in bare if i < len(seps)]
    return [*sorted(set(cuts)), len(text)]


def _opens_definition(text: str, cut: int) -> bool:
    """Whether the piece ending at ``cut`` is a name the next piece defines ("Thrift: …")."""
    if cut >= len(text):
        return False
    c = text[cut]
    if c in " \t" and cut + 1 < len(text):
        c = text[cut + 1]
    return c in _DEFINES


@check("values.generic_virtue")
def generic_virtues(ctx: Context) -> Iterator[Spot]:
    """Values that are nothing but one-word virtues any organisation would claim."""
    if ctx.layer != "values" or (ctx.field or "").endswith(".name"):
        return
    virtues = ctx.of("values.generic_virtue")
    if not virtues:
        return
    in_virtue: set[int] = set()
    k = 0
    for h in virtues:
        while k < len(ctx.toks) and ctx.toks[k].start < h.start:
            k += 1
        j = k
        while j < len(ctx.toks) and ctx.toks[j].start < h.end:
            in_virtue.add(ctx.toks[j].start)
            j += 1

    filler = ctx.words_of("filler")

    def only_virtues(a: int, b: int) -> bool:
        words = [t for t in ctx.toks if a <= t.start < b]
        return any(t.start in in_virtue for t in words) and all(
            t.start in in_virtue or t.key in filler for t in words
        )

    # Cut the text into items at list separators, then walk words and hits once, in order.
    bounds = _item_bounds(ctx, only_virtues)
    piece_of_word: dict[int, int] = {}
    b = 0
    for t in ctx.toks:
        while bounds[b] <= t.start:
            b += 1
        piece_of_word[t.start] = b
    hits_of: dict[int, list[Hit]] = {}
    for h in virtues:
        hits_of.setdefault(piece_of_word.get(h.start, -1), []).append(h)
    loose: set[int] = {
        piece_of_word[t.start] for t in ctx.toks if t.start not in in_virtue and t.key not in filler
    }
    pieces = set(piece_of_word.values())
    size = Counter(piece_of_word.values())
    # A virtue alone on its line, explained on the next one ("Frugality\nNo business class…").
    # …unless the explanation only repeats it ("Trust: we build trust with our clients").
    stems_of = {p: {t.key[:_STEM] for t in ctx.toks if piece_of_word[t.start] == p} for p in pieces}
    # The next piece with words: a blank line may stand between a heading and its text.
    ordered = sorted(pieces)
    after = dict(pairwise(ordered))
    explained = {
        p
        for p in pieces
        if after.get(p) in loose
        and size[after[p]] >= _EXPLAINED_WORDS
        and _opens_definition(ctx.text, bounds[p])
        and not any(
            ctx.folded_text[h.start : h.start + _STEM] in stems_of[after[p]]
            for h in hits_of.get(p, [])
        )
    }
    bare_pieces = [p for p in pieces if p in hits_of and p not in loose and p not in explained]
    bare = [h for p in sorted(bare_pieces) for h in hits_of[p]]
    items = len(pieces)
    if not bare:
        return
    only = len(bare_pieces) >= items
    for h in bare:
        yield Spot(
            h.start,
            h.end,
            Severity.error if only else Severity.warning,
            {"rewrite": h.entry.rewrite},
        )


_LIST_SPLIT = re.compile(r"[,;\n•·|/]|^\s*[-*]\s", re.MULTILINE)
_BARE_ITEM_WORDS = 4  # an item this short is a name, not a rule
_BARE_ITEMS = 3  # from this many names a list is a list


@cache
def _joiner_split(joiners: str) -> re.Pattern[str]:
    return re.compile(rf"\s(?:{joiners})\s", re.I)


@check("values.bare_list")
def bare_list(ctx: Context) -> Iterator[Spot]:
    """Values given as a list of names (any names, not only the usual virtues) with
    nothing they make anyone do: no behaviour, no rule, no example."""
    if ctx.layer != "values" or not ctx.free_text() or ctx.digits_raw:
        return
    if ctx.has("signal.behaviour") or ctx.has("signal.tradeoff") or ctx.search("defined"):
        return
    joiners = _joiner_split(word_alternation("list_joiners", ctx.langs))
    pieces = [p for p in _LIST_SPLIT.split(ctx.text) if p.strip()]
    pieces = [q for p in pieces for q in joiners.split(p) if q.strip()]
    if len(pieces) < _BARE_ITEMS:
        return
    if all(len(_WORD.findall(p)) <= _BARE_ITEM_WORDS for p in pieces):
        yield Spot(None, None, values={"count": str(len(pieces))})


@check("values.dated_reference")
def dated(ctx: Context) -> Iterator[Spot]:
    # The values themselves must be timeless; their story (values.origin, a hard choice
    # made in 2023) may well carry a date.
    if ctx.layer != "values" or not (
        ctx.free_text() or (ctx.field or "").startswith("values.items")
    ):
        return
    spans = [(h.start, h.end) for h in ctx.of("values.dated_reference")]
    # Years are digits, which word lists leave out: a year in a value dates it, unless it
    # dates the proof of a refusal ("we never sell data; we turned down two offers in 2024").
    if not ctx.has("signal.tradeoff"):
        spans += [(m.start(), m.end()) for m in _YEAR.finditer(ctx.text)]
    for start, end in sorted(spans):
        yield Spot(start, end)


# vision and mission -----------------------------------------------------------------------


@check("vision.company_centred")
def company_centred(ctx: Context) -> Iterator[Spot]:
    if ctx.layer not in ("vision", "mission"):
        return
    yield from hits(ctx, "vision.company_centred")
    # "#1", « n°1 »: the company's rank.
    for m in ctx.ranks():
        yield Spot(m.start(), m.end())
    # "500 employees by 2031", « top 3 en Europe »: the company's size or rank, not a change
    # (in a vision itself: a persona of "firms with 50 staff" is a target, not a rank).
    if ctx.layer == "vision" and ctx.digits_raw and ctx.free_text("vision.statement"):
        for m in ctx.finditer("headcount"):
            yield Spot(m.start(), m.end())
    # "Be the Amazon of home services": a rank borrowed from a famous company.
    for m in ctx.finditer("the_x_of"):
        yield Spot(m.start(), m.end())


@check("vision.no_beneficiary")
def vision_beneficiary(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "vision" or not ctx.free_text("vision.statement") or ctx.words < 2:
        return
    if ctx.audience or ctx.change or ctx.someone:
        return
    # A group that gains ("people", « les habitants ») names who benefits; a place or a date
    # alone ("a greener Paris by 2030") names nobody.
    if ctx.has("signal.beneficiary"):
        return
    named = ctx.proper_nouns > 0
    if ctx.specificity - named >= 2 or (
        ctx.specificity - named == 1 and not (ctx.deadlines or ctx.has("signal.cadence"))
    ):
        return
    yield Spot(None, None)


@check("mission.no_offer")
def mission_offer(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "mission" or not ctx.free_text("mission.statement") or ctx.words < 2:
        return
    # Who it is for and the organisation's own name say nothing of what it offers or does.
    telling = ctx.specificity - (ctx.proper_nouns > 0) - ctx.audience
    if ctx.offer or ctx.search("gerund", ctx.folded) or telling >= 2:
        return
    # "we turn…", « nous transformons… »: an action of ours with something concrete around it.
    if telling >= 1 and ctx.search("we_do", ctx.folded):
        return
    yield Spot(None, None)


# strategy ---------------------------------------------------------------------------------


@check("strategy.me_too")
def me_too(ctx: Context) -> Iterator[Spot]:
    if ctx.layer in ("strategy", "mission"):
        yield from hits(ctx, "strategy.me_too")


def _horizon_only(ctx: Context) -> bool:
    return bool(ctx.deadlines) and not ctx.has_number and not ctx.has("signal.cadence")


def _strategy_evidence(ctx: Context) -> tuple[bool, bool, int] | None:
    """(an insight, a choice, other kinds of detail) of a strategy written as one text;
    ``None`` where its insight and choice have fields of their own."""
    if ctx.layer != "strategy" or not ctx.free_text() or ctx.words < 2:
        return None
    insight = ctx.has("signal.insight")
    choice = ctx.has("signal.tradeoff")
    concrete = ctx.specificity - insight - choice
    # A horizon alone ("three priorities for 2027") is no detail of the strategy itself.
    if concrete == 1 and not (insight or choice) and _horizon_only(ctx):
        concrete = 0
    return insight, choice, concrete


@check("strategy.no_choice")
def strategy_choice(ctx: Context) -> Iterator[Spot]:
    found = _strategy_evidence(ctx)
    if found is None:
        return
    insight, choice, concrete = found
    # "Six goals: …", « trois axes » with no choice among them: an agenda, not a strategy.
    agenda = not choice and bool(ctx.finditer("counted"))
    if agenda:
        yield Spot(None, None, weak=False)
    elif not choice and not insight and concrete == 0:
        yield Spot(None, None)
    elif not choice:
        yield Spot(None, None, Severity.info)


@check("strategy.no_insight")
def strategy_insight(ctx: Context) -> Iterator[Spot]:
    found = _strategy_evidence(ctx)
    if found is None:
        return
    insight, choice, concrete = found
    if not insight and (choice or concrete):
        yield Spot(None, None)


def _real_means(ctx: Context) -> bool:
    """A means is named: "by", "through"… not followed by a buzzword ("through innovation")."""
    empty = [h.start for r in ("vague.buzzword", "vague.cliche") for h in ctx.of(r)]
    empty = sorted(empty + [h.start for h in ctx.of("values.generic_virtue")])
    dates = Spans((s, e) for s, e, _ in ctx.deadlines)
    for m in ctx.finditer("means"):
        if dates.hold(m.start()):
            continue
        # The first empty word at or after the means: is it within reach?
        k = bisect_left(empty, m.end())
        if k == len(empty) or empty[k] > m.end() + _MEANS_REACH:
            return True
    return False


@check("strategy.goal_as_strategy")
def goal_as_strategy(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "strategy":
        return
    growth = ctx.search("growth", ctx.folded)
    if not growth or not (ctx.digits or ctx.number_words):
        return
    if (
        _real_means(ctx)
        or ctx.search("gerund", ctx.folded_without_deadlines)
        or ctx.has("signal.tradeoff")
        or ctx.has("signal.insight")
    ):
        return
    tok = next((t for t in ctx.toks if t.key == growth.group().split()[0]), None)
    start, end = (tok.start, tok.end) if tok else (None, None)
    yield Spot(start, end)
