"""The summary's chain shows the link a KPI behind its pace weakens: ┇ at risk, the rule and
the KPI, in each language, as of a fixed today."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from alignment_tui.app import make_app
from alignment_tui.session import clock
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.summary import SummaryScreen
from alignment_tui.tui.widgets.alignchain import AlignChain
from tests.ui.conftest import wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 11, 30)
CASES = [
    ("en", "checkins-en-two-ovens-bakery.toml", "at risk"),
    ("fr", "checkins-fr-atelier-semelle.toml", "fragilisé"),
]


@pytest.mark.parametrize(("lang", "name", "words"), CASES, ids=[c[0] for c in CASES])
async def test_the_summary_chain_marks_the_link_a_kpi_behind_its_pace_weakens(
    workdir: Path, lang: str, name: str, words: str
) -> None:
    path = workdir / name
    shutil.copy(EXAMPLES / name, path)
    profile = load_profile(path)
    profile.meta.position = "summary"
    save_profile(profile, path)
    behind, overdue = profile.objectives.kpis[1].name, profile.objectives.kpis[2].name
    with clock.fixed(TODAY):
        app = make_app(path, lang=lang)
        async with app.run_test(size=(110, 60)) as pilot:
            await wait_for(
                pilot,
                lambda: isinstance(app.screen, SummaryScreen) and app.screen.query(AlignChain),
                timeout=15,
            )
            chain = app.screen.query_one(AlignChain)
            assert chain.broken_rules == []
            assert chain.risk_rules == ["kpi.checkin_overdue", "kpi.off_pace"]
            drawn = str(chain.render())
            lines = drawn.splitlines()
            nodes = [i for i, line in enumerate(lines) if line.startswith("◉ ")]
            between = lines[nodes[3] + 1 : nodes[4]]  # strategy → objectives
            assert len(nodes) == 6 and len(between) == 3
            assert between[0].startswith("┇  ") and words in between[0]
            assert any("kpi.off_pace" in line and behind in line for line in between)
            assert any("kpi.checkin_overdue" in line and overdue in line for line in between)
            assert [line for line in lines if line.startswith("┇")] == between
            assert "╳" not in drawn
            # The look of it, for whoever reads the summary (inspected as an SVG image). The
            # chain is in the DOM before the screen is drawn again: wait for the drawing.
            await wait_for(pilot, lambda: "┇" in app.export_screenshot())
            shot = Path(app.save_screenshot(str(workdir / f"summary-{lang}.svg")))
            assert "kpi.off_pace" in shot.read_text("utf-8")
            await pilot.press("ctrl+q")
