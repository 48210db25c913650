"""analyze_text / analyze_answer: rule examples, spans, settings, scores and corpus bars."""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from alignment_tui.analysis.findings import REGISTRY, Severity
from alignment_tui.analysis.text import analyze_answer, analyze_text, example_cases

TODAY = date(2026, 11, 27)
ROOT = Path(__file__).resolve().parents[2]


def _rules(text: str, layer: str, **options: Any) -> dict[str, Severity]:
    result = analyze_answer(text, layer, today=TODAY, **options)
    return {f.rule_id: f.severity for f in result.findings}


@pytest.mark.parametrize(
    ("rule_id", "lang", "text", "fires", "options"),
    example_cases(),
    ids=[f"{c[0]}-{c[1]}-{'fires' if c[3] else 'quiet'}" for c in example_cases()],
)
def test_every_rule_example_fires_or_not_as_documented(
    rule_id: str, lang: str, text: str, fires: bool, options: dict[str, Any]
) -> None:
    opts = dict(options)
    layer = opts.pop("layer")
    found = _rules(text, layer, **opts)
    assert (rule_id in found) is fires, f"{rule_id} on {text!r}: {found}"


def test_every_text_rule_is_registered_with_both_languages() -> None:
    ids = {case[0] for case in example_cases()}
    assert len(ids) >= 30
    for rule_id in ids:
        info = REGISTRY[rule_id]
        for lang in ("fr", "en"):
            assert info.title[lang] and info.catches[lang] and info.why[lang]
            assert {e.fires for e in info.examples[lang]} == {True, False}


def test_generic_values_are_an_error_and_the_span_is_each_word() -> None:
    text = "Intégrité, excellence, respect"
    result = analyze_text(text, "values", today=TODAY)
    virtues = [f for f in result.findings if f.rule_id == "values.generic_virtue"]
    assert [f.text for f in virtues] == ["Intégrité", "excellence", "respect"]
    assert all(f.severity is Severity.error for f in virtues)
    assert all(text[f.start : f.end] == f.text for f in virtues)
    assert result.score <= 40


def test_spans_point_at_the_words_after_accents_and_emoji() -> None:
    text = (
        "🚀🎯 Équipe énergique : nous apportons des solutions innovantes à forte valeur ajoutée ✨"
    )
    result = analyze_text(text, "mission", today=TODAY)
    spans = {f.text for f in result.findings if f.start is not None}
    assert "solutions innovantes" in spans
    assert "à forte valeur ajoutée" in spans
    for f in result.findings:
        if f.start is not None:
            assert text[f.start : f.end] == f.text


def test_unaccented_lower_case_french_matches_the_lists() -> None:
    found = _rules("une strategie a forte valeur ajoutee, le client au coeur de tout", "strategy")
    assert "vague.buzzword" in found
    assert "vague.cliche" in found


def test_exceptions_keep_legitimate_phrases_quiet() -> None:
    assert "vague.weasel" not in _rules(
        "La plupart de nos clients reviennent dans l'année.", "strategy"
    )
    assert "vague.weasel" in _rules("La plupart du temps, nous livrons vite.", "strategy")
    assert "vague.weasel" not in _rules(
        "We say no to too many meetings: two a week at most.", "values"
    )


def test_messages_follow_the_ui_language_not_the_text() -> None:
    result = analyze_text("Devenir le leader de notre marché.", "vision", ui_lang="en", today=TODAY)
    assert result.lang == "fr"
    centred = next(f for f in result.findings if f.rule_id == "vision.company_centred")
    assert "rank" in centred.message and centred.text == "Devenir le leader de notre marché"
    french = analyze_text("Become the leader of our market.", "vision", ui_lang="fr", today=TODAY)
    assert any("rang" in f.message for f in french.findings)


def test_detected_language_is_the_default_for_messages() -> None:
    result = analyze_text("on veut devenir le leader du marche", "vision", today=TODAY)
    assert result.lang == "fr"
    assert any("rang" in f.message for f in result.findings)


def test_specific_answers_score_high_and_vague_ones_low() -> None:
    vague = analyze_text("Post on social media regularly.", "execution", today=TODAY)
    specific = analyze_text(
        "Two LinkedIn posts every Tuesday from March for HR managers in Leeds, 300 pounds a month.",
        "execution",
        today=TODAY,
    )
    assert specific.score >= 90 > 60 >= vague.score
    assert analyze_text("   ", "vision").score == 0


def test_concrete_detail_turns_a_lone_buzzword_into_a_hint() -> None:
    text = "We resole shoes in Leeds within 48 hours, a seamless service for office workers."
    found = _rules(text, "mission")
    assert found.get("vague.buzzword") is Severity.info


