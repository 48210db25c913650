"""A new user's whole walk, in each language: answer, skip, back, jump, quit, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from alignment_tui.app import make_app
from alignment_tui.i18n import t
from alignment_tui.model.answers import get_answer
from alignment_tui.model.bank import load_bank
from alignment_tui.store import load_profile
from alignment_tui.tui.screens.intro import IntroScreen
from alignment_tui.tui.screens.modals import TooSmallScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.review import ReviewScreen
from alignment_tui.tui.screens.summary import SummaryScreen
from alignment_tui.tui.screens.welcome import WelcomeScreen
from alignment_tui.tui.widgets.editors.text import ListEditor, TextEditor
from tests.ui.conftest import SIZE, create_profile, wait_for

SKIPPED = "mission.needs"
JUMP_TO = "strategy.insight"


def _answer_for(qid: str, kind: str) -> str | list[str]:
    if kind == "list":
        return [f"{qid} first item", f"{qid} second item — with “quotes” & é"]
    return f"{qid}: a specific answer\nwith a second line — é, ü, 🚀"


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_new_profile_walk_back_jump_skip_quit_reopen(workdir: Path, lang: str) -> None:
    bank = load_bank()
    expected: dict[str, str | list[str]] = {}
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await create_profile(pilot, app, "Atelier Semelle")
        path = app.path
        assert path == workdir / "atelier-semelle.toml" and path.exists()  # written at once
        assert isinstance(app.screen, IntroScreen)
        await wait_for(pilot, lambda: app.screen.query("#next"))
        assert app.screen.query_one("#next").label.plain == t("intro.start", lang)
        walk = app.walk
        assert walk is not None
        while walk.session.current.kind != "summary":
            step = walk.session.current
            if step.kind == "question" and step.qid == SKIPPED:
                await pilot.press("ctrl+o")
            else:
                typed = False
                if step.kind == "question":
                    q = bank.question(step.qid)
                    await wait_for(pilot, lambda: app.screen.is_mounted)
                    editor = app.screen.editor
                    if isinstance(editor, TextEditor):
                        await wait_for(pilot, lambda e=editor: e.query(TextArea))
                        value = _answer_for(q.id, q.kind)
                        text = "\n".join(value) if isinstance(value, list) else value
                        editor.query_one(TextArea).insert(text)
                        await wait_for(pilot, lambda e=editor, v=value: e.value == v)
                        expected[q.id] = value
                        typed = True
                if typed:
                    await pilot.press("ctrl+n")  # the key, from inside the editor
                else:
                    app.action_go_next()  # the same action, without Pilot's idle waits
            # The next step on screen (a question after a question on the same screen).
            await wait_for(
                pilot,
                lambda s=step: (
                    walk.session.current != s
                    and getattr(app.screen, "shown", "") == walk.session.current.key
                ),
            )
        assert isinstance(app.screen, SummaryScreen)
        kinds = {q.kind for q in bank.questions()}
        assert len(expected) == sum(1 for q in bank.questions() if q.kind in ("text", "list")) - 1
        assert "list" in kinds

        # Back from the summary lands on the last layer's review, which lists the answers.
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert walk.session.current.key == f"review:{walk.steps.layers[-1]}"

        # Jump through the command palette, typing part of the question's prompt.
        target = bank.question(JUMP_TO).prompt(lang)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen.query("CommandInput"))
        app.screen.query_one("CommandInput").value = target[:30]
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: walk.session.current.key == JUMP_TO)
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert app.screen.editor.text == expected[JUMP_TO]
        await pilot.press("ctrl+q")

    saved = load_profile(path)
    for qid, value in expected.items():
        assert get_answer(saved, bank.question(qid)) == value, qid
    assert saved.meta.skipped == [SKIPPED]
    assert saved.meta.position == JUMP_TO
    assert saved.lang == lang and saved.meta.organisation == "Atelier Semelle"

    # Reopen without --lang: the profile's language, and exactly where the user left.
    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, QuestionScreen))
        screen = again.screen
        assert screen.question.id == JUMP_TO and screen.lang == lang
        await wait_for(pilot, lambda: screen.editor.is_mounted)
        assert screen.editor.text == expected[JUMP_TO]
        # The sidebar chain: click a layer to jump to its intro card.
        await pilot.click("#chain", offset=(2, 2))
        await wait_for(pilot, lambda: isinstance(again.screen, IntroScreen))
        assert again.walk is not None and again.walk.session.current.key == "intro:vision"
        await pilot.press("ctrl+q")


async def test_list_editor_keeps_one_item_per_line(workdir: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await create_profile(pilot, app, "Lists")
        app.jump("mission.plan")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        editor = app.screen.editor
        assert isinstance(editor, ListEditor)
        await wait_for(pilot, lambda: editor.query(TextArea))
        editor.query_one(TextArea).focus()
        await pilot.press("a", "enter", "enter", "b", "space")
        await wait_for(pilot, lambda: editor.value == ["a", "b"])
        await pilot.press("ctrl+q")
    assert load_profile(app.path).mission.plan == ["a", "b"]


async def test_examples_and_coach_probes_on_demand(workdir: Path) -> None:
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await create_profile(pilot, app, "Coach")
        app.jump("vision.statement")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.query("#examples"))
        assert not screen.query_one("#examples").display
        await pilot.press("f2")
        assert screen.query_one("#examples").display
        assert not screen.query_one("#probes").display
        await pilot.press("f3")
        await wait_for(pilot, lambda: screen.query_one("#probes").display)
        assert app.profile is not None and app.profile.settings.coach_mode
        # The footer speaks the chosen language.
        assert t("key.examples", "fr") in {b.description for _, b in screen._bindings}
        await pilot.press("ctrl+q")
    assert load_profile(app.path).settings.coach_mode


async def test_bad_profile_is_one_line_on_the_welcome_screen(workdir: Path) -> None:
    bad = workdir / "bad.toml"
    bad.write_text('schema_version = 1\nlang = "fr"\n[meta\n', "utf-8")
    app = make_app(bad, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen) and app.screen.error)
        error = app.screen.error
        assert "bad.toml:3" in error and "\n" not in error and "Traceback" not in error
    assert bad.read_text("utf-8").endswith("[meta\n")  # never touched


async def test_terminal_too_small_then_grown(workdir: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(30, 10)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))


async def test_welcome_language_switch_and_reopening_from_the_recent_list(workdir: Path) -> None:
    first = make_app()  # the locale says English (tests set LANG=en_GB)
    async with first.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: first.screen.query("#organisation"))
        assert first.lang == "en"
        await pilot.press("f2")
        await wait_for(
            pilot, lambda: isinstance(first.screen, WelcomeScreen) and first.lang == "fr"
        )
        await wait_for(pilot, lambda: first.screen.query("#create"))
        assert str(first.screen.query_one("#create").label) == t("welcome.create", "fr")
        await create_profile(pilot, first, "Brasserie du Quai")
        await pilot.press("f9")  # the light theme, remembered in the profile
        await wait_for(pilot, lambda: not first.current_theme.dark)
        await pilot.press("ctrl+q")
    path = first.path
    assert path is not None
    saved = load_profile(path)
    assert saved.lang == "fr" and saved.settings.theme == "textual-light"

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot,
            lambda: again.screen.query("#recent") and again.screen.query_one("#recent").display,
        )
        recent = again.screen.query_one("#recent")
        assert recent.option_count == 1 and recent.get_option_at_index(0).id == str(path)
        # by the organisation's name, not a bare path; the first one highlighted: Enter opens it
        assert str(recent.get_option_at_index(0).prompt).startswith("Brasserie du Quai")
        recent.focus()
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: again.walk is not None and isinstance(again.screen, IntroScreen)
        )
        assert again.lang == "fr" and not again.current_theme.dark
        await wait_for(pilot, lambda: again.screen.query("#keybar"))
        keybar = str(again.screen.query_one("#keybar").render())
        assert t("key.next", "fr") in keybar and t("key.save", "fr") in keybar
        await pilot.press("ctrl+q")


async def test_a_broken_bank_ends_with_one_line_and_exit_code_2(workdir: Path) -> None:
    bank = workdir / "bank"
    bank.mkdir()
    (bank / "values.toml").write_text('layer = "values"\n[intro\n', "utf-8")
    app = make_app(lang="en", bank=bank)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.return_code is not None)
        message = str(app._exit_renderables[0])
    assert app.return_code == 2
    assert "values.toml:2" in message and "\n" not in message


async def test_enter_pressed_twice_creates_one_profile(workdir: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#respondent") and app.screen.focused)
        app.screen.query_one("#organisation", Input).value = "Twice"
        respondent = app.screen.query_one("#respondent", Input)

        def in_respondent() -> bool:
            # The welcome screen focuses the organisation once mounted: insist until it sticks.
            if app.screen.focused is respondent:
                return True
            respondent.focus()
            return False

        await wait_for(pilot, in_respondent)
        await pilot.pause()
        # Focus may still be settling on a slow first start: make sure it is where the
        # user's Enter lands before pressing it twice.
        await wait_for(pilot, in_respondent)
        await pilot.press("enter", "enter")
        # When the profile is made quickly, the second Enter may already start the layer's
        # questions from its intro card: either way the walk has begun, with one file.
        await wait_for(pilot, lambda: isinstance(app.screen, IntroScreen | QuestionScreen), 30.0)
        await pilot.pause(0.2)
        await pilot.press("ctrl+q")
    assert sorted(p.name for p in workdir.glob("*.toml")) == ["twice.toml"]


def test_a_new_profile_records_the_bank_it_was_made_with(workdir: Path) -> None:
    from alignment_tui.model.bank import load_bank
    from alignment_tui.session import ProfileSession, create_session

    made = []
    for name, bank in (("builtin.toml", None), ("custom.toml", workdir / "my-bank")):
        result = create_session(load_bank(), workdir / name, "Org", "Me", "en", bank_dir=bank)
        assert isinstance(result, ProfileSession)
        result.lock.release()
        made.append(load_profile(workdir / name).meta.bank)
    assert made == ["builtin", str((workdir / "my-bank").resolve())]
