"""Rules on structured fields (KPI rows, budget, channels, values) and on the whole profile."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import chain
from typing import Any, TypeVar

from alignment_tui.analysis import packs, registry
from alignment_tui.analysis.dates import find_deadlines
from alignment_tui.analysis.findings import REGISTRY, Finding
from alignment_tui.analysis.lexicon import find, tokens
from alignment_tui.analysis.registry import check
from alignment_tui.formats import format_value
from alignment_tui.model.answers import is_empty
from alignment_tui.model.checkins import missed_target
from alignment_tui.model.labels import field_label
from alignment_tui.model.paths import layer_of, value_at
from alignment_tui.model.profile import Kpi, Profile

T = TypeVar("T")


def found(
    rule_id: str, lang: str, where: str, related: Iterable[str] = (), **values: object
) -> Finding:
    """A finding of a profile rule, its message in ``lang`` with ``values`` filled in."""
    code = lang if lang in packs.codes() else packs.codes()[0]
    text = registry.text_of(rule_id, code)
    case = values.pop("case", None)
    shown = {k: show(v, code) for k, v in values.items()}
    message, suggestion = text.worded(str(case) if case else None)
    return Finding(
        rule_id=rule_id,
        severity=registry.meta(rule_id).severity,
        message=message.format(**shown),
        suggestion=suggestion.format(**shown),
        where=where,
        related=list(related),
    )


def params() -> dict[str, float]:
    return registry.params()


def show(value: object, lang: str) -> str:
    """A value as a message shows it: numbers and dates as the reader's language writes them."""

    return format_value(value, lang)


