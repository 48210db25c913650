"""Scores 0–100 per answer, per layer and overall, from findings (formula in the README)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from statistics import fmean

from alignment_tui.analysis.findings import Finding, Severity
from alignment_tui.analysis.structure import rulebook


@cache
def _weights(prefix: str) -> dict[Severity, int]:
    params = rulebook().params
    return {s: int(params[f"{prefix}penalty_{s.value}"]) for s in Severity}


def clamp(value: float) -> int:
    return max(0, min(100, round(value)))


def penalty(findings: Iterable[Finding], *, align: bool = False) -> int:
    """Points taken off by ``findings``: per answer, or off the overall score for align.*."""
    weights = _weights("align_" if align else "")
    return sum(weights[Severity(f.severity)] for f in findings)


def answer_score(text_scores: list[int], findings: Iterable[Finding]) -> int:
    """The mean score of the answer's texts (100 without text) minus its other findings.

    An answer that still has an error scores at most ``error_cap``, as a text does.
    """
    found = list(findings)
    base = fmean(text_scores) if text_scores else 100.0
    value = clamp(base - penalty(found))
    if any(Severity(f.severity) is Severity.error for f in found):
        value = min(value, int(rulebook().params["error_cap"]))
    return value


def layer_score(answer_scores: list[int]) -> int:
    """The mean of the layer's answer scores (0 for a layer with nothing to score)."""
    return clamp(fmean(answer_scores)) if answer_scores else 0


def overall_score(layer_scores: Iterable[int], align_findings: Iterable[Finding]) -> int:
    """The alignment score: the mean of the six layers minus what the align.* rules found."""
    scores = list(layer_scores)
    base = fmean(scores) if scores else 0.0
    return clamp(base - penalty(align_findings, align=True))
