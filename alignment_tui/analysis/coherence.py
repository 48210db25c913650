"""Cross-layer coherence rules (``align.*``): do the six layers hold together?"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from alignment_tui.analysis.findings import Finding
from alignment_tui.analysis.structure import (
    Context,
    RuleBook,
    annual,
    growth,
    kpi_label,
    load_rulebook,
    money,
    objectives_months,
)
from alignment_tui.model.answers import is_empty
from alignment_tui.model.profile import LAYERS, Axis, Kpi, Persona, Profile

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def rulebook() -> RuleBook:
    return load_rulebook("coherence_rules.toml")


@cache
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("french" if lang == "fr" else "english")


@cache
def _stopwords(lang: str) -> frozenset[str]:
    words: list[str] = rulebook().data["stopwords"]["fr" if lang == "fr" else "en"]
    return frozenset(words)


@lru_cache(maxsize=65536)
def _stem(word: str, lang: str) -> str:
    return str(_stemmer(lang).stemWord(word))


@lru_cache(maxsize=4096)
def words(text: str, lang: str) -> frozenset[str]:
    """The meaningful words of ``text``, lower-cased (stop words and short words dropped)."""
    stop = _stopwords(lang)
    return frozenset(w for w in _TOKEN.findall(text.lower()) if len(w) > 2 and w not in stop)


@lru_cache(maxsize=4096)
def stems(text: str, lang: str) -> frozenset[str]:
    """The stems of the meaningful words of ``text``."""
    return frozenset(_stem(w, lang) for w in words(text, lang))


def echoes(probe: str, text: str, lang: str) -> frozenset[str]:
    """The words of ``probe`` that ``text`` carries: the same word, or a form of its stem.

    Only the short probe is stemmed, and only its words missing from ``text`` as they
    stand: a word of ``text`` echoes a stem when it starts with it ("répar" in
    « réparation », "bake" in "baked"), which spares stemming long texts.
    """
    said = words(text, lang)
    found = set()
    for word in words(probe, lang):
        if word in said:
            found.add(word)
            continue
        stem = _stem(word, lang)
        if stem in said or (len(stem) >= 4 and any(w.startswith(stem) for w in said)):
            found.add(word)
    return frozenset(found)


def _names(items: Iterable[str], lang: str) -> str:
    """Names quoted as the language quotes them."""
    pattern = "«\u00a0{}\u00a0»" if lang == "fr" else "'{}'"
    return ", ".join(pattern.format(i) for i in items if i) or "—"


def check_coherence(ctx: Context) -> list[Finding]:
    """Every ``align.*`` finding on the profile."""
    out: list[Finding] = []
    for rules in (_axes, _personas, _beneficiaries, _budget, _words, _horizons):
        out.extend(rules(ctx))
    return out


def _axis_links(kpi: Kpi, axes: list[Axis], lang: str) -> tuple[int | None, bool]:
    """The axis a KPI measures (index) and whether its link names an unknown axis."""
    link = kpi.axis.strip()
    if link:
        for j, axis in enumerate(axes):
            if link in (axis.id, axis.name):
                return j, False
        own = stems(link, lang)
        for j, axis in enumerate(axes):
            if own and own & stems(f"{axis.id.replace('-', ' ')} {axis.name}", lang):
                return j, False
        return None, True
    words = stems(kpi.name, lang)
    for j, axis in enumerate(axes):
        if words & stems(f"{axis.name} {axis.description}", lang):
            return j, False
    return None, False


def _axes(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    axes = [a for a in ctx.profile.strategy.axes if not is_empty(a)]
    kpis = [(i, k) for i, k in enumerate(ctx.profile.objectives.kpis) if not is_empty(k)]
    axis_names = _names((a.name or a.id for a in axes), ctx.lang)
    measured: set[int] = set()
    for i, kpi in kpis:
        j, unknown = _axis_links(kpi, axes, ctx.lang)
        label = kpi_label(kpi.name, i)
        if j is not None:
            measured.add(j)
        elif unknown:
            yield book.finding(
                "align.kpi_unknown_axis",
                ctx.lang,
                f"objectives.kpis[{i}].axis",
                ["strategy.axes"],
                kpi=label,
                axis=kpi.axis.strip(),
                axes=axis_names,
            )
        elif axes:
            yield book.finding(
                "align.kpi_no_axis",
                ctx.lang,
                f"objectives.kpis[{i}]",
                ["strategy.axes"],
                kpi=label,
                axes=axis_names,
            )
    if not kpis:
        return
    for j, axis in enumerate(ctx.profile.strategy.axes):
        if is_empty(axis) or axes.index(axis) in measured:
            continue
        yield book.finding(
            "align.axis_no_kpi",
            ctx.lang,
            f"strategy.axes[{j}]",
            ["objectives.kpis"],
            axis=axis.name.strip() or axis.id,
        )


def find_persona(ref: str, personas: list[Persona], lang: str) -> int | None:
    """The persona a reference names: by id or name first, then by shared words."""
    ref = ref.strip()
    if not ref:
        return None
    for k, persona in enumerate(personas):
        if ref in (persona.id, persona.name):
            return k
    own = stems(ref.replace("-", " "), lang)
    best, best_score = None, 0
    for k, persona in enumerate(personas):
        score = len(own & stems(f"{persona.id.replace('-', ' ')} {persona.name}", lang))
        if score > best_score:
            best, best_score = k, score
    return best


def _personas(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    personas = [p for p in ctx.profile.personas if not is_empty(p)]
    names = _names((p.name or p.id for p in personas), ctx.lang)
    reached: set[int] = set()
    channels = [(i, c) for i, c in enumerate(ctx.profile.execution.channels) if not is_empty(c)]
    for i, channel in channels:
        if not channel.persona.strip():
            continue  # channel.no_persona says it
        k = find_persona(channel.persona, personas, ctx.lang)
        if k is None:
            yield book.finding(
                "align.channel_unknown_persona",
                ctx.lang,
                f"execution.channels[{i}].persona",
                ["personas"],
                channel=channel.name.strip() or f"#{i + 1}",
                persona=channel.persona.strip(),
                personas=names,
            )
        else:
            reached.add(k)
    if not channels:
        return
    channel_names = _names((c.name for _, c in channels), ctx.lang)
    for k, persona in enumerate(ctx.profile.personas):
        if is_empty(persona) or personas.index(persona) in reached:
            continue
        yield book.finding(
            "align.persona_unreached",
            ctx.lang,
            f"personas[{k}]",
            ["execution.channels"],
            persona=persona.name.strip() or persona.id,
            channels=channel_names,
        )


def _beneficiaries(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    profile = ctx.profile
    personas = [p for p in profile.personas if not is_empty(p)]
    labels: list[str] = []
    probes: list[str] = []
    for i, ref in enumerate(profile.vision.beneficiaries):
        if not ref.strip():
            continue
        k = find_persona(ref, personas, ctx.lang)
        if k is None:
            yield book.finding(
                "align.beneficiary_unknown",
                ctx.lang,
                f"vision.beneficiaries[{i}]",
                ["personas"],
                beneficiary=ref.strip(),
                personas=_names((p.name or p.id for p in personas), ctx.lang),
            )
            probes.append(ref.replace("-", " "))
            labels.append(ref.strip())
        else:
            persona = personas[k]
            probes.append(f"{persona.id.replace('-', ' ')} {persona.name}")
            labels.append(persona.name.strip() or persona.id)
    mission = profile.mission
    text = " ".join([mission.statement, mission.offer, mission.needs, *mission.plan])
    if not labels or not text.strip():
        return
    if not echoes(" ".join(probes), text, ctx.lang):
        yield book.finding(
            "align.mission_beneficiaries",
            ctx.lang,
            "mission.statement",
            ["vision.beneficiaries"],
            beneficiaries=_names(labels, ctx.lang),
        )


def _budget(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    p = book.params
    profile = ctx.profile
    budget = profile.execution.budget
    targeted = [(i, k) for i, k in enumerate(profile.objectives.kpis) if k.target is not None]
    if annual(profile) is None:
        if targeted:
            i, kpi = targeted[0]
            yield book.finding(
                "align.budget_missing",
                ctx.lang,
                "execution.budget",
                [f"objectives.kpis[{i}]" for i, _ in targeted],
                count=len(targeted),
                kpi=kpi_label(kpi.name, i),
            )
        return
    currency = budget.currency.strip()
    months = objectives_months(ctx)
    if budget.period is not None and months is not None and budget.period.value != "month":
        natural = "quarter" if months <= int(p["quarter_horizon_months"]) else "year"
        if budget.period.value != natural:
            period = rulebook().data["period_names"][_lng(ctx)][budget.period.value]
            yield book.finding(
                "align.budget_period",
                ctx.lang,
                "execution.budget.period",
                ["objectives.horizon_months"],
                period=period,
                months=months,
            )
    channels = [(i, c) for i, c in enumerate(profile.execution.channels) if not is_empty(c)]
    shares = [c.budget_share for _, c in channels if c.budget_share is not None]
    if shares:
        total = sum(shares)
        tol = float(p["shares_tolerance"])
        if total > 1 + tol or (len(shares) == len(channels) and total < 1 - tol):
            yield book.finding(
                "align.budget_shares",
                ctx.lang,
                "execution.channels",
                ["execution.budget"],
                total=round(total * 100),
            )
    yearly = annual(profile) or 0.0
    n = len(channels)
    if n >= int(p["spread_min_channels"]) and yearly / n < float(p["spread_min_per_channel"]):
        yield book.finding(
            "align.budget_spread",
            ctx.lang,
            "execution.channels",
            ["execution.budget"],
            count=n,
            amount=money(yearly, currency, ctx.lang),
            each=money(yearly / n, currency, ctx.lang),
        )
    ratios = [(growth(k.baseline, k.target), i, k) for i, k in targeted]
    ambitious = [
        (r, i, k) for r, i, k in ratios if r is not None and r >= float(p["ambition_ratio"])
    ]
    if ambitious:
        ratio, i, kpi = max(ambitious, key=lambda item: item[0])
        if yearly < float(p["ambition_budget_per_x"]) * ratio:
            yield book.finding(
                "align.budget_ambition",
                ctx.lang,
                "execution.budget.amount",
                [f"objectives.kpis[{i}].target"],
                kpi=kpi_label(kpi.name, i),
                ratio=round(ratio, 1),
                amount=money(yearly, currency, ctx.lang),
            )


def _lng(ctx: Context) -> str:
    return "fr" if ctx.lang == "fr" else "en"


def _words(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    ex = ctx.profile.execution
    lang = ctx.profile.lang or ctx.lang  # the words are in the profile's language
    messages = [m for m in ex.messages if m.strip()]
    said = " ".join(messages)
    vp = ex.value_proposition.strip()
    if vp and messages:
        need = min(int(book.params["vp_min_shared"]), len(words(vp, lang)))
        if need and len(echoes(vp, said, lang)) < need:
            quote = vp if len(vp) <= 80 else vp[:77] + "…"
            yield book.finding(
                "align.vp_messages",
                ctx.lang,
                "execution.value_proposition",
                [f"execution.messages[{i}]" for i, m in enumerate(ex.messages) if m.strip()],
                proposition=quote,
            )
    values = [v for v in ctx.profile.values.items if v.name.strip()]
    if values and (messages or ex.tone.strip()):
        voiced = f"{said} {ex.tone}"
        if not any(echoes(v.name, voiced, lang) for v in values):
            related = ["execution.tone"] if ex.tone.strip() else []
            related += [f"execution.messages[{i}]" for i, m in enumerate(ex.messages) if m.strip()]
            yield book.finding(
                "align.values_tone",
                ctx.lang,
                "values.items",
                related,
                values=_names((v.name.strip() for v in values), ctx.lang),
            )


# Objectives and execution count their horizon in months, the layers above in years.
_CHAIN = tuple(
    (layer, f"{layer}.horizon_{'months' if layer in ('objectives', 'execution') else 'years'}")
    for layer in LAYERS
)


def _horizon_months(profile: Profile, layer: str) -> int | None:
    section = getattr(profile, layer)
    years = getattr(section, "horizon_years", None)
    months = years * 12 if years else getattr(section, "horizon_months", None)
    return int(months) if months else None


def _horizons(ctx: Context) -> Iterator[Finding]:
    book = rulebook()
    names = book.data["layer_names"][_lng(ctx)]
    chain = [(layer, path, _horizon_months(ctx.profile, layer)) for layer, path in _CHAIN]
    known = [(layer, path, months) for layer, path, months in chain if months is not None]
    for index, (layer, path, months) in enumerate(known):
        above = known[:index]
        if layer in ("values", "vision") or not above:
            continue
        # Compare with the nearest layer above that has a horizon; values and vision are
        # both the top of the chain, so a layer right under them answers to both.
        top = [k for k in above if k[0] in ("values", "vision")]
        for upper, upper_path, upper_months in top if len(top) == len(above) else above[-1:]:
            if months > upper_months:
                yield book.finding(
                    "align.horizons",
                    ctx.lang,
                    path,
                    [upper_path],
                    lower=names[layer],
                    upper=names[upper],
                    lower_months=months,
                    upper_months=upper_months,
                )
