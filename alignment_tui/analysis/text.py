"""Judge one free-text answer: vagueness findings with spans, and a specificity score.

Every answer check of the registry declared for the answer's layer runs on one ``Context``
(disabled rules do not run); then one piece of advice is kept per span, and concrete detail
spares a few word-list findings. The score is ``scoring.text_score``.

``specificity`` is how many kinds of concrete detail the answer holds, out of: a number,
an amount or a percentage, a date or a rhythm, a proper noun, an explicit choice ("rather
than", « plutôt que »), a named audience, a named channel, a reason ("because", « car »),
a quoted example or a device that shows a tone ("first names", « on vouvoie »), an offer's
terms ("money back", « livraison offerte »). Numbers of emphasis ("110%", "24/7") and counts
of the answer's own parts ("3 pillars") are no detail. An empty answer scores 0.
Word-list warnings (buzzwords, hedges…) become hints when the answer has at least two kinds
of detail and few such words: concrete detail lowers suspicion (two kinds spare one such
word, three kinds spare two); weasel words in an objective are never spared.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from alignment_tui.analysis import packs, registry, rules_generic, rules_layers, rules_plan
from alignment_tui.analysis.context import Context, Spot
from alignment_tui.analysis.findings import REGISTRY, Finding, Severity, TextResult
from alignment_tui.analysis.lang import detect_with_margin
from alignment_tui.analysis.scoring import text_score

LAYERS = ("values", "vision", "mission", "strategy", "objectives", "execution")
# Weak findings that say what the suspicion already counts (abstractness, no detail).
_OWN_SIGNALS = frozenset({"vague.abstract", "vague.no_detail"})
# Whole-answer findings that say "not concrete enough", the most telling first; what the
# question asks for (vague.missing_signal) says it better than either.
_ASKED = "vague.missing_signal"
_GENERIC_WHOLE = ("vague.no_detail", "vague.too_short")
_SURE_MARGIN = 2  # evidence lead that makes a detected language sure
_ = (rules_generic, rules_layers, rules_plan)  # their checks register themselves on import


@dataclass
class _Raw:
    rule_id: str
    spot: Spot

    @property
    def start(self) -> int | None:
        return self.spot.start

    @property
    def end(self) -> int | None:
        return self.spot.end


def example_cases() -> list[tuple[str, str, str, bool, dict[str, Any]]]:
    """Every answer rule's example as (rule id, language, text, fires, analyze_answer options)."""
    cases = []
    for rule_id, info in REGISTRY.items():
        if info.scope != "answer":
            continue
        for lang, examples in info.examples.items():
            for e in examples:
                cases.append((rule_id, lang, e.text, e.fires, {"layer": info.layer, **e.options}))
    return cases


def analyze_text(
    text: str,
    layer: str,
    lang: str | None = None,
    *,
    ui_lang: str | None = None,
    today: date | None = None,
) -> TextResult:
    """Judge one free-text statement of ``layer`` (``lang`` None: detected)."""
    return analyze_answer(text, layer, lang=lang, ui_lang=ui_lang, today=today)


def skipped(rule_id: str, patterns: Collection[str]) -> bool:
    """Whether ``rule_id`` is turned off by one of ``patterns`` ("vague.*" turns a family off)."""
    if not patterns:
        return False
    for pattern in patterns:
        if rule_id == pattern or (pattern.endswith("*") and rule_id.startswith(pattern[:-1])):
            return True
    return False


