"""Rules on structured fields (KPI rows, budget, channels, values) and on the whole profile."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from alignment_tui.analysis.findings import REGISTRY, Example, Finding, RuleInfo, Severity, register
from alignment_tui.model.answers import is_empty
from alignment_tui.model.profile import Profile


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fr: str
    en: str


class _Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    fires: bool


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    severity: Severity
    family: str
    layers: list[str] = []
    title: _Text
    catches: _Text
    why: _Text
    message: _Text
    suggestion: _Text
    examples: dict[Literal["fr", "en"], list[_Example]]


_FIELD = re.compile(r"\{(\w+)\}")


@dataclass
class RuleBook:
    """One data file of rules: their texts (registered in ``REGISTRY``) and parameters."""

    name: str
    params: dict[str, Any]
    rules: dict[str, _Rule]
    data: dict[str, Any] = field(default_factory=dict)

    def finding(
        self,
        rule_id: str,
        lang: str,
        where: str,
        related: Iterable[str] = (),
        **values: object,
    ) -> Finding:
        rule = self.rules[rule_id]
        lng = "fr" if lang == "fr" else "en"
        shown = {k: show(v, lng) for k, v in values.items()}
        return Finding(
            rule_id=rule_id,
            severity=rule.severity,
            message=getattr(rule.message, lng).format(**shown),
            suggestion=getattr(rule.suggestion, lng).format(**shown),
            where=where,
            related=list(related),
        )


def load_rulebook(name: str) -> RuleBook:
    """Read ``analysis/data/<name>``, check every text exists in both languages, register."""
    raw = resources.files("alignment_tui.analysis").joinpath("data", name).read_text("utf-8")
    data = tomllib.loads(raw)
    rules: dict[str, _Rule] = {}
    for rule_id, spec in data.get("rule", {}).items():
        try:
            rule = _Rule.model_validate(spec)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise ValueError(
                f"analysis/data/{name}: rule {rule_id}: {loc}: {first['msg']}"
            ) from None
        for key in ("message", "suggestion"):
            text = getattr(rule, key)
            if set(_FIELD.findall(text.fr)) != set(_FIELD.findall(text.en)):
                raise ValueError(f"analysis/data/{name}: rule {rule_id}: {key} placeholders differ")
        if set(rule.examples) != {"fr", "en"} or not all(
            {e.fires for e in ex} == {True, False} for ex in rule.examples.values()
        ):
            raise ValueError(
                f"analysis/data/{name}: rule {rule_id}: needs an example that fires and one "
                "that does not, in each language"
            )
        rules[rule_id] = rule
        register(
            RuleInfo(
                id=rule_id,
                severity=rule.severity,
                family=rule.family,
                title=rule.title.model_dump(),
                catches=rule.catches.model_dump(),
                why=rule.why.model_dump(),
                examples={
                    lng: tuple(Example(e.text, e.fires) for e in ex)
                    for lng, ex in rule.examples.items()
                },
                layers=tuple(rule.layers),
            )
        )
    extra = {k: v for k, v in data.items() if k not in ("rule", "params")}
    return RuleBook(name, dict(data.get("params", {})), rules, extra)


def show(value: object, lang: str) -> str:
    """A value as a message shows it: numbers with the language's separators, dates local."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", "\u202f") if lang == "fr" else text
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", "\u202f").replace(".", ",") if lang == "fr" else text
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()
    return str(value)


@cache
def rulebook() -> RuleBook:
    return load_rulebook("profile_rules.toml")


