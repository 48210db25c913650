"""French read as it is written: boilerplate in every person and tense, abstract words in
every gender and number, and « chaque jour » as emphasis outside a plan."""

from __future__ import annotations

from datetime import date

import pytest

from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.text import analyze_text

TODAY = date(2026, 11, 27)


def _warnings(text: str, layer: str) -> list[tuple[str, str]]:
    result = analyze_text(text, layer, "fr", today=TODAY)
    return [(f.rule_id, f.text) for f in result.findings if f.severity is not Severity.info]


@pytest.mark.parametrize(
    ("layer", "text", "words"),
    [
        ("mission", "Le cabinet répond aux attentes de ses clients.", "répond aux attentes"),
        ("values", "Nous donnons du sens à notre travail.", "donnons du sens"),
        (
            "mission",
            "Nos conseillers mettent tout en œuvre pour répondre à vos attentes.",
            "mettent tout en œuvre",
        ),
        ("mission", "Nous simplifions la vie de nos clients.", "simplifions la vie"),
        (
            "mission",
            "La banque est au service de ses clients et de son territoire.",
            "au service de ses clients",
        ),
        (
            "vision",
            "Le groupe contribue à construire une société plus inclusive.",
            "contribue à construire",
        ),
    ],
)
def test_boilerplate_is_caught_in_every_person_and_tense(layer: str, text: str, words: str) -> None:
    assert ("vague.cliche", words) in _warnings(text, layer)


def test_accompagner_is_a_buzzword_in_every_person_but_not_in_accompanied_by() -> None:
    found = _warnings("Nos équipes accompagnent les entreprises dans leurs projets.", "mission")
    assert ("vague.buzzword", "accompagnent") in found
    specific = "Chaque colis est accompagné d'une facture et d'un bon de retour prépayé."
    assert _warnings(specific, "execution") == []


def test_abstract_words_read_the_same_in_the_feminine_plural() -> None:
    singular = (
        "Une entreprise responsable, inclusive et résiliente, qui grandit avec son territoire."
    )
    plural = "Des entreprises responsables, inclusives et résilientes, qui grandissent ensemble."
    assert {r for r, _ in _warnings(singular, "vision")} == {"vague.abstract"}
    assert {r for r, _ in _warnings(plural, "vision")} == {"vague.abstract"}


def test_everyone_is_no_abstract_world() -> None:
    # « tout le monde » is everyone, not « le monde » of a vision: a rule for all is a rule.
    text = "Tout le monde, à l'atelier, peut arrêter une commande qui ne nous semble pas sûre."
    assert _warnings(text, "values") == []


def test_every_day_is_emphasis_in_a_mission_and_a_rhythm_in_a_plan() -> None:
    mission = "Nous travaillons chaque jour à améliorer le quotidien de nos clients."
    assert ("vague.cliche", "améliorer le quotidien") in _warnings(mission, "mission")
    plan = "Nous publions une photo du fournil sur Instagram chaque jour à 7 h."
    assert _warnings(plan, "execution") == []
    daily = "Une tournée quotidienne des 14 épiceries du canton."
    assert _warnings(daily, "execution") == []