def analyze_answer(
    text: str,
    layer: str,
    *,
    field: str | None = None,
    lang: str | None = None,
    ui_lang: str | None = None,
    today: date | None = None,
    min_words: int | None = None,
    max_words: int | None = None,
    expect: Sequence[str] = (),
    off: Collection[str] = (),
    disabled: Collection[str] = (),
    accepted_terms: Collection[str] = (),
) -> TextResult:
    """Judge one answer as ``analyze_profile`` sees it: at ``field``, with the question's rules.

    ``off`` (the question's) and ``disabled`` (the profile's) rules are not run at all.
    """
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}: expected one of {', '.join(LAYERS)}")
    languages = packs.codes()
    sure = lang in languages
    if sure:
        text_lang = str(lang)
    else:
        text_lang, margin = detect_with_margin(text)
        sure = margin >= _SURE_MARGIN
    shown = ui_lang if ui_lang in languages else text_lang
    if not text.strip():
        return TextResult(findings=[], score=0, lang=text_lang)
    params = dict(registry.params(text_lang))
    if min_words is not None:
        params["min_words"] = float(min_words)
    if max_words is not None:
        params["max_words"] = float(max_words)
    ctx = Context(
        text,
        layer,
        text_lang,
        field,
        today or date.today(),
        params,
        tuple(accepted_terms),
        sure,
        tuple(expect),
    )
    skip = [*off, *disabled]
    raws = [
        _Raw(rule_id, spot)
        for rule_id, fn in registry.checks_for(layer)
        if not skipped(rule_id, skip)
        for spot in fn(ctx)
    ]
    raws = _dedupe(raws)
    _spare(ctx, raws)
    _weigh(ctx, raws)
    raws = _merge(raws)
    findings = sorted(
        (_finding(r, text, shown) for r in raws),
        key=lambda f: (f.start if f.start is not None else len(text), -f.severity.rank),
    )
    return TextResult(
        findings=findings,
        score=text_score(findings, ctx.specificity),
        lang=text_lang,
        specificity=ctx.specificity,
    )


def _spare(ctx: Context, raws: list[_Raw]) -> None:
    """Concrete detail lowers suspicion: few word-list warnings become hints.

    Each word-list warning needs one more kind of detail to be spared: one buzzword among
    two kinds of detail is a hint, two buzzwords need three kinds.
    """
    lexical_rules = registry.lexical_rules()
    lexical = [
        r
        for r in raws
        if r.rule_id in lexical_rules
        and not _weak(r)
        and ctx.layer not in registry.meta(r.rule_id).never_spared_in
    ]
    needed = ctx.params["spare_specificity"] + len(lexical) - 1
    if lexical and len(lexical) <= ctx.params["spare_max_hits"] and ctx.detail >= needed:
        for r in lexical:
            if r.spot.severity is None:
                r.spot.severity = Severity.info


def _weak(raw: _Raw) -> bool:
    if raw.spot.weak is not None:
        return raw.spot.weak
    return registry.meta(raw.rule_id).evidence == "weak"


def _severity(raw: _Raw) -> Severity:
    return raw.spot.severity or registry.meta(raw.rule_id).severity


def _weigh(ctx: Context, raws: list[_Raw]) -> None:
    """A warning needs evidence: weak findings are hints unless they agree.

    Weak findings (a common word like "very", a missing number where one is merely
    welcome, a short answer) become warnings only when the answer holds no stronger
    warning and their ``suspicion`` reaches ``weak_escalate``; else they are hints.
    """
    weak = [r for r in raws if _weak(r)]
    if not weak:
        return
    warned = any(not _weak(r) and _severity(r) is not Severity.info for r in raws)
    if warned or suspicion(ctx, weak) < ctx.params["weak_escalate"]:
        for r in weak:
            r.spot.severity = Severity.info


