"""``analyze_profile``: every answer, the structured fields and the links between layers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from alignment_tui.analysis import coherence, pace, packs, registry
from alignment_tui.analysis.data import resettable
from alignment_tui.analysis.findings import Finding, ProfileResult, TextResult
from alignment_tui.analysis.lang import detect_lang
from alignment_tui.analysis.scoring import answer_score, layer_score, overall_score, text_score
from alignment_tui.analysis.structure import Context, known_rules
from alignment_tui.analysis.text import analyze_answer, skipped
from alignment_tui.analysis.waivers import split_waived, waived_ids
from alignment_tui.model import kinds
from alignment_tui.model.answers import has_content
from alignment_tui.model.bank import BankError, load_bank
from alignment_tui.model.paths import answer_fields, layer_of, value_at
from alignment_tui.model.profile import LAYERS, Profile

# Sub-fields of structured answers that hold prose worth reading (names and ids are labels).
_PROSE = ("meaning", "behaviour", "description")
_ORDER = {"values": 0, "personas": 1, "vision": 2, "mission": 3, "strategy": 4}
_ORDER |= {"objectives": 5, "execution": 6}
_ = (coherence, pace)  # their checks register themselves on import


@dataclass(frozen=True)
class Spec:
    """What the bank says about one answer field."""

    field: str
    layer: str
    required: bool = False
    min_words: int | None = None
    max_words: int | None = None
    expect: tuple[str, ...] = ()
    off: tuple[str, ...] = ()
    scored: bool = True  # horizons and plain choices are settings, not answers to judge
    prose: bool = True  # holds text written by a person (not ids, options or numbers)


def bank_key(profile: Profile) -> str:
    """Which bank a profile was answered with: ``builtin`` or its folder (``meta.bank``)."""
    return profile.meta.bank.strip() or "builtin"


@cache
def answer_specs(bank: str = "builtin") -> tuple[Spec, ...]:
    """One spec per answer, from the profile's bank (the built-in one when ``bank`` is
    ``builtin`` or cannot be read; plain defaults without any): its fields, and the
    custom questions' answers as ``answers.ID``."""
    specs: dict[str, Spec] = {}
    try:
        try:
            questions = load_bank(None if bank == "builtin" else bank).questions()
        except BankError:
            questions = load_bank().questions()
        for q in questions:
            field = q.path
            if field in specs:
                continue
            rules, kind = q.rules, kinds.spec(q.kind)
            specs[field] = Spec(
                field,
                q.layer,
                q.required,
                rules.min_words,
                rules.max_words,
                tuple(str(e) for e in rules.expect),
                tuple(rules.off),
                q.required or kind.judged,
                kind.prose,
            )
    except Exception:  # a broken bank must not stop the analysis
        specs = {}
    for path in answer_fields():
        if path not in specs:
            plain = "horizon" in path or path in ("vision.benefits", "vision.beneficiaries")
            specs[path] = Spec(path, layer_of(path) or "vision", scored=not plain, prose=not plain)
    return tuple(specs.values())


@dataclass(frozen=True)
class Leaf:
    """One piece of prose in the profile, with the answer it belongs to."""

    path: str
    text: str
    spec: Spec
    whole: bool  # the answer itself (its question's rules apply), not a part of a row


def leaves(profile: Profile, values: dict[str, Any] | None = None) -> Iterator[Leaf]:
    """The prose of ``profile`` (``values``: its answers by field, when already read)."""
    for spec in answer_specs(bank_key(profile)):
        if not spec.prose:
            continue
        value = value_at(profile, spec.field) if values is None else values[spec.field]
        if isinstance(value, str):
            if value.strip():
                yield Leaf(spec.field, value, spec, True)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str) and item.strip():
                    yield Leaf(f"{spec.field}[{i}]", item, spec, True)
                elif isinstance(item, BaseModel):
                    for sub in _PROSE:
                        text = getattr(item, sub, None)
                        if isinstance(text, str) and text.strip():
                            yield Leaf(f"{spec.field}[{i}].{sub}", text, spec, False)


@resettable
@lru_cache(maxsize=8192)
def _analyse(
    text: str,
    layer: str,
    field: str,
    ui_lang: str,
    today: date,
    min_words: int | None,
    max_words: int | None,
    expect: tuple[str, ...],
    off: tuple[str, ...],
    disabled: tuple[str, ...],
    accepted: tuple[str, ...],
) -> TextResult:
    """The text analysis of one answer (the one place that calls it); cached by content."""
    return analyze_answer(
        text,
        layer,
        field=field,
        ui_lang=ui_lang,
        today=today,
        min_words=min_words,
        max_words=max_words,
        expect=expect,
        off=off,
        disabled=disabled,
        accepted_terms=accepted,
    )


def profile_lang(profile: Profile) -> str:
    """The profile's language, else the language most of its answers are written in."""
    if profile.lang:
        return profile.lang
    text = " ".join(leaf.text for leaf in leaves(profile))
    if not text.strip():
        return "en"
    return detect_lang(text)


@cache
def _field_rank() -> dict[str, int]:
    return {spec.field: i for i, spec in enumerate(answer_specs())}


