"""A rule runs only in the layers data/rules.toml declares for it, whatever its check reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis import analyze_profile, registry
from alignment_tui.analysis.text import LAYERS, analyze_answer, example_cases
from alignment_tui.model.paths import layer_of
from alignment_tui.store import load_profile

TODAY = date(2026, 11, 27)
ROOT = Path(__file__).resolve().parents[2]


def _fired(text: str, layer: str, lang: str) -> set[str]:
    return {f.rule_id for f in analyze_answer(text, layer, lang=lang, today=TODAY).findings}


def _outside(rule_id: str) -> list[str]:
    declared = registry.meta(rule_id).layers
    return [layer for layer in LAYERS if declared and layer not in declared]


# Each answer rule's firing examples, judged in every layer it is not declared for.
FIRING = [(r, lang, text) for r, lang, text, fires, _ in example_cases() if fires and _outside(r)]


@pytest.mark.parametrize(
    ("rule_id", "lang", "text"), FIRING, ids=[f"{r}-{g}" for r, g, _ in FIRING]
)
def test_an_answer_rule_never_fires_outside_its_declared_layers(
    rule_id: str, lang: str, text: str
) -> None:
    for layer in _outside(rule_id):
        assert rule_id not in _fired(text, layer, lang), (layer, text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Budget: 10,000.", "en"), ("Budget : 10 000.", "fr")],
)
def test_a_budget_line_in_a_value_or_a_vision_is_not_asked_for_a_unit(text: str, lang: str) -> None:
    # vague.no_unit is declared for objectives, execution and strategy; its check reads
    # the word "budget" wherever it is, and it used to fire on any layer.
    assert "vague.no_unit" in _fired(text, "execution", lang)
    for layer in ("values", "vision", "mission"):
        assert "vague.no_unit" not in _fired(text, layer, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Boost our image and improve our visibility in town.", "en"),
        ("Booster notre image et améliorer notre visibilité en ville.", "fr"),
    ],
)
def test_a_vision_is_not_told_its_verb_is_vague(text: str, lang: str) -> None:
    # A vision is a picture, not a measure: vague.vague_verb is declared for every layer
    # but the vision, and it used to fire there too.
    assert "vague.vague_verb" in _fired(text, "mission", lang)
    assert "vague.vague_verb" not in _fired(text, "vision", lang)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.toml")), ids=lambda p: p.stem)
def test_profile_findings_sit_in_the_layers_their_rule_declares(path: Path) -> None:
    result = analyze_profile(load_profile(path), today=TODAY)
    for f in [*result.findings, *result.waived]:
        declared = registry.meta(f.rule_id).layers
        layer = layer_of(f.where)
        # Personas belong to no layer: a finding on one is about the layers it names.
        assert not declared or layer is None or layer in declared, (f.rule_id, f.where)
