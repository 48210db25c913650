"""The client report as one self-contained HTML file: inline CSS and SVG, every text escaped."""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from alignment_tui.analysis.findings import Finding
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.report.chain import risk_text
from alignment_tui.report.fields import colon, column_label, quoted
from alignment_tui.report.progress_render import html_section
from alignment_tui.report.shapes import Block, Fix, Numbered, Piece, Report
from alignment_tui.report.svg import band, bars_svg, chain_svg


@cache
def stylesheet() -> str:
    return resources.files("alignment_tui.report").joinpath("data/report.css").read_text("utf-8")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _piece(piece: Piece) -> str:
    out = []
    for text, numbers in piece.segments():
        if numbers:
            refs = ",".join(str(n) for n in numbers)
            out.append(f'<mark>{_e(text)}</mark><sup class="ref">{refs}</sup>')
        else:
            out.append(_e(text))
    return "".join(out)


def _sev(severity: object, lang: str) -> str:
    name = str(severity)
    return f'<span class="sev {_e(name)}">{_e(t(f"report.severity.{name}", lang))}</span>'


def _finding_body(f: Finding, lang: str, where: str, related: list[str]) -> str:
    # Most messages already quote the words they are about: quote them only otherwise.
    show = f.text and f.text not in f.message
    quote = f' <span class="quote">{_e(quoted(f.text, lang))}</span>' if show else ""
    place = f' <span class="where">{_e(where)}</span> —' if where else ""
    also = ""
    if related:
        names = "; ".join(_e(r) for r in related)
        head = _e(t("report.also_involves", lang) + colon(lang))
        also = f' <span class="muted">({head}{names})</span>'
    return (
        f"{_sev(f.severity, lang)}{place}{quote} "
        f"{_e(f.message)}{also}"
        f'<br><span class="suggest">{_e(f.suggestion)}</span>'
    )


def _findings(items: list[Numbered], lang: str, block_label: str) -> str:
    lis = []
    for item in items:
        where = item.where_label if item.where_label != block_label else ""
        body = _finding_body(item.finding, lang, where, item.related)
        lis.append(f'<li value="{item.number}">{body}</li>')
    return f'<ol class="findings">{"".join(lis)}</ol>'


def anchor(path: str) -> str:
    """The id of the element that shows the answer (or the cell) at ``path``."""
    return "a-" + "".join(c if c.isalnum() or c in "-_." else "-" for c in path)


def _cell(piece: Piece | None) -> str:
    if piece is None:
        return "<td></td>"
    where = f' id="{anchor(piece.path)}"' if piece.path else ""
    return f"<td{where}>{_piece(piece)}</td>"


def _block(block: Block, lang: str) -> str:
    score = (
        f'<span class="pill {band(block.score)}">'
        f"{_e(t('report.answer_score', lang, score=block.score))}</span>"
        if block.score is not None
        else ""
    )
    body = ""
    if block.kind == "rows":
        head = "".join(f"<th>{_e(column_label(c, lang))}</th>" for c in block.columns)
        rows = "".join(
            f'<tr id="{anchor(path)}">' + "".join(_cell(r.get(c)) for c in block.columns) + "</tr>"
            for r, path in zip(block.rows, block.row_paths, strict=True)
        )
        body = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    elif block.kind == "list":
        body = (
            '<ul class="items">' + "".join(f"<li>{_piece(p)}</li>" for p in block.pieces) + "</ul>"
        )
    elif block.kind == "value":
        body = "".join(f'<p class="value">{_piece(p)}</p>' for p in block.pieces)
    elif block.kind == "record":
        body = (
            '<dl class="meta">'
            + "".join(
                f"<dt>{_e(column_label(p.label, lang))}</dt><dd>{_piece(p)}</dd>"
                for p in block.pieces
            )
            + "</dl>"
        )
    elif block.pieces:
        body = "".join(f'<p class="text">{_piece(p)}</p>' for p in block.pieces)
    if not block.answered:
        body = f'<p class="muted">{_e(t("report.not_answered", lang))}</p>'
    findings = _findings(block.findings, lang, block.label) if block.findings else ""
    cls = "answer" if block.answered else "answer unanswered"
    return (
        f'<article class="{cls}" id="{anchor(block.field)}"><header><h4>{_e(block.label)}</h4>'
        f"{score}</header>{body}{findings}</article>"
    )


