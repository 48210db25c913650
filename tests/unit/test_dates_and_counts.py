"""Dates, counts, money and rhythms read in an answer as a person reads them: a day and a
month without a year is a deadline, a count of things has its unit, "90k a year" is money."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis import analyze_profile
from alignment_tui.analysis.dates import find_deadlines
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.text import analyze_answer
from alignment_tui.model.paths import set_field
from alignment_tui.store import load_profile

TODAY = date(2026, 11, 27)


def _rules(text: str, layer: str = "objectives", **options: object) -> set[str]:
    result = analyze_answer(text, layer, today=TODAY, **options)  # type: ignore[arg-type]
    return {f.rule_id for f in result.findings}


def _warned(text: str, layer: str = "objectives", **options: object) -> set[str]:
    result = analyze_answer(text, layer, today=TODAY, **options)  # type: ignore[arg-type]
    return {f.rule_id for f in result.findings if f.severity is not Severity.info}


DATED = [
    "Reach 500 paying members by 30 June.",
    "Sign 40 new practices before the end of March.",
    "Move from 12 to 30 pupils by the 1st of April.",
    "200 signed pilots by week 12, from 40 today.",
    "Passer à 500 abonnés payants d'ici le 30 juin.",
    "Passer de 90 à 150 paniers par semaine avant fin mars.",
    "Ouvrir la deuxième classe et passer de 12 à 30 élèves pour la rentrée.",
    "Remplir 80 % des créneaux du samedi d'ici mi-mars.",
    "Atteindre 3 500 € de CA par mois d'ici fin T1.",
    "Passer de 40 à 65 adhérents au 2e semestre.",
]


@pytest.mark.parametrize("text", DATED)
def test_an_objective_with_a_day_and_month_but_no_year_has_its_deadline(text: str) -> None:
    assert "objectives.no_deadline" not in _rules(text), text
    # The question asks for a date: it is there.
    found = _rules(text, field="objectives.focus", expect=("number", "date"))
    assert "vague.missing_signal" not in found, text


@pytest.mark.parametrize("text", ["Reach 500 paying members.", "Passer à 500 abonnés payants."])
def test_an_objective_without_any_date_is_still_asked_for_one(text: str) -> None:
    assert "objectives.no_deadline" in _rules(text)


COUNTED = [
    "Planter 1 milliard d'arbres d'ici 2030.",
    "Servir 10 000 repas d'ici décembre, contre 6 000 cette année.",
    "Animer 3 ateliers de réparation d'ici juin.",
    "Servir 3 millions de repas d'ici fin 2027.",
    "Plant 1 billion trees by 2030.",
    "Serve 10,000 meals by December, up from 6,000 this year.",
    "Run 3 repair workshops by June.",
    "Plant 2 million trees by the end of 2028.",
]


@pytest.mark.parametrize("text", COUNTED)
def test_a_count_of_things_has_its_unit(text: str) -> None:
    assert "vague.no_unit" not in _rules(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Reach 10,000 by June.",
        "Atteindre 10 000 d'ici juin.",
        # "30 June" is a date, not 30 of something.
        "Atteindre 10 000 d'ici le 30 juin.",
        # "3 to 5" counts nothing ("to" was taken for the unit of 3).
        "Go from 3 to 5 by June.",
        "Passer de 3 à 5 d'ici juin.",
    ],
)
def test_a_bare_number_still_has_no_unit(text: str) -> None:
    assert "vague.no_unit" in _warned(text)


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        # Money from its context, with no currency written.
        ("objectives", "Reach 90k a year in recurring revenue by Q3 2027, from 52k today."),
        ("objectives", "Atteindre 40 000 de CA mensuel d'ici fin T2, contre 28 000 aujourd'hui."),
        # Rhythms written in figures.
        (
            "execution",
            "A call with each new member every 2 weeks, and a newsletter every other month.",
        ),
        (
            "execution",
            "Un appel aux nouveaux adhérents tous les 15 jours et une lettre un mois sur deux.",
        ),
    ],
)
def test_money_and_rhythms_in_figures_are_detail(layer: str, text: str) -> None:
    assert _warned(text, layer) == set(), text


@pytest.mark.parametrize(
    "text",
    [
        "Point d'équipe tous les 15 jours sur les ventes de la semaine.",
        "Team review of the week's sales every 2 weeks.",
    ],
)
def test_a_rhythm_in_figures_is_a_rhythm(text: str) -> None:
    # « tous les 15 jours » once read as a deadline fifteen days away, and as no rhythm.
    result = analyze_answer(text, "execution", today=TODAY)
    assert "execution.no_timing" not in {f.rule_id for f in result.findings}
    assert result.specificity >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Passer de 120 à 400 abonnés au forfait d'ici le 30 septembre, "
        "point chaque 1er lundi du mois.",
        "Go from 120 to 400 plan subscribers by 30 September, "
        "reviewed on the first Monday of the month.",
    ],
)
def test_the_month_of_a_rhythm_is_no_deadline(text: str) -> None:
    # « du mois » of « chaque 1er lundi du mois » was read as the end of this month: the
    # tripling then looked due in three days (objectives.implausible_jump).
    assert _rules(text) & {"objectives.implausible_jump", "objectives.no_deadline"} == set()


@pytest.mark.parametrize(
    ("name", "timing"),
    [
        ("aligned-en-two-ovens-bakery.toml", "every other week"),
        ("aligned-en-two-ovens-bakery.toml", "during the sales"),
        ("aligned-en-two-ovens-bakery.toml", "by Christmas"),
        ("aligned-fr-atelier-semelle.toml", "une semaine sur deux"),
        ("aligned-fr-atelier-semelle.toml", "bimensuel"),
        ("aligned-fr-atelier-semelle.toml", "pendant les soldes"),
        ("aligned-fr-atelier-semelle.toml", "avant l'été"),
    ],
)
def test_a_rhythm_or_a_moment_in_words_is_a_channel_timing(
    repo_root: Path, name: str, timing: str
) -> None:
    profile = load_profile(repo_root / "examples" / name)
    set_field(profile, "execution.channels[0].timing", timing)
    rules = {f.rule_id for f in analyze_profile(profile, today=TODAY).findings}
    assert "channel.vague_timing" not in rules
    set_field(
        profile, "execution.channels[0].timing", "régulièrement" if "fr" in name else "regularly"
    )
    assert "channel.vague_timing" in {
        f.rule_id for f in analyze_profile(profile, today=TODAY).findings
    }


@pytest.mark.parametrize(
    "text", ["Vendre 2 000 paniers/mois d'ici juin.", "Sell 2,000 boxes/month by June."]
)
def test_a_rate_written_with_a_slash_is_a_rhythm(text: str) -> None:
    # « par mois » was a rhythm and « /mois » was not.
    assert "objectives.no_cadence" not in _rules(text)


@pytest.mark.parametrize(
    ("text", "last_day"),
    [
        ("The shop plans 40 repairs a week in 2026/27.", date(2027, 12, 31)),
        ("Reach 300 members by the end of 2026-27.", date(2027, 12, 31)),
        ("In 2026-2027 we open a second counter.", date(2027, 12, 31)),
    ],
)
def test_a_span_of_years_is_a_deadline_ending_with_its_last_year(text: str, last_day: date) -> None:
    assert [m.value for m in find_deadlines(text, TODAY)] == [last_day]
    assert "objectives.no_deadline" not in _rules(text)


@pytest.mark.parametrize(
    "text", ["Our 2026-2027 plan has three axes.", "Call 2026-2090 for help.", "2026/2025"]
)
def test_a_bare_or_impossible_span_of_years_is_no_deadline(text: str) -> None:
    assert find_deadlines(text, TODAY) == []
