"""The analysis: vagueness rules per answer and coherence rules across layers (no UI).

``analyze_text`` judges one free-text answer; ``analyze_profile`` judges a whole
profile, answer by answer and across layers (the ``align.*`` rules).
"""

from alignment_tui.analysis.findings import (
    REGISTRY,
    Finding,
    ProfileResult,
    RuleInfo,
    Severity,
    TextResult,
)
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.analysis.text import analyze_answer, analyze_text

__all__ = [
    "REGISTRY",
    "Finding",
    "ProfileResult",
    "RuleInfo",
    "Severity",
    "TextResult",
    "analyze_answer",
    "analyze_profile",
    "analyze_text",
]
