"""What plain mode reads out after an answer: the analysis findings located on that answer."""

from __future__ import annotations

from alignment_tui.analysis.findings import Finding
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.answers import get_answer
from alignment_tui.model.bank import Question
from alignment_tui.model.profile import Profile


def _under(where: str, field: str) -> bool:
    return where == field or where.startswith((f"{field}.", f"{field}["))


def findings_for(profile: Profile, question: Question, lang: str) -> list[Finding]:
    """The findings on the answer to ``question`` (waived and disabled ones left out)."""
    if question.field is None:
        return _custom_findings(profile, question, lang)
    field = question.field
    result = analyze_profile(profile, ui_lang=lang)
    return [f for f in result.findings if _under(f.where, field)]


def _custom_findings(profile: Profile, question: Question, lang: str) -> list[Finding]:
    """A custom bank's question (stored in ``answers``): its text read on its own."""
    try:
        from alignment_tui.analysis.text import analyze_answer  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return []
    value = get_answer(profile, question)
    texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
    found: list[Finding] = []
    off = set(profile.settings.disabled_rules)
    for text in texts:
        if text.strip():
            result = analyze_answer(
                text, question.layer, field=f"answers.{question.id}", ui_lang=lang
            )
            found.extend(f for f in result.findings if f.rule_id not in off)
    return found


def overall_score(profile: Profile, lang: str) -> int:
    """The profile's alignment score, 0–100."""
    return int(analyze_profile(profile, ui_lang=lang).score)
