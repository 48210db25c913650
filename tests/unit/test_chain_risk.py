"""The pace findings put the strategy → objectives link at risk, named with their KPIs, in the
summary's chain and in the report's (one chain logic, what each rule does to it in data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis import analyze_profile
from alignment_tui.analysis.registry import chain_effects, metas
from alignment_tui.i18n import t
from alignment_tui.model import CheckIn
from alignment_tui.model.checkins import expected_value, start_of
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.report.chain import broken_links
from alignment_tui.report.content import build_report
from alignment_tui.report.writer import render_report
from alignment_tui.store import load_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 11, 30)  # the day of the examples' last weekly check-in
LANGS = {"en": "checkins-en-two-ovens-bakery.toml", "fr": "checkins-fr-atelier-semelle.toml"}
WEAKENING = {"kpi.off_pace", "kpi.checkin_overdue", "kpi.target_missed"}


def _example(lang: str) -> Profile:
    return load_profile(EXAMPLES / LANGS[lang])


def _kept_to_plan(profile: Profile) -> Profile:
    """The same plan, every KPI read today exactly on its steady pace."""
    for kpi in profile.objectives.kpis:
        on_pace = expected_value(kpi, TODAY, start_of(kpi, profile))
        assert on_pace is not None
        kpi.checkins = [c for c in kpi.checkins if c.date < TODAY]
        kpi.checkins.append(CheckIn(date=TODAY, value=on_pace))
    return profile


def test_what_a_rule_does_to_the_chain_is_data() -> None:
    effects = chain_effects()
    breaking = {rule for rule, effect in effects.items() if effect == "breaks"}
    assert breaking == {rule for rule in metas() if rule.startswith("align.")}
    assert {rule for rule, effect in effects.items() if effect == "weakens"} == WEAKENING
    assert "kpi.off_track_silent" not in effects  # a hint to the owner, not a weaker plan


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_kpi_behind_its_pace_puts_strategy_to_objectives_at_risk(lang: str) -> None:
    profile = _example(lang)
    findings = analyze_profile(profile, today=TODAY).findings
    links = {(link.upper, link.lower): link for link in broken_links(findings, LAYERS, profile)}
    link = links["strategy", "objectives"]
    assert link.state == "at_risk" and not link.broken
    assert link.risk_rules == ["kpi.checkin_overdue", "kpi.off_pace"]
    behind = [f for f in findings if f.rule_id == "kpi.off_pace"]
    overdue = [f for f in findings if f.rule_id == "kpi.checkin_overdue"]
    names = {k.name for k in profile.objectives.kpis}
    assert set(link.kpis["kpi.off_pace"]) <= names and len(link.kpis["kpi.off_pace"]) == len(behind)
    assert len(link.kpis["kpi.checkin_overdue"]) == len(overdue) == 1
    assert all(other.state == "holds" for key, other in links.items() if other is not link)


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_the_same_plan_kept_to_holds(lang: str) -> None:
    profile = _kept_to_plan(_example(lang))
    findings = analyze_profile(profile, today=TODAY).findings
    assert not {f.rule_id for f in findings} & WEAKENING
    assert all(link.state == "holds" for link in broken_links(findings, LAYERS, profile))


def test_a_broken_link_stays_broken_and_still_lists_its_risks() -> None:
    profile = _example("en")
    profile.objectives.kpis[1].axis = "no-such-axis"  # align.kpi_unknown_axis breaks it
    findings = analyze_profile(profile, today=TODAY).findings
    link = broken_links(findings, LAYERS, profile)[3]
    assert link.state == "broken" and "align.kpi_unknown_axis" in link.rules
    assert "kpi.checkin_overdue" in link.risk_rules


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "at risk: "), ("fr", "fragilisé\u202f: ")],
)
def test_the_report_draws_the_link_at_risk_with_its_kpis(lang: str, words: str) -> None:
    profile = _example(lang)
    result = analyze_profile(profile, today=TODAY)
    report = build_report(profile, result, lang=lang, today=TODAY)
    [risky] = [link for link in report.links if link.at_risk]
    assert (risky.upper, risky.lower) == ("strategy", "objectives")
    behind = profile.objectives.kpis[1].name
    md = render_report(profile, result, fmt="md", lang=lang, today=TODAY)
    assert "─┇─" in md and words in md and behind in md
    html = render_report(profile, result, fmt="html", lang=lang, today=TODAY)
    assert '<g class="link at-risk">' in html and '<span class="risk">┇ ' in html
    assert words in html and behind in html
    assert t("report.chain_all_hold", lang) not in md  # not said with a link at risk
    kept = _kept_to_plan(_example(lang))
    kept_md = render_report(kept, analyze_profile(kept, today=TODAY), fmt="md", lang=lang)
    chain = kept_md.split(f"## {t('report.chain', lang)}")[1].split("\n## ")[0]
    assert "┇" not in chain and t("report.chain_all_hold", lang) in chain


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_plain_modes_sentence_for_a_link_says_what_weakens_it_and_which_kpis(lang: str) -> None:
    from alignment_tui.analysis.findings import rule_title
    from alignment_tui.report.chain import link_sentence

    profile = _example(lang)
    findings = analyze_profile(profile, today=TODAY).findings
    links = {(link.upper, link.lower): link for link in broken_links(findings, LAYERS, profile)}
    at_risk = link_sentence(links["strategy", "objectives"], lang, checked=True)
    behind = {f.where for f in findings if f.rule_id == "kpi.off_pace"}
    assert at_risk.startswith(
        t("report.link", lang, upper=t("report.layer.strategy", lang),
          lower=t("report.layer.objectives", lang))
    )  # fmt: skip
    assert rule_title("kpi.off_pace", lang) in at_risk
    assert all(
        k.name in at_risk
        for i, k in enumerate(profile.objectives.kpis)
        if f"objectives.kpis[{i}]" in behind
    )
    holds = link_sentence(links["values", "vision"], lang, checked=True)
    assert holds.endswith(t("report.link_holds", lang))
    empty = link_sentence(links["values", "vision"], lang, checked=False)
    assert empty.endswith(t("report.link_empty", lang))
    assert "[" not in at_risk + holds  # no markup or marks, words only
