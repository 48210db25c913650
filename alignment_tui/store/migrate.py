"""Upgrades of profile data written by older versions of the program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alignment_tui.model.profile import SCHEMA_VERSION

Data = dict[str, Any]

# MIGRATIONS[n] turns data of schema_version n into data of schema_version n + 1.
# Version 1 is the first: there is nothing to upgrade yet.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


def migrate(data: Data, path: Path) -> Data:
    """Bring ``data`` up to the current schema version, one step at a time."""
    from alignment_tui.store.errors import ProfileError

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
