"""A profile diff as text (word changes as ``[-old-]{+new+}``) or as JSON."""

from __future__ import annotations

from datetime import date
from typing import Any

from alignment_tui.analysis.findings import Finding, rule_title
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.profile import Profile
from alignment_tui.report.diff import OTHER, Change, LayerDiff, ProfileDiff, ScoreDelta
from alignment_tui.report.diff_checkins import checkin_json, checkin_lines
from alignment_tui.report.fields import colon, column_label, field_label, path_label, quoted
from alignment_tui.report.words import WordOp

_SIGN = {"added": "+", "removed": "-", "reworded": "~", "changed": "~"}
_INDENT = "      "


def layer_name(layer: str, lang: str) -> str:
    return t(f"report.layer.{layer}", lang)


def delta_text(old: int | None, new: int | None) -> str:
    """``58 → 74 (+16)``; a missing side shows as a dash."""
    if old is None and new is None:
        return "–"
    left = "–" if old is None else str(old)
    right = "–" if new is None else str(new)
    if old is None or new is None:
        return f"{left} → {right}"
    diff = new - old
    return f"{left} → {right} ({'+' if diff > 0 else '±' if diff == 0 else '−'}{abs(diff)})"


def change_label(change: Change, lang: str) -> str:
    parts = [field_label(change.field, lang)]
    if change.row:
        parts.append(change.row)
    if change.column:
        parts.append(column_label(change.column, lang))
    return " › ".join(parts)


def words_text(words: list[WordOp]) -> str:
    out = []
    for w in words:
        if w.op == "delete":
            out.append(f"[-{w.text}-]")
        elif w.op == "insert":
            out.append(f"{{+{w.text}+}}")
        else:
            out.append(w.text)
    return "".join(out)


def _indent(text: str) -> str:
    return "\n".join(_INDENT + line for line in text.split("\n"))


def _change_lines(change: Change, lang: str) -> list[str]:
    label = change_label(change, lang)
    head = f"  {_SIGN[change.kind]} {label}{colon(lang)}{t(f'diff.kind.{change.kind}', lang)}"
    if change.kind == "reworded":
        return [head, _indent(words_text(change.words))]
    if change.kind == "changed":
        return [f"{head}{colon(lang)}{change.old} → {change.new}"]
    value = change.new if change.kind == "added" else change.old
    if value and value != change.row:
        return [head, _indent(value)]
    return [head]


def _tag(kind: str, lang: str) -> str:
    """ "fixed:", "waived:", "new:" padded to one width so the rule ids line up."""
    # "new, waived:" is rare and long: the three usual tags line up without it.
    width = max(len(t(f"diff.{k}_tag", lang)) for k in ("fixed", "waived", "new"))
    return t(f"diff.{kind}_tag", lang).ljust(width)


def _finding_line(f: Finding, tag: str, lang: str, profile: Profile | None) -> str:
    """A finding by its rule's title, as a person names it (the JSON keeps the rule id)."""
    where = path_label(f.where, profile, lang) if f.where else ""
    words = f" {quoted(f.text, lang)}" if f.text else ""
    severity = t(f"report.severity.{f.severity}", lang)
    return f"  {tag} {rule_title(f.rule_id, lang)} ({severity}){words} — {where}"


def _layer_lines(
    layer: LayerDiff, lang: str, old: Profile | None, new: Profile | None
) -> list[str]:
    title = layer_name(layer.layer, lang)
    if layer.score_old is not None or layer.score_new is not None:
        title += " " + t("diff.score", lang, delta=delta_text(layer.score_old, layer.score_new))
    lines = [title]
    for change in layer.changes:
        lines.extend(_change_lines(change, lang))
    if not layer.changes:
        lines.append("  " + t("diff.no_change", lang))
    for sd in layer.answer_scores:
        label = path_label(sd.path, new if sd.new is not None else old, lang)
        lines.append(
            f"  {t('diff.answer_score', lang, label=label, delta=delta_text(sd.old, sd.new))}"
        )
    for f in layer.fixed:
        lines.append(_finding_line(f, _tag("fixed", lang), lang, old))
    for f in layer.waived:
        lines.append(_finding_line(f, _tag("waived", lang), lang, old))
    for f in layer.new:
        lines.append(_finding_line(f, _tag("new", lang), lang, new))
    for f in layer.new_waived:
        lines.append(_finding_line(f, _tag("new_waived", lang), lang, new))
    return lines


def _shown(layer: LayerDiff) -> bool:
    return layer.layer != OTHER or bool(
        layer.changes
        or layer.answer_scores
        or layer.fixed
        or layer.new
        or layer.waived
        or layer.new_waived
    )


