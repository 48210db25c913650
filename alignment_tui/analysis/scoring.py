"""The one scoring policy: 0–100 per answer, per layer and overall, with its weights in
``data/scoring.toml`` (the formula is in docs/analysis.md, "The three scores")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from statistics import fmean

from pydantic import BaseModel, ConfigDict

from alignment_tui.analysis.data import builtin, builtin_table, validate
from alignment_tui.analysis.findings import Finding, Severity


class _Weights(BaseModel):
    model_config = ConfigDict(extra="forbid")
    error: float
    warning: float
    info: float

    def of(self, severity: Severity) -> float:
        return float(getattr(self, Severity(severity).value))


class _Answer(_Weights):
    base: float
    per_detail: float
    details_counted: int
    info_max: float
    repeat_divisor: float
    error_cap: float


class _Field(_Weights):
    error_cap: float


class _Policy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: _Answer
    field: _Field
    align: _Weights


@cache
def policy() -> _Policy:
    return validate(_Policy, builtin_table("scoring.toml"), builtin("data", "scoring.toml"))


def clamp(value: float) -> int:
    return max(0, min(100, round(value)))


def text_score(findings: Sequence[Finding], specificity: int) -> int:
    """One text answer's score: its detail raises it, its findings lower it."""
    w = policy().answer
    seen: dict[str, int] = {}
    penalty = 0.0
    hints = 0.0
    for f in findings:
        weight = w.of(f.severity) / (w.repeat_divisor if seen.get(f.rule_id) else 1)
        seen[f.rule_id] = seen.get(f.rule_id, 0) + 1
        if f.severity is Severity.info:
            hints += weight
        else:
            penalty += weight
    penalty += min(hints, w.info_max)
    value = w.base + w.per_detail * min(specificity, w.details_counted) - penalty
    if any(f.severity is Severity.error for f in findings):
        value = min(value, w.error_cap)
    return clamp(value)


def penalty(findings: Iterable[Finding], *, align: bool = False) -> float:
    """Points taken off by ``findings``: per answer, or off the overall score for align.*."""
    weights = policy().align if align else policy().field
    return sum(weights.of(f.severity) for f in findings)


def answer_score(text_scores: list[int], findings: Iterable[Finding]) -> int:
    """The mean score of the answer's texts (100 without text) minus its other findings.

    An answer that still has an error scores at most the error cap, as a text does.
    """
    found = list(findings)
    base = fmean(text_scores) if text_scores else 100.0
    value = clamp(base - penalty(found))
    if any(Severity(f.severity) is Severity.error for f in found):
        value = min(value, int(policy().field.error_cap))
    return value


def layer_score(answer_scores: list[int]) -> int:
    """The mean of the layer's answer scores (0 for a layer with nothing to score)."""
    return clamp(fmean(answer_scores)) if answer_scores else 0


def overall_score(layer_scores: Iterable[int], align_findings: Iterable[Finding]) -> int:
    """The alignment score: the mean of the six layers minus what the align.* rules found."""
    scores = list(layer_scores)
    base = fmean(scores) if scores else 0.0
    return clamp(base - penalty(align_findings, align=True))
