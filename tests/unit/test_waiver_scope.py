"""A waiver covers the finding it was made for (rule, field, words), and can be taken back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.analysis.waivers import (
    add_waiver,
    prune_waivers,
    remove_waiver,
    waiver_states,
)
from alignment_tui.model.profile import Profile, Waiver
from alignment_tui.report.diff import diff_profiles
from alignment_tui.report.diff_render import render_text, to_json
from alignment_tui.store import load_profile
from alignment_tui.store.profile_io import dumps_profile, loads_profile

TODAY = date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALIGNED = {"en": "aligned-en-two-ovens-bakery", "fr": "aligned-fr-atelier-semelle"}
FIRST = {
    "en": "We will not chase best-of-breed kitchen gadgets or sell cakes.",
    "fr": "Nous ne vendrons pas de chaussures neuves, même les meilleures du marché.",
}
FIRST_WORDS = {"en": "best-of-breed", "fr": "les meilleures"}
SECOND = {"en": " Our support is world-class.", "fr": " Notre accueil est incontournable."}


def _profile(lang: str) -> Profile:
    p = load_profile(EXAMPLES / f"{ALIGNED[lang]}.toml")
    p.strategy.not_doing = FIRST[lang]
    return p


def _superlatives(result: object, field: str = "strategy.not_doing") -> list[str]:
    return [
        f.text
        for f in getattr(result, "findings", [])
        if f.rule_id == "vague.superlative" and f.where == field
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_new_occurrence_after_a_waiver_is_a_new_finding(lang: str) -> None:
    p = _profile(lang)
    before = analyze_profile(p, today=TODAY)
    first = next(f for f in before.findings if f.rule_id == "vague.superlative")
    assert FIRST_WORDS[lang] in first.text.casefold()
    waiver = add_waiver(p, first, "the client's own phrase", by="coach", among=before.findings)
    assert (waiver.rule, waiver.where, waiver.text) == (first.rule_id, first.where, first.text)
    assert _superlatives(analyze_profile(p, today=TODAY)) == []

    p.strategy.not_doing += SECOND[lang]
    after = analyze_profile(p, today=TODAY)
    assert len(_superlatives(after)) == 1, "the later words are reported"
    assert [f.text for f in after.waived if f.rule_id == "vague.superlative"] == [first.text]
    # and the waiver, saved and read back, still covers only its own words
    again = analyze_profile(loads_profile(dumps_profile(p)), today=TODAY)
    assert len(_superlatives(again)) == 1


def test_the_same_words_said_twice_are_two_findings() -> None:
    p = _profile("en")
    p.strategy.not_doing = "No best-of-breed ovens; no best-of-breed mixers either."
    result = analyze_profile(p, today=TODAY)
    twice = [f for f in result.findings if f.rule_id == "vague.superlative"]
    assert len(twice) == 2
    second = max(twice, key=lambda f: f.start or 0)
    waiver = add_waiver(p, second, "agreed", among=result.findings)
    assert waiver.occurrence == 2
    left = [f for f in analyze_profile(p, today=TODAY).findings if f.rule_id == second.rule_id]
    assert [f.start for f in left] == [min(f.start or 0 for f in twice)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_waiver_whose_words_are_gone_is_stale_and_can_be_removed(lang: str) -> None:
    p = _profile(lang)
    result = analyze_profile(p, today=TODAY)
    first = next(f for f in result.findings if f.rule_id == "vague.superlative")
    add_waiver(p, first, "fine", among=result.findings)
    states = waiver_states(p, analyze_profile(p, today=TODAY))
    assert [s.stale for s in states] == [False]
    p.strategy.not_doing = SECOND[lang].strip()  # the waived words are gone, others came
    now = analyze_profile(p, today=TODAY)
    states = waiver_states(p, now)
    assert [s.stale for s in states] == [True]
    assert ("vague.superlative", "strategy.not_doing") in now.dropped_waivers
    assert len(_superlatives(now)) == 1
    assert prune_waivers(p, now) == [states[0].waiver] and p.waivers == []


def test_removing_a_waiver_brings_its_finding_back() -> None:
    p = _profile("en")
    result = analyze_profile(p, today=TODAY)
    first = next(f for f in result.findings if f.rule_id == "vague.superlative")
    waiver = add_waiver(p, first, "fine", among=result.findings)
    assert _superlatives(analyze_profile(p, today=TODAY)) == []
    assert remove_waiver(p, waiver) is True
    assert _superlatives(analyze_profile(p, today=TODAY)) == [first.text]
    assert remove_waiver(p, waiver) is False


def test_an_old_waiver_without_words_still_covers_its_field() -> None:
    p = _profile("en")
    p.strategy.not_doing += SECOND["en"]
    p.waivers = [Waiver(rule="vague.superlative", where="strategy.not_doing", reason="old file")]
    assert _superlatives(analyze_profile(p, today=TODAY)) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_diff_reports_a_finding_both_new_and_waived(lang: str) -> None:
    old = _profile(lang)
    old.strategy.not_doing = "Nothing else."
    new = _profile(lang)
    result = analyze_profile(new, today=TODAY)
    first = next(f for f in result.findings if f.rule_id == "vague.superlative")
    add_waiver(new, first, "agreed", by="coach", among=result.findings)
    d = diff_profiles(
        old,
        new,
        old_result=analyze_profile(old, today=TODAY, ui_lang=lang),
        new_result=analyze_profile(new, today=TODAY, ui_lang=lang),
        lang=lang,
    )
    assert [f.text for f in d.layer("strategy").new_waived] == [first.text]
    assert d.layer("strategy").new == [] or all(
        f.rule_id != "vague.superlative" for f in d.layer("strategy").new
    )
    text = render_text(d, "a.toml", "b.toml", lang, old, new)
    tag = {"en": "new, waived:", "fr": "nouvelle, acceptée"}[lang]
    assert any(tag in line and first.text in line for line in text.splitlines())
    data = to_json(d, "a.toml", "b.toml", lang, old, new)
    strategy = next(layer for layer in data["layers"] if layer["layer"] == "strategy")
    assert [f["text"] for f in strategy["findings_new_waived"]] == [first.text]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_diff_shows_notes_only_when_asked(lang: str) -> None:
    old, new = _profile(lang), _profile(lang)
    old.notes = {"vision.statement": "Ask who the bread is for."}
    new.notes = {"vision.statement": "Ask who the bread is for, and at what hour."}
    quiet = diff_profiles(old, new, lang=lang)
    assert quiet.notes is None
    text = render_text(quiet, "a", "b", lang, old, new)
    assert "at what hour" not in text and "Ask who" not in text
    assert "notes" not in to_json(quiet, "a", "b", lang, old, new)
    loud = diff_profiles(old, new, lang=lang, notes=True)
    text = render_text(loud, "a", "b", lang, old, new)
    heading = {"en": "Coach notes (private)", "fr": "Notes du coach (privées)"}[lang]
    assert heading in text and "{+, and at what hour+}" in text
    assert to_json(loud, "a", "b", lang, old, new)["notes"][0]["kind"] == "reworded"
