"""What plain mode reads out after an answer: the analysis findings on that answer."""

from __future__ import annotations

from typing import Any, Protocol

from alignment_tui.model.answers import get_answer
from alignment_tui.model.bank import Question
from alignment_tui.model.profile import Profile


class FindingLike(Protocol):
    rule_id: str
    severity: Any
    text: str
    message: str
    suggestion: str


def _texts(value: Any, field: str) -> list[tuple[str, str]]:
    """Every piece of free text in an answer, with its field path."""
    if isinstance(value, str):
        return [(field, value)] if value.strip() else []
    if isinstance(value, list):
        out: list[tuple[str, str]] = []
        for i, item in enumerate(value):
            out.extend(_texts(item, f"{field}[{i}]"))
        return out
    if hasattr(value, "model_dump"):
        out = []
        for name in type(value).model_fields:
            if name != "id":
                out.extend(_texts(getattr(value, name), f"{field}.{name}"))
        return out
    return []


def findings_for(profile: Profile, question: Question, lang: str) -> list[FindingLike]:
    """The findings on the answer to ``question``, messages in ``lang`` (none if no analysis)."""
    try:
        from alignment_tui.analysis.text import analyze_answer  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return []
    field = question.field or f"answers.{question.id}"
    found: list[FindingLike] = []
    for where, text in _texts(get_answer(profile, question), field):
        result = analyze_answer(text, question.layer, field=where, ui_lang=lang)
        found.extend(result.findings)
    return found


def overall_score(profile: Profile) -> int | None:
    """The profile's alignment score, when the analysis is there to give one."""
    try:
        from alignment_tui.analysis import analyze_profile  # type: ignore[attr-defined]
    except ImportError:
        return None
    return int(analyze_profile(profile).score)
