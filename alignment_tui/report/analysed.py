"""Run the profile analysis for the report and the diff (imported lazily: it is heavy)."""

from __future__ import annotations

from datetime import date

from alignment_tui.analysis.findings import ProfileResult
from alignment_tui.model.profile import Profile


def analyse(profile: Profile, today: date | None = None) -> ProfileResult | None:
    """The analysis of ``profile``, or ``None`` while this build has no profile analysis."""
    try:
        from alignment_tui.analysis import analyze_profile  # type: ignore[attr-defined]
    except ImportError:
        return None
    result: ProfileResult = analyze_profile(profile, today=today)
    return result
