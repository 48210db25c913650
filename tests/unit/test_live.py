"""Live feedback without a terminal: debounce, stale results, spans located in the editor."""

from __future__ import annotations

import itertools
from pathlib import Path

from alignment_tui.analysis.findings import Finding, Severity
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.session.live import (
    LiveScheduler,
    analyse_answer,
    broken_links,
    byte_column,
    elapsed,
    highlight_rows,
    item_starts,
    jump_target,
    locate,
    location_of,
)
from alignment_tui.store import load_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def finding(where: str, start: int | None, end: int | None, text: str = "", rule: str = "r.x"):
    return Finding(rule, Severity.warning, "m", "s", start, end, text, where)


# -- the scheduler ------------------------------------------------------------------------------
def test_analysis_waits_for_a_pause_in_typing() -> None:
    s = LiveScheduler(0.15)
    s.changed(0.00)
    s.changed(0.10)  # still typing: the wait starts again
    assert s.start(0.20) is None
    assert s.wait(0.20) is not None and abs(s.wait(0.20) - 0.05) < 1e-9
    assert s.start(0.25) == 2


def test_one_analysis_at_a_time_and_stale_results_dropped() -> None:
    s = LiveScheduler(0.15)
    s.changed(0.0)
    first = s.start(0.2)
    assert first == 1
    s.changed(0.3)  # typed while the analysis runs
    assert s.start(0.5) is None  # the first is still in flight
    assert s.wait(0.5) is None
    assert s.finish(first) is False  # the text moved on: do not show it
    assert s.wait(0.5) == 0.0  # …and the newer text goes next, at once
    second = s.start(0.5)
    assert second == 2
    assert s.finish(second) is True


def test_nothing_to_do_without_a_change() -> None:
    s = LiveScheduler()
    assert s.wait(1.0) is None and s.start(1.0) is None and not s.pending


# -- locating words -----------------------------------------------------------------------------
def test_spans_become_rows_columns_and_utf8_bytes_with_accents_and_emoji() -> None:
    text = "Été 🚀 leader\nsolutions innovantes ici"
    lines = text.split("\n")
    start = text.index("leader")
    assert location_of(lines, start) == (0, 6)
    assert byte_column(lines[0], 6) == len("Été 🚀 ".encode())  # 2+1+2+1+4+1 = 11 bytes
    second = text.index("innovantes")
    assert location_of(lines, second) == (1, 10)
    rows = highlight_rows(lines, [((0, 6), (1, 9), "finding.warning")])
    assert rows == {0: [(11, None, "finding.warning")], 1: [(0, 9, "finding.warning")]}


def test_location_counts_crlf_newlines_as_two_characters() -> None:
    assert location_of(["ab", "cd"], 5, newline_length=2) == (1, 1)


def test_list_items_are_found_on_their_own_lines() -> None:
    text = "  first item\n\n   second leader item\n"
    assert item_starts(text) == [2, 17]
    hit = finding("execution.messages[1]", 7, 13, "leader")
    mark = locate(hit, "execution.messages", text, one_per_line=True)
    assert mark is not None and text[mark.start : mark.end] == "leader"


def test_a_span_whose_words_moved_is_not_marked() -> None:
    assert (
        locate(finding("vision.statement", 0, 6, "leader"), "vision.statement", "Le leader") is None
    )
    assert locate(finding("vision.statement", None, None), "vision.statement", "x") is None
    other = finding("mission.statement", 0, 2, "Le")
    assert locate(other, "vision.statement", "Le leader") is None


# -- the analysis of one answer -----------------------------------------------------------------
def test_an_answer_gets_its_findings_marks_and_score_in_the_ui_language() -> None:
    text = "🚀 Devenir le leader incontournable grâce à des solutions innovantes."
    profile = Profile(lang="fr")
    profile.vision.statement = text
    result = analyse_answer(profile, "vision.statement", text, lang="en")
    assert result.findings, "a vague vision must be flagged"
    assert all(f.where.startswith("vision.statement") for f in result.findings)
    assert result.score is not None and result.score < 75
    assert {m.text for m in result.marks} >= {"incontournable"}
    for mark in result.marks:
        assert text[mark.start : mark.end] == mark.text


def test_a_waived_finding_leaves_the_answer_and_stops_costing_points() -> None:
    from alignment_tui.analysis.waivers import add_waiver

    text = (
        "Que les 12 000 cyclistes de Lyon roulent sans panne grâce à un réseau "
        "incontournable de 40 ateliers, d'ici 2030."
    )
    profile = Profile(lang="fr")
    profile.vision.statement = text
    before = analyse_answer(profile, "vision.statement", text, lang="fr")
    target = next(f for f in before.findings if f.rule_id == "vague.superlative")
    add_waiver(profile, target, "le mot du secteur")
    after = analyse_answer(profile, "vision.statement", text, lang="fr")
    assert "vague.superlative" not in {f.rule_id for f in after.findings}
    assert [f.rule_id for f in after.waived] == ["vague.superlative"]
    assert before.score is not None and before.score < 100
    assert after.score == 100


# -- the summary --------------------------------------------------------------------------------
def test_the_misaligned_example_breaks_links_with_the_rules_that_broke_them() -> None:
    from alignment_tui.analysis.profile import analyze_profile

    profile = load_profile(EXAMPLES / "misaligned-en-ledgerline.toml")
    links = broken_links(analyze_profile(profile).findings, LAYERS)
    assert [(link.upper, link.lower) for link in links] == list(itertools.pairwise(LAYERS))
    broken = {rule for link in links for rule in link.rules}
    assert len(broken) >= 8 and all(rule.startswith("align.") for rule in broken)
    strategy_objectives = links[LAYERS.index("objectives") - 1]
    assert "align.kpi_no_axis" in strategy_objectives.rules


def test_a_fix_jumps_to_the_question_of_its_answer() -> None:
    fields = {"objectives.kpis": "objectives.kpis", "vision.statement": "vision.q1"}
    assert jump_target("objectives.kpis[2].target", fields) == "objectives.kpis"
    assert jump_target("vision.statement", fields) == "vision.q1"
    assert jump_target("answers.acme.extra", fields) == "acme.extra"
    assert jump_target("mission.offer", fields) is None


def test_session_timer_reads_like_a_clock() -> None:
    assert elapsed(0) == "0:00"
    assert elapsed(65.9) == "1:05"
    assert elapsed(3 * 3600 + 62) == "3:01:02"