def _fix(fix: Fix, lang: str) -> str:
    """A fix, its place a link to the answer's card (or the row's cell) below."""
    body = _finding_body(fix.finding, lang, fix.where, fix.related)
    place = f'<span class="where">{_e(fix.where)}</span>'
    link = f'<a class="where" href="#{anchor(fix.target)}">{_e(fix.where)}</a>'
    return f"<li>{body.replace(place, link, 1)}</li>"


def _header(r: Report, lang: str) -> str:
    rows = [
        (t("report.respondent", lang), r.respondent),
        (t("report.coach", lang), r.coach),
        (t("report.updated", lang), r.updated),
    ]
    meta = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows if v)
    score = "–" if r.score is None else str(r.score)
    cap = t("report.overall", lang) if r.score is not None else t("report.no_score", lang)
    out_of = "<small>/100</small>" if r.score is not None else ""
    notes = f'<p class="private">{_e(t("report.notes_included", lang))}</p>' if r.notes else ""
    written = format_date(r.generated, lang)
    return (
        f'<header class="top"><div><h1>{_e(t("report.title", lang))}</h1>'
        f'<p class="org">{_e(r.organisation or t("report.unnamed", lang))}</p>'
        f'<dl class="meta">{meta}</dl>'
        f'<p class="muted">{_e(t("report.generated", lang, date=written))}</p>'
        f"{notes}</div>"
        f'<div class="overall {band(r.score)}"><span class="num">{score}{out_of}</span>'
        f'<span class="cap">{_e(cap)}</span></div></header>'
    )


_SECTIONS = ("chain", "scores", "progress", "fixes", "answers", "waivers", "notes", "rules")


def _toc(r: Report, lang: str) -> str:
    keys = {"chain": "chain", "scores": "layer_scores", "fixes": "fixes", "answers": "answers"}
    keys |= {"waivers": "waivers", "notes": "notes", "rules": "rules_short"}
    keys |= {"progress": "progress.title"}
    shown = {"notes": bool(r.notes), "rules": bool(r.rules), "progress": bool(r.progress)}
    items = [
        f'<li><a href="#{s}">{_e(t(f"report.{keys[s]}", lang))}</a></li>'
        for s in _SECTIONS
        if shown.get(s, True)
    ]
    label = _e(t("report.contents", lang))
    return f'<nav class="toc" aria-label="{label}"><ol>{"".join(items)}</ol></nav>'


def _chain(r: Report, lang: str) -> str:
    titles = dict(r.rules)
    items = []
    for link in r.links:
        name = _e(
            t(
                "report.link",
                lang,
                upper=t(f"report.layer.{link.upper}", lang),
                lower=t(f"report.layer.{link.lower}", lang),
            )
        )
        if link.broken:
            sep = t("report.link_sep", lang)
            rules = _e(sep.join(titles.get(rule, rule) for rule in link.rules))
            status = f'<span class="ko">✗ {t("report.link_broken", lang, rules=rules)}</span>'
            if link.at_risk:
                status += f' <span class="risk">┇ {_e(risk_text(link.risks, titles, lang))}</span>'
        elif link.at_risk:
            status = f'<span class="risk">┇ {_e(risk_text(link.risks, titles, lang))}</span>'
        elif link.checked:
            status = f'<span class="ok">✓ {_e(t("report.link_holds", lang))}</span>'
        else:
            why = "report.link_empty" if r.analysed else "report.link_unchecked"
            status = f'<span class="muted">? {_e(t(why, lang))}</span>'
        items.append(f"<li>{name}{colon(lang)}{status}</li>")
    summary = ""
    if all(link.checked and not (link.broken or link.at_risk) for link in r.links):
        summary = f'<p class="ok">{_e(t("report.chain_all_hold", lang))}</p>'
    return (
        f'<section id="chain"><h2>{_e(t("report.chain", lang))}</h2>'
        f'<p class="intro">{_e(t("report.chain_intro", lang))}</p>'
        f"{chain_svg(r.links, r.layer_scores, lang)}{summary}"
        f'<ul class="links">{"".join(items)}</ul></section>'
    )


