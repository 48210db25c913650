"""Per-layer vagueness rules of the plan: objectives (a measure) and execution (a rhythm)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.recognise import find_numbers
from alignment_tui.analysis.text_rules import DIGIT, Context, Raw, rule

_BASELINE = re.compile(
    r"\b(?:from|de|currently|today|now|actuellement|aujourd|vs|versus|compared|contre|"
    r"baseline|base|au lieu|instead|against|par rapport)\b"
)
# Words after a number that name nothing it counts: "10,000 by June", « 3 000 d'ici juin ».
_NOT_A_UNIT_WORDS = """
by before in within at end this next until of d ici avant en a au fin dans le la l par per et and
or ou
"""
_NOT_A_UNIT = frozenset(_NOT_A_UNIT_WORDS.split())
# A budget line: the number follows the word ("Budget: 10,000", « budget de 10 000 »).
_BUDGET = re.compile(
    r"\bbudgets?\b\s?(?:(?:total|global|annuel|annual|marketing|mensuel|monthly)\s?)?"
    r"(?:[:=–-]|is|est|of|de|d'environ|about|around|environ)?\s?~?\s?\d"
)
_TODAY = re.compile(
    r"\b(?:currently|today|now|actuellement|aujourd hui|vs|versus|compared|contre|baseline)\b"
)
_PER = re.compile(r"/\s?(?:month|mois|year|an|week|semaine|quarter|trimestre)\b")
_TONE_TOPIC = re.compile(r"\b(?:ton|tone|voice|voix|style|registre|register)\b")
_PLAN_VERB = re.compile(
    r"\b(?:post\w*|publish\w*|send\w*|run\w*|poster|publier|envoyer|diffuser|faire des|lancer)\b"
)


# objectives -------------------------------------------------------------------------------


def _measured(ctx: Context) -> bool:
    return ctx.layer == "objectives" and ctx.free_text("objectives.statement") and ctx.words >= 1


@rule
def objective_measure(ctx: Context) -> Iterator[Raw]:
    if not _measured(ctx):
        return
    number = ctx.has_number
    if not number:
        yield Raw("objectives.no_number", None, None)
    timed = bool(ctx.deadlines) or ctx.has("signal.cadence")
    if not timed:
        yield Raw("objectives.no_deadline", None, None, None if number else Severity.info)
    if number and not ctx.ranges and not _BASELINE.search(ctx.folded):
        yield Raw("objectives.no_baseline", None, None)
    if number and not ctx.has("signal.cadence"):
        yield Raw("objectives.no_cadence", None, None)


@rule
def no_unit(ctx: Context) -> Iterator[Raw]:
    """ "Reach 10,000 by June": a number with nothing it counts; "Budget: 10,000": no currency."""
    budget = not ctx.keys.isdisjoint(("budget", "budgets"))
    if not (budget or _measured(ctx)) or not ctx.digits or ctx.money:
        return
    if budget and _BUDGET.search(ctx.folded_text):
        if not ctx.has("signal.cadence") and not _PER.search(ctx.folded_text):
            yield Raw("vague.no_unit", None, None)
        return
    if not _measured(ctx) or ctx.percent or ctx.has("signal.outcome"):
        return
    dated = [(s, e) for s, e, _ in ctx.deadlines]
    numbers = [m for m in find_numbers(ctx.plain) if not any(s <= m.start < e for s, e in dated)]
    if not numbers:
        return
    after = {t.start: i for i, t in enumerate(ctx.toks)}
    for m in numbers:
        i = next((after[k] for k in range(m.end, m.end + 3) if k in after), None)
        if i is not None and ctx.toks[i].key not in _NOT_A_UNIT:
            return
    first = numbers[0]
    yield Raw("vague.no_unit", first.start, first.end)


@rule
def output_not_outcome(ctx: Context) -> Iterator[Raw]:
    if ctx.layer != "objectives":
        return
    if ctx.has("signal.outcome") or ctx.percent or ctx.money:
        return
    # Measured from a baseline and tracked on a rhythm: a result, whatever the verb.
    if (ctx.ranges or _TODAY.search(ctx.folded)) and ctx.has("signal.cadence"):
        return
    early = {t.start for t in ctx.toks[:4]}
    for h in ctx.of("objectives.output"):
        if h.start in early:
            yield Raw(
                "objectives.output_not_outcome", h.start, h.end, values={"rewrite": h.entry.rewrite}
            )
            return


@rule
def deadline_checks(ctx: Context) -> Iterator[Raw]:
    if ctx.layer != "objectives" or not ctx.deadlines:
        return
    far = ctx.today + timedelta(days=int(ctx.params["deadline_max_days"]))
    for start, end, when in ctx.deadlines:
        if when > far:
            yield Raw("objectives.far_deadline", start, end, values={"date": when.isoformat()})
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
            yield Raw("objectives.implausible_jump", None, None, values={"ratio": f"{ratio:.0f}"})


# execution --------------------------------------------------------------------------------


@rule
def generic_tone(ctx: Context) -> Iterator[Raw]:
    if ctx.layer != "execution":
        return
    tone_field = "tone" in (ctx.field or "")
    words = ctx.of("execution.generic_tone")
    if not words or ctx.example or ctx.has("signal.tradeoff"):
        return
    described = bool(_TONE_TOPIC.search(ctx.folded)) or len(words) * 2 >= ctx.words
    if not tone_field and (ctx.field or not described):
        return
    for h in words:
        yield Raw("execution.generic_tone", h.start, h.end, values={"rewrite": h.entry.rewrite})


@rule
def plan_timing(ctx: Context) -> Iterator[Raw]:
    if ctx.layer != "execution" or not ctx.free_text("execution.plan"):
        return
    channelled = ctx.has("signal.channel") or ctx.has("execution.generic_channel")
    if not channelled and not _PLAN_VERB.search(ctx.folded):
        return
    if ctx.deadlines or ctx.has("signal.cadence") or DIGIT.search(ctx.text):
        return
    if ctx.example or _TONE_TOPIC.search(ctx.folded):
        return
    yield Raw("execution.no_timing", None, None)
