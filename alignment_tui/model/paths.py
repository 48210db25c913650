"""Field paths such as ``objectives.kpis[2].deadline``: list, read and write them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel

from alignment_tui.model.profile import LAYERS, Profile

_PART = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?$")

# Sections of the profile that hold bookkeeping rather than answers (``history`` is
# the record of past periods, not this period's answers).
_NOT_ANSWERS = {"schema_version", "lang", "meta", "settings", "answers", "waivers", "notes"}
_NOT_ANSWERS |= {"history"}


@cache
def answer_fields() -> tuple[str, ...]:
    """Every field a question may fill: each layer's own fields, plus ``personas``."""
    fields: list[str] = []
    for name, info in Profile.model_fields.items():
        if name in _NOT_ANSWERS:
            continue
        if name in LAYERS:
            section = info.annotation
            assert isinstance(section, type) and issubclass(section, BaseModel)
            fields.extend(f"{name}.{sub}" for sub in section.model_fields)
        else:
            fields.append(name)
    return tuple(fields)


def layer_of(path: str) -> str | None:
    """The layer a field path belongs to (``personas`` belongs to none)."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    return head if head in LAYERS else None


def split_path(path: str) -> list[tuple[str, int | None]]:
    parts: list[tuple[str, int | None]] = []
    for piece in path.split("."):
        match = _PART.match(piece)
        if match is None:
            raise KeyError(path)
        index = match.group(2)
        parts.append((match.group(1), int(index) if index is not None else None))
    return parts


def get_field(obj: Any, path: str) -> Any:
    """Read the value at ``path``; ``KeyError`` when it names nothing."""
    current = obj
    for name, index in split_path(path):
        if isinstance(current, dict):
            if name not in current:
                raise KeyError(path)
            current = current[name]
        elif isinstance(current, BaseModel) and name in type(current).model_fields:
            current = getattr(current, name)
        else:
            raise KeyError(path)
        if index is not None:
            if not isinstance(current, list) or index >= len(current):
                raise KeyError(path)
            current = current[index]
    return current


def set_field(obj: Any, path: str, value: Any) -> None:
    """Write ``value`` at ``path`` (validated by the model)."""
    parts = split_path(path)
    parent_path = ".".join(f"{n}[{i}]" if i is not None else n for n, i in parts[:-1])
    parent = get_field(obj, parent_path) if parent_path else obj
    name, index = parts[-1]
    if index is not None:
        target = getattr(parent, name)
        target[index] = value
        setattr(parent, name, target)
    elif isinstance(parent, dict):
        parent[name] = value
    else:
        if name not in type(parent).model_fields:
            raise KeyError(path)
        setattr(parent, name, value)


def value_at(profile: Any, path: str) -> Any:
    """The answer at ``path``: a field path, or ``answers.ID`` for a custom question (whose
    id may itself hold dots); ``None`` when there is none."""
    if path.startswith("answers."):
        return profile.answers.get(path.removeprefix("answers."))
    try:
        return get_field(profile, path)
    except KeyError:
        return None


def is_known_field(path: str) -> bool:
    """Does ``path`` name a field of a profile model (layer field or personas)?"""
    return path in answer_fields()
