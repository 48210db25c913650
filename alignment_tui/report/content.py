"""What a client report says, built from a profile and its analysis (its shapes: shapes.py)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from alignment_tui.analysis.findings import Finding, ProfileResult, rule_title
from alignment_tui.analysis.waivers import waiver_states
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.answers import is_empty
from alignment_tui.model.paths import get_field
from alignment_tui.model.profile import LAYERS, Budget, Profile
from alignment_tui.model.typed import HorizonUnit, format_horizon, format_item
from alignment_tui.report.chain import broken_links
from alignment_tui.report.diff import OTHER
from alignment_tui.report.fields import (
    field_label,
    field_layer,
    filled_fields,
    format_number,
    format_scalar,
    layer_rank,
    owner_field,
    path_label,
    persona_names,
    quoted,
    row_cells,
)
from alignment_tui.report.progress import build_progress
from alignment_tui.report.ranking import answer_score, top_fixes
from alignment_tui.report.shapes import (
    Block,
    Fix,
    Link,
    Mark,
    Numbered,
    Piece,
    Report,
    WaiverView,
)

# Where the report's shapes were first defined; other code imports them from here too.
__all__ = ["Block", "Fix", "Link", "Mark", "Numbered", "Piece", "Report", "WaiverView"]
__all__ += ["build_report", "chain_links"]


def _show_item(value: Any, lang: str, names: dict[str, str]) -> tuple[str, bool]:
    """A list item as shown, and whether it is free text (which findings may mark)."""
    if isinstance(value, Enum):
        return format_scalar(value, lang), False
    if isinstance(value, str) and value in names:
        return names[value], False
    return (value, True) if isinstance(value, str) else (format_scalar(value, lang), False)


# Ids are how answers point at each other; a reader knows personas and axes by name.
# A KPI's check-ins have a section of their own (the progress), not a cell.
_HIDDEN_COLUMNS = ("id", "checkins")


def _block(path: str, value: Any, lang: str, profile: Profile) -> Block:
    block = Block(path, field_label(path, lang), "text")
    if isinstance(value, str):
        block.pieces.append(Piece(path, value))
    elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
        block.kind = "rows"
        for i, row in enumerate(value):
            cells = {
                # Every cell has its path (a fix links to it); only free text gets marks.
                name: Piece(f"{path}[{i}].{name}", text, free=free)
                for name, text, free in row_cells(row, lang, profile)
                if name not in _HIDDEN_COLUMNS
            }
            if cells:
                block.rows.append(cells)
                block.row_paths.append(f"{path}[{i}]")
        order = list(type(value[0]).model_fields)
        block.columns = [c for c in order if any(c in r for r in block.rows)]
    elif isinstance(value, list):
        block.kind = "list"
        names = persona_names(profile) if path == "vision.beneficiaries" else {}
        for i, item in enumerate(value):
            if is_empty(item):
                continue
            text, free = _show_item(item, lang, names)
            block.pieces.append(Piece(f"{path}[{i}]" if free else "", text))
    elif isinstance(value, Budget):
        # One amount, as a person says it: « 18 000 € par an », "£36,000 a year".
        block.kind = "value"
        block.pieces.append(Piece("", format_item(value, lang), free=False))
    elif isinstance(value, BaseModel):
        block.kind = "record"
        for name, text, _free in row_cells(value, lang, profile):
            block.pieces.append(Piece("", text, label=name))
    elif isinstance(value, int | float):
        block.pieces.append(Piece("", format_number(value, lang)))
    else:
        block.pieces.append(Piece("", format_scalar(value, lang)))
    return block


def _mark(pieces: list[Piece], numbered: list[Numbered]) -> None:
    """Place each finding's span on the piece it points at, merging overlaps."""
    by_path = {p.path: p for p in pieces if p.path and p.free}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for item in numbered:
        f = item.finding
        piece = by_path.get(f.where)
        if piece is None:
            continue
        start, end = f.start, f.end
        if start is None or end is None or piece.text[start:end] != f.text:
            # Offsets computed on another normalisation of the text: find the words instead.
            found = piece.text.find(f.text) if f.text else -1
            if found < 0:
                continue
            start, end = found, found + len(f.text)
        if 0 <= start < end <= len(piece.text):
            spans.setdefault(piece.path, []).append((start, end, item.number))
    for path, items in spans.items():
        merged: list[Mark] = []
        for start, end, number in sorted(items):
            if merged and start < merged[-1].end:
                last = merged[-1]
                last.end = max(last.end, end)
                if number not in last.numbers:
                    last.numbers.append(number)
            else:
                merged.append(Mark(start, end, [number]))
        by_path[path].marks = merged


