"""Small things a user trips on: the palette, the meter, placeholders, the editor keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment_tui.app import make_app
from alignment_tui.i18n import t
from alignment_tui.tui.widgets.meter import meter_text
from tests.ui.conftest import wait_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    ("lang", "word", "name"),
    [("en", "focus", "Focus of the period"), ("fr", "priorité", "Priorité de la période")],
)
async def test_the_palette_finds_a_question_by_a_word_of_its_name(
    workdir: Path, lang: str, word: str, name: str
) -> None:
    import shutil

    from textual.fuzzy import Matcher

    path = workdir / "p.toml"
    shutil.copy(EXAMPLES / "aligned-en-two-ovens-bakery.toml", path)
    app = make_app(path, lang=lang)
    async with app.run_test(size=(100, 36)) as pilot:
        await wait_for(pilot, lambda: app.walk is not None)
        titles = [entry.title for entry in app.walk.jumps()]  # type: ignore[union-attr]
        matcher = Matcher(word)
        best = max(titles, key=matcher.match)
        assert name in best and matcher.match(best) > 0
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("room", [60, 40, 30, 22])
def test_the_meter_label_is_never_cut(lang: str, room: int) -> None:
    text = meter_text(65, lang, room=room).plain
    assert t("meter.mid", lang) in text and "65/100" in text
    assert all(len(line) <= room for line in text.split("\n"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_placeholders_say_they_are_examples(lang: str) -> None:
    from alignment_tui.tui.widgets.editors.cells import Column

    shown = Column("name", placeholder="name").placeholder_text(lang)
    assert shown.startswith({"en": "e.g. ", "fr": "ex.\u202f: "}[lang])


async def test_the_editor_keys_are_listed_under_a_text_answer(workdir: Path) -> None:
    import shutil

    path = workdir / "p.toml"
    shutil.copy(EXAMPLES / "aligned-fr-atelier-semelle.toml", path)
    from alignment_tui.store import load_profile, save_profile

    p = load_profile(path)
    p.meta.position = "vision.statement"
    save_profile(p, path)
    app = make_app(path, lang="fr")
    async with app.run_test(size=(100, 36)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(".text-keys"))
        keys = str(app.screen.query_one(".text-keys").render())
        assert "F7 tout sélectionner" in keys and "Ctrl+Z" in keys
        await pilot.press("ctrl+q")
