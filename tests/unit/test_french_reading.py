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


@pytest.mark.parametrize(
    ("layer", "text", "words"),
    [
        ("mission", "Le groupe contribue à un monde plus durable.", "contribue à un monde"),
        (
            "vision",
            "Nous voulons participer à la construction d'une société plus juste.",
            "participer à la construction",
        ),
        (
            "mission",
            "L'association œuvre pour le rayonnement de notre territoire.",
            "œuvre pour le rayonnement",
        ),
        ("vision", "Bâtir une économie toujours plus verte.", "une économie toujours plus verte"),
    ],
)
def test_taking_part_in_an_abstraction_and_a_comparative_without_measure_are_formulas(
    layer: str, text: str, words: str
) -> None:
    assert any(rule == "vague.cliche" and words in found for rule, found in _warnings(text, layer))


def test_a_measured_contribution_is_spared() -> None:
    text = "Nous contribuons à la réussite de 40 apprentis par an en leur finançant le permis."
    assert _warnings(text, "mission") == []


def test_a_list_of_every_kind_of_customer_is_everyone() -> None:
    text = (
        "La Caisse régionale accompagne les particuliers, les professionnels, les agriculteurs, "
        "les entreprises et les collectivités dans tous leurs projets."
    )
    assert (
        "vague.everyone",
        "particuliers, les professionnels, les agriculteurs, les entreprises et les collectivités",
    ) in _warnings(text, "mission")
    trades = (
        "Vendre aux boulangers, aux bouchers, aux fromagers et aux cavistes du Finistère "
        "plutôt qu'à la grande distribution."
    )
    assert _warnings(trades, "strategy") == []


def test_the_organisations_age_and_size_are_no_detail() -> None:
    boast = (
        "Depuis plus de 40 ans, nos artisans mettent leur savoir-faire et leur passion au "
        "service de votre confort."
    )
    assert any(
        rule == "vague.cliche" and "au service de votre" in words
        for rule, words in _warnings(boast, "mission")
    )
    # A plain number of years dates a practice; a headcount to train is an objective's count.
    assert _warnings("Depuis 5 ans, nous publions chaque trimestre nos marges.", "values") == []
    objective = "Former nos 300 collaborateurs à l'écoconduite d'ici juin 2027."
    assert _warnings(objective, "objectives") == []


def test_a_virtue_named_in_a_sentence_is_still_a_virtue() -> None:
    text = (
        "La pratique judiciaire requiert tout à la fois une grande rigueur et une grande "
        "inventivité."
    )
    assert _warnings(text, "values") != []
    behaviour = "La rigueur, chez nous : chaque acte est relu par un second avocat avant l'envoi."
    assert _warnings(behaviour, "values") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nous nous concentrons sur les garages indépendants de Bretagne.",
        "La coopérative s'est spécialisée dans les légumes anciens pour les restaurateurs.",
        "On s'est positionné sur la mesure du carbone au champ.",
        "Nous avons fait le choix de la vente en vrac pour les épiceries bio.",
        "Nous avons choisi de livrer les pharmacies de garde la nuit.",
    ],
)
def test_a_strategy_states_its_choice_with_the_verb_itself(text: str) -> None:
    result = analyze_text(text, "strategy", "fr", today=TODAY)
    assert "strategy.no_choice" not in {f.rule_id for f in result.findings}


def test_a_choice_of_virtues_is_still_vague() -> None:
    assert _warnings("Nous avons fait le choix de l'excellence et de l'innovation.", "strategy")


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        # Value added as an economic quantity, value-added tax, a judgement that says no.
        (
            "Garder la valeur ajoutée sur le territoire en transformant le lait en tomme.",
            "strategy",
        ),
        (
            "Je n'y vois que peu de valeur ajoutée pour notre marque : pas de bière en duo.",
            "strategy",
        ),
        (
            "Nous facturons la taxe sur la valeur ajoutée à 5,5 % sur les travaux d'isolation.",
            "mission",
        ),
        # Support towards a job or a home is the social worker's own word.
        (
            "Le service propose un accompagnement vers l'emploi aux allocataires du RSA : "
            "un rendez-vous par semaine.",
            "mission",
        ),
    ],
)
def test_value_added_and_support_in_their_trade_sense_are_no_buzzwords(
    text: str, layer: str
) -> None:
    assert "vague.buzzword" not in {rule for rule, _ in _warnings(text, layer)}


