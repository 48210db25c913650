"""The most valuable fixes: severity first, then what the score would gain, then the layer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.profile import Profile, Waiver
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


@dataclass(frozen=True, order=True)
class Gain:
    """What fixing a finding would add: to the alignment score, to the six layer scores
    together (finer: a layer can gain a point that the overall score rounds away), and to
    the score of the finding's own answer."""

    overall: int
    layers: int
    answer: int


def gain(
    profile: Profile,
    result: ProfileResult,
    finding: Finding,
    *,
    today: date | None = None,
    lang: str | None = None,
) -> Gain:
    """Score the profile as if ``finding`` were fixed and compare.

    "Fixed" means the rule no longer fires on that field; it is scored exactly as a
    waived finding is (which counts in no score), so the gain is what the analysis
    itself would give, coherence findings and the error cap included.
    """

    trial = profile.model_copy(
        update={"waivers": [*profile.waivers, Waiver(rule=finding.rule_id, where=finding.where)]}
    )
    after = analyze_profile(trial, today=today, ui_lang=lang)
    owner = answer_score(finding.where, result.answer_scores)
    owner_after = answer_score(finding.where, after.answer_scores)
    return Gain(
        after.score - result.score,
        sum(after.layer_scores.values()) - sum(result.layer_scores.values()),
        (owner_after or 0) - (owner or 0) if owner is not None else 0,
    )


def top_fixes(
    result: ProfileResult,
    profile: Profile,
    n: int = 5,
    *,
    today: date | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """The ``n`` findings worth fixing first, one per rule and field path.

    Errors first (they fail ``check``), then warnings, then hints; within a severity, the
    fix that raises the profile's score most; at equal gain, the layer nearer the top
    (everything below depends on it). ``today`` and ``lang`` must be those ``result`` was
    analysed with.
    """
    seen: set[tuple[str, str]] = set()
    distinct: list[Finding] = []
    for finding in result.findings:
        key = (finding.rule_id, finding.where)
        if key not in seen:
            seen.add(key)
            distinct.append(finding)
    out: list[Finding] = []
    for level in sorted({_SEVERITY.get(str(f.severity), 0) for f in distinct}, reverse=True):
        if len(out) >= n:
            break
        tier = [f for f in distinct if _SEVERITY.get(str(f.severity), 0) == level]
        gains = {id(f): gain(profile, result, f, today=today, lang=lang) for f in tier}
        tier.sort(key=lambda f: _tie_break(f, gains[id(f)]))
        out.extend(tier[: n - len(out)])
    return out


def _tie_break(f: Finding, g: Gain) -> tuple[int, int, int, int, str, str, int]:
    return (
        -g.overall,
        -g.layers,
        -g.answer,
        layer_rank(f.where),
        f.where,
        f.rule_id,
        f.start if f.start is not None else -1,
    )
