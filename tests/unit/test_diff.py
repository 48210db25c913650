"""`alignment-tui diff`: word-level rewording, matched rows, score deltas, warnings, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment_tui.analysis.findings import Finding, ProfileResult, Severity
from alignment_tui.cli import main
from alignment_tui.model.profile import Channel, Kpi, Profile
from alignment_tui.report.diff import diff_profiles
from alignment_tui.report.diff_render import render_text, to_json, words_text
from alignment_tui.report.words import word_diff
from alignment_tui.store import load_profile, save_profile


@pytest.fixture
def history(repo_root: Path) -> tuple[Path, Path]:
    folder = repo_root / "examples" / "history"
    return folder / "fernhill-2026-q3.toml", folder / "fernhill-2026-q4.toml"


def _profile() -> Profile:
    p = Profile(lang="en")
    p.meta.organisation = "Fernhill Cycle Works"
    p.vision.statement = "Become the leading bike repair brand in the South West."
    p.mission.statement = "We keep Bristol's bikes rolling with same-day repairs."
    p.strategy.big_idea = "Sell certainty instead of repairs."
    p.objectives.kpis = [
        Kpi(name="Members", target=250, unit="members"),
        Kpi(name="Same-day turnaround", baseline=38, target=70, unit="%"),
    ]
    p.execution.channels = [Channel(name="Instagram", persona="commuters", budget_share=0.5)]
    return p


def test_word_level_changes_keep_the_unchanged_words() -> None:
    ops = word_diff(
        "Become the leading bike repair brand.", "Become the bike shop commuters trust."
    )
    assert (
        words_text(ops) == "Become the [-leading -]bike [-repair brand-]{+shop commuters trust+}."
    )


def test_cli_text_shows_reworded_answers_word_by_word(history, capsys) -> None:
    old, new = history
    assert main(["diff", str(old), str(new), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "~ Vision statement: reworded" in out
    assert "the [-leading bike repair brand in the South West-]{+obvious choice" in out
    assert "- Values › Excellence: removed" in out
    assert "+ Channels › Office partnerships: added" in out
    assert "~ Budget: changed: £6,000 a year → £9,000 a year" in out
    assert "~ Channels › Instagram › Budget share: changed: 50% → 30%" in out
    # the objectives did not move while the layers above them did
    objectives = out.split("\nObjectives")[1].split("\n\n")[0]
    assert "no change" in objectives
    assert "Warning: the Values layer changed" in out and "Objectives" in out.split("Warning:")[1]


def test_cli_french_output(history, capsys) -> None:
    old, new = history
    assert main(["diff", str(old), str(new), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "~ Énoncé de la vision\u202f: reformulé" in out
    assert "Attention : la couche Valeurs a changé" in out
    assert (
        "Budget\u202f: modifié\u202f: 6\u202f000\u00a0£GB par an → 9\u202f000\u00a0£GB par an"
        in out
    )


def test_rows_are_matched_by_name_not_position() -> None:
    old = _profile()
    new = _profile()
    new.objectives.kpis = list(reversed(new.objectives.kpis))
    new.objectives.kpis[0].target = 80  # "Same-day turnaround", now first
    new.meta.respondent = "coach"  # a second person's copy of the same organisation
    d = diff_profiles(old, new)
    changes = d.layer("objectives").changes
    assert [(c.kind, c.row, c.column, c.old, c.new) for c in changes] == [
        ("changed", "Same-day turnaround", "target", "70", "80")
    ]
    assert changes[0].path == "objectives.kpis[0].target"
    assert changes[0].old_path == "objectives.kpis[1].target"
    assert not d.layer("values").changed


def test_identical_profiles_compare_cleanly(tmp_path, capsys) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    save_profile(_profile(), a)
    save_profile(_profile(), b)
    assert main(["diff", str(a), str(b), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "No answer changed." in out
    assert "Warning" not in out


def test_warning_when_the_vision_changed_and_nothing_below_followed() -> None:
    old, new = _profile(), _profile()
    new.vision.statement = (
        "In ten years no commuter in Bristol leaves a bike at home for want of a repair."
    )
    d = diff_profiles(old, new)
    assert d.unfollowed == "vision"
    assert d.stale == ["mission", "strategy", "objectives", "execution"]
    new.objectives.kpis[1].target = 75
    d = diff_profiles(old, new)
    assert d.unfollowed == "vision"
    assert d.stale == ["mission", "strategy", "execution"]
    text = render_text(d, "a", "b", "en")
    assert (
        "the Vision layer changed, but these layers below it did not: Mission, Strategy, Execution"
        in text
    )


def test_no_warning_when_only_execution_changed() -> None:
    old, new = _profile(), _profile()
    new.execution.channels[0].timing = "two posts a week"
    d = diff_profiles(old, new)
    assert d.changed and d.unfollowed is None


def _finding(rule: str, where: str, text: str = "") -> Finding:
    return Finding(rule, Severity.warning, f"{rule} message", "do this", where=where, text=text)


def test_score_deltas_and_findings_fixed_and_new_follow_moved_rows() -> None:
    old, new = _profile(), _profile()
    new.objectives.kpis = list(reversed(new.objectives.kpis))
    new.vision.statement = "Every commuter in Bristol rides a bike repaired the same day."
    old_result = ProfileResult(
        findings=[
            _finding("vague.superlative", "vision.statement", "leading"),
            _finding("objectives.no_baseline", "objectives.kpis[0]"),
        ],
        waived=[],
        score=58,
        layer_scores={"vision": 40, "objectives": 70},
        answer_scores={"vision.statement": 35, "objectives.kpis[0]": 60},
    )
    new_result = ProfileResult(
        findings=[
            _finding("objectives.no_baseline", "objectives.kpis[1]"),
            _finding("vague.no_detail", "mission.statement"),
        ],
        waived=[],
        score=66,
        layer_scores={"vision": 82, "objectives": 70},
        answer_scores={"vision.statement": 85, "objectives.kpis[1]": 60},
    )
    d = diff_profiles(old, new, old_result=old_result, new_result=new_result)
    assert (d.score_old, d.score_new) == (58, 66)
    vision = d.layer("vision")
    assert (vision.score_old, vision.score_new) == (40, 82)
    assert [(s.path, s.delta) for s in vision.answer_scores] == [("vision.statement", 50)]
    # the KPI moved from row 0 to row 1 but kept its finding and its score: no change there
    assert d.layer("objectives").answer_scores == []
    assert d.layer("objectives").fixed == [] and d.layer("objectives").new == []
    assert [f.rule_id for f in vision.fixed] == ["vague.superlative"]
    assert [f.rule_id for f in d.layer("mission").new] == ["vague.no_detail"]
    text = render_text(d, "q3.toml", "q4.toml", "en", old, new)
    assert "Alignment score: 58 → 66 (+8)" in text
    assert "Vision — score 40 → 82 (+42)" in text
    assert "Vision statement: score 35 → 85 (+50)" in text
    assert "fixed:  Unproven superlative (warning) “leading” — Vision statement" in text
    assert "Findings: 1 fixed, 1 new, 0 waived." in text
    data = to_json(d, "q3.toml", "q4.toml", "en", old, new)
    assert data["score"] == {"old": 58, "new": 66, "delta": 8}
    layer = next(item for item in data["layers"] if item["layer"] == "vision")
    assert layer["answer_scores"] == [
        {"path": "vision.statement", "label": "Vision statement", "old": 35, "new": 85, "delta": 50}
    ]
    assert layer["findings_fixed"][0]["rule"] == "vague.superlative"


def test_json_output_is_documented_shape(history, capsys) -> None:
    old, new = history
    assert main(["diff", str(old), str(new), "--format", "json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"old", "new", "changed", "score", "layers", "checkins", "warnings"}
    assert data["changed"] is True
    assert data["old"]["updated"] == "2026-07-02" and data["new"]["updated"] == "2026-11-24"
    assert [layer["layer"] for layer in data["layers"]] == [
        "values",
        "vision",
        "mission",
        "strategy",
        "objectives",
        "execution",
        "other",
    ]
    vision = data["layers"][1]["changes"]
    statement = next(c for c in vision if c["path"] == "vision.statement")
    assert statement["kind"] == "reworded"
    ops = {w["op"] for w in statement["words"]}
    assert ops == {"equal", "delete", "insert"}
    joined_old = "".join(w["text"] for w in statement["words"] if w["op"] != "insert")
    joined_new = "".join(w["text"] for w in statement["words"] if w["op"] != "delete")
    assert joined_old == load_profile(old).vision.statement
    assert joined_new == load_profile(new).vision.statement
    assert data["warnings"][0]["code"] == "layers_below_unchanged"
    assert data["warnings"][0]["unchanged"] == ["objectives"]


def test_unreadable_input_is_one_line_and_exit_2(tmp_path, history, capsys) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[meta\n", encoding="utf-8")
    assert main(["diff", str(bad), str(history[1])]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.toml:2" in err[0]
    assert main(["diff", str(history[0]), str(tmp_path / "missing.toml")]) == 2


def test_a_finding_waived_in_the_new_version_is_not_called_fixed() -> None:
    old, new = _profile(), _profile()
    hype = _finding("vague.superlative", "vision.statement", "leading")
    a = ProfileResult([hype], [], 60, {}, {})
    b = ProfileResult([], [hype], 62, {}, {})
    d = diff_profiles(old, new, old_result=a, new_result=b)
    assert d.layer("vision").fixed == []
    assert [f.rule_id for f in d.layer("vision").waived] == ["vague.superlative"]
    text = render_text(d, "a", "b", "en")
    assert "waived: Unproven superlative (warning) “leading” — Vision statement" in text
    assert "Findings: 0 fixed, 0 new, 1 waived." in text
