"""Waivers: a coach or respondent accepts one finding (rule, field and words) with a reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.model.profile import Profile, Waiver, now_utc


def words(text: str) -> str:
    """Words compared as a person compares them: case and spacing do not matter."""
    return " ".join(text.casefold().split())


def occurrences(findings: Iterable[Finding]) -> dict[int, int]:
    """``id(finding)`` → which occurrence (1, 2…) of the same rule, field and words it is,
    counted from the start of the text, so that the second "world-class" in one answer is
    a finding of its own."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.rule_id, f.where, words(f.text)), []).append(f)
    out: dict[int, int] = {}
    for group in groups.values():
        group.sort(key=lambda f: f.start if f.start is not None else -1)
        for n, f in enumerate(group, 1):
            out[id(f)] = n
    return out


def covers(waiver: Waiver, finding: Finding, occurrence: int = 1) -> bool:
    """Does ``waiver`` accept ``finding`` (the ``occurrence``-th of its words in its field)?

    A waiver that names its words covers exactly that finding: same rule, same field,
    same words, same occurrence; the same words said again, or other words flagged by the
    same rule, are new findings. A waiver without words (written before waivers recorded
    them, or by hand) covers its rule on its field and on the fields inside it.
    """
    if waiver.rule != finding.rule_id:
        return False
    where, target = finding.where, waiver.where
    if not waiver.text:
        return where == target or where.startswith((target + ".", target + "["))
    return (
        where == target
        and words(waiver.text) == words(finding.text)
        and (waiver.occurrence or 1) == occurrence
    )


def split_waived(
    findings: Iterable[Finding], waivers: Sequence[Waiver]
) -> tuple[list[Finding], list[Finding], set[int]]:
    """(findings kept, findings waived, indices of the waivers that matched something)."""
    every = list(findings)
    nth = occurrences(every)
    kept: list[Finding] = []
    waived: list[Finding] = []
    used: set[int] = set()
    for finding in every:
        hits = [i for i, w in enumerate(waivers) if covers(w, finding, nth[id(finding)])]
        if hits:
            waived.append(finding)
            used.update(hits)
        else:
            kept.append(finding)
    return kept, waived, used


def waived_ids(findings: Iterable[Finding], waivers: Sequence[Waiver]) -> set[int]:
    """``id()`` of the findings that ``waivers`` cover."""
    _, waived, _ = split_waived(findings, waivers)
    return {id(f) for f in waived}


@dataclass(frozen=True)
class WaiverState:
    """A waiver of the profile and the finding it covers now (``None``: its words are gone)."""

    index: int
    waiver: Waiver
    finding: Finding | None

    @property
    def stale(self) -> bool:
        return self.finding is None


def waiver_states(profile: Profile, result: ProfileResult) -> list[WaiverState]:
    """Every waiver of ``profile`` with the waived finding it matches in ``result``.

    A waiver of a rule the profile's settings turned off is not stale: it matches nothing
    because the rule does not run, and will match again if the rule is turned back on.
    """
    every = [*result.findings, *result.waived]
    nth = occurrences(every)
    dropped = set(result.dropped_waivers)
    states: list[WaiverState] = []
    for i, waiver in enumerate(profile.waivers):
        match = next((f for f in result.waived if covers(waiver, f, nth[id(f)])), None)
        if match is None and (waiver.rule, waiver.where) not in dropped:
            continue  # a disabled rule's waiver: nothing to show as found or stale
        states.append(WaiverState(i, waiver, match))
    return states


def prune_waivers(profile: Profile, result: ProfileResult) -> list[Waiver]:
    """Remove from ``profile`` the waivers whose finding is gone; return what was removed."""
    stale = {s.index for s in waiver_states(profile, result) if s.stale}
    removed = [w for i, w in enumerate(profile.waivers) if i in stale]
    if removed:
        profile.waivers = [w for i, w in enumerate(profile.waivers) if i not in stale]
    return removed


def remove_waiver(profile: Profile, waiver: Waiver) -> bool:
    """Take a waiver back: its finding counts again. ``False`` when it was not there."""
    kept = [w for w in profile.waivers if w != waiver]
    if len(kept) == len(profile.waivers):
        return False
    profile.waivers = kept
    return True


def occurrence_of(finding: Finding, among: Iterable[Finding]) -> int:
    """Which occurrence of its words ``finding`` is among the findings of one analysis."""
    key = (finding.rule_id, finding.where, words(finding.text))
    starts = sorted(
        f.start if f.start is not None else -1
        for f in among
        if (f.rule_id, f.where, words(f.text)) == key
    )
    own = finding.start if finding.start is not None else -1
    return starts.index(own) + 1 if own in starts else 1


def add_waiver(
    profile: Profile,
    finding: Finding,
    reason: str,
    by: str = "respondent",
    *,
    among: Iterable[Finding] = (),
) -> Waiver:
    """Waive ``finding`` in ``profile`` (replacing an earlier waiver of the same finding).

    ``among`` are the findings (kept and waived) of the analysis the finding comes from:
    they tell which occurrence of the same words it is (only a second or later one is
    written to the file).
    """
    nth = occurrence_of(finding, among)
    waiver = Waiver.model_validate(
        {
            "rule": finding.rule_id,
            "where": finding.where,
            "text": finding.text,
            "occurrence": nth if nth > 1 else None,
            "reason": reason,
            "by": by,
            "at": now_utc(),
        }
    )
    profile.waivers = [*(w for w in profile.waivers if _key(w) != _key(waiver)), waiver]
    return waiver


def _key(w: Waiver) -> tuple[str, str, str, int]:
    return (w.rule, w.where, words(w.text), w.occurrence or 1)
