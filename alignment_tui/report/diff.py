"""Compare two profiles layer by layer: answers added, removed, reworded; scores; findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from dataclasses import field as _field  # Change has an attribute named `field`
from enum import Enum
from typing import Any

from pydantic import BaseModel

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.model.answers import is_empty
from alignment_tui.model.kinds import custom_path
from alignment_tui.model.paths import answer_fields, get_field
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.model.typed import HorizonUnit, format_horizon, format_item
from alignment_tui.report.diff_checkins import CheckinChange, compare_checkins
from alignment_tui.report.fields import (
    RECORDS,
    ROW_KEYS,
    axis_names,
    field_layer,
    format_percent,
    format_scalar,
    persona_names,
    row_key,
    row_title,
)
from alignment_tui.report.words import DIFF_STEPS, WordOp, norm, pair, shared_budget, word_diff

OTHER = "other"  # the group of custom answers, which belong to no layer
_SIMILAR_ROW = 0.6
_SIMILAR_ITEM = 0.45


@dataclass
class Change:
    """One answer (or one cell of a row) that differs between the two profiles.

    ``kind`` is ``added``, ``removed``, ``reworded`` (free text, with ``words``) or
    ``changed`` (a number, date, choice or reference). ``path`` is the field path in the
    new profile (the old one for a removal); ``row`` the row's name and ``column`` the
    cell for structured answers.
    """

    kind: str
    field: str
    path: str
    old: str | None = None
    new: str | None = None
    row: str | None = None
    column: str | None = None
    old_path: str | None = None
    words: list[WordOp] = _field(default_factory=list)


@dataclass(frozen=True)
class ScoreDelta:
    path: str
    old: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass
class LayerDiff:
    layer: str
    changes: list[Change] = field(default_factory=list)
    score_old: int | None = None
    score_new: int | None = None
    answer_scores: list[ScoreDelta] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    waived: list[Finding] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)
    # New in this version and already waived in it: the reader should know it was accepted
    # rather than never there.
    new_waived: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@dataclass
class ProfileDiff:
    """The whole comparison; ``unfollowed`` is the layer that changed while layers below
    it (``stale``) did not."""

    layers: list[LayerDiff]
    score_old: int | None = None
    score_new: int | None = None
    unfollowed: str | None = None
    stale: list[str] = field(default_factory=list)
    meta_old: dict[str, str] = field(default_factory=dict)
    meta_new: dict[str, str] = field(default_factory=dict)
    # The coach's private notes that changed, by question id; ``None`` unless asked for.
    notes: list[Change] | None = None
    # The KPIs' readings added, removed or changed (not answers: the plan is the same).
    checkins: list[CheckinChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(layer.changed for layer in self.layers)

    def layer(self, name: str) -> LayerDiff:
        return next(item for item in self.layers if item.layer == name)


def _compare_value(
    changes: list[Change],
    name: str,
    old_path: str,
    new_path: str,
    a: Any,
    b: Any,
    lang: str,
    row: str | None = None,
    column: str | None = None,
    names: tuple[dict[str, str], dict[str, str]] = ({}, {}),
    prose: bool = True,
) -> None:
    """Record how ``a`` became ``b``; ``prose=False`` for text that is a value as shown
    (an amount, a duration): it changed, it was not reworded."""
    if a == b or (is_empty(a) and is_empty(b)):
        return
    if column in _REFERENCES and isinstance(a, str) and isinstance(b, str):
        # A persona or an axis is named, not reworded: show each side's name.
        a, b = names[0].get(a, a), names[1].get(b, b)
        if a == b:
            return
        kind = "added" if not a else "removed" if not b else "changed"
        changes.append(
            Change(
                kind,
                path=old_path if kind == "removed" else new_path,
                old=a or None,
                new=b or None,
                old_path=old_path,
                field=name,
                row=row,
                column=column,
            )
        )
        return
    if is_empty(a):
        changes.append(
            Change(
                "added",
                path=new_path,
                new=_show(b, lang, column),
                field=name,
                row=row,
                column=column,
            )
        )
    elif is_empty(b):
        changes.append(
            Change(
                "removed",
                path=old_path,
                old=_show(a, lang, column),
                field=name,
                row=row,
                column=column,
            )
        )
    elif isinstance(a, str) and isinstance(b, str) and prose:
        if norm(a) == norm(b) and a.strip() == b.strip():
            return
        changes.append(
            Change(
                "reworded",
                path=new_path,
                old=a,
                new=b,
                old_path=old_path,
                words=word_diff(a, b),
                field=name,
                row=row,
                column=column,
            )
        )
    else:
        changes.append(
            Change(
                "changed",
                path=new_path,
                old=_show(a, lang, column),
                new=_show(b, lang, column),
                old_path=old_path,
                field=name,
                row=row,
                column=column,
            )
        )


_REFERENCES = ("persona", "axis")
# Lists inside a row compared on their own: a KPI's check-ins are readings, not its plan.
_OWN_LISTS = ("checkins",)


def _show(value: Any, lang: str, column: str | None = None) -> str:
    if column == "budget_share" and isinstance(value, float):
        return format_percent(value, lang)
    if isinstance(value, BaseModel):
        return row_title(value)
    if isinstance(value, list):
        return ", ".join(_show(v, lang) for v in value if not is_empty(v))
    if isinstance(value, Enum):  # a choice: its label, not its id ("self_image")
        return format_scalar(value, lang)
    return value if isinstance(value, str) else format_scalar(value, lang)


def _names(profile: Profile) -> dict[str, str]:
    """Persona and axis ids → names, so that a diff speaks of them as the reader does."""
    return {**axis_names(profile), **persona_names(profile)}


def _compare_rows(
    changes: list[Change],
    moves: dict[str, str],
    name: str,
    a: list[BaseModel],
    b: list[BaseModel],
    lang: str,
    names: tuple[dict[str, str], dict[str, str]] = ({}, {}),
) -> None:
    keys_a = [row_key(name, r) for r in a]
    keys_b = [row_key(name, r) for r in b]
    pairs, gone, fresh = pair(keys_a, keys_b, _SIMILAR_ROW)
    for i, j in sorted(pairs.items(), key=lambda p: p[1]):
        old_row, new_row = f"{name}[{i}]", f"{name}[{j}]"
        moves[old_row] = new_row
        title = row_title(b[j])
        for column in type(b[j]).model_fields:
            if column in _OWN_LISTS:
                continue
            _compare_value(
                changes,
                name,
                f"{old_row}.{column}",
                f"{new_row}.{column}",
                getattr(a[i], column),
                getattr(b[j], column),
                lang,
                row=title,
                column=column,
                names=names,
            )
    # A row that comes or goes is shown whole: "60 → 150 loaves a day — 30 June 2027 — …".
    for i in sorted(gone):
        if not is_empty(a[i]):
            shown = _row_text(a[i], lang, names[0])
            changes.append(Change("removed", name, f"{name}[{i}]", old=shown, row=row_title(a[i])))
    for j in sorted(fresh):
        if not is_empty(b[j]):
            shown = _row_text(b[j], lang, names[1])
            changes.append(Change("added", name, f"{name}[{j}]", new=shown, row=row_title(b[j])))


def _row_text(row: BaseModel, lang: str, names: dict[str, str]) -> str:
    """A whole row on one line, without its name (the change's label already says it)."""
    text = format_item(row, lang, names)
    return text.removeprefix(row_title(row) + " — ")


def _compare_items(
    changes: list[Change], moves: dict[str, str], name: str, a: list[Any], b: list[Any], lang: str
) -> None:
    old = [_show(v, lang) for v in a]
    new = [_show(v, lang) for v in b]
    pairs, gone, fresh = pair(old, new, _SIMILAR_ITEM)
    for i, j in sorted(pairs.items(), key=lambda p: p[1]):
        moves[f"{name}[{i}]"] = f"{name}[{j}]"
        _compare_value(changes, name, f"{name}[{i}]", f"{name}[{j}]", old[i], new[j], lang)
    for i in sorted(gone):
        if old[i].strip():
            changes.append(Change("removed", name, f"{name}[{i}]", old=old[i]))
    for j in sorted(fresh):
        if new[j].strip():
            changes.append(Change("added", name, f"{name}[{j}]", new=new[j]))


def compare_answers(
    old: Profile, new: Profile, lang: str
) -> tuple[dict[str, list[Change]], dict[str, str]]:
    """Changes grouped by layer (``other`` for custom answers) and the old→new row moves."""
    groups: dict[str, list[Change]] = {layer: [] for layer in (*LAYERS, OTHER)}
    moves: dict[str, str] = {}
    names = (_names(old), _names(new))
    for name in answer_fields():
        a, b = get_field(old, name), get_field(new, name)
        bucket = groups[field_layer(name) or OTHER]
        if name in ROW_KEYS:
            _compare_rows(bucket, moves, name, a, b, lang, names)
        elif name in RECORDS:
            # A budget is one amount: "£6,000 a year → £9,000 a year", not three cells.
            was, now = format_item(a, lang), format_item(b, lang)
            _compare_value(bucket, name, name, name, was, now, lang, prose=False)
        elif name.endswith((".horizon_years", ".horizon_months")):
            unit: HorizonUnit = "years" if name.endswith("years") else "months"
            was, now = (format_horizon(v, unit, lang) if isinstance(v, int) else "" for v in (a, b))
            _compare_value(bucket, name, name, name, was, now, lang, prose=False)
        elif name == "vision.beneficiaries":
            # ids mean little to a reader: each side's persona by its name
            _compare_items(bucket, moves, name, _named(a, old), _named(b, new), lang)
        elif isinstance(a, list):
            _compare_items(bucket, moves, name, a, b, lang)
        else:
            _compare_value(bucket, name, name, name, a, b, lang)
    for qid in sorted(old.answers.keys() | new.answers.keys()):
        path = custom_path(qid)
        _compare_value(
            groups[OTHER], path, path, path, old.answers.get(qid), new.answers.get(qid), lang
        )
    return groups, moves


def _named(ids: list[str], profile: Profile) -> list[str]:
    names = persona_names(profile)
    return [names.get(i, i) for i in ids]


def map_path(path: str, moves: dict[str, str]) -> str:
    """An old profile's field path in the new profile's numbering (rows may have moved)."""
    for old, new in moves.items():
        if path == old or path.startswith((old + ".", old + "[")):
            return new + path[len(old) :]
    return path


def _finding_key(f: Finding, where: str) -> tuple[str, str, str]:
    return (f.rule_id, where, norm(f.text))


def _finding_changes(
    old: list[Finding], new: list[Finding], moves: dict[str, str]
) -> tuple[list[Finding], list[Finding]]:
    """Findings gone from the old profile (fixed) and findings the new one brought."""
    old_keys = Counter(_finding_key(f, map_path(f.where, moves)) for f in old)
    new_keys = Counter(_finding_key(f, f.where) for f in new)
    fixed_left = old_keys - new_keys
    new_left = new_keys - old_keys
    fixed: list[Finding] = []
    for f in old:
        key = _finding_key(f, map_path(f.where, moves))
        if fixed_left[key] > 0:
            fixed_left[key] -= 1
            fixed.append(f)
    fresh: list[Finding] = []
    for f in new:
        key = _finding_key(f, f.where)
        if new_left[key] > 0:
            new_left[key] -= 1
            fresh.append(f)
    return fixed, fresh


def _group_of(path: str) -> str:
    return field_layer(path) or OTHER


def diff_profiles(
    old: Profile,
    new: Profile,
    *,
    old_result: ProfileResult | None = None,
    new_result: ProfileResult | None = None,
    lang: str = "en",
    notes: bool = False,
) -> ProfileDiff:
    """Compare ``old`` with ``new``; scores and findings are compared when results are given.

    The coach's notes are private: they are compared only when ``notes`` is true.
    """
    with shared_budget(DIFF_STEPS):
        groups, moves = compare_answers(old, new, lang)
        layers = [LayerDiff(name, changes=groups[name]) for name in (*LAYERS, OTHER)]
        out = ProfileDiff(layers=layers, checkins=compare_checkins(old, new, moves))
        if notes:
            out.notes = []
            for qid in sorted(old.notes.keys() | new.notes.keys()):
                a, b = old.notes.get(qid, ""), new.notes.get(qid, "")
                _compare_value(out.notes, qid, qid, qid, a, b, lang)
    for side, profile in ((out.meta_old, old), (out.meta_new, new)):
        for key in ("organisation", "respondent", "coach"):
            side[key] = getattr(profile.meta, key)
        stamp = profile.meta.updated or profile.meta.created
        side["updated"] = stamp.date().isoformat() if stamp else ""
    if old_result is not None and new_result is not None:
        _add_scores(out, old_result, new_result, moves)
    changed = [layer for layer in LAYERS if out.layer(layer).changed]
    if changed and changed[0] != LAYERS[-1]:
        top = changed[0]
        below = LAYERS[LAYERS.index(top) + 1 :]
        stale = [layer for layer in below if layer not in changed]
        if stale:
            out.unfollowed, out.stale = top, stale
    return out


def _add_scores(
    out: ProfileDiff, a: ProfileResult, b: ProfileResult, moves: dict[str, str]
) -> None:
    out.score_old, out.score_new = a.score, b.score
    for layer in out.layers:
        layer.score_old = a.layer_scores.get(layer.layer)
        layer.score_new = b.layer_scores.get(layer.layer)
    old_scores = {map_path(path, moves): score for path, score in a.answer_scores.items()}
    for path in sorted(old_scores.keys() | b.answer_scores.keys()):
        before, after = old_scores.get(path), b.answer_scores.get(path)
        if before != after:
            out.layer(_group_of(path)).answer_scores.append(ScoreDelta(path, before, after))
    fixed, fresh = _finding_changes(a.findings, b.findings, moves)
    # A finding the new profile waives is still there: accepted with a reason, not fixed.
    waived_now = Counter(_finding_key(f, f.where) for f in b.waived)
    for f in fixed:
        key = _finding_key(f, map_path(f.where, moves))
        layer = out.layer(_group_of(map_path(f.where, moves)))
        if waived_now[key] > 0:
            waived_now[key] -= 1
            layer.waived.append(f)
        else:
            layer.fixed.append(f)
    for f in fresh:
        out.layer(_group_of(f.where)).new.append(f)
    seen = Counter(_finding_key(f, map_path(f.where, moves)) for f in (*a.findings, *a.waived))
    for f in b.waived:
        key = _finding_key(f, f.where)
        if seen[key] > 0:
            seen[key] -= 1
        else:
            out.layer(_group_of(f.where)).new_waived.append(f)