def _sort_key(finding: Finding) -> tuple[Any, ...]:
    parts: list[Any] = []
    for piece in finding.where.replace("]", "").split("."):
        name, _, index = piece.partition("[")
        parts.append((name, int(index) if index.isdigit() else -1))
    head = parts[0][0] if parts else ""
    start = finding.start if finding.start is not None else -1
    ranks = _field_rank()
    owner = _answer_of(finding.where, list(ranks))
    rank = ranks[owner] if owner is not None else len(ranks)
    return (_ORDER.get(head, 9), rank, parts, start, finding.rule_id, finding.message)


def _answer_of(path: str, fields: list[str]) -> str | None:
    for name in fields:
        if path == name or path.startswith((name + ".", name + "[")):
            return name
    return None


def analyze_profile(
    profile: Profile, *, today: date | None = None, ui_lang: str | None = None
) -> ProfileResult:
    """Analyse a whole profile: findings located by field path, waivers applied, scores.

    Messages are in ``ui_lang``, else the profile's language (detected when unset).
    """
    today = today or date.today()
    lang = ui_lang if ui_lang in packs.codes() else profile_lang(profile)
    settings = profile.settings
    off_rules = tuple(r.strip() for r in settings.disabled_rules if r.strip())
    accepted = tuple(sorted(t.strip() for t in settings.accepted_terms if t.strip()))
    waivers = profile.waivers

    specs = answer_specs(bank_key(profile))
    values = {s.field: value_at(profile, s.field) for s in specs}  # read once, used twice
    text_findings: list[Finding] = []
    text_scores: dict[str, list[int]] = {}
    prose: list[tuple[str, str]] = []
    for leaf in leaves(profile, values):
        prose.append((leaf.path, leaf.text))
        spec = leaf.spec
        rules = (
            (spec.min_words, spec.max_words, spec.expect, spec.off)
            if leaf.whole
            else (0, None, (), ())
        )
        args = (leaf.text, spec.layer, spec.field, lang, today, *rules)
        result = _analyse(*args, off_rules, accepted)
        found = [
            dataclasses.replace(f, where=leaf.path, related=list(f.related))
            for f in result.findings
        ]
        score = result.score
        covered = waived_ids(found, waivers)
        counted = [f for f in found if id(f) not in covered]
        if len(counted) != len(result.findings):
            # Waived findings do not count: the same findings scored without them
            # (analysing again with those rules off could bring back other findings they
            # had covered, and lower the score a waiver is meant to raise).
            score = text_score(counted, result.specificity)
        text_findings.extend(found)
        text_scores.setdefault(spec.field, []).append(score)

    ctx = Context(profile, lang, today, tuple(s.field for s in specs if s.required), tuple(prose))
    other = [
        f
        for rule_id, check in registry.checks_of("profile")
        if not skipped(rule_id, off_rules)
        for f in check(ctx)
    ]
    # A field that a precise rule already flags needs no "missing" on top, and a layer
    # with no core at all needs no "required answer missing" for the same field.
    gaps = ("profile.missing", "profile.core_missing")
    flagged = {f.where for f in other if f.rule_id not in gaps}
    cores = {f.where for f in other if f.rule_id == "profile.core_missing"}
    other = [
        f
        for f in other
        if f.rule_id not in gaps
        or (f.where not in flagged and (f.rule_id != "profile.missing" or f.where not in cores))
    ]
    everything = sorted(text_findings + other, key=_sort_key)
    kept, waived, used = split_waived(everything, waivers)
    known = known_rules()
    dropped = [
        (w.rule, w.where)
        for i, w in enumerate(waivers)
        if i not in used and not (skipped(w.rule, off_rules) and w.rule in known)
    ]

    # Scores: per answer (text scores and the structural findings located in it), per
    # layer (mean of its answers), overall (mean of the layers minus the align.* findings).
    fields = [s.field for s in specs]
    from_text = {id(f) for f in text_findings}
    per_answer: dict[str, list[Finding]] = {}
    for f in kept:
        if f.rule_id.startswith("align.") or id(f) in from_text:
            continue
        owner = _answer_of(f.where, fields)
        if owner is not None:
            per_answer.setdefault(owner, []).append(f)
    answer_scores: dict[str, int] = {}
    by_layer: dict[str, list[int]] = {layer: [] for layer in LAYERS}
    for spec in specs:
        if not has_content(values[spec.field]):
            if not spec.required:
                continue
            score = 0
        else:
            score = answer_score(text_scores.get(spec.field, []), per_answer.get(spec.field, []))
        answer_scores[spec.field] = score
        if spec.scored:
            by_layer.setdefault(spec.layer, []).append(score)
    layer_scores = {layer: layer_score(by_layer[layer]) for layer in LAYERS}
    aligned = [f for f in kept if f.rule_id.startswith("align.")]
    return ProfileResult(
        findings=kept,
        waived=waived,
        score=overall_score(layer_scores.values(), aligned),
        layer_scores=layer_scores,
        answer_scores=answer_scores,
        dropped_waivers=dropped,
    )
