"""Waivers: a coach or respondent accepts one finding (rule + field path) with a reason."""

from __future__ import annotations

from collections.abc import Iterable

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.model.profile import Profile, Waiver, now_utc


def covers(waiver: Waiver, finding: Finding) -> bool:
    """Does ``waiver`` accept ``finding``? Same rule, and the same field or a field inside it."""
    if waiver.rule != finding.rule_id:
        return False
    where, target = finding.where, waiver.where
    return where == target or where.startswith((target + ".", target + "["))


def split_waived(
    findings: Iterable[Finding], waivers: list[Waiver]
) -> tuple[list[Finding], list[Finding], set[int]]:
    """(findings kept, findings waived, indices of the waivers that matched something)."""
    kept: list[Finding] = []
    waived: list[Finding] = []
    used: set[int] = set()
    for finding in findings:
        hits = [i for i, w in enumerate(waivers) if covers(w, finding)]
        if hits:
            waived.append(finding)
            used.update(hits)
        else:
            kept.append(finding)
    return kept, waived, used


def prune_waivers(profile: Profile, result: ProfileResult) -> list[Waiver]:
    """Remove from ``profile`` the waivers whose finding is gone; return what was removed."""
    dropped = set(result.dropped_waivers)
    removed = [w for w in profile.waivers if (w.rule, w.where) in dropped]
    if removed:
        profile.waivers = [w for w in profile.waivers if (w.rule, w.where) not in dropped]
    return removed


def add_waiver(profile: Profile, finding: Finding, reason: str, by: str = "respondent") -> Waiver:
    """Waive ``finding`` in ``profile`` (replacing an earlier waiver of the same finding)."""
    waiver = Waiver.model_validate(
        {
            "rule": finding.rule_id,
            "where": finding.where,
            "reason": reason,
            "by": by,
            "at": now_utc(),
        }
    )
    others = [w for w in profile.waivers if (w.rule, w.where) != (waiver.rule, waiver.where)]
    profile.waivers = [*others, waiver]
    return waiver
