"""The Markdown report cannot be broken out of: a backtick in a code span, a pipe in a table
cell, brackets in text, raw HTML and control characters all stay the user's words."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from alignment_tui.cli import main
from alignment_tui.report.markdown import code, esc
from tests.chromium import OFFLINE, chromium
from tests.unit.hostile_cases import PROFILE_CASES

RULE = "vague.buzzword`<img src=x onerror=alert(1)>`"


def _markdown(tmp_path: Path) -> str:
    case = next(c for c in PROFILE_CASES if c.name == "hostile-text-everywhere")
    profile = case.make(tmp_path / "hostile.toml")
    out = tmp_path / "report.md"
    assert main(["report", str(profile), "-o", str(out), "--lang", "en"]) == 0
    return out.read_text("utf-8")


def _html(markdown: str) -> str:
    # A renderer that lets raw HTML through, as the worst Markdown viewer would.
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


@pytest.mark.parametrize(
    "text", ["a`b", "``", "`start", "end`", " spaced ", RULE, "two\nlines", "\x1b[2J"]
)
def test_a_code_span_holds_exactly_its_text(text: str) -> None:
    html = _html(f"x {code(text)} y")
    found = re.search(r"<code>(.*?)</code>", html, re.S)
    assert found is not None, html
    expected = " ".join(text.split("\n")).replace("\x1b", "\\x1b")
    shown = found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert shown == expected


@pytest.mark.parametrize(
    "text", ["[link](javascript:alert(1))", "<img src=x onerror=alert(1)>", "&lt;b&gt;", "# h"]
)
def test_text_is_shown_not_obeyed(text: str) -> None:
    html = _html(esc(text))
    assert "<a " not in html and "<img" not in html and "<h1>" not in html
    assert text in html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_the_hostile_profile_report_renders_to_its_own_words(tmp_path: Path) -> None:
    markdown = _markdown(tmp_path)
    assert "\x1b" not in markdown and "\x07" not in markdown
    html = _html(markdown)
    assert "<img" not in html and "onerror" not in html.replace("onerror=alert(1)&gt;", "")
    codes = [
        c.replace("&lt;", "<").replace("&gt;", ">") for c in re.findall(r"<code>(.*?)</code>", html)
    ]
    assert RULE in codes
    # Every table row keeps its columns: a pipe in an answer is no cell break.
    for table in re.findall(r"<table>(.*?)</table>", html, re.S):
        widths = {
            row.count("<td") + row.count("<th")
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        }
        assert len(widths) == 1, table[:400]


def test_the_hostile_report_in_a_browser_runs_nothing(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text("<!doctype html><meta charset=utf-8>" + _html(_markdown(tmp_path)), "utf-8")
    done = subprocess.run(
        [chromium(), *OFFLINE, f"--user-data-dir={tmp_path / 'p'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<img" not in dom and "<a " not in dom
    assert "vague.buzzword`&lt;img src=x onerror=alert(1)&gt;`" in dom
