"""Every rule the analysis can report, with its metadata, for the documents made from it."""

from __future__ import annotations

from alignment_tui.analysis.findings import REGISTRY, RuleInfo
from alignment_tui.analysis.registry import verify


def rule_registry() -> dict[str, RuleInfo]:
    """Every rule by id (title, what it catches, why, severity, examples), checked both ways.

    The one place the rules reference and the SARIF output read the registry from.
    """

    verify()
    return dict(REGISTRY)
