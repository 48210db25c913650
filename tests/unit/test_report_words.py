"""A report and a diff in the client's words: names, not ids; values as the language writes them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.profile import Kpi
from alignment_tui.report.diff import diff_profiles
from alignment_tui.report.diff_render import render_text
from alignment_tui.report.writer import render_report
from alignment_tui.store import load_profile

TODAY = date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NNBSP, NBSP = "\u202f", "\u00a0"
EN = "aligned-en-two-ovens-bakery"
FR = "aligned-fr-atelier-semelle"
MISALIGNED = {"en": "misaligned-en-ledgerline", "fr": "misaligned-fr-cycles-hirondelle"}


def _report(name: str, fmt: str, lang: str) -> str:
    p = load_profile(EXAMPLES / f"{name}.toml")
    result = analyze_profile(p, today=TODAY, ui_lang=lang)
    return render_report(p, result, fmt=fmt, lang=lang, today=TODAY)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_english_report_names_personas_and_axes_and_writes_values_in_english(fmt: str) -> None:
    text = _report(EN, fmt, "en")
    assert "£18,000 a year" in text
    assert "30 June 2027" in text and "2027-06-30" not in text
    assert "Pre-order pickup shelf" in text  # the KPI's axis by its name
    assert "| preorder |" not in text and "<td>preorder</td>" not in text
    assert "morning-commuters" not in text and "local-cafes" not in text
    assert "Morning commuters at Kelham Island" in text
    assert "15%" in text
    assert "Amount:" not in text and "Currency" not in text
    assert "Comfort" in text and "Performance" in text  # kinds of benefit, translated
    assert "Report written on 1 December 2026" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_french_report_writes_amounts_dates_and_shares_in_french(fmt: str) -> None:
    text = _report(FR, fmt, "fr")
    assert f"24{NNBSP}000{NBSP}€ par an" in text
    assert "30 septembre 2027" in text and "2027-09-30" not in text
    assert "EUR" not in text
    assert "Forfait ressemelage annuel" in text  # an axis by its name
    assert re.search(rf"\d+{NBSP}%", text)  # a share: « 25 % »
    assert "Rapport rédigé le 1er décembre 2026" in text
    assert "Financier" in text and "Mensuelle" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_rule_ids_only_in_the_appendix_and_no_pointer_to_the_docs(lang: str, fmt: str) -> None:
    text = _report(MISALIGNED[lang], fmt, lang)
    assert "docs/rules.md" not in text
    heading = {
        "en": "Appendix for the coach: the rules behind this report",
        "fr": "Annexe pour le coach\u202f: les règles derrière ce rapport",
    }[lang]
    body, appendix = text.split(heading)
    ids = re.findall(
        r"\b(?:align|vague|values|vision|mission|strategy|kpi|execution)\.[a-z_]+\b", body
    )
    # what is left looks like a field path ("values.items"), never a rule id
    from alignment_tui.analysis.findings import REGISTRY

    assert not [i for i in ids if i in REGISTRY], ids
    assert "align.budget_missing" in appendix or "align.budget_period" in appendix
    from alignment_tui.session.live import rule_title

    assert rule_title("align.persona_unreached", lang) in body


def test_fixes_in_the_html_report_link_to_the_cell() -> None:
    p = load_profile(EXAMPLES / f"{EN}.toml")
    p.objectives.kpis.append(Kpi(name="Brand awareness", branch="marketing", unit="%"))
    result = analyze_profile(p, today=TODAY, ui_lang="en")
    html = render_report(p, result, fmt="html", lang="en", today=TODAY)
    links = re.findall(r'<a class="where" href="#([^"]+)">([^<]+)</a>', html)
    assert links
    for anchor, _label in links:
        assert f'id="{anchor}"' in html, anchor
    target = next(a for a, label in links if "Brand awareness" in label)
    assert target.startswith("a-objectives.kpis-3-")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_diff_speaks_names_and_translated_labels(lang: str) -> None:
    old = load_profile(EXAMPLES / "history" / "fernhill-2026-q3.toml")
    new = load_profile(EXAMPLES / "history" / "fernhill-2026-q4.toml")
    d = diff_profiles(
        old,
        new,
        old_result=analyze_profile(old, today=TODAY, ui_lang=lang),
        new_result=analyze_profile(new, today=TODAY, ui_lang=lang),
        lang=lang,
    )
    text = render_text(d, "q3.toml", "q4.toml", lang, old, new)
    assert "self_image" not in text and "(families)" not in text
    assert {"en": "Comfort", "fr": "Confort"}[lang] in text
    assert "Families with cargo bikes" in text
    assert "(s)" not in text
    assert not re.search(r"\b(?:vague|align|values|vision|strategy)\.[a-z_]+ \(", text)
    if lang == "fr":
        assert "score de Offre" not in text
        assert f"Offre{NNBSP}: score 51 → 100 (+49)" in text
        assert f"24{NNBSP}000" not in text or f"{NNBSP}€" in text
    else:
        assert "Offer: score 51 → 100 (+49)" in text


def test_diff_shows_an_added_kpi_with_its_values() -> None:
    old = load_profile(EXAMPLES / f"{EN}.toml")
    new = old.model_copy(deep=True)
    new.objectives.kpis.append(
        Kpi(
            name="Loaves sold before 8 am",
            branch="financial",
            baseline=60,
            target=150,
            unit="loaves a day",
            deadline=date(2027, 6, 30),
            cadence="weekly",
            axis="preorder",
        )
    )
    text = render_text(diff_profiles(old, new, lang="en"), "a", "b", "en", old, new)
    line = next(li for li in text.splitlines() if "Loaves sold before 8 am" in li)
    rest = text.split(line, 1)[1].splitlines()[1]
    shown = line + " " + rest
    assert "60 → 150 loaves a day" in shown
    assert "30 Jun 2027" in shown or "30 June 2027" in shown
    assert "Weekly" in shown and "Pre-order pickup shelf" in shown
