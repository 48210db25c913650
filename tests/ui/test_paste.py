"""Pastes arrive as text, never as keys: escape bytes, tabs, emoji, 2,000 lines."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.terminal import PasteSafeParser
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import paste, type_keys

COLOURED = "Le pain \x1b[1mgras\x1b[0m du jour\nligne 2"
BIG = "\n".join(
    f"Ligne {n} \x1b[1;31mrouge\x1b[0m\tcolonne 😀 « é », \x1b]0;titre\x07assez de mots pour cent"
    " caractères, ou presque, sur chaque ligne de ce long collage." + "\x1b[A\x11\x0f\x02"
    for n in range(2000)
)
BIG_TEXT = "\n".join(
    f"Ligne {n} rouge\tcolonne 😀 « é », assez de mots pour cent"
    " caractères, ou presque, sur chaque ligne de ce long collage."
    for n in range(2000)
)


def _tokens(data: str, cut: int | None = None) -> list[object]:
    parser = PasteSafeParser()
    pieces = [data] if cut is None else [data[:cut], data[cut:]]
    return [token for piece in pieces if piece for token in parser.feed(piece)]


def test_the_terminal_parser_keeps_escape_bytes_inside_the_paste() -> None:
    data = "\x1b[200~" + COLOURED.replace("\n", "\r") + "\x1b[201~"
    for cut in (None, 3, 9, 12, len(data) - 3):
        tokens = _tokens(data, cut)
        assert [type(t) for t in tokens] == [events.Paste], cut
        assert tokens[0].text == "Le pain gras du jour\nligne 2"  # type: ignore[attr-defined]


def test_a_2000_line_paste_with_escape_bytes_is_one_paste_and_no_key() -> None:
    tokens = _tokens("\x1b[200~" + BIG + "\x1b[201~")
    assert [type(t) for t in tokens] == [events.Paste]
    assert tokens[0].text == BIG_TEXT  # type: ignore[attr-defined]


def test_keys_around_a_paste_are_still_keys() -> None:
    tokens = _tokens("a\x1b[200~b\x1b[31mc\x1b[201~d")
    assert [(type(t).__name__, getattr(t, "key", getattr(t, "text", ""))) for t in tokens] == [
        ("Key", "a"),
        ("Paste", "bc"),
        ("Key", "d"),
    ]


def _at(path: Path, position: str, lang: str = "fr") -> Path:
    save_profile(Profile(lang=lang, meta=Meta(organisation="Fournil", position=position)), path)
    return path


async def _area(pilot, app: AlignmentApp) -> TextArea:
    await wait_for(
        pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.query("#answer-text")
    )
    area = app.screen.query_one("#answer-text", TextArea)
    await wait_for(pilot, lambda: area.has_focus)
    return area


async def test_a_coloured_paste_in_a_list_answer_is_its_text(workdir: Path) -> None:
    path = _at(workdir / "p.toml", "execution.messages")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _area(pilot, app)
        await paste(app, COLOURED)
        await type_keys(app, list("!"))
        await wait_for(pilot, lambda: area.text == "Le pain gras du jour\nligne 2!")
        await pilot.press("ctrl+q")
    assert load_profile(path).execution.messages == ["Le pain gras du jour", "ligne 2!"]


async def test_a_2000_line_paste_is_saved_whole_and_commands_nothing(workdir: Path) -> None:
    path = _at(workdir / "p.toml", "execution.tone")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        area = await _area(pilot, app)
        await paste(app, BIG)
        await wait_for(pilot, lambda: area.text == BIG_TEXT, 10.0)
        # Still responsive: a key typed after it lands at once, at the end.
        await type_keys(app, list("."))
        await wait_for(pilot, lambda: area.text == BIG_TEXT + ".", 3.0)
        assert isinstance(app.screen, QuestionScreen) and app.profile is not None
        assert not app.profile.settings.coach_mode
        assert app.profile.meta.position == "execution.tone"
        await pilot.press("ctrl+q")
    saved = load_profile(path)
    assert saved.execution.tone == BIG_TEXT + "."
    assert not saved.settings.coach_mode


async def test_tabs_and_emoji_pasted_into_cells_fill_the_row_as_text(workdir: Path) -> None:
    path = _at(workdir / "p.toml", "personas", "en")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == "name")
        await paste(app, "Cafés 😀\x1b[1m\tcafes\tOpen at 6 \x1b[0mam\nBakers\t\tNight shift")
        await wait_for(pilot, lambda: len(app.profile.personas) == 2 if app.profile else False)
        await pilot.press("ctrl+q")
    saved = load_profile(path).personas
    assert [(p.name, p.id, p.description) for p in saved] == [
        ("Cafés 😀", "cafes", "Open at 6 am"),
        ("Bakers", "bakers", "Night shift"),
    ]


async def test_a_2000_line_paste_into_a_cell_makes_a_few_rows_and_says_so(workdir: Path) -> None:
    path = _at(workdir / "p.toml", "personas", "en")
    app = make_app(path, lang="en")
    notes: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input) and app.focused.name == "name")
        original = app.notify

        def notify(message: str, **kwargs: object) -> None:
            notes.append(message)
            original(message, **kwargs)  # type: ignore[arg-type]

        app.notify = notify  # type: ignore[method-assign]
        await paste(app, "\n".join(f"Persona {n}\x1b[2m\tp{n}" for n in range(2000)))
        await wait_for(
            pilot, lambda: app.profile is not None and len(app.profile.personas) == 30, 30
        )
        await pilot.press("ctrl+q")
    assert [p.id for p in load_profile(path).personas] == [f"p{n}" for n in range(30)]
    assert notes == [
        "2000 lines pasted: the first 30 became rows, the rest was left out"
        " (this answer needs a few rows, not hundreds)."
    ]