@pytest.mark.parametrize(
    ("layer", "text", "rule", "words"),
    [
        (
            "values",
            "Le respect fait partie de notre ADN.",
            "vague.cliche",
            "fait partie de notre ADN",
        ),
        (
            "values",
            "La transparence est un gage de la confiance accordée par nos adhérents.",
            "vague.cliche",
            "gage de la confiance",
        ),
        (
            "values",
            "Nous accordons une importance particulière à l'écoute de nos clients.",
            "vague.cliche",
            "accordons une importance particulière",
        ),
        (
            "vision",
            "Le droit au logement doit devenir une réalité pour tous.",
            "vague.everyone",
            "une réalité pour tous",
        ),
        (
            "vision",
            "Des vacances à la portée de chacun.",
            "vague.everyone",
            "à la portée de chacun",
        ),
    ],
)
def test_how_a_values_page_says_a_value_matters_and_for_all(
    layer: str, text: str, rule: str, words: str
) -> None:
    assert (rule, words) in _warnings(text, layer)


@pytest.mark.parametrize(
    ("layer", "text", "words"),
    [
        ("values", "L'écoute est dans notre ADN.", "notre ADN"),
        ("vision", "Inventer ensemble l'agriculture de demain.", "l'agriculture de demain"),
        (
            "mission",
            "Une équipe au service de la réussite de vos projets.",
            "au service de la réussite",
        ),
    ],
)
def test_a_brand_dna_the_world_of_tomorrow_and_serving_an_abstraction_are_formulas(
    layer: str, text: str, words: str
) -> None:
    assert any(rule == "vague.cliche" and words in found for rule, found in _warnings(text, layer))


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("mission", "Le laboratoire séquence l'ADN des semences de 40 coopératives de la région."),
        (
            "execution",
            "Livraison des paniers de demain matin avant 7 h dans les 12 épiceries du canton.",
        ),
        (
            "mission",
            "Au service des urgences de Rennes, nous réparons les lits médicalisés sous 24 h.",
        ),
    ],
)
def test_dna_tomorrow_morning_and_a_hospital_ward_are_what_they_say(layer: str, text: str) -> None:
    assert "vague.cliche" not in {rule for rule, _ in _warnings(text, layer)}


def test_a_quoted_i_do_not_know_is_no_unwritten_answer() -> None:
    text = (
        "Nous avons le courage de dire « non » ou « je ne sais pas » à un client quand le "
        "délai est intenable."
    )
    assert _warnings(text, "values") == []
    assert _warnings("Je ne sais pas.", "values") == [("vague.placeholder", "Je ne sais pas")]


@pytest.mark.parametrize(
    "text",
    [
        "À bannir : leader, excellence, au cœur de.",
        "Les mots à éviter : synergie, disruptif, accompagnement.",
        "On ne dit jamais « solutions innovantes » ni « accompagnement sur mesure ».",
        "Évitez les mots comme excellence, innovation ou leader ; donnez un chiffre.",
    ],
)
def test_words_a_tone_guide_bans_are_mentioned_not_used(text: str) -> None:
    result = analyze_text(text, "execution", "fr", today=TODAY)
    assert [f.rule_id for f in result.findings] == [], text


def test_a_ban_reaches_only_to_the_end_of_its_clause() -> None:
    found = _warnings(
        "À bannir : synergie. Nos solutions innovantes visent l'excellence.", "execution"
    )
    assert ("vague.buzzword", "solutions innovantes") in found
    assert all(words.lower() != "synergie" for _, words in found)


