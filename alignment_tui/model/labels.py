"""How an answer's field path is named for a person, and where its layer stands."""

from __future__ import annotations

from alignment_tui.i18n import lookup
from alignment_tui.model.paths import answer_fields, layer_of
from alignment_tui.model.profile import LAYERS

# Personas are named for the vision's beneficiaries, so they sit with the vision.
HOME_LAYER = {"personas": "vision"}


def field_layer(path: str) -> str | None:
    """The layer of a field path, with personas counted in the vision."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    return layer_of(path) or HOME_LAYER.get(head)


def layer_rank(path: str) -> int:
    """Position of a path's layer from the top (0 = values); unknown layers come last."""
    layer = field_layer(path)
    return LAYERS.index(layer) if layer in LAYERS else len(LAYERS)


def field_label(path: str, lang: str) -> str:
    """A short human name for an answer field (``vision.statement`` → "Vision statement")."""
    if path.startswith("answers."):
        return path[len("answers.") :]  # a custom question: its id is its name
    return lookup(f"report.field.{path}", lang) or path


def column_label(name: str, lang: str) -> str:
    return lookup(f"report.col.{name}", lang) or name


def owner_field(path: str) -> str:
    """The answer field a path belongs to: ``objectives.kpis[2].target`` → ``objectives.kpis``."""
    for name in sorted(answer_fields(), key=len, reverse=True):
        if path == name or path.startswith((name + "[", name + ".")):
            return name
    if path.startswith("answers."):
        return path
    return path.split("[", 1)[0]
