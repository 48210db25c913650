"""The most valuable fixes: severity first, then layer from the top, then score impact."""

from __future__ import annotations

from collections.abc import Mapping

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.report.fields import layer_rank

_SEVERITY = {"error": 2, "warning": 1, "info": 0}


def answer_score(where: str, scores: Mapping[str, int]) -> int | None:
    """The score of the answer holding ``where``: its own, else the closest enclosing one."""
    path = where
    while path:
        if path in scores:
            return scores[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def impact(finding: Finding, scores: Mapping[str, int]) -> int:
    """What fixing the finding could gain: the points its answer is missing (0–100)."""
    score = answer_score(finding.where, scores)
    return 0 if score is None else 100 - score


def rank_key(finding: Finding, scores: Mapping[str, int]) -> tuple[int, int, int, str, str, int]:
    """Sort key: worst severity, highest layer (values first), biggest impact, then stable."""
    return (
        -_SEVERITY.get(str(finding.severity), 0),
        layer_rank(finding.where),
        -impact(finding, scores),
        finding.where,
        finding.rule_id,
        finding.start if finding.start is not None else -1,
    )


def top_fixes(result: ProfileResult, n: int = 5) -> list[Finding]:
    """The ``n`` findings worth fixing first, one per rule and field path.

    Everything below a layer depends on it, so at equal severity a vague vision comes
    before a vague channel; the same rule firing twice on one answer is one fix.
    """
    seen: set[tuple[str, str]] = set()
    out: list[Finding] = []
    for finding in sorted(result.findings, key=lambda f: rank_key(f, result.answer_scores)):
        key = (finding.rule_id, finding.where)
        if key in seen:
            continue
        seen.add(key)
        out.append(finding)
        if len(out) == n:
            break
    return out
