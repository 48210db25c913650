"""A step between two questions of the same kind keeps the editor on screen and loads the next
answer into it: what is typed right after the step lands in the next answer, never in the last
one; undo cannot bring the last answer back; both are saved, each where it belongs."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.editors.text import TextEditor
from alignment_tui.tui.widgets.highlight import HighlightTextArea
from tests.ui.conftest import SIZE, open_question, wait_for
from tests.ui.typing import cpu_burnt, keys_of, type_keys

# Three free-text questions in a row: one text editor for all three.
FIRST, SECOND, THIRD = "mission.statement", "mission.offer", "mission.needs"


def _profile(path: Path, *, coach: bool = False) -> Path:
    profile = Profile(lang="en", meta=Meta(organisation="Kiln"))
    profile.meta.position = FIRST
    profile.mission.statement = "Kilns for schools"
    profile.mission.offer = "A kiln"
    profile.notes[SECOND] = "Ask about the workshop."
    profile.settings.coach_mode = coach
    save_profile(profile, path)
    return path


async def _saved(pilot: Pilot[object], app: AlignmentApp) -> None:
    """Saved at once, then quit: what the file holds is what was typed, each in its place."""
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)
    await pilot.press("ctrl+q")


async def test_keys_typed_right_after_a_step_land_in_the_next_answer(workdir: Path) -> None:
    path = _profile(workdir / "kept.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        editor = screen.editor
        with cpu_burnt():
            # No pause anywhere: the keys after Ctrl+N are on their way while the step runs.
            keys = [*keys_of(", near you."), "ctrl+n", *keys_of(" and training"), "ctrl+n"]
            keys += keys_of("Safe firing.")
            await type_keys(app, keys)
        await wait_for(pilot, lambda: screen.shown == THIRD)
        await wait_for(pilot, lambda: editor is not None and editor.value == "Safe firing.")
        # One text editor all along, showing the third answer and nothing else; the only one
        # shown (the layer's list and horizon editors are built ahead, hidden).
        editors = list(screen.query(AnswerEditor))
        assert screen.editor is editor and [type(e) for e in editors].count(TextEditor) == 1
        assert [e for e in editors if e.display] == [editor]
        assert isinstance(editor, TextEditor) and editor.text == "Safe firing."
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.mission.statement == "Kilns for schools, near you."
    assert saved.mission.offer == "A kiln and training"
    assert saved.mission.needs == "Safe firing."
    assert saved.notes == {SECOND: "Ask about the workshop."}


async def test_undo_after_a_step_cannot_bring_back_the_last_answer(workdir: Path) -> None:
    path = _profile(workdir / "undo.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        with cpu_burnt():
            # Typed, then the step, then undo and redo pressed over and over at once.
            keys = [*keys_of(" today"), "ctrl+n", "ctrl+z", "ctrl+z", "ctrl+z", "ctrl+y"]
            keys += ["ctrl+z", "ctrl+y", "ctrl+y", *keys_of(" for all")]
            await type_keys(app, keys)
        await wait_for(pilot, lambda: screen.shown == SECOND)
        editor = screen.editor
        assert isinstance(editor, TextEditor)
        await wait_for(pilot, lambda: editor.value == "A kiln for all")
        # Undone now: only what was typed into this answer goes, never the last one's text.
        for _ in range(4):
            await pilot.press("ctrl+z")
        assert editor.text == "A kiln" and "today" not in editor.text
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y")
        assert editor.text == "A kiln for all"
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.mission.statement == "Kilns for schools today"
    assert saved.mission.offer == "A kiln for all"


async def test_the_kept_editor_starts_afresh_on_the_next_question(workdir: Path) -> None:
    path = _profile(workdir / "fresh.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        editor = screen.editor
        assert isinstance(editor, TextEditor)
        area = editor.text_area
        assert isinstance(area, HighlightTextArea)
        # A vague answer, analysed: its words are marked; some of it selected.
        area.load_text("We help everyone do innovative things better.")
        await wait_for(pilot, lambda: area.marks, timeout=10)
        area.select_all()
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == SECOND and area.has_focus)
        # The same box, holding the second answer alone: cursor after it, nothing selected,
        # no mark of the first answer's words, the findings about this answer.
        assert screen.editor is editor and editor.question.id == SECOND
        assert area.text == "A kiln" and area.selection.is_empty
        assert area.cursor_location == (0, len("A kiln"))
        assert area.scroll_offset.y == 0 and not area.read_only
        assert all(words in "A kiln" for _, _, _, words in area.marks)
        assert screen.live.area is area and screen.live.path == "mission.offer"
        assert not any(f.where.startswith(FIRST) for f in screen.live.panel.findings)
        # Back again: the first answer as it was left, in the same box.
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: screen.shown == FIRST and area.has_focus)
        assert area.text == "We help everyone do innovative things better."
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.mission.statement == "We help everyone do innovative things better."
    assert saved.mission.offer == "A kiln"


async def test_a_change_still_on_its_way_at_the_step_is_kept_for_its_own_question(
    workdir: Path,
) -> None:
    path = _profile(workdir / "late.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        editor = screen.editor
        assert editor is not None
        # The first answer's change, made before the step and handled after it (a busy app
        # can take its messages in that order): the editor then shows the second answer.
        late = AnswerEditor.Changed(editor, "Kilns for every school")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == SECOND and editor.question.id == SECOND)
        app.post_message(late)
        await pilot.pause()
        await _saved(pilot, app)
    saved = load_profile(path)
    assert saved.mission.statement == "Kilns for every school"
    assert saved.mission.offer == "A kiln"


async def test_the_skipped_note_and_the_coach_column_follow_the_question(workdir: Path) -> None:
    profile_path = _profile(workdir / "skipped.toml")
    profile = load_profile(profile_path)
    profile.meta.skipped = [SECOND]
    save_profile(profile, profile_path)
    app = make_app(profile_path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_question(pilot, app)
        note = screen.query_one("#skipped-note")
        coach = screen.query_one(CoachPanel)
        assert not note.display and coach.has_class("hidden")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == SECOND)
        assert note.display
        # Coach mode turned on at the second question: its own note, not the first one's.
        await pilot.press("f3")
        await wait_for(pilot, lambda: not coach.has_class("hidden"))
        assert coach.query_one("#coach-note", TextArea).text == "Ask about the workshop."
        await pilot.press("f3")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.shown == THIRD)
        assert not note.display and coach.typed == ""
        await pilot.press("f3")
        await wait_for(pilot, lambda: not coach.has_class("hidden"))
        assert coach.query_one("#coach-note", TextArea).text == ""
        await _saved(pilot, app)
    assert load_profile(profile_path).notes == {SECOND: "Ask about the workshop."}
