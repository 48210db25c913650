"""Per-layer vagueness rules of the plan: objectives (a measure) and execution (a rhythm)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from alignment_tui.analysis.context import DIGIT, Context, Spot
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.recognise import find_numbers
from alignment_tui.analysis.registry import check
from alignment_tui.analysis.rules_generic import hits
from alignment_tui.analysis.spans import Spans

# objectives -------------------------------------------------------------------------------


def _measured(ctx: Context) -> bool:
    return ctx.layer == "objectives" and ctx.free_text("objectives.statement") and ctx.words >= 1


def _timed(ctx: Context) -> bool:
    return bool(ctx.deadlines) or ctx.has("signal.cadence")


def _baselined(ctx: Context) -> bool:
    return bool(ctx.ranges) or bool(ctx.search("baseline", ctx.folded))


@check("objectives.no_number")
def no_number(ctx: Context) -> Iterator[Spot]:
    if _measured(ctx) and not ctx.has_number:
        yield Spot(None, None)


@check("objectives.no_deadline")
def no_deadline(ctx: Context) -> Iterator[Spot]:
    if _measured(ctx) and not _timed(ctx):
        yield Spot(None, None, None if ctx.has_number else Severity.info)


@check("objectives.no_baseline")
def no_baseline(ctx: Context) -> Iterator[Spot]:
    if _measured(ctx) and ctx.has_number and not _baselined(ctx):
        yield Spot(None, None)


@check("objectives.no_cadence")
def no_cadence(ctx: Context) -> Iterator[Spot]:
    if _measured(ctx) and ctx.has_number and not ctx.has("signal.cadence"):
        yield Spot(None, None)


@check("vague.no_unit")
def no_unit(ctx: Context) -> Iterator[Spot]:
    """ "Reach 10,000 by June": a number with nothing it counts; "Budget: 10,000": no currency."""
    budget = not ctx.keys.isdisjoint(ctx.words_of("budget"))
    if not (budget or _measured(ctx)) or not ctx.digits or ctx.money:
        return
    if budget and ctx.search("budget_line"):
        if not ctx.has("signal.cadence") and not ctx.search("per_period"):
            yield Spot(None, None)
        return
    if not _measured(ctx) or ctx.percent or ctx.has("signal.outcome"):
        return
    dated = Spans((s, e) for s, e, _ in ctx.deadlines)
    numbers = [m for m in find_numbers(ctx.plain) if not dated.hold(m.start)]
    if not numbers:
        return
    if not any(_counted(ctx, m.end, dated) for m in numbers):
        yield Spot(numbers[0].start, numbers[0].end)


def _counted(ctx: Context, end: int, dated: Spans) -> bool:
    """Whether the number ending at ``end`` counts something named: the word after it is
    its unit ("10,000 meals", « 3 ateliers »), past a multiplier's "of" (« 1 milliard
    d'arbres », "millions of trees"), unless that word opens a deadline or names nothing
    ("10,000 by June", « 10 000 d'ici juin »)."""
    after = {t.start: i for i, t in enumerate(ctx.toks)}
    i = next((after[k] for k in range(end, end + 3) if k in after), None)
    if i is None:
        return False
    of = ctx.words_of("count_of")
    if ctx.toks[i].key in of and i + 1 < len(ctx.toks) and not dated.hold(ctx.toks[i].start):
        i += 1
    tok = ctx.toks[i]
    return not dated.hold(tok.start) and tok.key not in ctx.words_of("not_a_unit")


@check("objectives.output_not_outcome")
def output_not_outcome(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "objectives":
        return
    if ctx.has("signal.outcome") or ctx.percent or ctx.money:
        return
    # Measured from a baseline and tracked on a rhythm: a result, whatever the verb.
    if (ctx.ranges or ctx.search("today", ctx.folded)) and ctx.has("signal.cadence"):
        return
    early = {t.start for t in ctx.toks[:4]}
    for h in ctx.of("objectives.output"):
        if h.start in early:
            yield Spot(h.start, h.end, values={"rewrite": h.entry.rewrite})
            return


@check("objectives.vanity_metric")
def vanity_metric(ctx: Context) -> Iterator[Spot]:
    """Followers, impressions, "brand awareness": a count of attention with no behaviour
    attached (a sale, a booking, a sign-up) measures nothing a plan can act on."""
    vanity = ctx.of("signal.vanity")
    if ctx.layer != "objectives" or not vanity:
        return
    # « abonnés » is an outcome, « abonnés Instagram » attention: the wider words decide.
    spans = Spans((h.start, h.end) for h in vanity)
    if any(not spans.hold(h.start) for h in ctx.of("signal.outcome")):
        return
    yield Spot(vanity[0].start, vanity[0].end)


@check("objectives.far_deadline")
def far_deadline(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "objectives" or not ctx.deadlines:
        return
    far = ctx.today + timedelta(days=int(ctx.params["deadline_max_days"]))
    for start, end, when in ctx.deadlines:
        if when > far:
            yield Spot(start, end, values={"date": when.isoformat()})


@check("objectives.implausible_jump")
def implausible_jump(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "objectives" or not ctx.deadlines:
        return
    soonest = min(d for _, _, d in ctx.deadlines)
    days = (soonest - ctx.today).days
    for base, target in ctx.ranges:
        if base <= 0 or target <= base:
            continue
        ratio = target / base
        quarter = (
            days <= ctx.params["jump_quarter_days"] and ratio >= ctx.params["jump_quarter_ratio"]
        )
        year = days <= ctx.params["jump_year_days"] and ratio >= ctx.params["jump_year_ratio"]
        if quarter or year:
            yield Spot(None, None, values={"ratio": f"{ratio:.0f}"})


# execution --------------------------------------------------------------------------------


@check("execution.generic_tone")
def generic_tone(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "execution":
        return
    tone_field = "tone" in (ctx.field or "")
    words = ctx.of("execution.generic_tone")
    if not words or ctx.example or ctx.has("signal.tradeoff"):
        return
    described = bool(ctx.search("tone_topic", ctx.folded)) or len(words) * 2 >= ctx.words
    if not tone_field and (ctx.field or not described):
        return
    yield from hits(ctx, "execution.generic_tone")


@check("execution.no_timing")
def plan_timing(ctx: Context) -> Iterator[Spot]:
    if ctx.layer != "execution" or not ctx.free_text("execution.plan"):
        return
    channelled = ctx.has("signal.channel") or ctx.has("execution.generic_channel")
    if not channelled and not ctx.search("plan_verb", ctx.folded):
        return
    if ctx.deadlines or ctx.has("signal.cadence") or DIGIT.search(ctx.text):
        return
    if ctx.example or ctx.search("tone_topic", ctx.folded):
        return
    yield Spot(None, None)
