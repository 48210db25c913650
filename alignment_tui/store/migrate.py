"""Upgrades of profile data written by older versions of the program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alignment_tui.model.ids import fill_kpi_ids
from alignment_tui.model.profile import SCHEMA_VERSION
from alignment_tui.store.errors import ProfileError

Data = dict[str, Any]


def _v1_to_v2(data: Data) -> Data:
    """Version 2 adds KPI ids, check-ins and the history: each named KPI gets its id from
    its name; nothing else changes (no check-in, no history yet)."""
    objectives = data.get("objectives")
    if isinstance(objectives, dict) and isinstance(objectives.get("kpis"), list):
        kpis = [dict(k) if isinstance(k, dict) else k for k in objectives["kpis"]]
        fill_kpi_ids([k for k in kpis if isinstance(k, dict)])
        data["objectives"] = {**objectives, "kpis": kpis}
    return data


# MIGRATIONS[n] turns data of schema_version n into data of schema_version n + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: _v1_to_v2}


def migrate(data: Data, path: Path) -> Data:
    """Bring ``data`` up to the current schema version, one step at a time."""

    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ProfileError("not_profile", path)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProfileError("old_version", path, version=version)
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data
