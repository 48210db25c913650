"""Judge one free-text answer: vagueness findings with spans, and a specificity score.

Score of one answer (0–100)::

    base    = 70 + 10 × min(specificity, 3)
    penalty = 40 per error + 15 per warning + 3 per hint (hints count for at most 9);
              a second finding of the same rule counts a third of its weight
    score   = clamp(base − penalty, 0, 100), and at most 40 when any error remains

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

import tomllib
from collections.abc import Collection, Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from alignment_tui.analysis import lexicon, rules_generic, rules_layers, rules_plan
from alignment_tui.analysis.findings import (
    REGISTRY,
    Example,
    Finding,
    RuleInfo,
    Severity,
    TextResult,
    register,
)
from alignment_tui.analysis.lang import detect_with_margin
from alignment_tui.analysis.rules_generic import missing_signals
from alignment_tui.analysis.text_rules import LEXICAL, RULES, Context, Raw

LAYERS = ("values", "vision", "mission", "strategy", "objectives", "execution")
_LANGS = ("fr", "en")
_TEXT_KEYS = ("title", "catches", "why", "message", "suggestion")
_WEIGHT = {Severity.error: 40, Severity.warning: 15, Severity.info: 3}
_HINTS_MAX = 9
_ERROR_CAP = 40
_SURE_MARGIN = 2  # evidence lead that makes a detected language sure
_OUTPUT_LIST = "objectives.output"  # activity verbs read by objectives.output_not_outcome
_ = (rules_generic, rules_layers, rules_plan)  # their rules register themselves on import


@cache
def rulebook() -> dict[str, Any]:
    """``data/text_rules.toml``, checked: every rule has every text in both languages."""
    name = "analysis/data/text_rules.toml"
    raw = resources.files("alignment_tui.analysis").joinpath("data/text_rules.toml")
    try:
        book = tomllib.loads(raw.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{name}: {exc}") from None
    for rule_id, spec in book["rule"].items():
        for key in _TEXT_KEYS:
            for lang in _LANGS:
                if not str(spec.get(key, {}).get(lang, "")).strip():
                    raise ValueError(f"{name}: rule {rule_id}: {key}.{lang} is missing")
        try:
            Severity(spec["severity"])
        except (KeyError, ValueError):
            raise ValueError(
                f"{name}: rule {rule_id}: severity must be info|warning|error"
            ) from None
        for lang in _LANGS:
            examples = spec.get("examples", {}).get(lang, [])
            if {bool(e.get("fires")) for e in examples} != {True, False}:
                raise ValueError(f"{name}: rule {rule_id}: examples.{lang}: one must fire, one not")
    _check_lexicon_rules(book, name)
    return book


def _check_lexicon_rules(book: dict[str, Any], name: str) -> None:
    """Every word-list entry feeds a known rule, or is evidence (``signal.*``, verbs)."""
    for entry in lexicon.entries():
        rule = entry.rule
        if rule not in book["rule"] and not rule.startswith("signal.") and rule != _OUTPUT_LIST:
            raise ValueError(
                f"analysis/data/lexicon_{entry.lang}.toml: rule {rule} is not in {name}"
            )


def register_rules() -> None:
    """Put every text rule in ``REGISTRY`` (idempotent)."""
    for rule_id, spec in rulebook()["rule"].items():
        register(
            RuleInfo(
                id=rule_id,
                severity=Severity(spec["severity"]),
                family=spec["family"],
                title=dict(spec["title"]),
                catches=dict(spec["catches"]),
                why=dict(spec["why"]),
                examples={
                    lang: tuple(
                        Example(e["text"], bool(e["fires"])) for e in spec["examples"][lang]
                    )
                    for lang in _LANGS
                },
                layers=tuple(spec.get("layers", ())),
            )
        )


def example_cases() -> list[tuple[str, str, str, bool, dict[str, Any]]]:
    """Every rule example as (rule id, language, text, fires, analyze_answer options)."""
    cases = []
    for rule_id, spec in rulebook()["rule"].items():
        for lang in _LANGS:
            for e in spec["examples"][lang]:
                options = {"layer": spec["layer"], **e.get("with", {})}
                cases.append((rule_id, lang, e["text"], bool(e["fires"]), options))
    return cases


@cache
def _base_params() -> dict[str, float]:
    return {k: float(v) for k, v in rulebook()["params"].items()}


def _params() -> dict[str, float]:
    return dict(_base_params())


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
    """Judge one answer as ``analyze_profile`` sees it: at ``field``, with the question's rules."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}: expected one of {', '.join(LAYERS)}")
    sure = lang in _LANGS
    if sure:
        text_lang = str(lang)
    else:
        text_lang, margin = detect_with_margin(text)
        sure = margin >= _SURE_MARGIN
    shown = ui_lang if ui_lang in _LANGS else text_lang
    if not text.strip():
        return TextResult(findings=[], score=0, lang=text_lang)
    params = _params()
    if min_words is not None:
        params["min_words"] = float(min_words)
    if max_words is not None:
        params["max_words"] = float(max_words)
    ctx = Context(
        text, layer, text_lang, field, today or date.today(), params, tuple(accepted_terms), sure
    )
    raws = [raw for fn in RULES for raw in fn(ctx)]
    raws += list(missing_signals(ctx, expect))
    skip = set(off) | set(disabled)
    families = tuple(p[:-1] for p in skip if p.endswith("*"))  # "vague.*" turns a family off
    raws = _dedupe(
        [r for r in raws if r.rule_id not in skip and not r.rule_id.startswith(families or ("\0",))]
    )
    _spare(ctx, raws, params)
    findings = sorted(
        (_finding(r, text, shown) for r in raws),
        key=lambda f: (f.start if f.start is not None else len(text), -f.severity.rank),
    )
    return TextResult(
        findings=findings,
        score=score(findings, ctx.specificity),
        lang=text_lang,
        specificity=ctx.specificity,
    )


