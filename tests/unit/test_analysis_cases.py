"""The cases users met, each on the right side of the line: specific answers get no
warning, vague ones get one, and one problem gets one finding."""

from __future__ import annotations

from datetime import date

import pytest

from alignment_tui.analysis import analyze_profile
from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.text import analyze_answer, analyze_text
from alignment_tui.model.paths import set_field
from alignment_tui.store import load_profile

TODAY = date(2026, 11, 27)


def _warned(text: str, layer: str, **options: object) -> set[str]:
    result = analyze_answer(text, layer, today=TODAY, **options)  # type: ignore[arg-type]
    return {f.rule_id for f in result.findings if f.severity is not Severity.info}


SPECIFIC = [
    # A behaviour is the detail of a value.
    ("values", "Listen first, then listen more."),
    ("values", "Écouter d'abord, puis écouter encore."),
    # An OKR with a baseline, a target and a date: "overall" is no weasel there.
    ("objectives", "Raise overall NPS from 32 to 45 by 30 June 2027, measured every month."),
    (
        "objectives",
        "Faire passer le NPS global de 32 à 45 d'ici le 30 juin 2027, mesuré chaque mois.",
    ),
    # 100 % is a measure, not hype.
    ("values", "100 % de l'équipe a accès à 100 % de l'information, salaires compris."),
    ("values", "100% of the team sees 100% of the figures, salaries included."),
    # A human reviewer is no superlative, "unmatched" no claim.
    ("execution", "Every unmatched line goes to a human reviewer within the day."),
    ("execution", "Chaque ligne non rapprochée part chez un relecteur humain dans la journée."),
    # Money from context.
    ("execution", "Offered 90k a year, remote, four days a week."),
    ("execution", "Poste à 45k par an, quatre jours par semaine."),
    # A named group of people is a beneficiary.
    ("vision", "Practice managers no longer chase unpaid invoices: the money arrives on its own."),
    (
        "vision",
        "Les parents n'ont plus à courir après une place de crèche : elle leur est proposée.",
    ),
    # A dated fact is the proof of a value in action.
    (
        "values",
        "Transparence : depuis 2024 on affiche le coût de revient de chaque paire en vitrine.",
    ),
    ("values", "Transparency: since 2024 we print the cost price of every pair in the window."),
    # A quoted counter-example in a tone answer is not the user's own words.
    ("execution", 'We never write "world-class" or "solutions": we say what the thing does.'),
    (
        "execution",
        "On n'écrit jamais « solutions innovantes » ni « leader » : on dit ce que fait l'outil.",
    ),
    # Famous strategies state their choice without "rather than"; "the lowest prices" is
    # the choice itself, not a boast.
    ("strategy", "Put big discount stores in the small towns the national chains ignore."),
    (
        "strategy",
        "Installer de grands magasins discount dans les petites villes que les grandes "
        "enseignes ignorent.",
    ),
    (
        "strategy",
        "Flat-pack furniture the customer carries home and assembles, so prices stay the lowest.",
    ),
    (
        "strategy",
        "Des meubles en kit que le client emporte et monte lui-même, pour garder les prix "
        "les plus bas.",
    ),
]


@pytest.mark.parametrize(("layer", "text"), SPECIFIC, ids=[t[:40] for _, t in SPECIFIC])
def test_specific_answers_get_no_warning(layer: str, text: str) -> None:
    assert _warned(text, layer) == set(), text


VAGUE = [
    (
        "mission",
        "Make accountants' lives easier and transform the accounting industry, so that firms "
        "everywhere can focus on what matters most.",
    ),
    (
        "mission",
        "Simplifier la vie des comptables et révolutionner la profession, pour que les cabinets "
        "se concentrent sur l'essentiel.",
    ),
    ("mission", "We offer a comprehensive suite of tools for modern teams."),
    ("mission", "Nous proposons une offre globale d'outils pour les équipes modernes."),
    ("strategy", "Leverage our expertise to win in new markets."),
    ("objectives", "Increase brand awareness."),
    ("objectives", "Développer notre notoriété."),
    ("execution", "Créer une communauté engagée autour de la marque."),
    ("execution", "Build an engaged community around the brand."),
    ("objectives", "Reach 10,000 Instagram followers by June 2027."),
    ("objectives", "Atteindre 10 000 abonnés Instagram d'ici juin 2027."),
    ("execution", "Post on social media regularly."),
    ("execution", "Poster régulièrement sur les réseaux sociaux."),
]


@pytest.mark.parametrize(("layer", "text"), VAGUE, ids=[t[:40] for _, t in VAGUE])
def test_vague_answers_get_a_warning(layer: str, text: str) -> None:
    assert _warned(text, layer), text


def test_one_vague_sentence_gets_one_finding_about_its_lack_of_detail() -> None:
    for text, layer in (
        ("We help our customers.", "mission"),
        ("Nous aidons nos clients.", "mission"),
    ):
        result = analyze_text(text, layer, today=TODAY)
        whole = [f for f in result.findings if f.start is None and f.severity is not Severity.info]
        assert len(whole) <= 1, result.findings


@pytest.mark.parametrize(
    ("field", "text", "expect"),
    [
        (
            "strategy.starting_point",
            "One workshop, three mechanics, 420 members, a waiting list in spring.",
            ("number",),
        ),
        (
            "objectives.review_ritual",
            "Monday stand-up reviews the weekly figures; quarterly review with the co-op board.",
            ("name", "number"),
        ),
        (
            "objectives.focus",
            "Passer le cap des 500 abonnés avant l'ouverture du deuxième atelier.",
            ("date",),
        ),
        (
            "objectives.review_ritual",
            "Point du lundi avec Léa et Karim, revue trimestrielle avec le bureau.",
            ("name",),
        ),
        (
            "execution.plan",
            "portes ouvertes du fournil le premier samedi de chaque mois",
            ("name",),
        ),
    ],
)
def test_complete_answers_get_no_warning_from_the_questions_expectations(
    field: str, text: str, expect: tuple[str, ...]
) -> None:
    layer = field.split(".")[0]
    assert _warned(text, layer, field=field, expect=expect, min_words=12) == set()


def test_a_values_meaning_that_only_names_virtues_is_no_meaning() -> None:
    for meaning in (
        "We value integrity and excellence.",
        "Nous valorisons l'intégrité et l'excellence.",
    ):
        assert _warned(meaning, "values", field="values.items[0].meaning")


@pytest.mark.parametrize(
    "name", ["aligned-en-two-ovens-bakery.toml", "aligned-fr-atelier-semelle.toml"]
)
def test_a_well_aligned_profile_keeps_at_most_two_warnings(repo_root, name: str) -> None:  # type: ignore[no-untyped-def]
    result = analyze_profile(load_profile(repo_root / "examples" / name), today=TODAY)
    warned = [f for f in result.findings if f.severity is not Severity.info]
    assert len(warned) <= 2, [(f.rule_id, f.where) for f in warned]


def test_channel_names_and_timings_are_read(repo_root) -> None:  # type: ignore[no-untyped-def]
    profile = load_profile(repo_root / "examples" / "aligned-en-two-ovens-bakery.toml")
    set_field(profile, "execution.channels[0].name", "Social media")
    set_field(profile, "execution.channels[0].timing", "regularly")
    rules = {f.rule_id for f in analyze_profile(profile, today=TODAY).findings}
    assert {"channel.generic_name", "channel.vague_timing"} <= rules
