"""The one registry of answer kinds: their row columns, typed parsers and answer paths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel

from alignment_tui.model import typed
from alignment_tui.model.profile import Axis, Channel, Kpi, Persona, ValueItem

Kind = Literal[
    "text", "list", "values", "personas", "axes", "kpis", "channels", "budget", "horizon", "choice"
]
KINDS: tuple[str, ...] = get_args(Kind)

# How one cell of a row is read. ``line``: free text; ``id``: an id other answers refer to
# (made from the name when left empty); ``unit``: free text a measure may also fill; the
# typed ones (``measure``, ``deadline``, ``share``) go through a parser; the last four pick
# from a list (the model's enums, or the profile's personas and axes).
How = Literal[
    "line", "id", "unit", "measure", "deadline", "share", "branch", "cadence", "persona", "axis"
]
# What a row editor draws for each: a text input, a typed input, or a drop-down.
CellKind = Literal["text", "measure", "deadline", "share", "money", "select"]
_CELL: dict[str, CellKind] = {
    "measure": "measure",
    "deadline": "deadline",
    "share": "share",
    "branch": "select",
    "cadence": "select",
    "persona": "select",
    "axis": "select",
}


@dataclass(frozen=True)
class Column:
    """One field of a row: its key in the model, how it is read, and its label keys
    (under ``editors.col`` and ``editors.placeholder``; the field name by default)."""

    key: str
    how: How = "line"
    label: str = ""
    placeholder: str | None = None  # None: the label's key; "": no placeholder

    @property
    def label_key(self) -> str:
        return self.label or self.key

    @property
    def placeholder_key(self) -> str:
        return self.label_key if self.placeholder is None else self.placeholder

    @property
    def cell(self) -> CellKind:
        return _CELL.get(self.how, "text")

    @property
    def names(self) -> Literal["", "personas", "axes"]:
        """The profile's list a drop-down offers, when it offers names given elsewhere."""
        return "personas" if self.how == "persona" else "axes" if self.how == "axis" else ""


@dataclass(frozen=True)
class KindSpec:
    """What every front end and the analysis need to know about one kind of answer."""

    kind: Kind
    columns: tuple[Column, ...] = ()  # a kind answered with rows: its fields, in order
    row: type[BaseModel] | None = None  # the model of one row
    id_fallback: str = ""  # rows others refer to by id: the id of a row with no name
    lines: bool | None = None  # typed in one text box: True when one item per line
    custom: bool = False  # a custom bank's question of this kind may go in ``answers``
    judged: bool = True  # an optional answer of this kind counts toward the scores
    prose: bool = True  # holds text a person wrote (not only ids, options or numbers)

    @property
    def rows(self) -> bool:
        return bool(self.columns)


REGISTRY: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec("text", lines=False, custom=True),
        KindSpec("list", lines=True, custom=True),
        KindSpec(
            "values",
            (Column("name"), Column("meaning"), Column("behaviour")),
            ValueItem,
        ),
        KindSpec(
            "personas",
            (
                Column("name", label="persona_name"),
                Column("id", "id"),
                Column("description", placeholder="persona_description"),
            ),
            Persona,
            id_fallback="persona",
        ),
        KindSpec(
            "axes",
            (
                Column("name", label="axis_name"),
                Column("id", "id"),
                Column("description", placeholder="axis_description"),
            ),
            Axis,
            id_fallback="axis",
        ),
        KindSpec(
            "kpis",
            (
                Column("name", label="kpi_name"),
                Column("branch", "branch", placeholder=""),
                Column("axis", "axis", placeholder=""),
                Column("baseline", "measure"),
                Column("target", "measure"),
                Column("unit", "unit"),
                Column("deadline", "deadline"),
                Column("cadence", "cadence", placeholder=""),
                Column("owner"),
            ),
            Kpi,
            prose=False,
        ),
        KindSpec(
            "channels",
            (
                Column("name", label="channel_name"),
                Column("persona", "persona", placeholder=""),
                Column("timing"),
                Column("budget_share", "share"),
            ),
            Channel,
            prose=False,
        ),
        KindSpec("budget", prose=False),
        KindSpec("horizon", judged=False, prose=False),
        KindSpec("choice", custom=True, judged=False, prose=False),
    )
}
assert tuple(REGISTRY) == KINDS  # one entry per kind, in the bank's order


def spec(kind: str) -> KindSpec:
    """The registry's entry for ``kind`` (``KeyError`` for a kind that does not exist)."""
    return REGISTRY[kind]


def custom_kinds() -> tuple[str, ...]:
    """The kinds a custom question (one with no ``field``) may have: ``answers`` holds text."""
    return tuple(k for k, s in REGISTRY.items() if s.custom)


# -- where an answer lives ----------------------------------------------------------------


def answer_path(field: str | None, qid: str) -> str:
    """The path of a question's answer in the profile: its field, or ``answers.ID`` for a
    custom question (whose id may itself hold dots)."""
    return field if field else custom_path(qid)


def custom_path(qid: str) -> str:
    return f"answers.{qid}"


def item_path(path: str, index: int, key: str = "") -> str:
    """A line of a list (``path[1]``) or a cell of a row (``path[2].target``)."""
    return f"{path}[{index}].{key}" if key else f"{path}[{index}]"


def inner_path(where: str, path: str) -> str | None:
    """What ``where`` points at inside the answer at ``path`` (``""`` for the whole
    answer, ``[2].target`` for a cell); ``None`` when it lies elsewhere."""
    if where == path:
        return ""
    if where.startswith(path) and where[len(path)] in ".[":
        return where[len(path) :]
    return None


def is_under(where: str, path: str) -> bool:
    """Does the field path ``where`` lie in the answer at ``path`` (or is it that answer)?"""
    return inner_path(where, path) is not None


# -- typed values ---------------------------------------------------------------------------


def _money(raw: str, lang: str) -> tuple[Any, str, str | None]:
    value = typed.parse_money(raw, lang)
    return value.amount, value.currency or "", value.period


_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "number": typed.parse_number,
    "measure": typed.parse_measure,
    "share": typed.parse_share,
    "deadline": lambda raw, lang: typed.parse_deadline(raw),
    "money": _money,
    "horizon_years": lambda raw, lang: typed.parse_horizon(raw, "years"),
    "horizon_months": lambda raw, lang: typed.parse_horizon(raw, "months"),
}


def horizon_unit(field: str | None) -> Literal["years", "months"]:
    """A horizon field counts months when its name says so (``…_months``), else years."""
    return "months" if field is not None and field.endswith("_months") else "years"


def parser_for(lang: str, how: str) -> Callable[[str], Any]:
    """A function reading one typed value (``measure``, ``deadline``, ``share``, ``money``,
    ``number``, ``horizon_years``, ``horizon_months``), raising ``ValueError`` with a
    message in ``lang``."""
    chosen = _PARSERS[how]

    def parse(raw: str) -> Any:
        try:
            return chosen(raw, lang)
        except typed.TypedValueError as exc:
            raise ValueError(exc.message(lang)) from None

    return parse
