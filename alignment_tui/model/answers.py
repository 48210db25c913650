"""Read and write a question's answer in a profile, and count what is answered."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, TypeAdapter

from alignment_tui.model.bank import Bank, Question
from alignment_tui.model.paths import get_field, set_field
from alignment_tui.model.profile import Answer, Profile

_CUSTOM = TypeAdapter(Answer)


def _empty(question: Question) -> Any:
    return [] if question.kind == "list" or question.multiple else ""


def get_answer(profile: Profile, question: Question) -> Any:
    """The value at the question's field, or ``profile.answers[id]`` for a custom question."""
    if question.field is not None:
        return get_field(profile, question.field)
    return profile.answers.get(question.id, _empty(question))


def set_answer(profile: Profile, question: Question, value: Any) -> None:
    """Store ``value`` for ``question``; the model validates it (``ValidationError``)."""
    if question.field is not None:
        set_field(profile, question.field, value)
        return
    answers = dict(profile.answers)
    if has_content(value):
        answers[question.id] = _CUSTOM.validate_python(value)
    else:
        # An emptied custom answer leaves no trace in the file.
        answers.pop(question.id, None)
    profile.answers = answers


def has_content(value: Any) -> bool:
    """Does ``value`` hold anything a person wrote (not only blanks or defaults)?"""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | set):
        return any(has_content(v) for v in value)
    if isinstance(value, dict):
        return any(has_content(v) for v in value.values())
    if isinstance(value, BaseModel):
        return any(has_content(getattr(value, name)) for name in type(value).model_fields)
    return isinstance(value, int | float | date)


def is_empty(value: Any) -> bool:
    """Nothing a person wrote: ``None``, blanks, or rows and models holding only those."""
    return not has_content(value)


def is_answered(profile: Profile, question: Question) -> bool:
    return has_content(get_answer(profile, question))


def layer_completion(profile: Profile, bank: Bank, layer: str) -> tuple[int, int]:
    """(required questions answered, required questions) in one layer of ``bank``."""
    layer_bank = bank.layer(layer)
    if layer_bank is None:
        return (0, 0)
    required = [q for q in layer_bank.questions if q.required]
    return (sum(is_answered(profile, q) for q in required), len(required))
