"""The align.* rules: each fires when its link is broken, and stays quiet when it holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis.findings import REGISTRY, Finding
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.profile import Profile
from alignment_tui.store import load_profile

TODAY = date(2026, 12, 1)
ROOT = Path(__file__).resolve().parents[2]
ALIGNED = {
    "fr": ROOT / "examples" / "aligned-fr-atelier-semelle.toml",
    "en": ROOT / "examples" / "aligned-en-two-ovens-bakery.toml",
}
LANGS = ("fr", "en")


def base(lang: str) -> Profile:
    return load_profile(ALIGNED[lang])


def align(profile: Profile) -> list[Finding]:
    result = analyze_profile(profile, today=TODAY)
    return [f for f in result.findings if f.rule_id.startswith("align.")]


def fired(profile: Profile, rule: str) -> list[Finding]:
    return [f for f in align(profile) if f.rule_id == rule]


@pytest.mark.parametrize("lang", LANGS)
def test_aligned_examples_break_no_link(lang: str) -> None:
    assert align(base(lang)) == []


# --- objective ↔ axis -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_kpi_with_no_axis_is_named_with_the_axes(lang: str) -> None:
    p = base(lang)
    p.objectives.kpis[0].axis = ""
    p.objectives.kpis[0].name = {"fr": "Vues des vidéos TikTok", "en": "TikTok video views"}[lang]
    (f,) = fired(p, "align.kpi_no_axis")
    assert f.where == "objectives.kpis[0]"
    assert f.related == ["strategy.axes"]
    assert p.objectives.kpis[0].name in f.message
    assert p.strategy.axes[0].name in f.message


@pytest.mark.parametrize("lang", LANGS)
def test_kpi_without_link_but_sharing_words_with_an_axis_is_linked(lang: str) -> None:
    p = base(lang)
    p.objectives.kpis[0].axis = ""  # "Abonnés au forfait…" / "Weekly pre-orders" echo axis 0
    assert fired(p, "align.kpi_no_axis") == []


@pytest.mark.parametrize("lang", LANGS)
def test_kpi_linked_to_an_unknown_axis(lang: str) -> None:
    p = base(lang)
    p.objectives.kpis[1].axis = "franchise"
    (f,) = fired(p, "align.kpi_unknown_axis")
    assert f.where == "objectives.kpis[1].axis"
    assert "franchise" in f.message and p.objectives.kpis[1].name in f.message
    assert fired(base(lang), "align.kpi_unknown_axis") == []


@pytest.mark.parametrize("lang", LANGS)
def test_axis_no_kpi_measures_and_explicit_links_beat_shared_words(lang: str) -> None:
    p = base(lang)
    first = p.strategy.axes[0].id
    for kpi in p.objectives.kpis:
        kpi.axis = first  # KPI 1's name still echoes axis 1, but its explicit link wins
    (f,) = fired(p, "align.axis_no_kpi")
    assert f.where == "strategy.axes[1]"
    assert f.related == ["objectives.kpis"]
    assert p.strategy.axes[1].name in f.message
    assert fired(base(lang), "align.axis_no_kpi") == []


# --- channel ↔ persona ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_channel_aimed_at_an_unnamed_persona(lang: str) -> None:
    p = base(lang)
    p.execution.channels[0].persona = {"fr": "adolescents", "en": "teenagers"}[lang]
    (f,) = fired(p, "align.channel_unknown_persona")
    assert f.where == "execution.channels[0].persona"
    assert f.related == ["personas"]
    assert (
        p.execution.channels[0].name in f.message and p.execution.channels[0].persona in f.message
    )
    assert fired(base(lang), "align.channel_unknown_persona") == []


@pytest.mark.parametrize("lang", LANGS)
def test_channel_naming_a_persona_by_its_words_is_linked(lang: str) -> None:
    p = base(lang)
    p.execution.channels[0].persona = p.personas[0].name.lower()
    assert fired(p, "align.channel_unknown_persona") == []


@pytest.mark.parametrize("lang", LANGS)
def test_persona_that_no_channel_reaches(lang: str) -> None:
    p = base(lang)
    for channel in p.execution.channels:
        channel.persona = p.personas[0].id
    (f,) = fired(p, "align.persona_unreached")
    assert f.where == "personas[1]"
    assert f.related == ["execution.channels"]
    assert p.personas[1].name in f.message and p.execution.channels[0].name in f.message
    assert fired(base(lang), "align.persona_unreached") == []


# --- vision ↔ mission -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_vision_beneficiary_that_is_no_persona(lang: str) -> None:
    p = base(lang)
    p.vision.beneficiaries = [*p.vision.beneficiaries, {"fr": "etudiants", "en": "students"}[lang]]
    (f,) = fired(p, "align.beneficiary_unknown")
    assert f.where == "vision.beneficiaries[2]"
    assert p.vision.beneficiaries[2] in f.message and p.personas[0].name in f.message
    assert fired(base(lang), "align.beneficiary_unknown") == []


MISSIONS = {
    "fr": (
        "Vendre des franchises de notre enseigne à des investisseurs de la région.",
        "Un contrat de franchise à 25 000 € avec la formation des gérants.",
        "Les investisseurs cherchent une activité rentable et déjà rodée.",
    ),
    "en": (
        "Sell franchises of our brand to investors across the North of England.",
        "A franchise contract at £25,000 including the training of managers.",
        "Investors want a profitable activity that is already proven.",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_mission_serving_none_of_the_vision_beneficiaries(lang: str) -> None:
    p = base(lang)
    p.mission.statement, p.mission.offer, p.mission.needs = MISSIONS[lang]
    p.mission.plan = []
    (f,) = fired(p, "align.mission_beneficiaries")
    assert f.where == "mission.statement"
    assert f.related == ["vision.beneficiaries"]
    assert p.personas[0].name in f.message
    assert fired(base(lang), "align.mission_beneficiaries") == []


# --- budget ↔ objectives ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_budget_missing_while_kpis_have_targets_is_an_error(lang: str) -> None:
    p = base(lang)
    p.execution.budget.amount = None
    (f,) = fired(p, "align.budget_missing")
    assert f.severity == "error"
    assert f.where == "execution.budget"
    assert f.related == [f"objectives.kpis[{i}]" for i in range(3)]
    assert p.objectives.kpis[0].name in f.message
    assert fired(base(lang), "align.budget_missing") == []


@pytest.mark.parametrize("lang", LANGS)
def test_budget_period_against_the_objectives_horizon(lang: str) -> None:
    p = base(lang)
    p.execution.budget.period = "quarter"  # type: ignore[assignment]
    (f,) = fired(p, "align.budget_period")
    assert f.where == "execution.budget.period"
    assert "12" in f.message
    p.execution.budget.period = "month"  # type: ignore[assignment]
    assert fired(p, "align.budget_period") == []
    p.objectives.horizon_months = 3
    p.execution.budget.period = "year"  # type: ignore[assignment]
    assert fired(p, "align.budget_period")


@pytest.mark.parametrize("lang", LANGS)
def test_channel_shares_that_do_not_add_up(lang: str) -> None:
    p = base(lang)
    p.execution.channels[0].budget_share = 0.9
    (f,) = fired(p, "align.budget_shares")
    assert f.where == "execution.channels" and f.related == ["execution.budget"]
    assert "%" in f.message
    p.execution.channels[0].budget_share = None  # partial shares under 100 % may be on purpose
    assert fired(p, "align.budget_shares") == []


@pytest.mark.parametrize("lang", LANGS)
def test_many_channels_on_a_small_budget(lang: str) -> None:
    p = base(lang)
    p.execution.budget.amount = 3000
    (f,) = fired(p, "align.budget_spread")
    assert str(len(p.execution.channels)) in f.message
    p.execution.channels = p.execution.channels[:1]
    p.execution.channels[0].budget_share = 1.0
    assert fired(p, "align.budget_spread") == []


@pytest.mark.parametrize("lang", LANGS)
def test_ambitious_target_with_little_money(lang: str) -> None:
    p = base(lang)
    p.execution.budget.amount = 5000
    (f,) = fired(p, "align.budget_ambition")
    assert f.where == "execution.budget.amount"
    # The most ambitious KPI is named: ×5 for the workshops' shops, ×3.3 for the bakery.
    i, ratio = {"fr": (1, "×5"), "en": (0, "×3.3")}[lang]
    assert f.related == [f"objectives.kpis[{i}].target"]
    assert p.objectives.kpis[i].name in f.message and ratio in f.message
    p.objectives.kpis[0].target = p.objectives.kpis[0].baseline * 1.5  # type: ignore[operator]
    p.objectives.kpis[1].target = p.objectives.kpis[1].baseline * 1.5  # type: ignore[operator]
    assert fired(p, "align.budget_ambition") == []


# --- words across layers ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_value_proposition_absent_from_the_messages(lang: str) -> None:
    p = base(lang)
    p.execution.messages = [
        {"fr": "Suivez nos actualités sur Instagram !", "en": "Follow us on Instagram for news!"}[
            lang
        ]
    ]
    (f,) = fired(p, "align.vp_messages")
    assert f.where == "execution.value_proposition"
    assert f.related == ["execution.messages[0]"]
    assert fired(base(lang), "align.vp_messages") == []


@pytest.mark.parametrize("lang", LANGS)
def test_values_absent_from_tone_and_messages(lang: str) -> None:
    p = base(lang)
    p.execution.tone = {"fr": "Dynamique et fun, avec des émojis.", "en": "Fun, punchy, emojis."}[
        lang
    ]
    p.execution.messages = [
        {"fr": "Suivez nos actualités sur Instagram !", "en": "Follow us on Instagram for news!"}[
            lang
        ]
    ]
    (f,) = fired(p, "align.values_tone")
    assert f.where == "values.items"
    assert f.related == ["execution.tone", "execution.messages[0]"]
    assert p.values.items[0].name in f.message
    assert fired(base(lang), "align.values_tone") == []


# --- horizons ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_horizons_out_of_order(lang: str) -> None:
    p = base(lang)
    p.strategy.horizon_years = 9
    (f,) = fired(p, "align.horizons")
    assert f.where == "strategy.horizon_years"
    assert f.related == ["mission.horizon_years"]
    assert "108" in f.message and "84" in f.message
    p.strategy.horizon_years = None  # a missing horizon compares the layers around it
    p.objectives.horizon_months = 120
    (f,) = fired(p, "align.horizons")
    assert f.where == "objectives.horizon_months" and f.related == ["mission.horizon_years"]
    assert fired(base(lang), "align.horizons") == []


# --- the examples -----------------------------------------------------------------------


def _example_rules(name: str) -> set[str]:
    profile = load_profile(ROOT / "examples" / name)
    return {f.rule_id for f in align(profile)}


def test_misaligned_examples_together_fire_every_align_rule() -> None:
    names = [p.name for p in (ROOT / "examples").glob("misaligned-*.toml")]
    assert len(names) >= 2
    fired_rules = set().union(*(_example_rules(n) for n in names))
    every = {r for r in REGISTRY if r.startswith("align.")}
    assert fired_rules == every
    assert max(len(_example_rules(n)) for n in names) >= 8


@pytest.mark.parametrize("lang", LANGS)
def test_messages_follow_the_profile_language(lang: str) -> None:
    p = base(lang)
    p.strategy.horizon_years = 9
    (f,) = fired(p, "align.horizons")
    word = {"fr": "stratégie", "en": "strategy"}[lang]
    assert word in f.message


def test_coherence_messages_can_be_asked_in_the_other_language() -> None:
    p = base("fr")
    p.strategy.horizon_years = 9
    result = analyze_profile(p, today=TODAY, ui_lang="en")
    (f,) = [f for f in result.findings if f.rule_id == "align.horizons"]
    assert "strategy horizon" in f.message