def _all_pieces(block: Block) -> list[Piece]:
    return block.pieces + [p for row in block.rows for p in row.values()]


def _block_score(path: str, scores: dict[str, int]) -> int | None:
    own = answer_score(path, scores)
    if own is not None:
        return own
    inner = [v for k, v in scores.items() if k.startswith((path + "[", path + "."))]
    return round(sum(inner) / len(inner)) if inner else None


def chain_links(findings: list[Finding], profile: Profile | None = None) -> list[Link]:
    """The links the findings break or put at risk (report/chain.py, as the TUI's summary
    draws them); with ``profile``, each risk names its KPIs."""
    links = []
    for link in broken_links(findings, LAYERS, profile):
        risks = [(rule, link.kpis.get(rule, [])) for rule in link.risk_rules]
        links.append(Link(link.upper, link.lower, link.rules, risks=risks))
    return links


def _stamp(profile: Profile, lang: str) -> str:
    stamp = profile.meta.updated or profile.meta.created
    return format_date(stamp.date(), lang) if stamp else ""


def _label(path: str, profile: Profile, lang: str) -> str:
    if not path:
        return ""
    if path.startswith("answers."):
        return path[len("answers.") :]
    return path_label(path, profile, lang)


def build_report(
    profile: Profile,
    result: ProfileResult | None,
    *,
    lang: str,
    notes: bool = False,
    today: date | None = None,
) -> Report:
    """Everything the report shows, in ``lang``; ``result`` is ``None`` without analysis."""
    findings = list(result.findings) if result else []
    scores = dict(result.answer_scores) if result else {}
    blocks: dict[str, Block] = {}
    horizons: dict[str, str] = {}
    for answer in filled_fields(profile):
        if answer.path.endswith((".horizon_years", ".horizon_months")) and answer.layer:
            # A horizon is one number: said beside the layer's title, not as an answer card.
            unit: HorizonUnit = "years" if answer.path.endswith("years") else "months"
            horizons[answer.layer] = t(f"report.horizon_{unit}", lang, n=answer.value)
            blocks[answer.path] = Block(answer.path, field_label(answer.path, lang), "value")
            duration = format_horizon(answer.value, unit, lang)
            blocks[answer.path].pieces.append(Piece("", duration, free=False))
            continue
        blocks[answer.path] = _block(answer.path, answer.value, lang, profile)
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        grouped.setdefault(owner_field(f.where) if f.where else OTHER, []).append(f)
    for path, items in grouped.items():
        if path not in blocks:
            label = _label(path, profile, lang) if path != OTHER else t("report.custom", lang)
            blocks[path] = Block(path, label, "text")
        block = blocks[path]
        block.findings = [
            Numbered(i + 1, f, _label(f.where, profile, lang), _related(f, profile, lang))
            for i, f in enumerate(sorted(items, key=lambda f: (f.where, f.start or 0, f.rule_id)))
        ]
        _mark(_all_pieces(block), block.findings)
    for path in list(blocks):
        if path.endswith((".horizon_years", ".horizon_months")) and not blocks[path].findings:
            del blocks[path]
    for block in blocks.values():
        block.score = _block_score(block.field, scores)
    filled = {field_layer(b.field) for b in blocks.values() if b.answered}
    links = chain_links(findings, profile)
    for link in links:
        link.checked = result is not None and {link.upper, link.lower} <= filled
    layers: list[tuple[str, list[Block]]] = []
    for layer in (*LAYERS, OTHER):
        own = [b for b in blocks.values() if (field_layer(b.field) or OTHER) == layer]
        own.sort(key=lambda b: (not b.answered, layer_rank(b.field)))
        layers.append((layer, own))
    waivers = _waiver_views(profile, result, lang)
    shown = {p.path for b in blocks.values() for p in _all_pieces(b) if p.path} | set(blocks)
    shown |= {row for b in blocks.values() for row in b.row_paths}
    fixes = [
        Fix(
            f,
            _label(f.where, profile, lang),
            t(f"report.layer.{field_layer(f.where) or OTHER}", lang),
            _related(f, profile, lang),
            _shown_at(f.where, shown),
        )
        for f in (top_fixes(result, profile, today=today, lang=lang) if result else [])
    ]
    note_items = None
    if notes:
        note_items = [
            (_note_label(key, profile, lang), text)
            for key, text in sorted(
                profile.notes.items(), key=lambda kv: (layer_rank(kv[0]), kv[0])
            )
            if text.strip()
        ]
    return Report(
        lang=lang,
        organisation=profile.meta.organisation.strip(),
        respondent=profile.meta.respondent.strip(),
        coach=profile.meta.coach.strip(),
        updated=_stamp(profile, lang),
        generated=today or date.today(),
        analysed=result is not None,
        score=result.score if result else None,
        layer_scores=dict(result.layer_scores) if result else {},
        links=links,
        layers=layers,
        horizons=horizons,
        waivers=waivers,
        fixes=fixes,
        notes=note_items,
        rules=_rules(findings, fixes, waivers, links, lang),
        progress=build_progress(profile, today or date.today(), with_scores=result is not None)
        or None,
    )


