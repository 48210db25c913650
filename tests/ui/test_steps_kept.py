"""A step from one question to the next keeps the screen, its chain and its findings panel,
and shows the next question's pane: its prompt, an editor holding its answer alone, the
cursor in it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, TextArea

from alignment_tui.app import make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.widgets.chain import Chain
from alignment_tui.tui.widgets.coach import CoachPanel
from alignment_tui.tui.widgets.editors.base import AnswerEditor
from alignment_tui.tui.widgets.findings import FindingsPanel
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import cpu_burnt, keys_of, type_keys

# Three free-text questions, a list, then a structured one: the same screen for all five.
WALK = ("mission.statement", "mission.offer", "mission.needs", "mission.plan")
LAST = "mission.horizon_years"


def _at(path: Path, position: str) -> Path:
    profile = Profile(lang="en", meta=Meta(organisation="Kiln"))
    profile.meta.position = position
    profile.notes["mission.offer"] = "Ask about the workshop."
    save_profile(profile, path)
    return path


async def test_steps_keep_the_chain_and_findings_and_show_the_next_pane(workdir: Path) -> None:
    path = _at(workdir / "kept.toml", WALK[0])
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await wait_for(pilot, lambda: screen.live.is_mounted and app.focused is not None)
        chain = screen.query_one(Chain)
        panel = screen.query_one(FindingsPanel)
        coach = screen.query_one(CoachPanel)
        bank = app.walk.bank if app.walk else None
        assert bank is not None
        # A vague answer to the first question: the panel shows what is wrong with it.
        await pilot.press(*"We help everyone do better.")
        await wait_for(pilot, lambda: panel.findings, timeout=10)
        assert all(f.where.startswith("mission.statement") for f in panel.findings)
        editors = [screen.editor]
        for qid in (*WALK[1:], LAST):
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda q=qid: screen.question.id == q)
            await wait_for(pilot, lambda: bool(screen.editor and screen.editor.has_focus_within))
            # The same screen, chain, findings panel and coach's column…
            assert app.screen is screen
            assert screen.query_one(Chain) is chain and screen.query_one(FindingsPanel) is panel
            assert screen.query_one(CoachPanel) is coach and coach.qid == qid
            assert coach.typed == ("Ask about the workshop." if qid == "mission.offer" else "")
            # …and the next question's pane: its prompt, and an editor showing its answer
            # alone: the screen's editor of that kind when it has shown one (text after
            # text), else one of its own; the last one, of another kind, kept but hidden.
            shown = " ".join(str(screen.query_one("#prompt", Static).render()).split())
            assert " ".join(bank.question(qid).prompt("en").split()) in shown
            editor, last = screen.editor, editors[-1]
            assert editor is not None and editor.question.id == qid and editor.is_attached
            same = [e for e in editors if type(e) is type(editor)]
            if same:
                assert editor is same[-1]
            else:
                assert editor not in editors and last.is_attached and not last.display
            assert [e for e in screen.query(AnswerEditor) if e.display] == [editor]
            editors.append(editor)
            # The chain: the step just left is answered or not, the current one highlighted.
            entry = chain.entries[chain.highlighted or 0]
            assert entry.key == qid and entry.current
            # The findings follow the new answer: nothing said about the last one stays.
            assert screen.live.path == bank.question(qid).path
            assert not any(f.where.startswith("mission.statement") for f in panel.findings)
        marks = {e.key: e.mark for e in chain.entries}
        assert marks["mission.statement"] == "answered" and marks["mission.offer"] == ""
        await pilot.press("ctrl+q")
    assert load_profile(path).mission.statement == "We help everyone do better."


async def test_typing_at_15_keys_a_second_across_steps_lands_in_each_answer(workdir: Path) -> None:
    path = _at(workdir / "fast.toml", WALK[0])
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        chain = screen.query_one(Chain)
        with cpu_burnt():
            keys = [*keys_of("Kilns for schools."), "ctrl+n", *keys_of("A kiln, training.")]
            keys += ["ctrl+n", *keys_of("Safe firing."), "ctrl+n", *keys_of("Visit\nDemo")]
            await type_keys(app, keys)
        await wait_for(pilot, lambda: screen.question.id == "mission.plan")
        plan = ["Visit", "Demo"]
        await wait_for(pilot, lambda: screen.editor is not None and screen.editor.value == plan)
        assert app.screen is screen and screen.query_one(Chain) is chain
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.saves is not None and not app.saves.dirty, 5.0)
        await pilot.press("ctrl+q")
    saved = load_profile(path)
    assert saved.mission.statement == "Kilns for schools."
    assert saved.mission.offer == "A kiln, training."
    assert saved.mission.needs == "Safe firing."
    assert saved.mission.plan == ["Visit", "Demo"]
    # The note of mission.offer was never touched by the typing.
    assert saved.notes == {"mission.offer": "Ask about the workshop."}