def suspicion(ctx: Context, weak: Sequence[_Raw]) -> float:
    """How strongly the weak evidence of an answer outweighs its concrete detail.

    ``weak_word_weight × (weak words per weak_words_per content words, at most 3)
    + weak_whole_weight × (any weak whole-answer finding) + (how abstract it reads, 0–2)
    + bare_hard_<layer> × (no checkable detail) + bare_soft_<layer> × (no detail in words)
    − (checkable kinds beyond the first) − (kinds of detail in words, halved)``.
    """
    p = ctx.params
    words = {(r.rule_id, ctx.folded_text[r.start : r.end]) for r in weak if r.start is not None}
    # Weak words count by density: one in a short answer weighs what four do in a long one.
    per = max(1.0, ctx.content_words / p["weak_words_per"])
    dense = min(3.0, p["weak_word_weight"] * len(words) / per)
    whole = any(r.start is None and r.rule_id not in _OWN_SIGNALS for r in weak)
    # What no detail at all says depends on the layer: an objective with nothing checkable
    # is vague, a value without a number is not; a value without a behaviour is.
    bare = p[f"bare_hard_{ctx.layer}"] * (ctx.hard_detail == 0) + p[f"bare_soft_{ctx.layer}"] * (
        ctx.soft_detail == 0
    )
    rich = max(0, ctx.hard_detail - 1) + min(p["soft_rich_max"], ctx.soft_detail // 2)
    return dense + p["weak_whole_weight"] * whole + ctx.abstract_level + bare - rich


def _merge(raws: list[_Raw]) -> list[_Raw]:
    """Findings about the whole answer that say the same thing become one: a layer's own
    criterion ("no beneficiary") says it better than "no concrete detail" or "too short",
    and a missing kind of detail the question asks for better than either."""
    whole = [r for r in raws if r.start is None]
    telling = [r for r in whole if not r.rule_id.startswith("vague.") or r.rule_id == _ASKED]
    generic = [r for r in whole if r.rule_id in _GENERIC_WHOLE]
    if not generic:
        return raws
    if telling:
        # …unless it is the stronger finding ("+30%" is too short to be an objective).
        top = max(_severity(r).rank for r in telling)
        drop = {id(r) for r in generic if _severity(r).rank <= top}
    else:
        best = min(_GENERIC_WHOLE.index(r.rule_id) for r in generic)
        drop = {id(r) for r in generic if _GENERIC_WHOLE.index(r.rule_id) > best}
    return [r for r in raws if id(r) not in drop]


def _dedupe(raws: list[_Raw]) -> list[_Raw]:
    """One piece of advice per span: a layer rule wins over a generic one on the same words.

    A generic (``vague.*``) finding inside the span of a layer finding goes, and so does a
    finding inside a longer one of the same rule, and a generic one strictly inside a
    longer generic one ("très" inside « très vite »). One sweep over spans sorted by start.
    """
    spanned = [r for r in raws if r.start is not None and r.end is not None]
    order = sorted(spanned, key=lambda r: (r.start, -(r.end or 0), r.rule_id.startswith("vague.")))
    layer_reach = -1
    generic_reach = (-1, -1)
    rule_reach: dict[str, tuple[int, int]] = {}
    dropped: set[int] = set()
    for r in order:
        start, end = r.start or 0, r.end or 0
        generic = r.rule_id.startswith("vague.")
        if generic and layer_reach >= end:
            dropped.add(id(r))
        if generic and generic_reach[1] >= end and generic_reach != (start, end):
            dropped.add(id(r))
        if generic and end > generic_reach[1]:
            generic_reach = (start, end)
        seen = rule_reach.get(r.rule_id)
        if seen is not None and seen[1] >= end and seen != (start, end):
            dropped.add(id(r))
        if not generic:
            layer_reach = max(layer_reach, end)
        if seen is None or end > seen[1]:
            rule_reach[r.rule_id] = (start, end)
    return [r for r in raws if id(r) not in dropped]


def _finding(raw: _Raw, text: str, lang: str) -> Finding:
    rule = registry.text_of(raw.rule_id, lang)
    severity = raw.spot.severity or registry.meta(raw.rule_id).severity
    start, end = raw.start, raw.end
    words = text[start:end] if start is not None else ""
    values = dict(raw.spot.values)
    if "signal" in values:
        values["signal"] = (
            packs.get(lang).names("signal_names").get(values["signal"], values["signal"])
        )
    message_text, suggestion_text = rule.worded(values.pop("case", None))
    message = message_text.format(text=words.strip(), **values)
    suggestion = suggestion_text.format(text=words.strip(), **values)
    return Finding(
        rule_id=raw.rule_id,
        severity=severity,
        message=message,
        suggestion=suggestion,
        start=start,
        end=end,
        text=words,
    )


def score(findings: Sequence[Finding], specificity: int) -> int:
    """The answer's score (``scoring.text_score``)."""
    return text_score(findings, specificity)


__all__ = ["LAYERS", "REGISTRY", "analyze_answer", "analyze_text", "example_cases", "score"]
