"""The client report as Markdown that reads well on a git forge (tables, text bar charts)."""

from __future__ import annotations

import re

from alignment_tui.analysis.findings import Finding
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.profile import LAYERS
from alignment_tui.report.chain import risk_text
from alignment_tui.report.fields import colon, column_label, quoted
from alignment_tui.report.progress_render import markdown_section
from alignment_tui.report.shapes import Block, Numbered, Piece, Report
from alignment_tui.safe_text import visible

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What would start a heading, a list, a quote or a heading's underline at a line's start.
_LINE_START = re.compile(r"(?m)^(\s*)([#>+=-]|\d+[.)])")
_TICKS = re.compile(r"`+")
_BAR = 20  # characters for 100 points


def esc(text: str) -> str:
    """User text made inert: no emphasis, link, HTML, entity or table cell break can come
    from it (link text included: its brackets are escaped), and no terminal command."""
    return _LINE_START.sub(_escape_start, _SPECIAL.sub(r"\\\1", visible(text)))


def code(text: str, *, cell: bool = False) -> str:
    """User text as a code span: backslashes do nothing inside one, so the fence is made
    longer than any run of backticks in the text (a backtick cannot end it early). In a
    table ``cell``, a pipe would still end the cell: it is escaped, as tables allow."""
    text = visible(" ".join(text.split("\n")))  # a code span cannot span lines
    fence = "`" * (max((len(m) for m in _TICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    span = f"{fence}{pad}{text}{pad}{fence}"
    return span.replace("|", "\\|") if cell else span


def esc_cell(text: str) -> str:
    """Text made inert in a table cell, where no line starts a block ("149.6" stays)."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def _escape_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    # "1." becomes "1\." (a backslash before a digit would show); "#" becomes "\#".
    return m.group(1) + (mark[:-1] + "\\" + mark[-1] if len(mark) > 1 else "\\" + mark)


def _marked(text: str, numbers: list[int]) -> str:
    # Bold must hug the words: "** word **" would not render as bold.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if not core:
        return esc(text)
    refs = ",".join(str(n) for n in numbers)
    return f"{esc(lead)}**{esc(core)}**<sup>{refs}</sup>{esc(trail)}"


def _piece(piece: Piece, *, cell: bool = False) -> str:
    out = "".join(_marked(s, n) if n else esc(s) for s, n in piece.segments())
    if cell:
        return out.replace("\n", "<br>")
    return out


def _lines(text: str, prefix: str = "") -> list[str]:
    """Multi-line text kept line by line (a hard break at each end of line)."""
    rows = text.split("\n")
    return [prefix + row + ("  " if i < len(rows) - 1 else "") for i, row in enumerate(rows)]


def _sev(severity: object, lang: str) -> str:
    return t(f"report.severity.{severity}", lang)


def _finding(f: Finding, lang: str, where: str, related: list[str]) -> list[str]:
    # Most messages already quote the words they are about: quote them only otherwise.
    quote = f" {quoted(esc(f.text), lang)}" if f.text and f.text not in f.message else ""
    place = f" **{esc(where)}** —" if where else ""
    also = ""
    if related:
        also = (
            f" ({esc(t('report.also_involves', lang))}{colon(lang)}"
            + "; ".join(esc(r) for r in related)
            + ")"
        )
    head = f"*{_sev(f.severity, lang)}*{place}{quote} {esc(f.message)}{also}"
    return [head + "  ", f"   → {esc(f.suggestion)}"]


def _findings(items: list[Numbered], lang: str, block_label: str) -> list[str]:
    out: list[str] = []
    for item in items:
        where = item.where_label if item.where_label != block_label else ""
        body = _finding(item.finding, lang, where, item.related)
        out.append(f"{item.number}. {body[0]}")
        out.extend(body[1:])
    return out


def _block(block: Block, lang: str) -> list[str]:
    score = (
        f" · {t('report.answer_score', lang, score=block.score)}" if block.score is not None else ""
    )
    out = [f"#### {esc(block.label)}{score}", ""]
    if not block.answered:
        out += [f"*{esc(t('report.not_answered', lang))}*", ""]
    elif block.kind == "rows":
        out.append("| " + " | ".join(esc(column_label(c, lang)) for c in block.columns) + " |")
        out.append("|" + "---|" * len(block.columns))
        for row in block.rows:
            cells = [_piece(row[c], cell=True) if c in row else "" for c in block.columns]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    elif block.kind == "list":
        for p in block.pieces:
            out.extend(
                _lines(_piece(p), "- ") if "\n" not in p.text else ["- " + _piece(p, cell=True)]
            )
        out.append("")
    elif block.kind == "value":
        out += [" · ".join(_piece(p) for p in block.pieces), ""]
    elif block.kind == "record":
        out.append(
            " · ".join(
                f"{esc(column_label(p.label, lang))}{colon(lang)}{_piece(p)}" for p in block.pieces
            )
        )
        out.append("")
    else:
        for p in block.pieces:
            out.extend(_lines(_piece(p), "> "))
            out.append("")
    if block.findings:
        out.extend(_findings(block.findings, lang, block.label))
        out.append("")
    return out


def bar(score: int | None) -> str:
    """A 20-character text bar: one block per 5 points."""
    if score is None:
        return "·" * _BAR
    full = round(max(0, min(score, 100)) * _BAR / 100)
    return "█" * full + "░" * (_BAR - full)


def _chart(r: Report, lang: str) -> list[str]:
    names = {layer: t(f"report.layer.{layer}", lang) for layer in LAYERS}
    width = max(len(n) for n in names.values())
    rows = []
    for layer in LAYERS:
        score = r.layer_scores.get(layer)
        shown = "–" if score is None else f"{score:>3}"
        rows.append(f"{names[layer]:<{width}}  {bar(score)} {shown}")
    return ["```text", *rows, "```"]


def _chain(r: Report, lang: str) -> list[str]:
    titles = dict(r.rules)
    line = t(f"report.layer.{LAYERS[0]}", lang)
    for link in r.links:
        sign = "✗" if link.broken else "┇" if link.at_risk else "✓" if link.checked else "?"
        line += f" ─{sign}─ " + t(f"report.layer.{link.lower}", lang)
    out = [
        f"## {t('report.chain', lang)}",
        "",
        t("report.chain_intro", lang),
        "",
        "```text",
        line,
        "```",
        "",
    ]
    for link in r.links:
        name = t(
            "report.link",
            lang,
            upper=t(f"report.layer.{link.upper}", lang),
            lower=t(f"report.layer.{link.lower}", lang),
        )
        if link.broken:
            sep = t("report.link_sep", lang)
            rules = sep.join(esc(titles.get(rule, rule)) for rule in link.rules)
            out.append(f"- ✗ **{name}**{colon(lang)}{t('report.link_broken', lang, rules=rules)}")
            if link.at_risk:
                out.append(f"  ┇ {esc(risk_text(link.risks, titles, lang))}")
        elif link.at_risk:
            out.append(f"- ┇ **{name}**{colon(lang)}{esc(risk_text(link.risks, titles, lang))}")
        elif link.checked:
            out.append(f"- ✓ {name}{colon(lang)}{t('report.link_holds', lang)}")
        else:
            why = "report.link_empty" if r.analysed else "report.link_unchecked"
            out.append(f"- ? {name}{colon(lang)}{t(why, lang)}")
    if all(link.checked and not (link.broken or link.at_risk) for link in r.links):
        out += ["", t("report.chain_all_hold", lang)]
    return [*out, ""]


def _header(r: Report, lang: str) -> list[str]:
    org = esc(r.organisation) if r.organisation else t("report.unnamed", lang)
    out = [f"# {t('report.title', lang)} — {org}", ""]
    rows = [
        (t("report.respondent", lang), r.respondent),
        (t("report.coach", lang), r.coach),
        (t("report.updated", lang), r.updated),
    ]
    for key, value in rows:
        if value:
            out.append(f"- {key}{colon(lang)}{esc(value)}")
    out.append(f"- {t('report.generated', lang, date=format_date(r.generated, lang))}")
    out.append("")
    if r.notes:
        out += [f"> **{t('report.notes_included', lang)}**", ""]
    if r.score is not None:
        out.append(
            f"**{t('report.overall', lang)}{colon(lang)}{t('report.out_of', lang, score=r.score)}**"
        )
    else:
        out.append(f"*{t('report.no_analysis', lang)}*")
    return [*out, ""]


def _waivers(r: Report, lang: str) -> list[str]:
    out = [f"## {t('report.waivers', lang)}", "", t("report.waivers_intro", lang), ""]
    if not r.waivers:
        return [*out, f"*{t('report.no_waivers', lang)}*", ""]
    for view in r.waivers:
        stale = f" *{t('report.waiver_unused', lang)}*" if view.stale else ""
        out.append(f"- **{esc(view.label)}** — {esc(view.what)}{stale}  ")
        out.append(f"  *{esc(view.when)}*  ")
        out.append(f"  {t('report.reason', lang)}{colon(lang)}{esc(view.waiver.reason)}")
    return [*out, ""]


def render_markdown(r: Report) -> str:
    """The whole report as Markdown."""
    lang = r.lang
    out = _header(r, lang)
    out += _chain(r, lang)
    out += [f"## {t('report.layer_scores', lang)}", "", t("report.layer_scores_intro", lang), ""]
    out += [*_chart(r, lang), ""]
    if r.progress:
        out += markdown_section(r.progress, lang, esc, esc_cell)
    out += [f"## {t('report.fixes', lang)}", "", t("report.fixes_intro", lang), ""]
    if r.fixes:
        for i, fix in enumerate(r.fixes, 1):
            body = _finding(fix.finding, lang, fix.where, fix.related)
            out.append(f"{i}. {body[0]}")
            out.extend(body[1:])
    else:
        out.append(f"*{t('report.no_fixes', lang)}*")
    out += ["", f"## {t('report.answers', lang)}", ""]
    for layer, blocks in r.layers:
        if layer == "other" and not blocks:
            continue
        score = r.layer_scores.get(layer)
        shown = f" · {t('report.out_of', lang, score=score)}" if score is not None else ""
        out += [f"### {t(f'report.layer.{layer}', lang)}{shown}", ""]
        if layer in r.horizons:
            out += [f"*{r.horizons[layer]}*", ""]
        if not any(b.answered for b in blocks):
            out += [f"*{t('report.layer_empty', lang)}*", ""]
        for block in blocks:
            out += _block(block, lang)
    out += _waivers(r, lang)
    if r.notes:
        out += [f"## {t('report.notes', lang)}", ""]
        for label, text in r.notes:
            out.append(f"- **{esc(label)}**  ")
            out.extend(_lines(esc(text), "  "))
        out.append("")
    out += _appendix(r, lang)
    out += ["---", "", f"*{t('report.footer', lang)}*", ""]
    return "\n".join(out)


def _appendix(r: Report, lang: str) -> list[str]:
    """The rule ids, kept out of the running text, for the coach who wants them."""
    if not r.rules:
        return []
    out = [f"## {t('report.rules', lang)}", "", t("report.rules_intro", lang), ""]
    out += [f"| {t('report.rule_title', lang)} | {t('report.rule_id', lang)} |", "|---|---|"]
    out += [f"| {esc(title)} | {code(rule, cell=True)} |" for rule, title in r.rules]
    return [*out, ""]