def test_settings_disable_rules_and_accept_terms() -> None:
    text = "Un accompagnement sur mesure pour les artisans."
    assert "vague.buzzword" in _rules(text, "mission")
    assert "vague.buzzword" not in _rules(text, "mission", disabled={"vague.buzzword"})
    assert "vague.buzzword" not in _rules(text, "mission", accepted_terms={"accompagnement"})
    assert "vague.cliche" not in _rules(text, "mission", off={"vague.cliche"})
    assert not any(r.startswith("vague.") for r in _rules(text, "mission", disabled={"vague.*"}))


def test_overlapping_words_make_one_finding() -> None:
    result = analyze_text("Post on social media regularly.", "execution", today=TODAY)
    channels = [f.text for f in result.findings if f.rule_id == "execution.generic_channel"]
    assert channels == ["social media"]


def test_question_rules_expect_and_word_limits() -> None:
    assert "vague.missing_signal" in _rules(
        "Some budget for flyers.", "execution", expect=["money"]
    )
    found = _rules("300 euros a month for flyers.", "execution", expect=["money", "number"])
    assert "vague.missing_signal" not in found
    assert "vague.too_short" in _rules("Repair shoes.", "mission", min_words=8)
    assert "vague.too_long" in _rules("one two three four five six", "mission", max_words=3)


def test_field_specific_rules_stay_where_they_belong() -> None:
    tone = "professionnel et chaleureux"
    assert "execution.generic_tone" in _rules(tone, "execution", field="execution.tone")
    assert "execution.generic_tone" not in _rules(
        tone, "execution", field="execution.value_proposition"
    )
    kpi_name = "Resoling subscriptions"
    assert "objectives.no_number" not in _rules(
        kpi_name, "objectives", field="objectives.kpis[0].name"
    )
    assert "objectives.no_number" in _rules("Grow resoling subscriptions", "objectives")


def test_a_date_in_the_story_of_the_values_is_not_a_dated_value() -> None:
    story = "In 2019 a customer brought back boots we had sold her in 2009."
    assert "values.dated_reference" not in _rules(story, "values", field="values.origin")
    assert "values.dated_reference" in _rules(story, "values", field="values.items[0].meaning")


def test_objective_deadline_and_jump_depend_on_today() -> None:
    text = "Go from 50 to 600 subscribers by end of Q1 2027."
    assert "objectives.implausible_jump" in _rules(text, "objectives")
    later = analyze_answer(text, "objectives", today=date(2024, 1, 1))
    rules = {f.rule_id for f in later.findings}
    assert "objectives.implausible_jump" not in rules
    assert "objectives.far_deadline" in rules


def test_unknown_layer_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown layer"):
        analyze_text("x", "tactics")


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_analysis", ROOT / "benchmarks" / "analysis.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_corpus_meets_the_accuracy_bars_with_the_language_detected() -> None:
    bench = _benchmark()
    items = bench.load_corpus(ROOT / "tests" / "corpus")
    langs = {i.lang for i in items}
    assert langs == {"fr", "en"} and len(items) >= 240
    for layer in bench.LAYERS:
        assert sum(i.layer == layer for i in items) >= 30
    report = bench.evaluate(items)
    for lang in ("fr", "en"):
        scores = report.by_lang[lang]
        assert scores.balanced >= 0.85, (lang, scores)
        assert scores.precision >= 0.85, (lang, scores)
    for rule_id, scores in report.rules.items():
        assert scores.precision >= 0.7, (rule_id, scores)


def test_every_word_list_entry_explains_itself() -> None:
    from alignment_tui.analysis.lexicon import entries

    found = entries()
    assert {e.lang for e in found} == {"fr", "en"}
    for entry in found:
        assert entry.note.strip() and entry.source.strip(), entry.rule
        if not entry.rule.startswith("signal.") and entry.rule != "objectives.output":
            assert entry.rewrite.strip(), entry.rule
            assert entry.rule in REGISTRY, entry.rule


def _flagged(text: str, layer: str) -> set[str]:
    """The warnings and errors a user sees for ``text`` (language detected)."""
    result = analyze_text(text, layer, today=TODAY)
    return {f.rule_id for f in result.findings if f.severity is not Severity.info}


