"""Listed words read in their context: whom a text serves, a concrete noun built on a
cliché word, a vision's non-human beneficiary are no vagueness; native boilerplate is."""

from __future__ import annotations

from datetime import date

import pytest

from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.text import analyze_answer

TODAY = date(2026, 11, 27)


def _warned(text: str, layer: str) -> set[str]:
    result = analyze_answer(text, layer, today=TODAY)
    return {f.rule_id for f in result.findings if f.severity is not Severity.info}


NOT_VAGUE = [
    # Whom an organisation serves is no claim of rank, nor a plan's timing.
    (
        "strategy",
        "We will focus on reaching the most deprived children, who are too often excluded "
        "from school trips because of the cost.",
    ),
    (
        "strategy",
        "Nous visons d'abord les familles les plus démunies du quartier, trop souvent "
        "absentes des sorties scolaires faute d'argent.",
    ),
    # The living world is who gains in an environmental vision.
    ("vision", "Our oceans as rich and abundant as they were before industrial trawling."),
    ("vision", "Des forêts où la faune revient."),
    # A concrete noun built on a cliché word.
    ("vision", "Que chaque habitant ait accès aux commerces de proximité."),
    ("mission", "Nous fabriquons des meubles sur mesure en chêne du Jura, livrés et posés."),
    # A product tier, a practice's name.
    ("execution", "The premium plan adds a second user and phone support."),
    (
        "execution",
        "Les commentaires sont modérés a priori et a posteriori, au moins une fois par semaine.",
    ),
]


@pytest.mark.parametrize(("layer", "text"), NOT_VAGUE, ids=[t[:40] for _, t in NOT_VAGUE])
def test_listed_words_in_a_concrete_context_get_no_warning(layer: str, text: str) -> None:
    assert _warned(text, layer) == set(), text


VAGUE = [
    # Native French boilerplate, not a translation of the English lists.
    ("vision", "Être un acteur engagé pour son territoire.", "vague.cliche"),
    ("vision", "Une vision partagée face aux grands enjeux.", "vague.cliche"),
    ("execution", "Un accueil chaleureux et une cuisine succulente.", "vague.cliche"),
    ("execution", "Nous nous efforçons de répondre aux demandes.", "vague.hedge"),
    ("mission", "Des animations pour tous et toutes, de 7 à 77 ans.", "vague.everyone"),
    ("mission", "Sensibiliser les acheteurs publics à l'environnement.", "vague.vague_verb"),
    # English stock pictures.
    ("vision", "To make people happy.", "vague.cliche"),
    ("vision", "Protect, care and invest to create a better borough.", "vague.cliche"),
    ("execution", "A warm welcome and a friendly atmosphere.", "vague.cliche"),
]


@pytest.mark.parametrize(("layer", "text", "rule_id"), VAGUE, ids=[t[:40] for _, t, _ in VAGUE])
def test_native_boilerplate_is_named_for_what_it_is(layer: str, text: str, rule_id: str) -> None:
    assert rule_id in _warned(text, layer), text
