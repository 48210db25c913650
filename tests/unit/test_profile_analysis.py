"""analyze_profile: structural rules, missing answers, copies, waivers, settings and scores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_tui.analysis.findings import REGISTRY, Finding
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.analysis.waivers import add_waiver, prune_waivers
from alignment_tui.model.profile import Channel, Kpi, Profile, ValueItem, Waiver
from alignment_tui.store import dumps_profile, load_profile, loads_profile

TODAY = date(2026, 12, 1)
ROOT = Path(__file__).resolve().parents[2]
ALIGNED = {
    "fr": ROOT / "examples" / "aligned-fr-atelier-semelle.toml",
    "en": ROOT / "examples" / "aligned-en-two-ovens-bakery.toml",
}
LANGS = ("fr", "en")


def base(lang: str) -> Profile:
    return load_profile(ALIGNED[lang])


def found(profile: Profile, rule: str) -> list[Finding]:
    return [f for f in analyze_profile(profile, today=TODAY).findings if f.rule_id == rule]


# --- KPI rows ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_kpi_with_no_number_is_an_error_on_its_target(lang: str) -> None:
    p = base(lang)
    p.objectives.kpis[0].target = None
    (f,) = found(p, "kpi.no_number")
    assert f.severity == "error"
    assert f.where == "objectives.kpis[0].target"
    assert f.start is None and f.end is None
    assert p.objectives.kpis[0].name in f.message
    assert found(base(lang), "kpi.no_number") == []


@pytest.mark.parametrize(
    ("field", "rule"),
    [
        ("baseline", "kpi.no_baseline"),
        ("unit", "kpi.no_unit"),
        ("deadline", "kpi.no_deadline"),
        ("cadence", "kpi.no_cadence"),
        ("owner", "kpi.no_owner"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_kpi_row_missing_a_part(lang: str, field: str, rule: str) -> None:
    p = base(lang)
    setattr(p.objectives.kpis[2], field, "" if field in ("unit", "owner") else None)
    (f,) = found(p, rule)
    assert f.where == f"objectives.kpis[2].{field}"
    assert found(base(lang), rule) == []


@pytest.mark.parametrize("lang", LANGS)
def test_deadline_beyond_a_year_and_already_passed(lang: str) -> None:
    p = base(lang)
    p.objectives.kpis[0].deadline = date(2028, 6, 30)
    p.objectives.kpis[1].deadline = date(2026, 10, 1)
    (far,) = found(p, "kpi.deadline_far")
    (past,) = found(p, "kpi.deadline_past")
    assert far.where == "objectives.kpis[0].deadline"
    assert past.where == "objectives.kpis[1].deadline"
    shown = {"fr": "30 juin 2028", "en": "30 June 2028"}[lang]
    assert shown in far.message


@pytest.mark.parametrize(
    ("baseline", "target", "deadline", "fires"),
    [
        (100, 300, date(2027, 2, 15), True),  # ×3 within a quarter
        (100, 290, date(2027, 2, 15), False),
        (100, 300, date(2027, 9, 1), False),  # ×3 over nine months is a stretch, not absurd
        (20, 200, date(2027, 10, 1), True),  # ×10 within a year
        (20, 190, date(2027, 10, 1), False),
        (0, 50, date(2027, 2, 1), False),  # from nothing: no ratio to judge
        (72, 48, date(2027, 1, 15), False),  # a reduction is not a jump
    ],
)
def test_implausible_jump(baseline: float, target: float, deadline: date, fires: bool) -> None:
    p = base("en")
    kpi = p.objectives.kpis[1]
    kpi.baseline, kpi.target, kpi.deadline = baseline, target, deadline
    hits = found(p, "kpi.implausible_jump")
    assert bool(hits) is fires
    if fires:
        assert hits[0].where == "objectives.kpis[1].target"
        assert hits[0].related == ["objectives.kpis[1].baseline", "objectives.kpis[1].deadline"]


# --- budget, channels, values -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_budget_without_period_or_currency(lang: str) -> None:
    p = base(lang)
    p.execution.budget.period = None
    p.execution.budget.currency = ""
    assert found(p, "budget.no_period")[0].where == "execution.budget.period"
    assert found(p, "budget.no_currency")[0].severity == "info"


@pytest.mark.parametrize("lang", LANGS)
def test_execution_with_no_budget_at_all_is_an_error(lang: str) -> None:
    p = base(lang)
    p.objectives.kpis = []
    p.execution.budget.amount = None
    (f,) = found(p, "execution.no_budget")
    assert f.severity == "error" and f.where == "execution.budget"
    p.objectives.kpis = [Kpi(name="x", target=10)]
    # With targets set, the coherence rule says it instead (one finding, not two).
    assert found(p, "execution.no_budget") == []
    assert found(p, "align.budget_missing")


@pytest.mark.parametrize("lang", LANGS)
def test_channel_with_no_target_is_an_error(lang: str) -> None:
    p = base(lang)
    p.execution.channels.append(Channel(name="Radio", timing=""))
    n = len(p.execution.channels) - 1
    findings = analyze_profile(p, today=TODAY).findings
    (f,) = [f for f in findings if f.rule_id == "channel.no_persona"]
    assert f.severity == "error" and f.where == f"execution.channels[{n}].persona"
    assert "Radio" in f.message
    timing = [f.where for f in findings if f.rule_id == "channel.no_timing"]
    assert timing == [f"execution.channels[{n}].timing"]


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("fr", ["Intégrité", "Excellence", "Respect"]),
        ("en", ["Integrity", "Excellence", "Respect"]),
    ],
)
def test_values_that_are_only_one_word_virtues(lang: str, names: list[str]) -> None:
    p = base(lang)
    p.values.items = [ValueItem(name=n) for n in names]
    (f,) = found(p, "values.generic_only")
    assert f.severity == "error" and f.where == "values.items"
    assert all(n in f.message for n in names)
    # One value with its meaning and behaviour is no longer "only bare words".
    p.values.items[0] = base(lang).values.items[0]
    assert found(p, "values.generic_only") == []
    assert {f.where for f in found(p, "values.no_meaning")} == {
        "values.items[1].meaning",
        "values.items[2].meaning",
    }
    assert len(found(p, "values.no_behaviour")) == 2


def test_values_count_is_a_hint() -> None:
    p = base("en")
    p.values.items = p.values.items[:2]
    (f,) = found(p, "values.count")
    assert f.severity == "info" and "2" in f.message


# --- missing answers and copies -----------------------------------------------------------


def test_empty_profile_lists_required_answers_in_layer_order() -> None:
    result = analyze_profile(Profile(lang="en"), today=TODAY)
    gaps = [
        f.where for f in result.findings if f.rule_id in ("profile.missing", "profile.core_missing")
    ]
    assert gaps[0] == "values.items"
    assert "vision.statement" in gaps and "execution.channels" in gaps
    assert gaps.index("vision.statement") < gaps.index("mission.statement")
    assert gaps.index("strategy.big_idea") < gaps.index("objectives.kpis")
    assert result.score == 0
    # The layers with no core at all are errors; other missing answers are warnings.
    errors = {f.where for f in result.findings if f.severity == "error"}
    assert errors == {"values.items", "objectives.kpis", "execution.budget", "execution.channels"}


@pytest.mark.parametrize("lang", LANGS)
def test_answer_copied_from_another(lang: str) -> None:
    p = base(lang)
    p.mission.statement = p.vision.statement
    (f,) = found(p, "profile.copy")
    assert f.where == "mission.statement"
    assert f.related == ["vision.statement"]
    assert (f.start, f.end) == (0, len(p.mission.statement))
    assert found(base(lang), "profile.copy") == []


# --- determinism and language ------------------------------------------------------------


def test_findings_are_sorted_and_stable() -> None:
    p = load_profile(ROOT / "examples" / "misaligned-en-ledgerline.toml")
    first = analyze_profile(p, today=TODAY)
    again = analyze_profile(
        load_profile(ROOT / "examples" / "misaligned-en-ledgerline.toml"), today=TODAY
    )
    assert [f.to_json() for f in first.findings] == [f.to_json() for f in again.findings]
    heads = [f.where.split(".")[0].split("[")[0] for f in first.findings]
    order = ["values", "personas", "vision", "mission", "strategy", "objectives", "execution"]
    assert heads == sorted(heads, key=order.index)


def test_every_finding_rule_is_registered_with_both_languages() -> None:
    p = load_profile(ROOT / "examples" / "misaligned-fr-cycles-hirondelle.toml")
    for f in analyze_profile(p, today=TODAY).findings:
        info = REGISTRY[f.rule_id]
        assert set(info.title) == {"fr", "en"}
        assert f.message and f.suggestion


def test_language_detected_when_the_profile_has_none() -> None:
    p = base("fr")
    p.lang = None
    p.objectives.kpis[0].target = None
    (f,) = found(p, "kpi.no_number")
    assert f.message.startswith("L’indicateur")


# --- waivers ------------------------------------------------------------------------------


def _with_error(lang: str = "en") -> Profile:
    p = base(lang)
    p.objectives.kpis[0].target = None
    return p


def test_waived_finding_moves_out_of_findings_and_scores() -> None:
    p = _with_error()
    before = analyze_profile(p, today=TODAY)
    p.waivers = [
        Waiver(
            rule="kpi.no_number",
            where="objectives.kpis[0].target",
            reason="new product, no data",
            by="coach",
        )
    ]
    after = analyze_profile(p, today=TODAY)
    assert [f.rule_id for f in after.waived] == ["kpi.no_number"]
    assert not any(f.rule_id == "kpi.no_number" for f in after.findings)
    assert after.answer_scores["objectives.kpis"] > before.answer_scores["objectives.kpis"]
    assert after.score >= before.score
    assert after.dropped_waivers == []


def test_waiver_on_a_whole_answer_covers_the_fields_inside_it() -> None:
    p = _with_error()
    p.waivers = [Waiver(rule="kpi.no_number", where="objectives.kpis", reason="agreed")]
    assert [f.where for f in analyze_profile(p, today=TODAY).waived] == [
        "objectives.kpis[0].target"
    ]


def test_waiver_survives_edits_of_other_answers_through_a_save() -> None:
    p = _with_error()
    add_waiver(p, found(p, "kpi.no_number")[0], "the client explained it", by="coach")
    p.vision.statement += " And more."
    p.execution.channels[0].timing = "every day"
    reloaded = loads_profile(dumps_profile(p))
    result = analyze_profile(reloaded, today=TODAY)
    assert [f.rule_id for f in result.waived] == ["kpi.no_number"]
    assert reloaded.waivers[0].by == "coach" and reloaded.waivers[0].at is not None


def test_waiver_whose_finding_is_gone_is_reported_then_pruned() -> None:
    p = _with_error()
    add_waiver(p, found(p, "kpi.no_number")[0], "later")
    p.waivers.append(Waiver(rule="channel.no_timing", where="execution.channels[0].timing"))
    p.objectives.kpis[0].target = 400  # the answer changed: nothing left to waive
    result = analyze_profile(p, today=TODAY)
    assert result.waived == []
    assert sorted(result.dropped_waivers) == [
        ("channel.no_timing", "execution.channels[0].timing"),
        ("kpi.no_number", "objectives.kpis[0].target"),
    ]
    removed = prune_waivers(p, result)
    assert {w.rule for w in removed} == {"kpi.no_number", "channel.no_timing"}
    assert p.waivers == []
    assert analyze_profile(p, today=TODAY).dropped_waivers == []


def test_add_waiver_replaces_an_earlier_waiver_of_the_same_finding() -> None:
    p = _with_error()
    f = found(p, "kpi.no_number")[0]
    add_waiver(p, f, "first")
    add_waiver(p, f, "second", by="coach")
    assert [(w.reason, w.by) for w in p.waivers] == [("second", "coach")]


# --- settings -----------------------------------------------------------------------------


def test_disabled_rules_exact_and_by_family() -> None:
    p = _with_error()
    p.objectives.kpis[1].owner = ""
    p.settings.disabled_rules = ["kpi.no_number"]
    result = analyze_profile(p, today=TODAY)
    rules = {f.rule_id for f in result.findings}
    assert "kpi.no_number" not in rules and "kpi.no_owner" in rules
    assert result.waived == []
    p.settings.disabled_rules = ["kpi.*"]
    assert not any(f.rule_id.startswith("kpi.") for f in analyze_profile(p, today=TODAY).findings)


def test_waiver_of_a_disabled_rule_is_not_reported_as_dropped() -> None:
    p = _with_error()
    p.waivers = [Waiver(rule="kpi.no_number", where="objectives.kpis[0].target")]
    p.settings.disabled_rules = ["kpi.no_number"]
    assert analyze_profile(p, today=TODAY).dropped_waivers == []


def test_disabled_align_rule_leaves_the_overall_score() -> None:
    p = base("en")
    p.strategy.horizon_years = 9
    hit = analyze_profile(p, today=TODAY)
    p.settings.disabled_rules = ["align.horizons"]
    off = analyze_profile(p, today=TODAY)
    assert off.score > hit.score


# --- scores -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_aligned_examples_have_no_error_and_score_at_least_75(lang: str) -> None:
    result = analyze_profile(base(lang), today=TODAY)
    assert not [f for f in result.findings if f.severity == "error"]
    assert result.score >= 75
    assert set(result.layer_scores) == {
        "values",
        "vision",
        "mission",
        "strategy",
        "objectives",
        "execution",
    }
    assert all(0 <= s <= 100 for s in result.answer_scores.values())
    assert "vision.statement" in result.answer_scores and "objectives.kpis" in result.answer_scores


def test_no_error_and_a_few_warnings_still_scores_at_least_75() -> None:
    p = base("en")
    p.objectives.kpis[0].cadence = None
    p.execution.channels[1].timing = ""
    p.strategy.horizon_years = 9
    result = analyze_profile(p, today=TODAY)
    severities = [f.severity for f in result.findings]
    assert "error" not in severities and severities.count("warning") >= 3
    assert result.score >= 75


def test_errors_cost_more_than_warnings_and_scores_stay_in_range() -> None:
    clean = analyze_profile(base("en"), today=TODAY)
    p = base("en")
    p.objectives.kpis[0].cadence = None
    warned = analyze_profile(p, today=TODAY)
    p.objectives.kpis[0].target = None
    errored = analyze_profile(p, today=TODAY)
    a = "objectives.kpis"
    assert clean.answer_scores[a] > warned.answer_scores[a] > errored.answer_scores[a]
    assert warned.layer_scores["objectives"] < clean.layer_scores["objectives"]
    broken = analyze_profile(
        load_profile(ROOT / "examples" / "misaligned-fr-cycles-hirondelle.toml"), today=TODAY
    )
    assert 0 <= broken.score < clean.score


def test_missing_required_answer_scores_zero_and_lowers_its_layer() -> None:
    p = base("en")
    p.mission.needs = ""
    result = analyze_profile(p, today=TODAY)
    assert result.answer_scores["mission.needs"] == 0
    assert (
        result.layer_scores["mission"]
        < analyze_profile(base("en"), today=TODAY).layer_scores["mission"]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_aligned_examples_trip_no_structural_rule(lang: str) -> None:
    structural = {
        r.id for r in REGISTRY.values() if r.scope == "profile" and not r.id.startswith("align.")
    }
    result = analyze_profile(base(lang), today=TODAY)
    assert [f.rule_id for f in result.findings if f.rule_id in structural] == []


def test_zero_or_negative_budget_counts_as_no_budget() -> None:
    p = base("en")
    p.execution.budget.amount = 0
    assert found(p, "align.budget_missing")
    p.execution.budget.amount = -500
    assert found(p, "align.budget_missing")
    assert found(p, "align.budget_spread") == []


@settings(max_examples=60, deadline=None)
@given(
    baseline=st.one_of(st.none(), st.floats(-1e6, 1e9, allow_nan=False)),
    target=st.one_of(st.none(), st.floats(-1e6, 1e9, allow_nan=False)),
    deadline=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 1, 1))),
    amount=st.one_of(st.none(), st.floats(-1e6, 1e9, allow_nan=False)),
    shares=st.lists(st.one_of(st.none(), st.floats(0, 1)), max_size=6),
    horizon=st.one_of(st.none(), st.integers(0, 600)),
    text=st.text(max_size=80),
)
def test_any_numbers_and_text_give_scores_in_range(
    baseline: float | None,
    target: float | None,
    deadline: date | None,
    amount: float | None,
    shares: list[float | None],
    horizon: int | None,
    text: str,
) -> None:
    p = Profile(lang="en")
    p.objectives.kpis = [Kpi(name=text, baseline=baseline, target=target, deadline=deadline)]
    p.execution.budget.amount = amount
    p.execution.channels = [
        Channel(name=f"c{i}", persona=text, budget_share=s) for i, s in enumerate(shares)
    ]
    p.strategy.horizon_years = horizon
    p.vision.statement = text
    result = analyze_profile(p, today=TODAY)
    assert 0 <= result.score <= 100
    assert all(
        0 <= v <= 100 for v in [*result.layer_scores.values(), *result.answer_scores.values()]
    )
    assert all(f.message and f.where for f in result.findings)


def test_waived_text_finding_no_longer_lowers_its_answer() -> None:
    p = load_profile(ROOT / "examples" / "misaligned-en-ledgerline.toml")
    before = analyze_profile(p, today=TODAY)
    tone = [f for f in before.findings if f.where == "execution.tone"]
    assert "execution.generic_tone" in {f.rule_id for f in tone}
    p.waivers.append(
        Waiver(rule="execution.generic_tone", where="execution.tone", reason="house style")
    )
    after = analyze_profile(p, today=TODAY)
    assert not [f for f in after.findings if f.rule_id == "execution.generic_tone"]
    assert {f.where for f in after.waived if f.rule_id == "execution.generic_tone"} == {
        "execution.tone"
    }
    assert after.answer_scores["execution.tone"] > before.answer_scores["execution.tone"]
    assert after.dropped_waivers == []


def test_accepted_terms_and_disabled_text_rules_are_honoured() -> None:
    p = load_profile(ROOT / "examples" / "misaligned-en-ledgerline.toml")
    first = analyze_profile(p, today=TODAY).findings
    word = next(f for f in first if f.rule_id == "vague.buzzword")  # "excellence"
    p.settings.accepted_terms = [word.text]
    again = analyze_profile(p, today=TODAY).findings
    assert not [f for f in again if f.where == word.where and f.text == word.text]
    p.settings.disabled_rules = ["vague.*"]
    assert not any(f.rule_id.startswith("vague.") for f in analyze_profile(p, today=TODAY).findings)


def test_text_findings_are_located_in_the_answer_they_quote() -> None:
    p = load_profile(ROOT / "examples" / "misaligned-fr-cycles-hirondelle.toml")
    from alignment_tui.model.paths import get_field

    for f in analyze_profile(p, today=TODAY).findings:
        if f.start is not None and f.end is not None and f.rule_id != "profile.copy":
            assert get_field(p, f.where)[f.start : f.end] == f.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_waiver_never_lowers_the_score_of_its_answer(lang: str) -> None:
    from alignment_tui.analysis.waivers import add_waiver
    from alignment_tui.store import load_profile

    name = {"fr": "misaligned-fr-cycles-hirondelle", "en": "misaligned-en-ledgerline"}[lang]
    path = Path(__file__).resolve().parents[2] / "examples" / f"{name}.toml"
    if lang == "fr":
        base = load_profile(path)
        base.vision.statement = "Devenir le leader incontournable du vélo à Nantes."
    else:
        base = load_profile(path)
        base.vision.statement = "Become the undisputed leader of innovative bookkeeping."
    before = analyze_profile(base, today=TODAY)
    checked = 0
    for finding in [f for f in before.findings if f.start is not None][:12]:
        profile = base.model_copy(deep=True)
        add_waiver(profile, finding, "accepted for the test")
        after = analyze_profile(profile, today=TODAY)
        assert finding.rule_id in {f.rule_id for f in after.waived}
        field = next(k for k in before.answer_scores if finding.where.startswith(k))
        assert after.answer_scores[field] >= before.answer_scores[field], finding.rule_id
        checked += 1
    assert checked >= 3


def test_a_custom_banks_own_questions_are_analysed(tmp_path: Path) -> None:
    from tests.unit.test_answers import CUSTOM

    (tmp_path / "values.toml").write_text(
        CUSTOM.replace('kind = "text"\n', 'kind = "text"\nrequired = true\n', 1), "utf-8"
    )
    profile = Profile(lang="en")
    profile.meta.bank = str(tmp_path)
    missing = analyze_profile(profile, today=TODAY)
    assert any(
        f.rule_id == "profile.missing" and f.where == "answers.acme.founding-story"
        for f in missing.findings
    )
    assert missing.answer_scores["answers.acme.founding-story"] == 0

    profile.answers["acme.founding-story"] = "It was a great adventure with synergy and passion."
    vague = analyze_profile(profile, today=TODAY)
    on_story = [f for f in vague.findings if f.where == "answers.acme.founding-story"]
    assert on_story and all(f.start is not None or f.rule_id.startswith("vague.") for f in on_story)
    assert {f.rule_id for f in on_story} & {"vague.too_short", "vague.missing_signal"}

    profile.answers["acme.founding-story"] = (
        "Leeds, March 2019: my uncle lent us his garage in Hunslet and a second-hand lathe; "
        "we resoled 40 pairs for the neighbours in the first month, rather than buying stock."
    )
    specific = analyze_profile(profile, today=TODAY)
    story = "answers.acme.founding-story"
    assert specific.answer_scores[story] > vague.answer_scores[story]


def test_an_unreadable_custom_bank_falls_back_to_the_built_in_one(tmp_path: Path) -> None:
    profile = Profile(lang="en")
    profile.meta.bank = str(tmp_path / "gone")
    result = analyze_profile(profile, today=TODAY)
    assert "vision.statement" in result.answer_scores
