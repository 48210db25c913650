"""The report's progress section: per KPI a chart (HTML) or a table (Markdown) of its
check-ins against the steady pace, said in words too; the layer scores at each date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from alignment_tui.model import CheckIn, Kpi, Profile
from alignment_tui.report.analysed import analyse
from alignment_tui.report.content import build_report
from alignment_tui.report.html import render_html
from alignment_tui.report.markdown import render_markdown
from alignment_tui.report.progress import MAX_SCORE_DATES, build_progress
from alignment_tui.report.progress_render import summary
from alignment_tui.store import load_profile
from tests.chromium import browser, chromium, until

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "en": ROOT / "examples/checkins-en-two-ovens-bakery.toml",
    "fr": ROOT / "examples/checkins-fr-atelier-semelle.toml",
}
TODAY = date(2026, 12, 3)  # the examples' check-ins end on 30 November 2026


def _report(lang: str, today: date = TODAY, profile: Profile | None = None) -> tuple[str, str]:
    p = profile or load_profile(EXAMPLES[lang])
    r = build_report(p, analyse(p, lang, today), lang=lang, today=today)
    return render_html(r), render_markdown(r)


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_examples_have_a_quarter_of_weekly_check_ins() -> None:
    for path in EXAMPLES.values():
        kpis = load_profile(path).objectives.kpis
        assert max(len(k.checkins) for k in kpis) >= 12  # a quarter of weekly readings
        assert all(k.baseline_date == date(2026, 9, 7) for k in kpis)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_kpi_on_pace_one_behind_one_overdue(lang: str) -> None:
    progress = build_progress(load_profile(EXAMPLES[lang]), TODAY)
    said = [_plain(summary(kp, lang)) for kp in progress.kpis]
    on, behind, late = said
    words = {
        "en": ("On pace.", "Behind the steady pace by 2", "A check-in has been due since 23 Nov"),
        "fr": ("Dans le rythme.", "En retard sur le rythme régulier de 2", "attendu depuis le 23"),
    }[lang]
    assert words[0] in on and words[1] not in on and words[2] not in on
    assert words[1] in behind
    assert words[2] in late and words[0] in late  # late, though on pace when last read
    assert [kp.overdue for kp in progress.kpis] == [None, None, date(2026, 11, 23)]


def test_the_layer_scores_are_those_of_each_check_in_date() -> None:
    progress = build_progress(load_profile(EXAMPLES["en"]), TODAY)
    days = [day for day, _, _ in progress.scores]
    assert len(days) == MAX_SCORE_DATES and days == sorted(days) and days[-1] == date(2026, 11, 30)
    by_day = {day: scores["objectives"] for day, scores, _ in progress.scores}
    # On 5 October the cafés were still on pace; by 30 November they are behind (off pace).
    assert by_day[date(2026, 11, 30)] < by_day[date(2026, 10, 5)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_draws_a_chart_per_kpi_with_its_words_and_table(lang: str) -> None:
    html, _ = _report(lang)
    p = load_profile(EXAMPLES[lang])
    section = re.search(r'<section id="progress">.*?</section>', html, re.S)
    assert section is not None and '<a href="#progress">' in html
    charts = re.findall(r'<svg class="progress".*?</svg>', section.group(0), re.S)
    assert len(charts) == 3
    for chart, kpi in zip(charts, p.objectives.kpis, strict=True):
        assert 'role="img"' in chart and "<desc id=" in chart
        assert chart.count('<circle class="dot') == len(kpi.checkins)
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart, re.S)
        assert desc is not None and f'<p class="summary">{desc.group(1)}</p>' in section.group(0)
    rows = section.group(0).count("<tr>")
    readings = sum(len(k.checkins) for k in p.objectives.kpis)
    assert rows == 3 + readings + 1 + MAX_SCORE_DATES  # heads, readings, scores head and rows


def test_markdown_has_a_table_per_kpi_latest_first() -> None:
    _, md = _report("en")
    block = md.split("### Weekly pre-orders", 1)[1].split("###", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("| ")]
    assert lines[0] == "| Date | Value | Steady pace | Confidence | Comment |"
    assert lines[1].startswith("| 30 November 2026 | 152 | 149.6 | On track | Flyer in the")
    assert lines[-1].startswith("| 14 September 2026 | 96 | 95 | On track |")
    assert "Counted in orders per week. Measures the strategic axis" in block


def test_no_check_in_no_progress_section() -> None:
    p = load_profile(ROOT / "examples/aligned-en-two-ovens-bakery.toml")
    html, md = _report("en", profile=p)
    assert 'id="progress"' not in html and "Progress of the KPIs" not in md


def test_a_kpi_without_a_plan_is_said_to_have_no_pace() -> None:
    p = Profile(lang="en")
    p.objectives.kpis = [Kpi(name="Reviews", unit="reviews")]
    p.objectives.kpis[0].checkins = [CheckIn(date=date(2026, 11, 2), value=12)]
    [kp] = build_progress(p, TODAY, with_scores=False).kpis
    assert summary(kp, "en") == (
        "Latest check-in: 12 reviews on 2 November 2026. No steady pace to compare with: the "
        "KPI needs a baseline, a target and a deadline."
    )
    html, md = _report("en", profile=p)
    assert html.count('<circle class="dot') == 1 and "| 2 November 2026 | 12 | – |" in md


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_in_chromium_every_chart_is_drawn_whole(lang: str, tmp_path: Path) -> None:
    chromium()  # skipped, with the reason, only where Chromium is not installed
    html, _ = _report(lang)
    page = tmp_path / f"report-{lang}.html"
    page.write_text(html, "utf-8")
    async with browser(tmp_path / "chromium") as chrome:
        tab = await chrome.new_tab(page.as_uri(), size=(1000, 900))
        await until("the page", lambda: tab.evaluate("document.readyState === 'complete'"), 30)
        # Every label and dot lies inside its chart (nothing cut at an edge), each chart
        # has a width on the page, and the browser reads its accessible name and text.
        outside = await tab.evaluate(
            """[...document.querySelectorAll('svg.progress')].flatMap(svg => {
                const box = svg.viewBox.baseVal;
                return [...svg.querySelectorAll('text, circle')].filter(el => {
                    const b = el.getBBox();
                    return b.x < 0 || b.y < 0 || b.x + b.width > box.width
                        || b.y + b.height > box.height;
                }).map(el => el.textContent || el.outerHTML);
            })"""
        )
        assert outside == []
        widths = await tab.evaluate(
            "[...document.querySelectorAll('svg.progress')]"
            ".map(s => Math.round(s.getBoundingClientRect().width))"
        )
        assert len(widths) == 3 and min(widths) >= 600
        png = await tab.screenshot(tmp_path / f"progress-{lang}.png")
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
