"""One scenario through the TUI and through plain mode, on the one session core: a profile
another window holds, then the same profile resumed, a question skipped, a vague answer
given, one of its findings waived and a coach's note written. Both leave the same file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from alignment_tui.app import make_app
from alignment_tui.model.bank import load_bank
from alignment_tui.plain import run_plain
from alignment_tui.plain.after import worst_first
from alignment_tui.store import ProfileLock, load_profile, save_profile
from alignment_tui.tui.screens.modals import NoticeScreen
from alignment_tui.tui.screens.question import QuestionScreen
from alignment_tui.tui.screens.waive import WaiveScreen
from tests.ui.conftest import SIZE, wait_for

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "aligned-en-two-ovens-bakery.toml"
VAGUE = "Become the undisputed leader of innovative solutions for everyone."
REASON = "the client's own words, kept on purpose"
NOTE = "ask which customers would miss the bakery"
RESUME_AT = "values.horizon_years"  # an optional question left without an answer


def _start(path: Path) -> Path:
    profile = load_profile(EXAMPLE)
    profile.values.horizon_years = None
    profile.vision.statement = ""
    profile.meta.position = RESUME_AT
    profile.meta.skipped = []
    profile.settings.coach_mode = True
    profile.notes = {}
    profile.waivers = []
    save_profile(profile, path)
    return path


def _after_vision() -> str:
    """The step after the vision statement: where both walks stop."""
    keys = [q.id for q in load_bank().questions()]
    return keys[keys.index("vision.statement") + 1]


def _comparable(path: Path) -> dict[str, Any]:
    """The file, but for what a clock writes: when saved, when waived, the coach's timer
    (plain mode has no session timer to show)."""
    data = load_profile(path).model_dump(mode="json")
    data["meta"].pop("updated")
    for waiver in data["waivers"]:
        waiver.pop("at")
    for key in ("session_seconds", "session_paused"):
        data["settings"].pop(key, None)
    return data


def _plain(path: Path, answers: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = run_plain(
        path, lang="en", stdin=io.StringIO(answers), stdout=out, stderr=err, interactive=True
    )
    assert code == 0 and err.getvalue() == "", err.getvalue()
    return out.getvalue()


async def _tui_locked(path: Path) -> None:
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, NoticeScreen))
        assert app.screen.title_text == "Opened read-only"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert app.screen.question.id == RESUME_AT  # resumed, read-only
        await pilot.press("ctrl+q")


async def _tui_walk(path: Path) -> None:
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert app.screen.question.id == RESUME_AT  # resumed where the file was left
        await pilot.press("ctrl+o")  # skip it
        while not (isinstance(app.screen, QuestionScreen) and app.screen.question.id != RESUME_AT):
            await pilot.press("ctrl+n")  # past the layer's review and the next intro card
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.question.id == "vision.statement"
        await wait_for(pilot, lambda: screen.query("#answer-text"))
        screen.query_one("#answer-text", TextArea).insert(VAGUE)
        session = app.session
        assert session is not None
        await wait_for(pilot, lambda: session.profile.vision.statement == VAGUE)
        # The finding plain mode reads out first (worst first) is the one waived here too.
        first = worst_first(session.findings_for(screen.question, "en"))[0]
        await wait_for(pilot, lambda: screen.live.result is not None)
        screen.live.ask_waiver(first)
        await wait_for(
            pilot, lambda: isinstance(app.screen, WaiveScreen) and app.screen.query("#waive-reason")
        )
        app.screen.query_one("#waive-reason", Input).value = REASON
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(session.profile.waivers) == 1)
        screen.query_one("#coach-note", TextArea).insert(NOTE)
        await wait_for(pilot, lambda: session.profile.notes.get("vision.statement") == NOTE)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: session.current.key == _after_vision())
        await pilot.press("ctrl+q")


async def test_the_tui_and_plain_mode_leave_the_same_file(tmp_path: Path) -> None:
    (tmp_path / "tui").mkdir()
    (tmp_path / "plain").mkdir()
    tui, plain = _start(tmp_path / "tui" / "p.toml"), _start(tmp_path / "plain" / "p.toml")

    # Another window holds each file: both open it read-only and write nothing.
    for path in (tui, plain):
        before = path.read_bytes()
        with ProfileLock(path) as other:
            assert other.held
            if path is tui:
                await _tui_locked(path)
            else:
                out = _plain(path, "")
                assert "open in another window" in out and "read-only" in out
        assert path.read_bytes() == before

    await _tui_walk(tui)
    # Plain mode: an empty line skips the question it resumes at; the vision is written,
    # its first finding waived (w, 1, a reason), a note taken (n), then on (empty line);
    # the input ends at the next question.
    out = _plain(plain, f"\n{VAGUE}\n.\nw\n1\n{REASON}\nn\n{NOTE}\n\n")
    assert "Resuming where you left off" in out

    result = _comparable(tui)
    assert result == _comparable(plain)
    assert result["meta"]["position"] == _after_vision()
    assert result["meta"]["skipped"] == [RESUME_AT]
    assert result["vision"]["statement"] == VAGUE
    assert [w["reason"] for w in result["waivers"]] == [REASON]
    assert result["notes"] == {"vision.statement": NOTE}