def _all_rules(text: str, layer: str) -> set[str]:
    return {f.rule_id for f in analyze_text(text, layer, "fr", today=TODAY).findings}


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("strategy", "Nous ne sommes pas une mutuelle comme les autres."),
        ("values", "Nous ne faisons pas les choses comme les autres."),
        ("mission", "Une librairie pas comme les autres, pour des lecteurs pas comme les autres."),
    ],
)
def test_a_rhetorical_negation_is_a_formula_not_a_choice(layer: str, text: str) -> None:
    assert "vague.cliche" in {r for r, _ in _warnings(text, layer)}, text
    if layer == "strategy":
        assert "strategy.no_choice" in _all_rules(text, layer)


def test_the_difference_stated_after_a_rhetorical_negation_is_spared() -> None:
    text = (
        "Nous ne sommes pas une mutuelle comme les autres : les adhérents votent chaque "
        "année le montant des cotisations en assemblée générale."
    )
    assert _warnings(text, "strategy") == []
    refusal = "Nous ne sommes pas une agence comme les autres : nous refusons les clients du tabac."
    assert _warnings(refusal, "values") == []
    # What follows the colon is read for itself.
    empty = "Nous ne sommes pas un cabinet comme les autres : écoute, réactivité et excellence."
    assert _warnings(empty, "strategy")


def test_a_hedged_negation_refuses_nothing_but_a_refusal_is_a_choice() -> None:
    hedged = "Nous ne visons pas forcément les grands comptes."
    assert "strategy.no_choice" in _all_rules(hedged, "strategy")
    refusal = "Nous ne la vendons pas en grande surface."
    assert "strategy.no_choice" not in _all_rules(refusal, "strategy")


@pytest.mark.parametrize(
    "text",
    [
        "Fondé il y a 25 ans, notre cabinet est à l'écoute de ses clients.",
        "Depuis son lancement en 2008, la plateforme s'engage pour ses utilisateurs.",
        "Forte de ses 900 salariés, la mutuelle accompagne ses adhérents à chaque étape.",
    ],
)
def test_the_organisations_age_and_size_in_other_words_are_no_detail(text: str) -> None:
    assert _warnings(text, "mission"), text


def test_a_date_that_is_no_age_still_counts() -> None:
    # Opened in a given year and doing something checkable since: a fact, not an age.
    text = (
        "Ouverte en 2012, la recyclerie reprend chaque samedi les meubles des habitants de Cholet."
    )
    assert _warnings(text, "mission") == []


def test_serving_ones_own_people_is_a_formula_but_a_named_service_is_not() -> None:
    for text in (
        "La coopérative est au service de ses adhérents.",
        "Le réseau d'agences est au service de ses sociétaires.",
    ):
        assert any(r == "vague.cliche" for r, _ in _warnings(text, "mission")), text
    specific = (
        "Au service de nos adhérents, le guichet de la rue Nationale ouvre du lundi au "
        "samedi et répond en moins de 48 h à toute demande de prêt."
    )
    assert _warnings(specific, "mission") == []


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("mission", "Nous posons des arceaux à vélo à proximité des collèges de la ville."),
        (
            "values",
            "À chaque étape du déménagement, le client reçoit la liste des cartons chargés.",
        ),
    ],
)
def test_nearness_in_space_and_the_steps_of_a_job_are_what_they_say(layer: str, text: str) -> None:
    assert _warnings(text, layer) == [], text


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("mission", "Nous vous accompagnons à chaque étape de votre projet."),
        ("values", "La proximité avec nos clients est notre force."),
    ],
)
def test_at_every_step_of_your_life_and_closeness_stay_formulas(layer: str, text: str) -> None:
    assert any(r == "vague.cliche" for r, _ in _warnings(text, layer)), text


def test_the_communication_department_is_an_owner_and_a_delay_in_words_a_timing() -> None:
    text = (
        "Les questions posées par courriel reçoivent une réponse du service communication "
        "dans un délai de trois jours ouvrés."
    )
    assert _warnings(text, "execution") == []
    vague = "Le service communication relaie nos actualités sur les réseaux sociaux."
    assert "execution.generic_channel" in {r for r, _ in _warnings(vague, "execution")}