@dataclass(frozen=True)
class Context:
    """What the structural and coherence rules need besides the profile."""

    profile: Profile
    lang: str
    today: date
    required: tuple[str, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()


def kpi_label(kpi_name: str, index: int) -> str:
    return kpi_name.strip() or f"#{index + 1}"


def check_structure(ctx: Context) -> list[Finding]:
    """Every structural finding on the profile."""
    out: list[Finding] = []
    for rules in (_missing, _copies, _values, _kpis, _execution):
        out.extend(rules(ctx))
    return out


def _missing(ctx: Context) -> Iterator[Finding]:
    from alignment_tui.model.paths import value_at
    from alignment_tui.report.fields import field_label

    book = rulebook()
    for path in ctx.required:
        value = value_at(ctx.profile, path)
        if is_empty(value):
            label = field_label(path, ctx.lang)
            yield book.finding("profile.missing", ctx.lang, path, field=label)


_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _bag(text: str) -> tuple[int, frozenset[str]]:
    words = _WORD.findall(text.lower())
    return len(words), frozenset(words)


def _copies(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    least = int(book.params["copy_min_words"])
    threshold = float(book.params["copy_similarity"])
    seen: list[tuple[str, frozenset[str], str]] = []
    for path, text in ctx.texts:
        count, bag = _bag(text)
        if count < least:
            continue
        for other_path, other_bag, other_text in seen:
            # Two sets this different in size cannot share enough words: skip the count.
            if min(len(bag), len(other_bag)) < threshold * max(len(bag), len(other_bag)):
                continue
            if len(bag & other_bag) / len(bag | other_bag) >= threshold:
                quote = other_text if len(other_text) <= 60 else other_text[:57] + "…"
                found = book.finding("profile.copy", ctx.lang, path, [other_path], other=quote)
                found.text = text
                found.start, found.end = 0, len(text)
                yield found
                break
        seen.append((path, bag, text))


def _values(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    items = [v for v in ctx.profile.values.items if not is_empty(v)]
    if not items:
        return
    short = int(book.params["generic_value_max_words"])
    bare = [
        v
        for v in items
        if not v.meaning.strip() and not v.behaviour.strip() and len(v.name.split()) <= short
    ]
    if len(bare) == len(items):
        names = ", ".join(v.name.strip() for v in items)
        yield book.finding("values.generic_only", ctx.lang, "values.items", names=names)
    else:
        for i, item in enumerate(ctx.profile.values.items):
            if is_empty(item):
                continue
            name = item.name.strip() or f"#{i + 1}"
            if not item.meaning.strip():
                yield book.finding(
                    "values.no_meaning", ctx.lang, f"values.items[{i}].meaning", name=name
                )
            if not item.behaviour.strip():
                yield book.finding(
                    "values.no_behaviour", ctx.lang, f"values.items[{i}].behaviour", name=name
                )
    low, high = int(book.params["values_min"]), int(book.params["values_max"])
    if not low <= len(items) <= high:
        yield book.finding("values.count", ctx.lang, "values.items", count=len(items))


def _kpis(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    p = book.params
    for i, kpi in enumerate(ctx.profile.objectives.kpis):
        if is_empty(kpi):
            continue
        base = f"objectives.kpis[{i}]"
        label = kpi_label(kpi.name, i)
        if kpi.target is None:
            yield book.finding("kpi.no_number", ctx.lang, f"{base}.target", kpi=label)
        else:
            if kpi.baseline is None:
                yield book.finding("kpi.no_baseline", ctx.lang, f"{base}.baseline", kpi=label)
            if not kpi.unit.strip():
                yield book.finding("kpi.no_unit", ctx.lang, f"{base}.unit", kpi=label)
        if kpi.deadline is None:
            yield book.finding("kpi.no_deadline", ctx.lang, f"{base}.deadline", kpi=label)
        if kpi.cadence is None:
            yield book.finding("kpi.no_cadence", ctx.lang, f"{base}.cadence", kpi=label)
        if not kpi.owner.strip():
            yield book.finding("kpi.no_owner", ctx.lang, f"{base}.owner", kpi=label)
        if kpi.deadline is None:
            continue
        days = (kpi.deadline - ctx.today).days
        if days < 0:
            yield book.finding(
                "kpi.deadline_past", ctx.lang, f"{base}.deadline", kpi=label, deadline=kpi.deadline
            )
            continue
        if days > int(p["kpi_deadline_max_days"]):
            yield book.finding(
                "kpi.deadline_far", ctx.lang, f"{base}.deadline", kpi=label, deadline=kpi.deadline
            )
        ratio = growth(kpi.baseline, kpi.target)
        if ratio is None:
            continue
        quarter = days <= int(p["jump_quarter_days"]) and ratio >= float(p["jump_quarter_ratio"])
        year = days <= int(p["jump_year_days"]) and ratio >= float(p["jump_year_ratio"])
        if quarter or year:
            yield book.finding(
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


def _execution(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    ex = ctx.profile.execution
    budget = ex.budget
    channels = [c for c in ex.channels if not is_empty(c)]
    has_kpis = any(k.target is not None for k in ctx.profile.objectives.kpis)
    started = bool(channels) or bool(ex.value_proposition.strip())
    # With KPIs set, a missing budget is the coherence rule align.budget_missing instead.
    if not (budget.amount and budget.amount > 0) and started and not has_kpis:
        yield book.finding(
            "execution.no_budget", ctx.lang, "execution.budget", channels=len(channels)
        )
    if budget.amount and budget.amount > 0:
        if budget.period is None:
            yield book.finding(
                "budget.no_period", ctx.lang, "execution.budget.period", amount=budget.amount
            )
        if not budget.currency.strip():
            yield book.finding(
                "budget.no_currency", ctx.lang, "execution.budget.currency", amount=budget.amount
            )
    for i, channel in enumerate(ex.channels):
        if is_empty(channel):
            continue
        name = channel.name.strip() or f"#{i + 1}"
        if not channel.persona.strip():
            yield book.finding(
                "channel.no_persona", ctx.lang, f"execution.channels[{i}].persona", channel=name
            )
        if not channel.timing.strip():
            yield book.finding(
                "channel.no_timing", ctx.lang, f"execution.channels[{i}].timing", channel=name
            )


def known_rules() -> frozenset[str]:
    rulebook()
    return frozenset(REGISTRY)