def render_text(
    d: ProfileDiff,
    old_name: str,
    new_name: str,
    lang: str,
    old: Profile | None = None,
    new: Profile | None = None,
) -> str:
    """The diff as the terminal shows it."""
    lines = [t("diff.comparing", lang, old=old_name, new=new_name)]
    for key in ("organisation", "respondent", "updated"):
        a, b = (_meta(side.get(key, ""), key, lang) for side in (d.meta_old, d.meta_new))
        if a or b:
            shown = a if a == b else f"{a or '–'} → {b or '–'}"
            lines.append(f"  {t(f'diff.meta.{key}', lang)}{colon(lang)}{shown}")
    if d.score_old is not None:
        lines.append(t("diff.overall", lang, delta=delta_text(d.score_old, d.score_new)))
    lines.append("")
    for layer in d.layers:
        if _shown(layer):
            lines.extend(_layer_lines(layer, lang, old, new))
            lines.append("")
    lines.extend(checkin_lines(d.checkins, lang))
    if d.notes is not None:
        lines.append(t("diff.notes", lang))
        for change in d.notes:
            lines.extend(_change_lines(change, lang))
        if not d.notes:
            lines.append("  " + t("diff.no_change", lang))
        lines.append("")
    if d.unfollowed:
        lines.append(warning_text(d, lang))
    changes = sum(len(layer.changes) for layer in d.layers)
    if not d.changed:
        lines.append(t("diff.identical", lang))
    else:
        layers = sum(1 for layer in d.layers if layer.changed)
        lines.append(
            t(
                "diff.summary",
                lang,
                changes=t("diff.n_changes", lang, count=changes),
                layers=t("diff.n_layers", lang, count=layers),
            )
        )
    if d.score_old is not None:
        fixed = sum(len(layer.fixed) for layer in d.layers)
        fresh = sum(len(layer.new) for layer in d.layers)
        waived = sum(len(layer.waived) + len(layer.new_waived) for layer in d.layers)
        lines.append(
            t(
                "diff.findings_summary",
                lang,
                fixed=t("diff.n_fixed", lang, count=fixed),
                new=t("diff.n_new", lang, count=fresh),
                waived=t("diff.n_waived", lang, count=waived),
            )
        )
    return "\n".join(lines) + "\n"


def _meta(value: str, key: str, lang: str) -> str:
    """A profile's metadata as the text shows it (dates written out; JSON keeps ISO)."""
    if key == "updated" and value:
        return format_date(date.fromisoformat(value), lang)
    return value


def warning_text(d: ProfileDiff, lang: str) -> str:
    assert d.unfollowed is not None
    below = ", ".join(layer_name(layer, lang) for layer in d.stale)
    return t("diff.warning.unfollowed", lang, layer=layer_name(d.unfollowed, lang), below=below)


def _score_json(old: int | None, new: int | None) -> dict[str, int | None]:
    delta = None if old is None or new is None else new - old
    return {"old": old, "new": new, "delta": delta}


def _change_json(c: Change, lang: str) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "field": c.field,
        "path": c.path,
        "old_path": c.old_path,
        "label": change_label(c, lang),
        "row": c.row,
        "column": c.column,
        "old": c.old,
        "new": c.new,
        "words": [{"op": w.op, "text": w.text} for w in c.words],
    }


def _answer_score_json(sd: ScoreDelta, lang: str, profile: Profile | None) -> dict[str, Any]:
    return {
        "path": sd.path,
        "label": path_label(sd.path, profile, lang),
        **_score_json(sd.old, sd.new),
    }


def to_json(
    d: ProfileDiff,
    old_name: str,
    new_name: str,
    lang: str,
    old: Profile | None = None,
    new: Profile | None = None,
) -> dict[str, Any]:
    """The documented JSON shape of a diff (docs/report.md)."""
    warnings = []
    if d.unfollowed:
        warnings.append(
            {
                "code": "layers_below_unchanged",
                "layer": d.unfollowed,
                "unchanged": list(d.stale),
                "message": warning_text(d, lang),
            }
        )
    data: dict[str, Any] = {
        "old": {"path": old_name, **d.meta_old},
        "new": {"path": new_name, **d.meta_new},
        "changed": d.changed,
        "score": _score_json(d.score_old, d.score_new),
        "layers": [
            {
                "layer": layer.layer,
                "changed": layer.changed,
                "score": _score_json(layer.score_old, layer.score_new),
                "changes": [_change_json(c, lang) for c in layer.changes],
                "answer_scores": [_answer_score_json(sd, lang, new) for sd in layer.answer_scores],
                "findings_fixed": [f.to_json() for f in layer.fixed],
                "findings_waived": [f.to_json() for f in layer.waived],
                "findings_new": [f.to_json() for f in layer.new],
                "findings_new_waived": [f.to_json() for f in layer.new_waived],
            }
            for layer in d.layers
        ],
        "checkins": [checkin_json(c) for c in d.checkins],
        "warnings": warnings,
    }
    if d.notes is not None:
        data["notes"] = [_change_json(c, lang) for c in d.notes]
    return data
