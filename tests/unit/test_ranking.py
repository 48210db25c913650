"""The five most valuable fixes: severity, then the score the profile would gain, then layer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.model.profile import Profile
from alignment_tui.report.ranking import gain, top_fixes
from alignment_tui.store import load_profile

TODAY = date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALIGNED = {"en": "aligned-en-two-ovens-bakery", "fr": "aligned-fr-atelier-semelle"}
# A vague focus low in the chain (a big gain) and one vague word high up (a small one).
FOCUS = {"en": "Grow sales significantly.", "fr": "Augmenter fortement les ventes."}
WORD = {"en": " It is a world-class promise.", "fr": " C'est un savoir-faire incontournable."}


def _profile(lang: str) -> Profile:
    p = load_profile(EXAMPLES / f"{ALIGNED[lang]}.toml")
    p.objectives.focus = FOCUS[lang]
    p.values.items[0].meaning += WORD[lang]
    return p


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_large_gain_low_in_the_chain_outranks_a_small_one_at_the_top(lang: str) -> None:
    p = _profile(lang)
    result = analyze_profile(p, today=TODAY)
    fixes = top_fixes(result, p, today=TODAY)
    wheres = [f.where for f in fixes]
    assert wheres[0] == "objectives.focus"
    values = [i for i, w in enumerate(wheres) if w.startswith("values.")]
    focus = [i for i, w in enumerate(wheres) if w == "objectives.focus"]
    assert values and focus and max(focus) < min(values)
    top, last = gain(p, result, fixes[0], today=TODAY), gain(p, result, fixes[-1], today=TODAY)
    assert top > last


def test_gain_is_what_the_analysis_gives_without_the_finding() -> None:
    p = _profile("en")
    result = analyze_profile(p, today=TODAY)
    focus = next(f for f in result.findings if f.where == "objectives.focus")
    g = gain(p, result, focus, today=TODAY)
    p.objectives.focus = (
        "Until 30 June 2027, the pre-order shelf comes first: 300 pre-orders a week, up "
        "from 90 today, before we take on any new café."
    )
    fixed = analyze_profile(p, today=TODAY)
    assert g.overall > 0 and g.answer > 0
    assert fixed.score >= result.score + g.overall


def test_errors_come_first_whatever_the_gain() -> None:
    p = _profile("en")
    p.execution.channels[0].persona = ""  # an error, on the last layer
    result = analyze_profile(p, today=TODAY)
    fixes = top_fixes(result, p, today=TODAY)
    assert str(fixes[0].severity) == "error"
    assert fixes[0].where.startswith("execution.channels[0]")


def test_one_fix_per_rule_and_answer_and_at_most_n() -> None:
    p = load_profile(EXAMPLES / "misaligned-fr-cycles-hirondelle.toml")
    result = analyze_profile(p, today=TODAY)
    fixes = top_fixes(result, p, 5, today=TODAY)
    assert len(fixes) == 5
    assert len({(f.rule_id, f.where) for f in fixes}) == 5
    assert len(top_fixes(result, p, 2, today=TODAY)) == 2
