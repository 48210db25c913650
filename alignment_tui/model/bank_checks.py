"""Bank checks pydantic cannot make alone, and its errors put in a bank author's words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from pydantic import ValidationError

from alignment_tui.model.kinds import KINDS, custom_kinds
from alignment_tui.model.paths import answer_fields, get_field, layer_of, set_field
from alignment_tui.model.profile import Profile


class _Option(Protocol):
    @property
    def value(self) -> str: ...


class Checked(Protocol):
    """What the checks read of a question (the bank's ``Question`` has it): no import back."""

    @property
    def kind(self) -> str: ...
    @property
    def field(self) -> str | None: ...
    @property
    def options(self) -> Sequence[_Option]: ...
    @property
    def options_from(self) -> str | None: ...
    @property
    def multiple(self) -> bool: ...


# A problem before it is placed in a file: (key, message code, message parameters).
Found = tuple[str, str, dict[str, Any]]


# Structured fields and the one kind of editor that can fill them.
_STRUCTURED: dict[str, str] = {
    "personas": "personas",
    "values.items": "values",
    "strategy.axes": "axes",
    "objectives.kpis": "kpis",
    "execution.channels": "channels",
    "execution.budget": "budget",
}
_CUSTOM_KINDS = custom_kinds()  # what profile.answers can hold: a string or strings


def coherence(q: Checked, layer: str | None) -> list[Found]:
    """What pydantic cannot see alone: the field, and whether the kind can fill it."""
    found: list[Found] = []
    if q.kind == "choice" and not q.options and q.options_from is None:
        found.append(("options", "no_options", {}))
    if q.kind != "choice" and (q.options or q.options_from or q.multiple):
        found.append(("kind", "options_not_choice", {}))
    if q.options_from and q.options:
        found.append(("options", "options_twice", {}))
    values = [o.value for o in q.options]
    if len(set(values)) != len(values):
        found.append(("options", "duplicate_option", {}))
    if q.field is None:
        if q.kind not in _CUSTOM_KINDS:
            found.append(
                ("kind", "custom_kind", {"kind": q.kind, "kinds": ", ".join(_CUSTOM_KINDS)})
            )
        return found
    if q.field not in answer_fields():
        found.append(("field", "unknown_field", {"field": q.field}))
        return found
    home = layer_of(q.field)
    if home is not None and layer is not None and home != layer:
        found.append(("field", "wrong_layer", {"field": q.field, "layer": home}))
    kinds = fitting_kinds(q.field)
    if q.kind not in kinds:
        found.append(("kind", "kind_mismatch", {"field": q.field, "kinds": ", ".join(kinds)}))
    elif q.kind == "choice":
        is_list = isinstance(get_field(Profile(), q.field), list)
        if q.multiple != is_list:
            found.append(("multiple", "multiple_true" if is_list else "multiple_false", {}))
        for i, option in enumerate(q.options):
            if not _accepts(q.field, [option.value] if is_list else option.value):
                params = {"value": option.value, "field": q.field}
                found.append((f"options[{i}].value", "bad_option", params))
    return found


def fitting_kinds(path: str) -> tuple[str, ...]:
    """The question kinds able to fill the profile field ``path``."""
    if path in _STRUCTURED:
        return (_STRUCTURED[path],)
    if path.rsplit(".", 1)[-1] in ("horizon_years", "horizon_months"):
        return ("horizon",)
    if path == "vision.benefits":
        return ("choice",)
    if isinstance(get_field(Profile(), path), list):
        return ("list", "choice")
    return ("text", "choice")


def _accepts(path: str, value: Any) -> bool:
    try:
        set_field(Profile(), path, value)
    except (ValidationError, ValueError):
        return False
    return True


_PYDANTIC_CODES = {
    "missing": "missing_key",
    "extra_forbidden": "unknown_key",
    "blank": "blank",
    "string_pattern_mismatch": "bad_id",
    "string_type": "want_text",
    "int_type": "want_int",
    "int_parsing": "want_int",
    "int_from_float": "want_int",
    "bool_type": "want_bool",
    "bool_parsing": "want_bool",
    "list_type": "want_list",
    "greater_than_equal": "want_more",
}
_TABLES = {"Localized": "want_localized", "LocalizedList": "want_localized_list"}


def from_pydantic(prefix: str | None, exc: ValidationError) -> list[Found]:
    """Pydantic's errors as (key, code, params), in the words a bank author needs."""
    found: list[Found] = []
    for error in exc.errors():
        loc = [str(part) if not isinstance(part, int) else f"[{part}]" for part in error["loc"]]
        key = ".".join([prefix, *loc] if prefix else loc).replace(".[", "[") or prefix or ""
        kind = error["type"]
        last = loc[-1] if loc else ""
        ctx = error.get("ctx", {})
        params: dict[str, Any] = {"detail": error["msg"]}
        if kind in ("missing", "blank") and last in ("fr", "en"):
            code, params = "missing_translation", {"lang": last}
        elif kind == "literal_error" and loc == ["kind"]:
            code = "unknown_kind"
            params = {"value": str(error.get("input")), "kinds": ", ".join(KINDS)}
        elif kind == "literal_error":
            code = "not_one_of"
            params = {
                "value": str(error.get("input")),
                "expected": str(ctx.get("expected", "")).replace(" or ", ", "),
            }
        elif loc and loc[0] == "probes" and kind == "too_short":
            code = "few_probes"
        elif kind in ("model_type", "dict_type"):
            code = _TABLES.get(str(ctx.get("class_name", "")), "want_table")
        elif kind == "greater_than_equal":
            code, params = "want_more", {"limit": ctx.get("ge", 0)}
        else:
            code = _PYDANTIC_CODES.get(kind, "invalid")
        found.append((key, code, params))
    return found
