"""The check-ins two versions of a profile differ by: readings added, removed, changed.

Check-ins are readings, not the plan: they are listed on their own, not as changes of the
objectives layer. A KPI is followed by its id (kept when it is renamed), else by the row
the answers' comparison paired it with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.checkins import measure_text
from alignment_tui.model.profile import CheckIn, Kpi, Profile
from alignment_tui.report.fields import colon, quoted


@dataclass(frozen=True)
class CheckinChange:
    """``kind`` is ``added``, ``removed`` or ``changed``; ``path`` is the KPI's in the new
    profile (the old one's when the KPI is gone)."""

    kind: str
    kpi: str  # the KPI's name as the newer side writes it
    path: str
    day: date
    old: CheckIn | None
    new: CheckIn | None
    unit: str = ""


def _paired(old: list[Kpi], new: list[Kpi], moves: dict[str, str]) -> dict[int, int]:
    """New KPI index → old KPI index: by id first, else as the rows were paired."""
    by_id = {k.id: i for i, k in enumerate(old) if k.id}
    rows = {new_path: old_path for old_path, new_path in moves.items()}
    out: dict[int, int] = {}
    for j, kpi in enumerate(new):
        if kpi.id and kpi.id in by_id:
            out[j] = by_id[kpi.id]
            continue
        was = rows.get(f"objectives.kpis[{j}]", "")
        if was.startswith("objectives.kpis[") and was.endswith("]"):
            out[j] = int(was[len("objectives.kpis[") : -1])
    return out


def compare_checkins(old: Profile, new: Profile, moves: dict[str, str]) -> list[CheckinChange]:
    """Every reading added, removed or changed, KPI by KPI in the new profile's order,
    oldest day first. A KPI gone takes its readings with it (its row's removal says it)."""
    a, b = old.objectives.kpis, new.objectives.kpis
    pairs = _paired(a, b, moves)
    out: list[CheckinChange] = []
    for j, kpi in enumerate(b):
        before = {c.date: c for c in a[pairs[j]].checkins} if j in pairs else {}
        after = {c.date: c for c in kpi.checkins}
        name, path = kpi.name or kpi.id, f"objectives.kpis[{j}]"
        for day in sorted(before.keys() | after.keys()):
            was, now = before.get(day), after.get(day)
            if was == now:
                continue
            kind = "added" if was is None else "removed" if now is None else "changed"
            out.append(CheckinChange(kind, name, path, day, was, now, kpi.unit))
    return out


def reading_text(c: CheckIn, unit: str, lang: str) -> str:
    """A reading on one line: « 152 commandes — en bonne voie — « le flyer a marché » »."""

    parts = [measure_text(c.value, unit, lang)]
    if c.confidence is not None:
        parts.append(t(f"checkin.confidence.{c.confidence.value}", lang))
    if c.comment.strip():
        parts.append(quoted(c.comment.strip(), lang))
    return " — ".join(parts)


def checkin_lines(changes: list[CheckinChange], lang: str) -> list[str]:
    """The text diff's section (none when no reading changed)."""

    if not changes:
        return []
    lines = [t("diff.checkins.title", lang, count=len(changes))]
    sign = {"added": "+", "removed": "-", "changed": "~"}
    for c in changes:
        head = f"  {sign[c.kind]} {c.kpi} › {format_date(c.day, lang)}{colon(lang)}"
        if c.kind == "changed":
            assert c.old is not None and c.new is not None
            was, now = (reading_text(x, c.unit, lang) for x in (c.old, c.new))
            lines.append(f"{head}{was} → {now}")
        else:
            reading = c.new if c.new is not None else c.old
            assert reading is not None
            lines.append(
                f"{head}{t(f'diff.kind.{c.kind}', lang)}, {reading_text(reading, c.unit, lang)}"
            )
    return [*lines, ""]


def checkin_json(c: CheckinChange) -> dict[str, Any]:
    """One change as the JSON diff gives it (values as numbers, days in ISO)."""

    def side(x: CheckIn | None) -> dict[str, Any] | None:
        if x is None:
            return None
        confidence = x.confidence.value if x.confidence else None
        return {"value": x.value, "confidence": confidence, "comment": x.comment}

    return {
        "kind": c.kind,
        "kpi": c.kpi,
        "path": c.path,
        "date": c.day.isoformat(),
        "old": side(c.old),
        "new": side(c.new),
    }