def _spare(ctx: Context, raws: list[Raw], params: dict[str, float]) -> None:
    """Concrete detail lowers suspicion: few word-list warnings become hints.

    Each word-list warning needs one more kind of detail to be spared: one buzzword among
    two kinds of detail is a hint, two buzzwords need three kinds.
    """
    # An objective is a measure: no detail excuses "a lot" or "significantly" in it.
    lexical = [
        r
        for r in raws
        if r.rule_id in LEXICAL and not (ctx.layer == "objectives" and r.rule_id == "vague.weasel")
    ]
    needed = params["spare_specificity"] + len(lexical) - 1
    if lexical and len(lexical) <= params["spare_max_hits"] and ctx.specificity >= needed:
        for r in lexical:
            if r.severity is None:
                r.severity = Severity.info


def _dedupe(raws: list[Raw]) -> list[Raw]:
    """One piece of advice per span: a layer rule wins over a generic one on the same words.

    A generic (``vague.*``) finding inside the span of a layer finding goes, and so does a
    finding inside a longer one of the same rule. One sweep over spans sorted by start.
    """
    spanned = [r for r in raws if r.start is not None and r.end is not None]
    order = sorted(spanned, key=lambda r: (r.start, -(r.end or 0), r.rule_id.startswith("vague.")))
    layer_reach = -1
    rule_reach: dict[str, tuple[int, int]] = {}
    dropped: set[int] = set()
    for r in order:
        start, end = r.start or 0, r.end or 0
        generic = r.rule_id.startswith("vague.")
        if generic and layer_reach >= end:
            dropped.add(id(r))
        seen = rule_reach.get(r.rule_id)
        if seen is not None and seen[1] >= end and seen != (start, end):
            dropped.add(id(r))
        if not generic:
            layer_reach = max(layer_reach, end)
        if seen is None or end > seen[1]:
            rule_reach[r.rule_id] = (start, end)
    return [r for r in raws if id(r) not in dropped]


def _finding(raw: Raw, text: str, lang: str) -> Finding:
    spec = rulebook()["rule"][raw.rule_id]
    severity = raw.severity or Severity(spec["severity"])
    words = text[raw.start : raw.end] if raw.start is not None else ""
    values = dict(raw.values)
    if "signal" in values:
        values["signal"] = rulebook()["signals"][lang].get(values["signal"], values["signal"])
    message = spec["message"][lang].format(text=words.strip(), **values)
    suggestion = spec["suggestion"][lang].format(text=words.strip(), **values)
    return Finding(
        rule_id=raw.rule_id,
        severity=severity,
        message=message,
        suggestion=suggestion,
        start=raw.start,
        end=raw.end,
        text=words,
    )


def score(findings: Sequence[Finding], specificity: int) -> int:
    """The answer's score, by the formula in this module's docstring."""
    seen: dict[str, int] = {}
    penalty = 0.0
    hints = 0.0
    for f in findings:
        weight = _WEIGHT[f.severity] / (3 if seen.get(f.rule_id) else 1)
        seen[f.rule_id] = seen.get(f.rule_id, 0) + 1
        if f.severity is Severity.info:
            hints += weight
        else:
            penalty += weight
    penalty += min(hints, _HINTS_MAX)
    value = 70 + 10 * min(specificity, 3) - penalty
    if any(f.severity is Severity.error for f in findings):
        value = min(value, _ERROR_CAP)
    return max(0, min(100, round(value)))


register_rules()
__all__ = ["LAYERS", "REGISTRY", "analyze_answer", "analyze_text", "example_cases", "score"]
