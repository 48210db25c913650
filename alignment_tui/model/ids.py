"""Short stable ids made from names (personas, axes), the same in the TUI and plain mode."""

from __future__ import annotations

import re

from alignment_tui.model.typed import fold


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
