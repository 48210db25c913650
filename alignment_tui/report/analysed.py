"""Run the profile analysis for the report and the diff (imported lazily: it is heavy)."""

from __future__ import annotations

from datetime import date

from alignment_tui.analysis.findings import ProfileResult
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.profile import Profile


def analyse(profile: Profile, lang: str, today: date | None = None) -> ProfileResult:
    """The analysis of ``profile`` with its messages in ``lang``."""

    return analyze_profile(profile, today=today, ui_lang=lang)
