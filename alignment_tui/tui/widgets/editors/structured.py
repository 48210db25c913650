"""Structured answers: values, personas, axes, KPIs, channels, budget, horizons and choices."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.widgets import Input

from alignment_tui.i18n import t
from alignment_tui.model.ids import unique_ids
from alignment_tui.model.profile import Axis, Branch, Cadence, Channel, Kpi, Persona, ValueItem
from alignment_tui.tui.widgets.editors.base import EditorContext
from alignment_tui.tui.widgets.editors.cells import Column
from alignment_tui.tui.widgets.editors.fields import BudgetEditor, ChoiceEditor, HorizonEditor
from alignment_tui.tui.widgets.editors.row import Row
from alignment_tui.tui.widgets.editors.rows import RowsEditor

__all__ = [
    "AxesEditor",
    "BudgetEditor",
    "ChannelsEditor",
    "ChoiceEditor",
    "HorizonEditor",
    "KpisEditor",
    "PersonasEditor",
    "ValuesEditor",
]


def _branches(context: EditorContext) -> list[tuple[str, str]]:
    return [(t(f"editors.branch.{b.value}", context.lang), b.value) for b in Branch]


def _cadences(context: EditorContext) -> list[tuple[str, str]]:
    return [(t(f"editors.cadence.{c.value}", context.lang), c.value) for c in Cadence]


def _axes(context: EditorContext) -> list[tuple[str, str]]:
    return [(name or ident, ident) for ident, name in context.axes if ident]


def _personas(context: EditorContext) -> list[tuple[str, str]]:
    return [(name or ident, ident) for ident, name in context.personas if ident]


class ValuesEditor(RowsEditor):
    """Values: a name, what it means here, the behaviour or decision it drives."""

    KINDS: ClassVar[tuple[str, ...]] = ("values",)
    MODEL = ValueItem
    ADD_KEY = "values"
    MIN_CELL = 32  # sentences: one per line unless the terminal is wide
    COLUMNS = (
        Column("name", placeholder="name"),
        Column("meaning", placeholder="meaning"),
        Column("behaviour", placeholder="behaviour"),
    )


class _NamedIdsEditor(RowsEditor):
    """Rows other answers refer to by id: the id comes from the name when left empty."""

    MIN_CELL = 22
    FALLBACK: ClassVar[str]

    def build(self, rows: list[Row]) -> list[Any]:
        kept = [row for row in rows if not row.is_blank()]
        wanted = [str(row.data.get("id") or row.data.get("name") or "") for row in kept]
        ids = unique_ids(wanted, self.FALLBACK)
        items = []
        for row, ident in zip(kept, ids, strict=True):
            items.append(self.MODEL.model_validate({**row.model_data(self.MODEL), "id": ident}))
            if not row.data.get("id"):
                for cell in row.query(Input):
                    if cell.name == "id":
                        cell.placeholder = t("editors.id_derived", self.lang, id=ident)
        return items


class PersonasEditor(_NamedIdsEditor):
    """The people served: who they are, a short id other answers link to, a description."""

    KINDS: ClassVar[tuple[str, ...]] = ("personas",)
    MODEL = Persona
    ADD_KEY = "personas"
    FALLBACK = "persona"
    COLUMNS = (
        Column("name", label="persona_name", placeholder="persona_name"),
        Column("id", placeholder="id"),
        Column("description", placeholder="persona_description"),
    )


class AxesEditor(_NamedIdsEditor):
    """Strategic axes, which KPIs link to."""

    KINDS: ClassVar[tuple[str, ...]] = ("axes",)
    MODEL = Axis
    ADD_KEY = "axes"
    FALLBACK = "axis"
    COLUMNS = (
        Column("name", label="axis_name", placeholder="axis_name"),
        Column("id", placeholder="id"),
        Column("description", placeholder="axis_description"),
    )


class KpisEditor(RowsEditor):
    """KPI rows: name, branch, baseline, target, unit, deadline, cadence, owner, linked axis."""

    KINDS: ClassVar[tuple[str, ...]] = ("kpis",)
    MODEL = Kpi
    ADD_KEY = "kpis"
    MIN_CELL = 16
    COLUMNS = (
        Column("name", label="kpi_name", placeholder="kpi_name"),
        Column("branch", kind="select", options=_branches),
        Column("axis", kind="select", options=_axes, names="axes"),
        Column("baseline", kind="measure", placeholder="baseline"),
        Column("target", kind="measure", placeholder="target"),
        Column("unit", placeholder="unit"),
        Column("deadline", kind="deadline", placeholder="deadline"),
        Column("cadence", kind="select", options=_cadences),
        Column("owner", placeholder="owner"),
    )


class ChannelsEditor(RowsEditor):
    """Channels: name, the persona reached, timing, share of the budget."""

    KINDS: ClassVar[tuple[str, ...]] = ("channels",)
    MODEL = Channel
    ADD_KEY = "channels"
    MIN_CELL = 16
    COLUMNS = (
        Column("name", label="channel_name", placeholder="channel_name"),
        Column("persona", kind="select", options=_personas, names="personas"),
        Column("timing", placeholder="timing"),
        Column("budget_share", kind="share", placeholder="budget_share"),
    )
