"""English boilerplate in its usual inflections is read as vague, and the words a tone guide
names in order to ban them are not the answer's own."""

from __future__ import annotations

from datetime import date

import pytest

from alignment_tui.analysis.findings import Severity
from alignment_tui.analysis.text import analyze_answer

TODAY = date(2026, 11, 27)


def _warned(text: str, layer: str) -> set[str]:
    result = analyze_answer(text, layer, lang="en", today=TODAY)
    return {f.rule_id for f in result.findings if f.severity is not Severity.info}


BOILERPLATE = [
    ("mission", "Our team makes a difference and exceeds your expectations."),
    ("mission", "We empower businesses to unlock their potential."),
    ("mission", "A one-stop shop of innovative solutions for growing firms."),
    ("strategy", "Driving sustainable growth through a culture of excellence."),
    ("strategy", "Our people drive innovation and deliver results for our clients."),
    ("vision", "Shaping the future of the industry, one project at a time."),
    ("vision", "To reimagine the workplace and inspire positive change."),
    ("values", "Customer-focused: we delight our customers every time."),
    ("execution", "A seamless experience from first visit to checkout, with world-class care."),
    ("mission", "We harness the power of technology to create lasting value."),
]


@pytest.mark.parametrize(("layer", "text"), BOILERPLATE, ids=[t[:40] for _, t in BOILERPLATE])
def test_inflected_boilerplate_gets_a_warning(layer: str, text: str) -> None:
    assert _warned(text, layer), text


def test_inflections_of_one_stock_phrase_are_each_flagged() -> None:
    for text in (
        "We make a difference.",
        "Every visit makes a difference.",
        "Our volunteers made a difference.",
        "We exceed expectations.",
        "The team exceeded expectations.",
        "Drive growth.",
        "Driving growth.",
        "It drives growth.",
    ):
        result = analyze_answer(text, "mission", lang="en", today=TODAY)
        assert {"vague.cliche", "vague.buzzword"} & {f.rule_id for f in result.findings}, text


def test_common_boilerplate_is_weak_evidence_beside_concrete_detail() -> None:
    # "We are committed to" and "prides itself" are written by specific companies too.
    specific = (
        "The company prides itself on leaving your home as it found it: shoe covers, "
        "dust sheets and a vacuum after every call-out, and a 12-month guarantee on parts."
    )
    assert _warned(specific, "values") == set()
    vague = "We are committed to providing the highest level of service."
    assert _warned(vague, "mission")


MENTIONED = [
    ("execution", "Say it with conviction. Limit tentative words such as possibly or maybe."),
    ("execution", "Avoid jargon like leverage, synergy or best-in-class: say what the tool does."),
    ("execution", "We never say world-class or cutting-edge; we give the number."),
]


@pytest.mark.parametrize(("layer", "text"), MENTIONED, ids=[t[:40] for _, t in MENTIONED])
def test_words_named_to_be_avoided_are_not_the_answers_own(layer: str, text: str) -> None:
    assert _warned(text, layer) == set(), text


def test_words_named_to_be_avoided_do_not_make_the_answer_abstract() -> None:
    # Not even a hint: a list of banned words is a rule a writer can follow.
    text = "We never say world-class, synergy or excellence."
    result = analyze_answer(text, "execution", lang="en", today=TODAY)
    assert "vague.abstract" not in {f.rule_id for f in result.findings}
    used = "Our world-class synergy and excellence, on every channel."
    assert "vague.abstract" in {
        f.rule_id for f in analyze_answer(used, "execution", lang="en", today=TODAY).findings
    }


def test_a_plan_quoted_whole_is_the_answers_own_words() -> None:
    # A quote that is most of the answer is the statement itself, not an example inside it.
    whole = '"Our world-class team delivers cutting-edge solutions on social media."'
    assert _warned(whole, "execution")
    example = 'Every post names the price; we never write "world-class" or "cutting-edge".'
    assert _warned(example, "execution") == set()


def test_a_mention_reaches_only_to_the_end_of_its_clause() -> None:
    text = "We avoid words like synergy. Our world-class team offers cutting-edge solutions."
    result = analyze_answer(text, "execution", lang="en", today=TODAY)
    flagged = {f.text.lower() for f in result.findings if f.severity is not Severity.info}
    assert "world-class" in flagged
    assert "synergy" not in {f.text.lower() for f in result.findings}


def test_a_company_centred_vision_needs_a_rank_not_any_we_will_be() -> None:
    assert _warned("This year we will be growing twelve kinds of carrots.", "mission") == set()
    assert _warned("We train community leaders in every ward of Leeds.", "mission") == set()
    assert "vision.company_centred" in _warned("We will be the leader of home repair.", "vision")
    assert "vision.company_centred" in _warned("Become a world leader in batteries.", "vision")


def test_a_family_of_channels_named_as_the_channel_is_a_warning() -> None:
    for text in (
        "We use social media to engage with the public about what happens where they live.",
        "We have a number of social media accounts to share news about our venues.",
    ):
        assert "execution.generic_channel" in _warned(text, "execution"), text
    # A named channel beside it: the family is a hint.
    named = "Social media: a LinkedIn post every Tuesday for HR managers in Leeds."
    assert "execution.generic_channel" not in _warned(named, "execution")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1. Increase our sales.\n2. Grow our brand.", "en"),
        ("#3 – Improve customer satisfaction.", "en"),
        ("Objectifs\n1. Augmenter nos ventes.\n2) Développer notre marque.", "fr"),
    ],
)
def test_the_number_of_a_list_item_measures_nothing(text: str, lang: str) -> None:
    result = analyze_answer(text, "objectives", lang=lang, today=TODAY)
    assert "objectives.no_number" in {f.rule_id for f in result.findings}, result.findings


