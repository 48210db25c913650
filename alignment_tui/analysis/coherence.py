"""Cross-layer coherence rules (``align.*``): do the six layers hold together?"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import resettable
from alignment_tui.analysis.findings import Finding
from alignment_tui.analysis.registry import check
from alignment_tui.analysis.structure import (
    Context,
    annual,
    found,
    growth,
    kpi_label,
    money,
    objectives_months,
    params,
)
from alignment_tui.model.answers import is_empty
from alignment_tui.model.profile import LAYERS, Axis, Channel, Kpi, Persona, Profile

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def _pack(lang: str) -> packs.Pack:
    every = packs.packs()
    return every.get(lang) or next(iter(every.values()))


@resettable
@cache
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(_pack(lang).stemmer)


def _stopwords(lang: str) -> frozenset[str]:
    return _pack(lang).stopwords


@resettable
@lru_cache(maxsize=65536)
def _stem(word: str, lang: str) -> str:
    return str(_stemmer(lang).stemWord(word))


@resettable
@lru_cache(maxsize=4096)
def words(text: str, lang: str) -> frozenset[str]:
    """The meaningful words of ``text``, lower-cased (stop words and short words dropped)."""
    stop = _stopwords(lang)
    return frozenset(w for w in _TOKEN.findall(text.lower()) if len(w) > 2 and w not in stop)


@resettable
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
    pattern = _pack(lang).quote
    return ", ".join(pattern.format(i) for i in items if i) or "—"


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


# The rows worth reading, found once per profile (each rule reads them again).
def _live_axes(ctx: Context) -> list[Axis]:
    return ctx.once("live_axes", lambda: [a for a in ctx.profile.strategy.axes if not is_empty(a)])


def _live_kpis(ctx: Context) -> list[tuple[int, Kpi]]:
    kpis = ctx.profile.objectives.kpis
    return ctx.once("live_kpis", lambda: [(i, k) for i, k in enumerate(kpis) if not is_empty(k)])


def _kpi_links(ctx: Context) -> list[tuple[int, Kpi, int | None, bool]]:
    """Each KPI row with the axis it measures (index among the live axes) and whether its
    link names an unknown axis (computed once per profile)."""

    def links() -> list[tuple[int, Kpi, int | None, bool]]:
        axes = _live_axes(ctx)
        return [(i, k, *_axis_links(k, axes, ctx.lang)) for i, k in _live_kpis(ctx)]

    return ctx.once("kpi_links", links)


@check("align.kpi_unknown_axis")
def _kpi_unknown_axis(ctx: Context) -> Iterator[Finding]:
    names = _names((a.name or a.id for a in _live_axes(ctx)), ctx.lang)
    for i, kpi, j, unknown in _kpi_links(ctx):
        if j is None and unknown:
            yield found(
                "align.kpi_unknown_axis",
                ctx.lang,
                f"objectives.kpis[{i}].axis",
                ["strategy.axes"],
                kpi=kpi_label(kpi.name, i),
                axis=kpi.axis.strip(),
                axes=names,
            )


@check("align.kpi_no_axis")
def _kpi_no_axis(ctx: Context) -> Iterator[Finding]:
    axes = _live_axes(ctx)
    if not axes:
        return
    names = _names((a.name or a.id for a in axes), ctx.lang)
    for i, kpi, j, unknown in _kpi_links(ctx):
        if j is None and not unknown:
            yield found(
                "align.kpi_no_axis",
                ctx.lang,
                f"objectives.kpis[{i}]",
                ["strategy.axes"],
                kpi=kpi_label(kpi.name, i),
                axes=names,
            )


@check("align.axis_no_kpi")
def _axis_no_kpi(ctx: Context) -> Iterator[Finding]:
    links = _kpi_links(ctx)
    if not links:
        return
    axes = _live_axes(ctx)
    measured = {j for _, _, j, _ in links if j is not None}
    for j, axis in enumerate(ctx.profile.strategy.axes):
        if is_empty(axis) or axes.index(axis) in measured:
            continue
        yield found(
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


def _live_personas(ctx: Context) -> list[Persona]:
    return ctx.once("live_personas", lambda: [p for p in ctx.profile.personas if not is_empty(p)])


def _live_channels(ctx: Context) -> list[tuple[int, Channel]]:
    channels = ctx.profile.execution.channels
    return ctx.once(
        "live_channels", lambda: [(i, c) for i, c in enumerate(channels) if not is_empty(c)]
    )


def _channel_links(ctx: Context) -> list[tuple[int, Channel, int | None]]:
    """Each channel that names a persona, with the persona it reaches (or ``None``)."""

    def links() -> list[tuple[int, Channel, int | None]]:
        personas = _live_personas(ctx)
        return [
            (i, c, find_persona(c.persona, personas, ctx.lang))
            for i, c in _live_channels(ctx)
            if c.persona.strip()  # channel.no_persona says it otherwise
        ]

    return ctx.once("channel_links", links)


@check("align.channel_unknown_persona")
def _channel_unknown_persona(ctx: Context) -> Iterator[Finding]:
    names = _names((p.name or p.id for p in _live_personas(ctx)), ctx.lang)
    for i, channel, k in _channel_links(ctx):
        if k is None:
            yield found(
                "align.channel_unknown_persona",
                ctx.lang,
                f"execution.channels[{i}].persona",
                ["personas"],
                channel=channel.name.strip() or f"#{i + 1}",
                persona=channel.persona.strip(),
                personas=names,
            )


@check("align.persona_unreached")
def _persona_unreached(ctx: Context) -> Iterator[Finding]:
    channels = _live_channels(ctx)
    if not channels:
        return
    personas = _live_personas(ctx)
    reached = {k for _, _, k in _channel_links(ctx) if k is not None}
    channel_names = _names((c.name for _, c in channels), ctx.lang)
    # The first equal persona's place, as list.index gave, but looked up at once: index()
    # compared models field by field, and 2,000 personas took seconds.
    position: dict[str, int] = {}
    for n, persona in enumerate(personas):
        position.setdefault(persona.model_dump_json(), n)
    for k, persona in enumerate(ctx.profile.personas):
        if is_empty(persona) or position[persona.model_dump_json()] in reached:
            continue
        yield found(
            "align.persona_unreached",
            ctx.lang,
            f"personas[{k}]",
            ["execution.channels"],
            persona=persona.name.strip() or persona.id,
            channels=channel_names,
        )


def _beneficiary_links(ctx: Context) -> list[tuple[int, str, int | None]]:
    personas = _live_personas(ctx)
    return [
        (i, ref, find_persona(ref, personas, ctx.lang))
        for i, ref in enumerate(ctx.profile.vision.beneficiaries)
        if ref.strip()
    ]


@check("align.beneficiary_unknown")
def _beneficiary_unknown(ctx: Context) -> Iterator[Finding]:
    names = _names((p.name or p.id for p in _live_personas(ctx)), ctx.lang)
    for i, ref, k in _beneficiary_links(ctx):
        if k is None:
            yield found(
                "align.beneficiary_unknown",
                ctx.lang,
                f"vision.beneficiaries[{i}]",
                ["personas"],
                beneficiary=ref.strip(),
                personas=names,
            )


@check("align.mission_beneficiaries")
def _mission_beneficiaries(ctx: Context) -> Iterator[Finding]:
    personas = _live_personas(ctx)
    labels: list[str] = []
    probes: list[str] = []
    for _, ref, k in _beneficiary_links(ctx):
        if k is None:
            probes.append(ref.replace("-", " "))
            labels.append(ref.strip())
        else:
            persona = personas[k]
            probes.append(f"{persona.id.replace('-', ' ')} {persona.name}")
            labels.append(persona.name.strip() or persona.id)
    mission = ctx.profile.mission
    text = " ".join([mission.statement, mission.offer, mission.needs, *mission.plan])
    if not labels or not text.strip():
        return
    if not echoes(" ".join(probes), text, ctx.lang):
        yield found(
            "align.mission_beneficiaries",
            ctx.lang,
            "mission.statement",
            ["vision.beneficiaries"],
            beneficiaries=_names(labels, ctx.lang),
        )


def _targeted(ctx: Context) -> list[tuple[int, Kpi]]:
    return [(i, k) for i, k in enumerate(ctx.profile.objectives.kpis) if k.target is not None]


@check("align.budget_missing")
def _budget_missing(ctx: Context) -> Iterator[Finding]:
    targeted = _targeted(ctx)
    if annual(ctx.profile) is None and targeted:
        i, kpi = targeted[0]
        yield found(
            "align.budget_missing",
            ctx.lang,
            "execution.budget",
            [f"objectives.kpis[{i}]" for i, _ in targeted],
            count=len(targeted),
            kpi=kpi_label(kpi.name, i),
        )


@check("align.budget_period")
def _budget_period(ctx: Context) -> Iterator[Finding]:
    budget = ctx.profile.execution.budget
    if annual(ctx.profile) is None or budget.period is None:
        return
    months = objectives_months(ctx)
    if months is None or budget.period.value == "month":
        return
    natural = "quarter" if months <= int(params()["quarter_horizon_months"]) else "year"
    if budget.period.value != natural:
        period = _pack(ctx.lang).names("period_names")[budget.period.value]
        yield found(
            "align.budget_period",
            ctx.lang,
            "execution.budget.period",
            ["objectives.horizon_months"],
            period=period,
            months=months,
        )


@check("align.budget_shares")
def _budget_shares(ctx: Context) -> Iterator[Finding]:
    if annual(ctx.profile) is None:
        return
    channels = _live_channels(ctx)
    shares = [c.budget_share for _, c in channels if c.budget_share is not None]
    if not shares:
        return
    total = sum(shares)
    tol = float(params()["shares_tolerance"])
    if total > 1 + tol or (len(shares) == len(channels) and total < 1 - tol):
        yield found(
            "align.budget_shares",
            ctx.lang,
            "execution.channels",
            ["execution.budget"],
            total=round(total * 100),
        )


@check("align.budget_spread")
def _budget_spread(ctx: Context) -> Iterator[Finding]:
    yearly = annual(ctx.profile)
    if yearly is None:
        return
    p = params()
    n = len(_live_channels(ctx))
    if n >= int(p["spread_min_channels"]) and yearly / n < float(p["spread_min_per_channel"]):
        currency = ctx.profile.execution.budget.currency.strip()
        yield found(
            "align.budget_spread",
            ctx.lang,
            "execution.channels",
            ["execution.budget"],
            count=n,
            amount=money(yearly, currency, ctx.lang),
            each=money(yearly / n, currency, ctx.lang),
        )


@check("align.budget_ambition")
def _budget_ambition(ctx: Context) -> Iterator[Finding]:
    yearly = annual(ctx.profile)
    if yearly is None:
        return
    p = params()
    ratios = [(growth(k.baseline, k.target), i, k) for i, k in _targeted(ctx)]
    ambitious = [
        (r, i, k) for r, i, k in ratios if r is not None and r >= float(p["ambition_ratio"])
    ]
    if not ambitious:
        return
    ratio, i, kpi = max(ambitious, key=lambda item: item[0])
    if yearly < float(p["ambition_budget_per_x"]) * ratio:
        currency = ctx.profile.execution.budget.currency.strip()
        yield found(
            "align.budget_ambition",
            ctx.lang,
            "execution.budget.amount",
            [f"objectives.kpis[{i}].target"],
            kpi=kpi_label(kpi.name, i),
            ratio=round(ratio, 1),
            amount=money(yearly, currency, ctx.lang),
        )


@check("align.vp_messages")
def _vp_messages(ctx: Context) -> Iterator[Finding]:
    ex = ctx.profile.execution
    lang = ctx.profile.lang or ctx.lang  # the words are in the profile's language
    messages = [m for m in ex.messages if m.strip()]
    said = " ".join(messages)
    vp = ex.value_proposition.strip()
    if vp and messages:
        need = min(int(params()["vp_min_shared"]), len(words(vp, lang)))
        if need and len(echoes(vp, said, lang)) < need:
            quote = vp if len(vp) <= 80 else vp[:77] + "…"
            yield found(
                "align.vp_messages",
                ctx.lang,
                "execution.value_proposition",
                [f"execution.messages[{i}]" for i, m in enumerate(ex.messages) if m.strip()],
                proposition=quote,
            )


@check("align.values_tone")
def _values_tone(ctx: Context) -> Iterator[Finding]:
    ex = ctx.profile.execution
    lang = ctx.profile.lang or ctx.lang  # the words are in the profile's language
    messages = [m for m in ex.messages if m.strip()]
    said = " ".join(messages)
    values = [v for v in ctx.profile.values.items if v.name.strip()]
    if values and (messages or ex.tone.strip()):
        voiced = f"{said} {ex.tone}"
        if not any(echoes(v.name, voiced, lang) for v in values):
            related = ["execution.tone"] if ex.tone.strip() else []
            related += [f"execution.messages[{i}]" for i, m in enumerate(ex.messages) if m.strip()]
            yield found(
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


@check("align.horizons")
def _horizons(ctx: Context) -> Iterator[Finding]:
    names = _pack(ctx.lang).names("layer_names")
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
                yield found(
                    "align.horizons",
                    ctx.lang,
                    path,
                    [upper_path],
                    lower=names[layer],
                    upper=names[upper],
                    lower_months=months,
                    upper_months=upper_months,
                )
