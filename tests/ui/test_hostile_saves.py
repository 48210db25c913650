"""The TUI and files the user did not mean to change: open and quit, a link, a read-only file."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import TextArea

from alignment_tui.app import make_app
from alignment_tui.model.profile import Meta, Persona, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.modals import NoticeScreen
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for

BASE = Path(__file__).resolve().parents[2] / "examples" / "aligned-en-two-ovens-bakery.toml"


async def test_opening_a_profile_and_quitting_writes_nothing(workdir: Path) -> None:
    path = workdir / "p.toml"
    # A comment and an order of keys the program would not write: both must stay.
    path.write_bytes(b"# reviewed with the client\n" + BASE.read_bytes())
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.walk is not None)
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")  # even saving by hand: nothing changed, nothing written
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


async def _type_an_origin(pilot: object, app: object, text: str) -> None:
    await wait_for(pilot, lambda: app.walk is not None)  # type: ignore[attr-defined]
    app.jump("values.origin")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))  # type: ignore[attr-defined]
    screen = app.screen  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: screen.query("#answer-text"))
    screen.query_one("#answer-text", TextArea).insert(text)


async def test_a_profile_opened_through_a_link_is_saved_to_its_target(workdir: Path) -> None:
    real = workdir / "shared" / "real.toml"
    real.parent.mkdir()
    save_profile(Profile(lang="en", meta=Meta(organisation="Kiln")), real)
    link = workdir / "mine.toml"
    link.symlink_to(real)
    app = make_app(link, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _type_an_origin(pilot, app, "fired in a shared kiln")
        await pilot.press("ctrl+q")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_profile(real).values.origin == "fired in a shared kiln"


async def test_a_read_only_profile_is_opened_read_only_and_says_so(workdir: Path) -> None:
    path = workdir / "p.toml"
    save_profile(Profile(lang="en", meta=Meta(organisation="Kiln", position="values.origin")), path)
    path.chmod(0o400)
    before = path.read_bytes()
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, NoticeScreen))
        assert app.screen.title_text == "A read-only file"
        assert "chmod u+w" in app.screen.body
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert "permissions" in str(app.screen.query_one("#banner").render())
        screen = app.screen
        await wait_for(pilot, lambda: screen.query("#answer-text"))
        assert all(area.read_only for area in screen.query(TextArea))
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before and (path.stat().st_mode & 0o777) == 0o400


async def test_ctrl_s_during_an_autosave_still_saves_and_says_so(workdir: Path) -> None:
    """The autosave may start between the last keystroke and Ctrl+S (a busy machine)."""
    import time as clock

    path = workdir / "p.toml"
    save_profile(Profile(lang="fr", meta=Meta(organisation="Kiln", position="values.origin")), path)
    app = make_app(path, lang="fr")
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.query("#answer-text"))
        assert app.session is not None and app.walker is not None
        writer = app.session.writer
        slow, real = [True], writer.write

        def write_slowly(*args: object, **kwargs: object) -> object:
            if slow.pop() if slow else False:
                clock.sleep(0.6)  # the autosave is still writing when Ctrl+S comes
            return real(*args, **kwargs)  # type: ignore[arg-type]

        writer.write = write_slowly  # type: ignore[method-assign]
        screen.query_one("#answer-text", TextArea).insert("cuit au bois")
        await wait_for(pilot, lambda: app.profile is not None and app.profile.values.origin)
        app.walker.saving.start()
        assert app.saves is not None and app.saves.saving
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("Enregistré" in n.message for n in app._notifications))
        await pilot.press("ctrl+q")
    assert load_profile(path).values.origin == "cuit au bois"


async def test_ctrl_s_saves_what_the_editor_shows_even_before_its_change_arrives(
    workdir: Path,
) -> None:
    """On a busy machine the editor's change is still a message on its way when Ctrl+S
    comes (Ctrl+Z then Ctrl+S at 15 keys a second): the save holds what the screen shows.
    The change is held back here, so the test does not depend on the machine's load."""
    path = workdir / "p.toml"
    personas = [Persona(id=f"p{i}", name=f"Persona {i}") for i in range(3)]
    profile = Profile(lang="en", meta=Meta(organisation="Kiln", position="personas"))
    profile.personas = personas
    save_profile(profile, path)
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        editor = app.screen.editor
        await wait_for(pilot, lambda: editor is not None and len(editor.rows()) == 3)
        editor.focus_at("[1].name")

        # The rows may be rebuilt meanwhile (the table is drawn again as it settles): until
        # the second row is there again, the focus is not on its first cell.
        def on_second_name() -> bool:
            rows = editor.rows()
            return len(rows) > 1 and bool(rows[1].cells()) and app.focused is rows[1].cells()[0]

        await wait_for(pilot, on_second_name)
        editor.announce = lambda: None  # the change never reaches the app by itself
        await pilot.press("ctrl+delete")
        await wait_for(pilot, lambda: len(editor.value) == 2)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.saves is not None and not app.saves.saving)
        await pilot.pause(0.2)
        assert [p.name for p in load_profile(path).personas] == ["Persona 0", "Persona 2"]
        await pilot.press("ctrl+q")