def test_the_number_of_something_names_what_a_range_counts() -> None:
    text = "Faire passer le nombre de familles inscrites de 60 à 90 avant la rentrée 2027."
    assert _warnings(text, "objectives") == []
    label = "Nombre de paniers livrés : 400 par semaine à la rentrée 2027."
    assert _warnings(label, "objectives") == []
    bare = "Passer de 60 à 90 avant la rentrée 2027."
    assert "vague.no_unit" in {r for r, _ in _warnings(bare, "objectives")}


@pytest.mark.parametrize(
    "text",
    [
        "Nous privilégions les fermes à moins de 40 km de l'entrepôt.",
        "L'atelier a renoncé aux vélos électriques pour se consacrer aux vélos cargos.",
        "Priorité aux communes de moins de 2 000 habitants pour les trois prochains bus.",
        "Un seul métier : la couverture en ardoise, dans le Maine-et-Loire.",
        "Nous avons cessé de vendre en grande surface en 2024.",
    ],
)
def test_a_choice_stated_with_its_own_verb_in_any_tense(text: str) -> None:
    assert "strategy.no_choice" not in _all_rules(text, "strategy"), text


def test_preferring_virtues_is_still_vague() -> None:
    assert _warnings("Privilégier la qualité, l'innovation et l'excellence.", "strategy")


def test_sharing_a_view_of_the_trade_is_no_behaviour_but_sharing_the_figures_is() -> None:
    belief = (
        "Notre équipe partage une même conception du métier, faite d'exigence, d'écoute "
        "et du goût des choses soignées."
    )
    assert _warnings(belief, "values")
    practice = "L'équipe partage chaque vendredi les chiffres de la semaine avec tous les salariés."
    assert _warnings(practice, "values") == []


@pytest.mark.parametrize(
    "text",
    [
        "Conforter notre place sur nos marchés historiques et étoffer notre offre.",
        "Nous allons saisir les opportunités et trouver de nouveaux relais de croissance.",
        "Changer d'échelle en nous appuyant sur nos partenaires.",
    ],
)
def test_growth_verbs_under_other_names_are_vague(text: str) -> None:
    assert any(r == "vague.vague_verb" for r, _ in _warnings(text, "strategy")), text


def test_a_growth_verb_with_its_object_and_measure_is_spared() -> None:
    text = "Étoffer l'équipe de l'atelier de Rezé de deux soudeurs avant le pic d'avril 2027."
    assert _warnings(text, "strategy") == []
    scale = "Passer à l'échelle : de 2 à 12 épiceries en Bretagne d'ici 2028."
    assert _warnings(scale, "strategy") == []


def test_as_soon_as_possible_is_no_response_time_even_beside_named_channels() -> None:
    text = (
        "Vous pouvez écrire à la médiathèque sur Instagram ou par courriel : "
        "nous vous répondrons au plus vite."
    )
    assert ("vague.vague_time", "au plus vite") in _warnings(text, "execution")
    timed = "Vous pouvez écrire à la médiathèque sur Instagram : réponse sous 48 h, même le samedi."
    assert _warnings(timed, "execution") == []


def test_an_effort_promised_in_the_future_is_a_hedge_but_a_trial_in_the_past_is_not() -> None:
    assert ("vague.hedge", "efforcera de") in _warnings(
        "Le secrétariat s'efforcera de rappeler chaque famille.", "execution"
    )
    past = "Nous avons tenté de vendre en grande surface en 2023, sans succès."
    assert all(r != "vague.hedge" for r, _ in _warnings(past, "strategy"))
    noun = "Les essais de cuisson ont lieu le mardi à 14 h, au fournil."
    assert _warnings(noun, "execution") == []


def test_an_online_form_is_no_family_of_channels_and_a_nicer_site_is_no_measure() -> None:
    form = "En mars, le formulaire papier de la cantine est remplacé par un formulaire en ligne."
    assert _warnings(form, "execution") == []
    nicer = "Refaire le site internet pour qu'il soit plus moderne et plus agréable."
    assert any(r == "vague.weasel" for r, _ in _warnings(nicer, "execution"))


