"""The HTML report in a real browser: headless Chromium, network off, to PNG and A4 PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from alignment_tui.cli import main
from tests.chromium import OFFLINE, chromium

EXAMPLES = {
    "en": "examples/misaligned-en-ledgerline.toml",
    "fr": "examples/misaligned-fr-cycles-hirondelle.toml",
}
SECTIONS = ('id="chain"', 'id="scores"', 'id="fixes"', 'id="answers"', 'id="waivers"')
HEADINGS = {
    "en": ("The six-layer chain", "Scores by layer", "The five most valuable fixes"),
    "fr": (
        "La chaîne des six couches",
        "Scores par couche",
        "Les cinq corrections les plus utiles",
    ),
}


def _run(args: list[str], tmp: Path) -> None:
    done = subprocess.run(
        [chromium(), *OFFLINE, f"--user-data-dir={tmp / 'profile'}", *args],
        capture_output=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_report_renders_to_png_and_a4_pdf(lang: str, repo_root: Path, tmp_path: Path) -> None:
    html_path = tmp_path / f"report-{lang}.html"
    assert (
        main(["report", str(repo_root / EXAMPLES[lang]), "-o", str(html_path), "--lang", lang]) == 0
    )
    html = html_path.read_text("utf-8")
    for marker in (*SECTIONS, *HEADINGS[lang]):
        assert marker in html
    assert html.count('<li value="') >= 5  # numbered findings under the answers

    png = tmp_path / f"report-{lang}.png"
    _run([f"--screenshot={png}", "--window-size=1200,2000", html_path.as_uri()], tmp_path)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2000)
    assert len(data) > 50_000  # a page of text and charts, not a blank canvas

    pdf = tmp_path / f"report-{lang}.pdf"
    _run([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html_path.as_uri()], tmp_path)
    raw = pdf.read_bytes()
    assert raw.startswith(b"%PDF")
    pages = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", raw)
    assert len(pages) >= 2  # the answers start on a page of their own
    for w, h in pages:
        # A4 is 595 × 842 points
        assert abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2