def test_a_measured_objective_in_a_numbered_list_keeps_its_number() -> None:
    for text, lang in (
        ("1. Reach 400 members by 30 June 2027 (today 250).", "en"),
        ("1. Passer de 250 à 400 adhérents d'ici le 30 juin 2027.", "fr"),
    ):
        result = analyze_answer(text, "objectives", lang=lang, today=TODAY)
        assert "objectives.no_number" not in {f.rule_id for f in result.findings}, text


def test_a_vague_quantity_is_strong_evidence_only_in_an_objective() -> None:
    # Describing an audience, "a lot of" is no claim a reader could check or miss.
    for text in (
        "Lots of our customers are retired teachers who garden.",
        "Our members do a lot of their shopping on foot.",
    ):
        assert "vague.weasel" not in _warned(text, "strategy"), text
    described_fr = (
        "Nous ne sommes pas une salle pour athlètes : nous avons beaucoup de gens qui se "
        "sentent mal à l'aise en salle et veulent commencer quand même."
    )
    result = analyze_answer(described_fr, "strategy", lang="fr", today=TODAY)
    assert "vague.weasel" not in {
        f.rule_id for f in result.findings if f.severity is not Severity.info
    }
    # In an objective it is the measure that is missing; elsewhere, with other vague words.
    assert "vague.weasel" in _warned("Get a lot of new members.", "objectives")
    assert "vague.weasel" in _warned("We want lots of customers and a lot of growth.", "strategy")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Over 2025-2027, continue our restructuring and renew the programme.", "en"),
        ("For the period 2024 to 2028, grow our presence in the region.", "en"),
        ("Pour les saisons 2025/2027 : poursuivre la restructuration et renouveler l'offre.", "fr"),
        ("En 2026-27, on devrait relancer l'accueil des scolaires.", "fr"),
    ],
)
def test_a_period_of_years_is_no_quantity(text: str, lang: str) -> None:
    result = analyze_answer(text, "objectives", lang=lang, today=TODAY)
    assert "objectives.no_number" in {f.rule_id for f in result.findings}, result.findings


def test_a_count_beside_a_period_of_years_is_still_a_quantity() -> None:
    for text, lang in (
        ("From 2025 to 2027, go from 200 to 900 members.", "en"),
        ("De 2025 à 2027, passer de 200 à 900 adhérents.", "fr"),
        ("396 starts and 352 completions in 2025/26.", "en"),
    ):
        result = analyze_answer(text, "objectives", lang=lang, today=TODAY)
        assert "objectives.no_number" not in {f.rule_id for f in result.findings}, text


def test_a_vision_about_the_company_becoming_a_model_is_company_centred() -> None:
    for text in (
        "We want to establish ourselves as the trusted service for landlords.",
        "To become an exemplar for others to follow in social housing.",
    ):
        assert "vision.company_centred" in _warned(text, "vision"), text
    assert "vision.company_centred" not in _warned(
        "Tenants in Leeds will have repairs done within a week, not a season.", "vision"
    )


def test_a_value_named_in_a_heading_is_explained_by_the_text_after_a_blank_line() -> None:
    explained = "## Thrift\n\nNobody flies business class, and we reuse every box twice."
    assert "values.generic_virtue" not in _warned(explained, "values")
    # Names alone, a blank line between each, stay bare virtues.
    assert "values.generic_virtue" in _warned("Honesty\n\nIntegrity\n\nRespect", "values")


def test_a_doing_said_in_a_stock_phrase_is_no_behaviour() -> None:
    stock = (
        "We are dedicated to customer satisfaction. We set high standards when it comes to "
        "the work we do."
    )
    assert "vague.cliche" in _warned(stock, "values")
    # The same doing said plainly is a behaviour a reader can check.
    plain = "We call every customer back within a day and redo any repair that fails."
    assert _warned(plain, "values") == set()


def test_pillars_in_quotes_are_still_an_agenda_without_a_choice() -> None:
    text = 'Our plan rests on four strategic "pillars": quality, access, people and growth.'
    assert "strategy.no_choice" in _warned(text, "strategy")


def test_a_mission_naming_only_itself_and_its_public_has_no_offer() -> None:
    """The organisation's name and who it is for say nothing of what it offers: the
    missing offer is still found (a hint, until other evidence agrees)."""
    vague = (
        "The mission of Kelda Books is to inspire young readers and their families to fall "
        "in love with stories."
    )
    found = {f.rule_id for f in analyze_answer(vague, "mission", lang="en", today=TODAY).findings}
    assert "mission.no_offer" in found
    offer = "At Hillside Dental we fit same-day crowns for patients who cannot take time off."
    assert "mission.no_offer" not in _warned(offer, "mission")


def test_the_number_of_a_first_list_item_is_no_rank() -> None:
    listed = "#1 – Listen first, then answer.\n#2 – Write the price on every quote."
    assert "vague.superlative" not in _warned(listed, "values")
    assert "vision.company_centred" in _warned("Become the #1 garage in Kent by 2030.", "vision")


def test_a_tone_shown_by_writing_devices_is_not_generic() -> None:
    shown = "Friendly but direct: write as you talk, use contractions and the active voice."
    assert "execution.generic_tone" not in _warned(shown, "execution")
    assert "execution.generic_tone" in _warned(
        "Our tone is friendly and professional.", "execution"
    )


def test_the_first_choice_is_company_centred_only_when_the_company_is_it() -> None:
    assert "vision.company_centred" in _warned("To be the first choice for home repairs.", "vision")
    town = "A town where walking and cycling are the first choice for trips under two miles."
    assert "vision.company_centred" not in _warned(town, "vision")