def test_claiming_to_be_unique_without_saying_how_is_a_superlative() -> None:
    claim = (
        "Une épicerie pas tout à fait comme les autres, avec un accueil comme nulle part ailleurs."
    )
    assert any(r == "vague.superlative" for r, _ in _warnings(claim, "mission"))
    proof = (
        "Le seul garage de la vallée ouvert le dimanche : un service sans équivalent "
        "à 40 km à la ronde, de 9 h à 13 h."
    )
    assert _warnings(proof, "strategy") == []


def test_a_hundred_percent_of_a_quality_is_emphasis_but_of_a_share_is_a_measure() -> None:
    assert any(
        r == "vague.weasel"
        for r, _ in _warnings("Une banque 100 % humaine et 100 % engagée.", "values")
    )
    share = "100 % des salariés ont accès à 100 % des comptes, chaque mois."
    assert _warnings(share, "values") == []


def test_changing_minds_is_raising_awareness_in_other_words() -> None:
    vague = "L'association veut faire évoluer les mentalités et changer le regard sur l'autisme."
    assert any(r == "vague.vague_verb" for r, _ in _warnings(vague, "mission"))
    specific = (
        "Chaque mois, deux adultes autistes animent une demi-journée de formation pour les "
        "agents d'accueil de la CAF de Nantes."
    )
    assert _warnings(specific, "mission") == []


def test_an_offer_named_by_what_pays_or_what_is_handed_out() -> None:
    for text in (
        "Les parrainages couvrent les frais de cantine et les fournitures des enfants du village.",
        "Nous finançons les permis de conduire des jeunes de la mission locale.",
        "Nous distribuons des colis alimentaires aux familles du quartier.",
    ):
        assert "mission.no_offer" not in _all_rules(text, "mission"), text
    # Giving the means to act names no offer.
    assert "mission.no_offer" in _all_rules("Donner aux habitants les moyens d'agir.", "mission")


def test_a_quality_standard_is_no_quality_cliche() -> None:
    text = "Un meuble qui échoue à l'un de nos trois contrôles de qualité repart à l'atelier."
    assert all(r != "vague.cliche" for r, _ in _warnings(text, "values"))
    vague = "Nous proposons des services de qualité à nos clients."
    assert any(r in {"vague.cliche", "strategy.me_too"} for r, _ in _warnings(vague, "mission"))


def test_buildings_and_works_with_abstract_endings_are_things_one_can_see() -> None:
    text = "Accélérer la rénovation et l'isolation des établissements scolaires de la commune."
    assert all(r != "vague.abstract" for r, _ in _warnings(text, "mission"))
    plan = (
        "Le projet d'établissement vise la pérennité de l'excellence et l'épanouissement de tous."
    )
    assert _warnings(plan, "mission")


def test_a_town_bulletin_is_a_named_channel_that_asks_for_its_rhythm() -> None:
    assert "execution.no_timing" in _all_rules(
        "Présenter les travaux de la commune dans le bulletin municipal.", "execution"
    )
    timed = (
        "Le bulletin municipal paraît le premier lundi de chaque trimestre, en 3 200 exemplaires."
    )
    assert _warnings(timed, "execution") == []


def test_a_world_without_a_named_ill_is_a_measurable_end_state() -> None:
    assert _warnings("Un monde sans paludisme.", "vision") == []
    assert _warnings("Un monde sans limites, plus juste et plus humain.", "vision")


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("mission", "L'association, reconnue d'utilité publique, loge 25 familles à Angers."),
        (
            "objectives",
            "Baisser de 15 % les kWh de l'école par rapport à l'année de référence 2022.",
        ),
        ("execution", "Un interlocuteur unique par chantier, joignable de 8 h à 18 h."),
    ],
)
def test_a_legal_status_a_baseline_year_and_a_single_contact_are_no_superlatives(
    layer: str, text: str
) -> None:
    assert all(r != "vague.superlative" for r, _ in _warnings(text, layer)), text


def test_a_unique_and_recognised_know_how_is_still_a_superlative() -> None:
    found = _warnings("Un savoir-faire unique et reconnu.", "mission")
    assert any(r == "vague.superlative" for r, _ in found)


