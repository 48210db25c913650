"""Short stable ids made from names (personas, axes, KPIs), the same in the TUI and plain mode."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from alignment_tui.model.typed_base import fold


def slug(text: str) -> str:
    """A short id from a name: "Urban walkers" → "urban-walkers" (accents dropped)."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return words[:40].rstrip("-")


def unique_ids(wanted: list[str], fallback: str) -> list[str]:
    """Each id made unique in order ("walkers", "walkers-2"); a blank becomes ``fallback-N``
    (N its place in the list)."""
    seen: set[str] = set()
    out: list[str] = []
    for index, raw in enumerate(wanted, start=1):
        base = slug(raw) or f"{fallback}-{index}"
        candidate, n = base, 2
        while candidate in seen:
            candidate, n = f"{base}-{n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return out


DUPLICATE_ID = "duplicate_id"  # the pydantic error type of two KPIs sharing an id


def fill_kpi_ids(kpis: Sequence[Any]) -> None:
    """Give each named KPI without an id one made from its name ("weekly-pre-orders"),
    unique among the others ("-2"); ids already given are kept, so a rename keeps its id.

    ``kpis`` are models, or raw TOML tables (the migration of version 1 files; anything
    else in the list is left for validation to report).
    """
    taken = {ident for kpi in kpis if (ident := _get(kpi, "id")) and isinstance(ident, str)}
    for index, kpi in enumerate(kpis, start=1):
        name, ident = _get(kpi, "name"), _get(kpi, "id")
        if ident or not isinstance(name, str) or not name.strip():
            continue
        base = slug(name) or f"kpi-{index}"
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        if isinstance(kpi, dict):
            kpi["id"] = candidate
        else:
            kpi.id = candidate


def check_unique_ids(kpis: Sequence[Any]) -> None:
    """Two KPIs sharing an id (a hand edit) raise ``PydanticCustomError`` naming it."""
    seen: set[str] = set()
    for kpi in kpis:
        ident = _get(kpi, "id")
        if isinstance(ident, str) and ident:
            if ident in seen:
                raise PydanticCustomError(DUPLICATE_ID, "two KPIs have the id {id}", {"id": ident})
            seen.add(ident)


def _get(kpi: Any, key: str) -> Any:
    if isinstance(kpi, dict):
        return kpi.get(key, "")
    return getattr(kpi, key, "") if isinstance(kpi, BaseModel) else ""
