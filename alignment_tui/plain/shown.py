"""Answers as plain mode reads them out: text as is, one item or row per line, typed values
written as people of the language write them."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from alignment_tui.i18n import t
from alignment_tui.model import typed
from alignment_tui.model.kinds import horizon_unit
from alignment_tui.plain.console import Console


def describe(value: Any, console: Console) -> list[str]:
    """An answer as lines a person reads: text as is, one item or row per line."""
    if isinstance(value, Enum):
        return [_cell(value, "", console.lang)]
    if isinstance(value, str):
        return value.splitlines() or [""]
    if isinstance(value, list):
        lines: list[str] = []
        for item in value:
            shown = describe(item, console)
            lines.extend(f"- {line}" for line in shown[:1])
            lines.extend(f"  {line}" for line in shown[1:])
        return lines
    if isinstance(value, BaseModel):
        parts = []
        for name in type(value).model_fields:
            cell = getattr(value, name)
            if cell is not None and cell != "" and cell != []:
                label = console.tr(f"key.{name}") + console.tr("colon")
                parts.append(label + _cell(cell, name, console.lang))
        return ["; ".join(parts)]
    return [_cell(value, "", console.lang)]


def _cell(value: Any, name: str, lang: str) -> str:
    """A stored value written as people of ``lang`` write it."""
    if isinstance(value, Enum):
        return t(f"plain.{type(value).__name__.lower()}.{value.value}", lang)
    if isinstance(value, date):
        return typed.format_deadline(value, lang)
    if name == "budget_share" and isinstance(value, int | float):
        return typed.format_share(float(value), lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return typed.format_number(value, lang)
    return str(value)


def horizon(value: int, field: str | None, lang: str) -> str:
    """A horizon in months or years, as people of ``lang`` say it."""
    return typed.format_horizon(value, horizon_unit(field), lang)