def _shown_at(where: str, shown: set[str]) -> str:
    """The closest thing the report shows for a field path: its cell, its row, its answer."""
    path = where
    while path:
        if path in shown:
            return path
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return owner_field(where) if where else OTHER


def _waiver_views(profile: Profile, result: ProfileResult | None, lang: str) -> list[WaiverView]:

    covered = {s.index: s.finding for s in waiver_states(profile, result)} if result else {}
    views = []
    for i, w in enumerate(profile.waivers):
        finding = covered.get(i)
        by = t(f"report.by.{w.by}", lang)
        when = (
            t("report.waiver_by", lang, by=by, at=format_date(w.at.date(), lang))
            if w.at
            else t("report.waiver_by_undated", lang, by=by)
        )
        if finding is not None:
            what = finding.message
        else:
            what = rule_title(w.rule, lang) + (f" {quoted(w.text, lang)}" if w.text else "")
        stale = result is not None and finding is None and i in covered
        views.append(WaiverView(w, _label(w.where, profile, lang), finding, what, when, stale))
    return views


def _rules(
    findings: list[Finding],
    fixes: list[Fix],
    waivers: list[WaiverView],
    links: list[Link],
    lang: str,
) -> list[tuple[str, str]]:
    ids = {f.rule_id for f in findings} | {fix.finding.rule_id for fix in fixes}
    ids |= {view.waiver.rule for view in waivers}
    ids |= {rule for link in links for rule in link.rules}
    ids |= {rule for link in links for rule, _ in link.risks}
    return [(rule, rule_title(rule, lang)) for rule in sorted(ids)]


def _related(f: Finding, profile: Profile, lang: str) -> list[str]:
    return [_label(path, profile, lang) for path in f.related]


def _note_label(key: str, profile: Profile, lang: str) -> str:
    """Notes are keyed by question id; most ids are the field they fill."""
    try:
        get_field(profile, key)
    except KeyError:
        return key
    return path_label(key, profile, lang)
