"""A profile's answers as labelled fields and rows, shared by the report and the diff."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from alignment_tui.formats import format_date, format_share
from alignment_tui.formats import format_number as written
from alignment_tui.i18n import lookup, t
from alignment_tui.model.answers import is_empty
from alignment_tui.model.kinds import custom_path
from alignment_tui.model.labels import column_label as column_label
from alignment_tui.model.labels import field_label as field_label
from alignment_tui.model.labels import field_layer as field_layer
from alignment_tui.model.labels import layer_rank as layer_rank
from alignment_tui.model.labels import owner_field as owner_field
from alignment_tui.model.paths import answer_fields, get_field
from alignment_tui.model.profile import Profile

# Structured lists and the keys that identify a row across two versions (first non-empty
# wins): people reorder rows and rename ids, but rarely change both the id and the name.
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "personas": ("id", "name"),
    "values.items": ("name",),
    "strategy.axes": ("id", "name"),
    "objectives.kpis": ("id", "name"),
    "execution.channels": ("name",),
}
# Fields that hold one model (not a list of rows).
RECORDS = ("execution.budget",)


def colon(lang: str) -> str:
    """The colon after a label: French sets a (no-break) space before it."""
    return "\u202f: " if lang == "fr" else ": "


def quoted(text: str, lang: str) -> str:
    """Words quoted the way each language quotes them."""
    return f"«\u00a0{text}\u00a0»" if lang == "fr" else f"“{text}”"


def format_number(value: float, lang: str) -> str:

    return written(value, lang)


def format_percent(share: float, lang: str) -> str:
    """A share of 1 as a percentage: "30%" in English, "30 %" in French."""

    return format_share(share, lang)


def format_scalar(value: Any, lang: str) -> str:
    """A non-text value as a person would read it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("report.yes" if value else "report.no", lang)
    if isinstance(value, Enum):
        return lookup(f"report.enum.{value.value}", lang) or str(value.value)
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


def row_key(field: str, row: BaseModel) -> str:
    """The identity of a row for matching: its id, else its name, normalised."""
    for key in ROW_KEYS.get(field, ("name",)):
        value = getattr(row, key, "")
        if isinstance(value, str) and value.strip():
            return " ".join(value.casefold().split())
    return ""


def row_title(row: BaseModel) -> str:
    """What a person calls a row: its name, else its id."""
    for key in ("name", "id"):
        value = getattr(row, key, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "?"


@dataclass(frozen=True)
class AnswerField:
    """One answer field of a profile with its value (only the filled ones are listed)."""

    path: str
    layer: str | None
    value: Any


def filled_fields(profile: Profile) -> list[AnswerField]:
    """Every answer field that holds something, in layer order, then custom answers."""
    out: list[AnswerField] = []
    for path in answer_fields():
        value = get_field(profile, path)
        if not is_empty(value):
            out.append(AnswerField(path, field_layer(path), value))
    out.sort(key=lambda a: layer_rank(a.path))
    for qid, answer in sorted(profile.answers.items()):
        if not is_empty(answer):
            out.append(AnswerField(custom_path(qid), None, answer))
    return out


def row_cells(
    row: BaseModel, lang: str, profile: Profile | None = None
) -> list[tuple[str, str, bool]]:
    """A row's filled cells as (column name, display text, is free text).

    With ``profile``, a reference to a persona or an axis shows its name.
    """
    names = {
        "persona": persona_names(profile) if profile else {},
        "axis": axis_names(profile) if profile else {},
    }
    cells: list[tuple[str, str, bool]] = []
    for name in type(row).model_fields:
        value = getattr(row, name)
        if is_empty(value):
            continue
        if isinstance(value, str) and not isinstance(value, Enum):
            shown = names.get(name, {}).get(value, value)
            cells.append((name, shown, name not in _CODES))
        elif name == "budget_share" and isinstance(value, float):
            cells.append((name, format_percent(value, lang), False))
        else:
            cells.append((name, format_scalar(value, lang), False))
    return cells


# Cells that hold references or codes, not prose the analysis reads.
_CODES = ("id", "persona", "axis", "currency", "unit")


def persona_names(profile: Profile) -> dict[str, str]:
    return {p.id: (p.name or p.id) for p in profile.personas if p.id}


def axis_names(profile: Profile) -> dict[str, str]:
    return {a.id: (a.name or a.id) for a in profile.strategy.axes if a.id}


_STEP = re.compile(r"\[(\d+)\]|\.([A-Za-z_][A-Za-z0-9_]*)")


def path_label(path: str, profile: Profile | None, lang: str) -> str:
    """A field path as a person reads it: "KPIs › Resoling subscriptions › Target"."""
    owner = owner_field(path)
    parts = [field_label(owner, lang)]
    rows: Any = None
    if profile is not None:
        try:
            rows = get_field(profile, owner)
        except KeyError:
            rows = None
    for index, column in _STEP.findall(path[len(owner) :]):
        if index:
            i = int(index)
            if isinstance(rows, list) and i < len(rows) and isinstance(rows[i], BaseModel):
                parts.append(row_title(rows[i]))
            else:
                parts.append(f"#{i + 1}")
            rows = None
        else:
            parts.append(column_label(column, lang))
    return " › ".join(parts)