@pytest.mark.parametrize(
    "text",
    [
        "We'd rather lose a client than lie about a deadline.",
        "On préfère perdre un client que mentir sur un délai.",
        "As long as a customer's site is down, nobody on the team starts new work.",
        "Tant qu'un client attend une réponse, personne ne part en réunion interne.",
        "Own it: whoever breaks production writes the incident report, with no blame.",
        "Celui qui casse la prod écrit le compte rendu, sans chercher de coupable.",
        "Exigence : un chantier n'est pas terminé tant que le client n'a pas signé les réserves.",
        "Open books: every employee can see the company accounts and everyone's salary.",
    ],
)
def test_a_value_stated_as_a_behaviour_in_plain_words_is_not_vague(text: str) -> None:
    assert _flagged(text, "values") == set()


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("Bold. Humble. Together.", "values.generic_virtue"),
        ("Nos valeurs : Engagement. Exigence. Partage.", "values.generic_virtue"),
        ("We are guided by strong values: team spirit, high standards and a passion.", None),
        ("Giving 200% for our clients", "vague.weasel"),
        ("Un engagement à 110 % au quotidien", "vague.weasel"),
        ("La confiance : nous croyons que la confiance est essentielle entre nous.", None),
        ("Sustainability: we believe in a sustainable future for all of us.", None),
        ("Our values are who we are: people first, always.", "values.generic_virtue"),
        ("Excellence, Integrity and Teamwork are the foundations on which we build.", None),
        ("Resilience through the 2025 tariff crisis", "values.dated_reference"),
    ],
)
def test_slogans_hype_numbers_and_beliefs_are_vague_values(text: str, rule_id: str | None) -> None:
    found = _flagged(text, "values")
    assert found, text
    if rule_id:
        assert rule_id in found


def test_a_virtue_defined_after_a_colon_is_not_bare() -> None:
    assert _flagged("Candour: whoever spots a mistake says so the same day.", "values") == set()
    assert _flagged("Franchise : celui qui voit une erreur le dit le jour même.", "values") == set()


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("Our strategy rests on 3 pillars: people, planet, performance.", "strategy"),
        ("Notre stratégie repose sur 3 axes : croissance, innovation, excellence.", "strategy"),
        ("Reach 10,000 by the end of the year.", "objectives"),
        ("Atteindre 10 000 d'ici la fin de l'année.", "objectives"),
        ("+30%", "objectives"),
        ("Budget: 10,000.", "execution"),
        ("Budget : 10 000.", "execution"),
        ("Be #1 in Europe by 2030", "vision"),
        ("devenir numéro 1 en europe", "vision"),
        ("Reach $100M ARR and 500 employees by 2031.", "vision"),
        ("Être une entreprise dont nos collaborateurs et nos actionnaires sont fiers.", "vision"),
        ("Helping build a fairer, more inclusive and more sustainable society.", "vision"),
        ("Contribuer à construire une société plus juste et plus inclusive.", "vision"),
        ("We design and deliver products and services that improve how people live.", "mission"),
        (
            "Nous concevons et distribuons des produits et services qui changent la donne.",
            "mission",
        ),
    ],
)
def test_digits_and_help_verbs_do_not_hide_a_vague_answer(text: str, layer: str) -> None:
    assert _flagged(text, layer), text


@pytest.mark.parametrize(
    "text",
    [
        "A stall at the Broadway market every Saturday from May to September.",
        "Un stand au marché de la Croix-Rousse chaque dimanche matin, de mai à septembre.",
        "Tone: first names, short sentences, no technical jargon; we talk like a plumber.",
        "On vouvoie, phrases de moins de 20 mots, aucun anglicisme, chaque prix affiché TTC.",
        "Value proposition: a jacket repaired free for life, or your money back.",
        "Proposition de valeur : une veste réparée gratuitement à vie, ou remboursée.",
    ],
)
def test_timings_tone_devices_and_offer_terms_are_concrete_execution(text: str) -> None:
    assert _flagged(text, "execution") == set()


@pytest.mark.parametrize(
    "text",
    [
        "People who stammer get hired on their skills, not on how fast they speak.",
        "Les personnes qui bégaient sont embauchées pour leurs compétences, pas pour leur débit.",
        "No pregnant woman in a rural area should have to drive an hour to see a midwife.",
        "Plus aucune famille de la Creuse ne fait une heure de route pour voir un pédiatre.",
    ],
)
def test_a_vision_naming_who_benefits_in_plain_words_is_not_vague(text: str) -> None:
    assert _flagged(text, "vision") == set()


def test_recruiting_partners_from_a_baseline_on_a_rhythm_is_an_outcome() -> None:
    text = "Recruter 25 restaurants partenaires d'ici mars 2027 (aujourd'hui : 8), point le lundi."
    assert _flagged(text, "objectives") == set()
    text = "Sign 12 partner bakeries by March 2027 (today: 4), reviewed each Friday."
    assert _flagged(text, "objectives") == set()


def test_idioms_with_best_are_no_superlative() -> None:
    text = "Saying no: we turn down projects where we're not the best fit and refer a colleague."
    assert "vague.superlative" not in _flagged(text, "values")


def test_french_messages_keep_guillemets_and_colons_on_their_line() -> None:
    from alignment_tui.analysis import packs

    for rule_id, spec in packs.get("fr").rules.items():
        for key in ("title", "catches", "why", "message", "suggestion"):
            french = getattr(spec, key)
            assert not re.search(r"« | »| [:;!?]", french), (rule_id, key, french)