def test_a_trade_named_with_a_buzzword_is_the_trade() -> None:
    for layer, text in (
        ("mission", "Un cabinet d'expertise comptable pour les boulangers de la Sarthe."),
        ("strategy", "Nous livrons des solutions hydroalcooliques aux pharmacies sous 24 h."),
    ):
        result = analyze_text(text, layer, "fr", today=TODAY)
        assert all(f.rule_id != "vague.buzzword" for f in result.findings), text


@pytest.mark.parametrize(
    ("layer", "text"),
    [
        ("mission", "Nous créons du lien entre les habitants et favorisons le lien social."),
        (
            "execution",
            "Suivez-nous sur Instagram et Facebook pour ne rien manquer de notre actualité.",
        ),
    ],
)
def test_creating_ties_and_a_call_to_follow_are_formulas(layer: str, text: str) -> None:
    assert any(r == "vague.cliche" for r, _ in _warnings(text, layer)), text


def test_a_tie_made_by_a_named_gathering_is_spared() -> None:
    text = (
        "Un repas partagé entre les anciens et les écoliers le premier dimanche du mois, "
        "à la salle des fêtes, pour créer du lien entre générations."
    )
    assert _warnings(text, "mission") == []


def test_the_means_to_act_and_a_place_good_to_live_are_formulas() -> None:
    for layer, text in (
        ("mission", "Donner aux jeunes les moyens d'agir et de s'émanciper."),
        ("vision", "Une vallée où il fait bon vivre, pour les familles comme pour les anciens."),
    ):
        assert any(r == "vague.cliche" for r, _ in _warnings(text, layer)), text
    # A meeting place in a list of what the café offers is part of the offer.
    cafe = (
        "Ouvrir un café associatif : repas à 6 €, une scène ouverte le vendredi soir et un lieu "
        "de rencontres et d'échanges pour les associations du quartier."
    )
    assert _warnings(cafe, "mission") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nous faisons preuve de rigueur et de professionnalisme dans chacune de nos missions.",
        "Audace : nous osons sortir de notre zone de confort.",
    ],
)
def test_a_virtue_claimed_rather_than_shown_is_a_formula(text: str) -> None:
    assert any(r == "vague.cliche" for r, _ in _warnings(text, "values")), text


def test_a_virtue_shown_by_a_rule_is_spared() -> None:
    text = (
        "Sur chaque chantier, nous faisons preuve de méthode : une photo avant et après "
        "chaque étape, envoyée au client le soir même."
    )
    assert _warnings(text, "values") == []


def test_an_offer_named_by_a_trades_verb_and_its_object() -> None:
    for text in (
        "Nous entretenons les jardins des résidences de l'agglomération.",
        "Nous hébergeons les saisonniers de la station dans d'anciens chalets.",
        "Nous recyclons les filets de pêche du port en granulés.",
    ):
        assert "mission.no_offer" not in _all_rules(text, "mission"), text


@pytest.mark.parametrize(
    "text",
    [
        "Un quartier où chacun trouve sa place.",
        "Permettre à chacun de réaliser ses rêves.",
        "Faire de chaque client un ambassadeur de notre marque.",
    ],
)
def test_a_place_for_everyone_and_dreams_come_true_are_formulas(text: str) -> None:
    assert any(r == "vague.cliche" for r, _ in _warnings(text, "vision")), text


def test_a_place_found_for_someone_named_is_spared() -> None:
    text = (
        "Que chaque élève de 3e du quartier trouve sa place en stage, à moins de 2 km du collège."
    )
    assert _warnings(text, "vision") == []


def test_a_plan_quoted_whole_is_read_as_the_answer() -> None:
    quoted = (
        "« Notre site, refait cette année pour être plus moderne et plus agréable, parle à tous. »"
    )
    assert _warnings(quoted, "execution")
    example = (
        "Chaque affiche donne le prix ; on n'écrit jamais « plus moderne » ni « plus agréable »."
    )
    assert _warnings(example, "execution") == []


def test_a_virtue_named_then_shown_by_a_rule_is_spared() -> None:
    text = "Faire preuve de patience : on laisse au client une semaine pour relire chaque devis."
    assert _warnings(text, "values") == []
