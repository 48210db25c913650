"""`alignment-tui report`: what a client reads in the Markdown and HTML reports."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from alignment_tui.analysis.findings import Finding, ProfileResult, Severity
from alignment_tui.cli import main
from alignment_tui.model.profile import Kpi, Profile, ValueItem, Waiver
from alignment_tui.report.content import build_report
from alignment_tui.report.writer import render_report
from alignment_tui.store import load_profile

MISALIGNED = "examples/misaligned-en-ledgerline.toml"
HISTORY = "examples/history/fernhill-2026-q4.toml"


def _f(rule: str, sev: str, where: str, **kw: object) -> Finding:
    return Finding(rule, Severity(sev), f"{rule} says", f"fix {rule}", where=where, **kw)  # type: ignore[arg-type]


def _profile() -> Profile:
    p = Profile(lang="en")
    p.meta.organisation = "Fernhill <Cycle> Works & Co"
    p.values.items = [
        ValueItem(name="Honest quotes", meaning="The price we quote is the price you pay.")
    ]
    p.vision.statement = "Become the leading bike repair brand in the South West."
    p.objectives.kpis = [Kpi(name="Members | paying", target=250, unit="members")]
    p.notes = {"vision.statement": "Ask who the leader is measured against."}
    p.waivers = [
        Waiver(
            rule="vague.hype", where="vision.statement", reason="the client's own word", by="coach"
        )
    ]
    return p


def _result() -> ProfileResult:
    return ProfileResult(
        findings=[
            _f(
                "vague.superlative", "warning", "vision.statement", start=11, end=18, text="leading"
            ),
            _f("objectives.no_baseline", "error", "objectives.kpis[0]"),
            _f("align.kpi_no_axis", "warning", "objectives.kpis[0]", related=["strategy.axes"]),
        ],
        waived=[_f("vague.hype", "info", "vision.statement", start=19, end=23, text="bike")],
        score=61,
        layer_scores={"values": 90, "vision": 40, "objectives": 30},
        answer_scores={"vision.statement": 45, "objectives.kpis": 20, "values.items": 90},
    )


def _sections(md: str) -> list[str]:
    return re.findall(r"^## (.+)$", md, flags=re.M)


def test_markdown_has_every_section_in_reading_order(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert main(["report", str(repo_root / MISALIGNED), "-o", str(out), "--lang", "en"]) == 0
    md = out.read_text("utf-8")
    assert md.startswith("# Marketing alignment report — Ledgerline Bookkeeping\n")
    assert re.search(r"^\*\*Alignment score: \d+/100\*\*$", md, flags=re.M)
    assert _sections(md) == [
        "The six-layer chain",
        "Scores by layer",
        "The five most valuable fixes",
        "Answers, layer by layer",
        "Accepted findings (waivers)",
        "Appendix for the coach: the rules behind this report",
    ]
    # a broken link names the align.* rule that broke it
    assert re.search(r"^- ✗ \*\*Objectives → Execution\*\*: broken: [A-Z]", md, flags=re.M)
    # one text bar per layer, on a 20-character scale
    bars = re.findall(r"^(\w+)\s+([█░]{20})\s+(\d+)$", md, flags=re.M)
    assert [b[0] for b in bars] == [
        "Values",
        "Vision",
        "Mission",
        "Strategy",
        "Objectives",
        "Execution",
    ]
    fixes = md.split("## The five most valuable fixes")[1].split("## ")[0]
    assert len(re.findall(r"^\d\. \*(error|warning|hint)\*", fixes, flags=re.M)) == 5
    for layer in ("Values", "Vision", "Mission", "Strategy", "Objectives", "Execution"):
        assert re.search(rf"^### {layer} · \d+/100$", md, flags=re.M)


def test_offending_words_are_marked_and_suggestions_shown() -> None:
    md = render_report(_profile(), _result(), fmt="md", lang="en")
    assert "> Become the **leading**<sup>1</sup> bike repair brand in the South West." in md
    assert "→ fix vague.superlative" in md
    html = render_report(_profile(), _result(), fmt="html", lang="en")
    assert '<mark>leading</mark><sup class="ref">1</sup> bike repair brand' in html
    assert "fix vague.superlative" in html


def test_chain_link_broken_by_the_rule_that_broke_it() -> None:
    report = build_report(_profile(), _result(), lang="en")
    broken = {(link.upper, link.lower): link.rules for link in report.links if link.broken}
    assert broken == {("strategy", "objectives"): ["align.kpi_no_axis"]}


def test_user_text_is_escaped_everywhere() -> None:
    p = _profile()
    p.mission.statement = "<script>alert('x')</script> & *not bold* | [link](http://x)"
    html = render_report(p, _result(), fmt="html", lang="en")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; *not bold*" in html
    assert "Fernhill &lt;Cycle&gt; Works &amp; Co" in html
    md = render_report(p, _result(), fmt="md", lang="en")
    assert r"\<script\>alert('x')\</script\> \& \*not bold\* \| \[link\](http://x)" in md
    # a pipe in a KPI name does not break the table row
    assert "| Members \\| paying |" in md


def test_html_is_one_self_contained_file_with_a_print_stylesheet() -> None:
    html = render_report(_profile(), _result(), fmt="html", lang="en")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert "@import" not in html and "url(" not in html
    urls = set(re.findall(r"https?://[^\s\"'<)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg", "http://x"}
    assert "@page { size: A4" in html and "@media print" in html
    assert html.count("<svg") == 2  # the chain and the layer chart, inline


def test_waivers_and_notes_only_when_asked() -> None:
    md = render_report(
        _profile(), _result(), fmt="md", lang="en", notes=True, today=date(2026, 11, 27)
    )
    waivers = md.split("## Accepted findings (waivers)")[1]
    assert "- **Vision statement** — vague.hype says" in waivers
    assert "*waived by the coach*" in waivers
    assert "Reason: the client's own word" in waivers
    assert "## Coach notes" in md and "Ask who the leader is measured against." in md
    assert "This report includes the coach’s private notes" in md
    assert "Report written on 27 November 2026" in md
    for quiet in (
        render_report(_profile(), _result(), fmt="md", lang="en"),
        render_report(_profile(), _result(), fmt="html", lang="en"),
    ):
        assert "Coach notes" not in quiet and "Ask who the leader" not in quiet
        assert "private notes" not in quiet
    html = render_report(_profile(), _result(), fmt="html", lang="fr", notes=True)
    assert "Ce rapport contient les notes privées du coach" in html
    assert "Ask who the leader" in html


def test_cli_notes_only_with_the_flag_and_french(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    src = str(repo_root / HISTORY)
    assert main(["report", src, "-o", str(out), "--lang", "fr", "--notes"]) == 0
    html = out.read_text("utf-8")
    assert '<html lang="fr">' in html
    assert "Les cinq corrections les plus utiles" in html and "Notes du coach" in html
    assert "Ce rapport contient les notes privées du coach" in html
    assert (
        "Remarques acceptées (dérogations)" in html
        and "acceptée par le coach le 24 novembre 2026" in html
    )
    assert out.stat().st_mode & 0o777 == 0o600
    assert main(["report", src, "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    assert "Ask for the raw answers" not in html and '<html lang="en">' in html
    assert "private notes" not in html
    assert main(["report", src, "-o", str(out), "--notes"]) == 0
    assert "Ask for the raw answers" in out.read_text("utf-8")


def test_format_from_extension_or_flag(repo_root: Path, tmp_path: Path, capsys) -> None:
    src = str(repo_root / HISTORY)
    assert main(["report", src, "-o", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "r.txt" in err[0] and "--format" in err[0]
    assert main(["report", src, "-o", str(tmp_path / "r.txt"), "--format", "md"]) == 0
    assert (tmp_path / "r.txt").read_text("utf-8").startswith("# Marketing alignment report")


def test_bad_input_and_unwritable_output_are_one_line_exit_2(
    repo_root: Path, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\nlang = \n", encoding="utf-8")
    assert main(["report", str(bad), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.toml:2" in err[0]
    assert not (tmp_path / "r.md").exists()
    src = str(repo_root / HISTORY)
    assert main(["report", src, "-o", str(tmp_path / "missing" / "r.md")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing/r.md" in err[0] and "Nothing was changed" in err[0]
    folder = tmp_path / "is-a-folder.md"
    folder.mkdir()
    assert main(["report", src, "-o", str(folder)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_answer_of_the_profile_is_in_the_report(repo_root: Path, lang: str) -> None:
    profile = load_profile(repo_root / HISTORY)
    md = render_report(profile, None, fmt="md", lang=lang)
    for text in (
        profile.vision.statement,
        profile.mission.offer,
        profile.strategy.not_doing,
        profile.execution.messages[1],
        profile.objectives.kpis[1].name,
        profile.execution.channels[2].timing,
    ):
        assert text in md.replace("\\", "")
    # without an analysis the report says so and claims no link holds
    unchecked = "non vérifié" if lang == "fr" else "not checked"
    assert md.count(unchecked) == 5 and "✓" not in md


def test_links_between_empty_layers_are_not_claimed_to_hold() -> None:
    p = Profile(lang="en")
    p.vision.statement = "Every commuter in Bristol rides a bike repaired the same day."
    p.mission.statement = "Same-day repairs from workshops within a 15-minute ride of home."
    result = ProfileResult([], [], 40, {"vision": 80, "mission": 80}, {})
    md = render_report(p, result, fmt="md", lang="en")
    assert "- ✓ Vision → Mission: holds" in md
    assert "- ? Values → Vision: not checked: one of the two layers is still empty" in md
    assert "Every link holds" not in md
    p.answers = {"acme.extra": "A custom answer"}
    md = render_report(p, result, fmt="md", lang="en")
    assert "### Other answers" in md and "#### acme.extra" in md