def _waivers(r: Report, lang: str) -> str:
    if not r.waivers:
        body = f'<p class="muted">{_e(t("report.no_waivers", lang))}</p>'
    else:
        lis = []
        for view in r.waivers:
            stale = (
                f' <span class="muted">{_e(t("report.waiver_unused", lang))}</span>'
                if view.stale
                else ""
            )
            lis.append(
                f'<li><span class="where">{_e(view.label)}</span> — {_e(view.what)}{stale}'
                f'<br><span class="muted">{_e(view.when)}</span><br>'
                f"<strong>{_e(t('report.reason', lang) + colon(lang))}</strong>"
                f"{_e(view.waiver.reason)}</li>"
            )
        body = f'<ul class="waivers">{"".join(lis)}</ul>'
    return (
        f'<section id="waivers"><h2>{_e(t("report.waivers", lang))}</h2>'
        f'<p class="intro">{_e(t("report.waivers_intro", lang))}</p>{body}</section>'
    )


def _appendix(r: Report, lang: str) -> str:
    """The rule ids, kept out of the running text, for the coach who wants them."""
    if not r.rules:
        return ""
    rows = "".join(
        f"<tr><td>{_e(title)}</td><td><code>{_e(rule)}</code></td></tr>" for rule, title in r.rules
    )
    head = (
        f"<tr><th>{_e(t('report.rule_title', lang))}</th>"
        f"<th>{_e(t('report.rule_id', lang))}</th></tr>"
    )
    return (
        f'<section id="rules" class="appendix"><h2>{_e(t("report.rules", lang))}</h2>'
        f'<p class="intro">{_e(t("report.rules_intro", lang))}</p>'
        f"<table><thead>{head}</thead><tbody>{rows}</tbody></table></section>"
    )


def render_html(r: Report) -> str:
    """The whole report page."""
    lang = r.lang
    parts = [_header(r, lang), _toc(r, lang)]
    if not r.analysed:
        parts.append(f'<p class="muted">{_e(t("report.no_analysis", lang))}</p>')
    parts.append(_chain(r, lang))
    parts.append(
        f'<section id="scores"><h2>{_e(t("report.layer_scores", lang))}</h2>'
        f'<p class="intro">{_e(t("report.layer_scores_intro", lang))}</p>'
        f"{bars_svg(r.layer_scores, lang)}</section>"
    )
    if r.progress:
        parts.append(html_section(r.progress, lang))
    fixes = (
        '<ol class="fixes">' + "".join(_fix(f, lang) for f in r.fixes) + "</ol>"
        if r.fixes
        else f'<p class="muted">{_e(t("report.no_fixes", lang))}</p>'
    )
    parts.append(
        f'<section id="fixes"><h2>{_e(t("report.fixes", lang))}</h2>'
        f'<p class="intro">{_e(t("report.fixes_intro", lang))}</p>{fixes}</section>'
    )
    answers = [f'<section id="answers" class="answers"><h2>{_e(t("report.answers", lang))}</h2>']
    for layer, blocks in r.layers:
        if layer == "other" and not blocks:
            continue
        score = r.layer_scores.get(layer)
        pill = (
            f'<span class="pill {band(score)}">{_e(t("report.out_of", lang, score=score))}</span>'
            if score is not None
            else ""
        )
        horizon = (
            f'<span class="muted horizon">{_e(r.horizons[layer])}</span>'
            if layer in r.horizons
            else ""
        )
        name = _e(t(f"report.layer.{layer}", lang))
        answers.append(f'<h3 id="layer-{layer}">{name} {pill} {horizon}</h3>')
        if not any(b.answered for b in blocks):
            answers.append(f'<p class="muted">{_e(t("report.layer_empty", lang))}</p>')
        answers.extend(_block(b, lang) for b in blocks)
    answers.append("</section>")
    parts.append("".join(answers))
    parts.append(_waivers(r, lang))
    if r.notes:
        notes = "".join(
            f'<li><span class="where">{_e(label)}</span><br>'
            f'<span class="note">{_e(text)}</span></li>'
            for label, text in r.notes
        )
        parts.append(
            f'<section id="notes"><h2>{_e(t("report.notes", lang))}</h2>'
            f'<ul class="notes">{notes}</ul></section>'
        )
    parts.append(_appendix(r, lang))
    parts.append(f"<footer>{_e(t('report.footer', lang))}</footer>")
    title = t("report.title", lang) + (f" — {r.organisation}" if r.organisation else "")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )
