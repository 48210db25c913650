"""Plain mode's summary offers the next period once the deadlines are near, and writes it as
`next` does; an existing file is refused in one line and asked again; declining says how
to write it later. The old file is never modified."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from alignment_tui.cli import main
from alignment_tui.i18n import t
from alignment_tui.plain import run_plain
from alignment_tui.session import clock
from alignment_tui.store import load_profile, save_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = {"en": "checkins-en-two-ovens-bakery.toml", "fr": "checkins-fr-atelier-semelle.toml"}
NEAR = date(2027, 10, 25)  # the English example's period just ended, the French one ends in 6 days
FAR = date(2027, 3, 1)


def _at_summary(tmp_path: Path, lang: str) -> Path:
    path = tmp_path / f"{lang}.toml"
    shutil.copy(EXAMPLES / EXAMPLE[lang], path)
    profile = load_profile(path)
    profile.meta.position = "summary"
    save_profile(profile, path)
    return path


def _run(path: Path, stdin: str, lang: str, day: date) -> str:
    out = io.StringIO()
    with clock.fixed(day):
        code = run_plain(
            path, lang=lang, stdin=io.StringIO(stdin), stdout=out, stderr=io.StringIO(),
            interactive=True,
        )  # fmt: skip
    assert code == 0
    return out.getvalue()


def _plain(profile: Any) -> dict[str, Any]:
    data = profile.model_dump()
    data["meta"] = {k: v for k, v in data["meta"].items() if k not in ("created", "updated")}
    return dict(data)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_enter_writes_the_name_offered_as_next_does(tmp_path: Path, lang: str) -> None:
    path = _at_summary(tmp_path, lang)
    before = path.read_bytes()
    existing = tmp_path / "taken.toml"
    existing.write_text("kept", "utf-8")
    out = _run(path, f"{existing}\n\n", lang, NEAR)
    offered = tmp_path / f"{lang}-2027.toml"
    assert t("plain.next_prompt", lang, path=str(offered)) in out
    assert t("save_as.exists", lang) in out and existing.read_text("utf-8") == "kept"
    assert offered.exists() and str(offered) in out
    assert path.read_bytes() == before
    by_cli = tmp_path / "cli.toml"
    with clock.fixed(NEAR):
        assert main(["next", str(path), "-o", str(by_cli)]) == 0
    assert _plain(load_profile(offered)) == _plain(load_profile(by_cli))


@pytest.mark.parametrize("answer", ["-\n", ""], ids=["declined", "end of input"])
def test_declining_writes_nothing_and_says_how_later(tmp_path: Path, answer: str) -> None:
    path = _at_summary(tmp_path, "en")
    out = _run(path, answer, "en", NEAR)
    offered = tmp_path / "en-2027.toml"
    assert f"alignment-tui next {path} -o {offered}" in out and not offered.exists()


def test_not_offered_while_the_period_runs(tmp_path: Path) -> None:
    path = _at_summary(tmp_path, "en")
    out = _run(path, "", "en", FAR)
    assert t("plain.next_offer", "en") not in out and "alignment-tui next" not in out