@dataclass(frozen=True)
class Context:
    """What the structural and coherence rules need besides the profile."""

    profile: Profile
    lang: str
    today: date
    required: tuple[str, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` the first time ``key`` is asked on this profile, then its value."""
        if key not in self.memo:
            self.memo[key] = compute()
        value: T = self.memo[key]
        return value


def kpi_label(kpi_name: str, index: int) -> str:
    return kpi_name.strip() or f"#{index + 1}"


@check("profile.missing")
def _missing(ctx: Context) -> Iterator[Finding]:

    for path in ctx.required:
        value = value_at(ctx.profile, path)
        if is_empty(value):
            label = field_label(path, ctx.lang)
            yield found("profile.missing", ctx.lang, path, field=label)


@check("profile.core_missing")
def _core_missing(ctx: Context) -> Iterator[Finding]:
    """No value, no KPI, no budget or no channel at all: the layer has no core."""

    names = packs.get(ctx.lang if ctx.lang in packs.codes() else packs.codes()[0])
    for path, where in registry.core_fields().items():
        value = value_at(ctx.profile, path)
        if value is None or is_empty(value):
            layer = layer_of(where) or ""
            yield found(
                "profile.core_missing",
                ctx.lang,
                where,
                field=field_label(where, ctx.lang),
                layer=names.names("layer_names").get(layer, layer),
            )


_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _bag(text: str) -> tuple[int, frozenset[str]]:
    words = _WORD.findall(text.lower())
    return len(words), frozenset(words)


@check("profile.copy")
def _copies(ctx: Context) -> Iterator[Finding]:
    least = int(params()["copy_min_words"])
    threshold = float(params()["copy_similarity"])
    texts = [(path, text, *_bag(text)) for path, text in ctx.texts]
    bags = [(path, text, bag) for path, text, count, bag in texts if count >= least]
    for k, other in _first_copies([bag for _, _, bag in bags], threshold):
        path, text, _ = bags[k]
        other_path, other_text, _ = bags[other]
        quote = other_text if len(other_text) <= 60 else other_text[:57] + "…"
        copy = found("profile.copy", ctx.lang, path, [other_path], other=quote)
        copy.text = text
        copy.start, copy.end = 0, len(text)
        yield copy


def _first_copies(bags: list[frozenset[str]], threshold: float) -> Iterator[tuple[int, int]]:
    """(k, j): the first earlier bag j whose Jaccard similarity with bag k reaches
    ``threshold``, for each k that has one.

    Comparing each bag with every earlier one made 5,000 messages take half a minute.
    Prefix filtering finds the same pairs: with every bag's words sorted rarest first,
    two bags that similar must share a word among the first
    ``len - ceil(threshold × len) + 1`` of each, so only the bags sharing such a word
    are compared, earliest first, and the set work is done by the interpreter's C code.
    """
    frequency = Counter(chain.from_iterable(bags))
    postings: dict[str, list[int]] = {}
    sizes = [len(bag) for bag in bags]
    for k, bag in enumerate(bags):
        size = sizes[k]
        # Rarest first, then alphabetical: sorted by word, then (stably) by frequency.
        ordered = sorted(sorted(bag), key=frequency.__getitem__)
        prefix = ordered[: size - math.ceil(threshold * size) + 1]
        # Two sets this different in size cannot share enough words: not compared.
        low, high = threshold * size, size / threshold
        candidates = set().union(*(postings.get(word, ()) for word in prefix))
        for j in sorted(candidates):
            if low <= sizes[j] <= high:
                other = bags[j]
                if len(bag & other) / len(bag | other) >= threshold:
                    yield k, j
                    break
        for word in prefix:
            postings.setdefault(word, []).append(k)


def _values_items(ctx: Context) -> tuple[list[int], bool]:
    """The values listed (indices) and whether every one is a bare short name."""
    short = int(params()["generic_value_max_words"])
    items = [i for i, v in enumerate(ctx.profile.values.items) if not is_empty(v)]
    values = ctx.profile.values.items
    bare = [
        i
        for i in items
        if not values[i].meaning.strip()
        and not values[i].behaviour.strip()
        and len(values[i].name.split()) <= short
    ]
    return items, bool(items) and len(bare) == len(items)


@check("values.generic_only")
def _values_generic(ctx: Context) -> Iterator[Finding]:
    items, all_bare = _values_items(ctx)
    if all_bare:
        names = ", ".join(ctx.profile.values.items[i].name.strip() for i in items)
        yield found("values.generic_only", ctx.lang, "values.items", names=names)


def _value_parts(ctx: Context, part: str, rule_id: str) -> Iterator[Finding]:
    items, all_bare = _values_items(ctx)
    if all_bare:
        return
    for i in items:
        item = ctx.profile.values.items[i]
        if not getattr(item, part).strip():
            name = item.name.strip() or f"#{i + 1}"
            yield found(rule_id, ctx.lang, f"values.items[{i}].{part}", name=name)


@check("values.no_meaning")
def _values_meaning(ctx: Context) -> Iterator[Finding]:
    return _value_parts(ctx, "meaning", "values.no_meaning")


@check("values.no_behaviour")
def _values_behaviour(ctx: Context) -> Iterator[Finding]:
    return _value_parts(ctx, "behaviour", "values.no_behaviour")


@check("values.count")
def _values_count(ctx: Context) -> Iterator[Finding]:
    items, _ = _values_items(ctx)
    low, high = int(params()["values_min"]), int(params()["values_max"])
    if items and not low <= len(items) <= high:
        case = "one" if len(items) == 1 else "few" if len(items) < low else "many"
        yield found("values.count", ctx.lang, "values.items", count=len(items), case=case)


def _rows(ctx: Context) -> list[tuple[int, str, str, Kpi]]:
    """The KPI rows worth reading (found once per profile: a dozen rules read them)."""

    def rows() -> list[tuple[int, str, str, Kpi]]:
        return [
            (i, f"objectives.kpis[{i}]", kpi_label(kpi.name, i), kpi)
            for i, kpi in enumerate(ctx.profile.objectives.kpis)
            if not is_empty(kpi)
        ]

    return ctx.once("kpi_rows", rows)


@check("kpi.no_number")
def _kpi_number(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        if kpi.target is None:
            yield found("kpi.no_number", ctx.lang, f"{base}.target", kpi=label)


@check("kpi.no_baseline")
def _kpi_baseline(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        if kpi.target is not None and kpi.baseline is None:
            yield found("kpi.no_baseline", ctx.lang, f"{base}.baseline", kpi=label)


@check("kpi.no_unit")
def _kpi_unit(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        if kpi.target is not None and not kpi.unit.strip():
            yield found("kpi.no_unit", ctx.lang, f"{base}.unit", kpi=label)


@check("kpi.no_deadline")
def _kpi_deadline(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        if kpi.deadline is None:
            yield found("kpi.no_deadline", ctx.lang, f"{base}.deadline", kpi=label)


@check("kpi.no_cadence")
def _kpi_cadence(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        if kpi.cadence is None:
            yield found("kpi.no_cadence", ctx.lang, f"{base}.cadence", kpi=label)


@check("kpi.no_owner")
def _kpi_owner(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        if not kpi.owner.strip():
            yield found("kpi.no_owner", ctx.lang, f"{base}.owner", kpi=label)


def _listed(text: str, lang: str) -> set[str]:
    """The rules and kinds of evidence whose listed words ``text`` holds (a word inside a
    longer listed phrase counts for the phrase only)."""

    hits = find(text, tokens(text), "execution", (), None)
    wide = [h for h in hits if h.entry.rule == "signal.vanity"]
    return {
        h.entry.rule
        for h in hits
        if h.entry.rule == "signal.vanity" or not any(w.start <= h.start < w.end for w in wide)
    }


@check("kpi.vanity_metric")
def _kpi_vanity(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        found_in = _listed(kpi.name, ctx.lang)  # the unit only repeats what is counted
        if "signal.vanity" in found_in and "signal.outcome" not in found_in:
            yield found("kpi.vanity_metric", ctx.lang, f"{base}.name", kpi=label)


@check("kpi.deadline_past")
def _kpi_past(ctx: Context) -> Iterator[Finding]:
    for _, base, label, kpi in _rows(ctx):
        # With a reading short of the target, kpi.target_missed says more (analysis/pace.py).
        past = kpi.deadline is not None and kpi.deadline < ctx.today
        if past and not missed_target(kpi, ctx.today):
            yield found(
                "kpi.deadline_past", ctx.lang, f"{base}.deadline", kpi=label, deadline=kpi.deadline
            )


@check("kpi.deadline_far")
def _kpi_far(ctx: Context) -> Iterator[Finding]:
    limit = int(params()["kpi_deadline_max_days"])
    for _, base, label, kpi in _rows(ctx):
        if kpi.deadline is not None and (kpi.deadline - ctx.today).days > limit:
            yield found(
                "kpi.deadline_far", ctx.lang, f"{base}.deadline", kpi=label, deadline=kpi.deadline
            )


@check("kpi.implausible_jump")
def _kpi_jump(ctx: Context) -> Iterator[Finding]:
    p = params()
    for _, base, label, kpi in _rows(ctx):
        if kpi.deadline is None or kpi.deadline < ctx.today:
            continue
        # The plan's own span from the day its baseline was measured, when the file says
        # it (a profile read again months later has not compressed its year into the weeks
        # left); else from today, as when the plan is written.
        begin = min(kpi.baseline_date or ctx.today, ctx.today)
        days = (kpi.deadline - begin).days
        ratio = growth(kpi.baseline, kpi.target)
        if ratio is None:
            continue
        quarter = days <= int(p["jump_quarter_days"]) and ratio >= float(p["jump_quarter_ratio"])
        year = days <= int(p["jump_year_days"]) and ratio >= float(p["jump_year_ratio"])
        if quarter or year:
            yield found(
                "kpi.implausible_jump",
                ctx.lang,
                f"{base}.target",
                [f"{base}.baseline", f"{base}.deadline"],
                kpi=label,
                baseline=kpi.baseline,
                target=kpi.target,
                ratio=round(ratio, 1),
                days=max(days, 1),
            )


def growth(baseline: float | None, target: float | None) -> float | None:
    """How many times the target exceeds the baseline (``None`` if it cannot be said)."""
    if baseline is None or target is None or baseline <= 0 or target <= baseline:
        return None
    return float(target) / float(baseline)


_PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def annual(profile: Profile) -> float | None:
    """The budget per year (a budget with no period is read as yearly)."""
    budget = profile.execution.budget
    if not budget.amount or budget.amount <= 0:
        return None
    months = _PERIOD_MONTHS[budget.period.value] if budget.period else 12
    return float(budget.amount) * 12 / months


def money(amount: float, currency: str, lang: str) -> str:
    """An amount rounded to the unit, with its currency."""
    return f"{show(round(amount), lang)} {currency}".strip()


def objectives_months(ctx: Context) -> int | None:
    """The horizon of the objectives: stated, else up to the furthest KPI deadline."""
    stated = ctx.profile.objectives.horizon_months
    if stated:
        return stated
    deadlines = [k.deadline for k in ctx.profile.objectives.kpis if k.deadline]
    if not deadlines:
        return None
    days = (max(deadlines) - ctx.today).days
    return max(1, -(-days // 30)) if days > 0 else None


@check("execution.no_budget")
def _no_budget(ctx: Context) -> Iterator[Finding]:
    ex = ctx.profile.execution
    budget = ex.budget
    channels = [c for c in ex.channels if not is_empty(c)]
    has_kpis = any(k.target is not None for k in ctx.profile.objectives.kpis)
    started = bool(channels) or bool(ex.value_proposition.strip())
    # With KPIs set, a missing budget is the coherence rule align.budget_missing instead.
    if not (budget.amount and budget.amount > 0) and started and not has_kpis:
        yield found("execution.no_budget", ctx.lang, "execution.budget", channels=len(channels))


@check("budget.no_period")
def _budget_period(ctx: Context) -> Iterator[Finding]:
    budget = ctx.profile.execution.budget
    if budget.amount and budget.amount > 0 and budget.period is None:
        yield found("budget.no_period", ctx.lang, "execution.budget.period", amount=budget.amount)


@check("budget.no_currency")
def _budget_currency(ctx: Context) -> Iterator[Finding]:
    budget = ctx.profile.execution.budget
    if budget.amount and budget.amount > 0 and not budget.currency.strip():
        yield found(
            "budget.no_currency", ctx.lang, "execution.budget.currency", amount=budget.amount
        )


def _channel_gaps(ctx: Context, part: str, rule_id: str) -> Iterator[Finding]:
    for i, channel in enumerate(ctx.profile.execution.channels):
        if is_empty(channel) or getattr(channel, part).strip():
            continue
        name = channel.name.strip() or f"#{i + 1}"
        yield found(rule_id, ctx.lang, f"execution.channels[{i}].{part}", channel=name)


@check("channel.generic_name")
def _channel_generic(ctx: Context) -> Iterator[Finding]:
    """ "Social media", « le digital »: a kind of channel, not a place to post or buy."""
    for i, channel in enumerate(ctx.profile.execution.channels):
        name = channel.name.strip()
        if is_empty(channel) or not name:
            continue
        listed = _listed(name, ctx.lang)
        if "execution.generic_channel" in listed and "signal.channel" not in listed:
            yield found(
                "channel.generic_name", ctx.lang, f"execution.channels[{i}].name", channel=name
            )


@check("channel.vague_timing")
def _channel_timing_vague(ctx: Context) -> Iterator[Finding]:
    """ "Regularly", « quand on peut »: a timing with no date and no rhythm."""

    for i, channel in enumerate(ctx.profile.execution.channels):
        timing = channel.timing.strip()
        if is_empty(channel) or not timing or any(c.isdigit() for c in timing):
            continue
        if "signal.cadence" in _listed(timing, ctx.lang) or find_deadlines(timing, ctx.today):
            continue
        name = channel.name.strip() or f"#{i + 1}"
        yield found(
            "channel.vague_timing",
            ctx.lang,
            f"execution.channels[{i}].timing",
            channel=name,
            timing=timing,
        )


@check("channel.no_persona")
def _channel_persona(ctx: Context) -> Iterator[Finding]:
    return _channel_gaps(ctx, "persona", "channel.no_persona")


@check("channel.no_timing")
def _channel_timing(ctx: Context) -> Iterator[Finding]:
    return _channel_gaps(ctx, "timing", "channel.no_timing")


def known_rules() -> frozenset[str]:
    """Every rule id of the registry."""
    return frozenset(REGISTRY)
