"""Never losing a word: autosave under a kill, Ctrl+S, quit, changed on disk, read-only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.model.profile import Meta, Profile
from alignment_tui.session import saving
from alignment_tui.store import ProfileError, ProfileLock, load_profile, save_profile
from alignment_tui.tui.screens.modals import ChangedOnDiskScreen, NoticeScreen, SaveAsScreen
from alignment_tui.tui.screens.question import QuestionScreen
from tests.ui.conftest import SIZE, wait_for

QID = "values.origin"


def _profile_at(path: Path, lang: str = "en", origin: str = "") -> Path:
    profile = Profile(lang=lang, meta=Meta(organisation="Kiln", position=QID))
    profile.values.origin = origin
    save_profile(profile, path)
    return path


async def _editor_area(pilot, app: AlignmentApp) -> TextArea:
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen))
    screen = app.screen
    await wait_for(pilot, lambda: screen.query("#answer-text"))
    return screen.query_one("#answer-text", TextArea)


CHILD = textwrap.dedent(
    """
    import asyncio, sys, time
    from textual import events
    from alignment_tui.app import make_app

    path, text = sys.argv[1], sys.argv[2]

    async def type_slowly(pilot):
        app = pilot.app
        while not app.screen.query("#answer-text"):
            await asyncio.sleep(0.02)
        area = app.screen.query_one("#answer-text")
        area.focus()
        print("ready", flush=True)
        for ch in text:
            area.post_message(events.Key("space" if ch == " " else ch, ch))
            await asyncio.sleep(0.03)
            print(len(area.text), time.time(), flush=True)
        await asyncio.sleep(60)

    make_app(path, lang="en").run(headless=True, size=(100, 36), auto_pilot=type_slowly)
    """
)


def test_sigkill_mid_typing_keeps_what_was_typed_a_second_before(tmp_path: Path) -> None:
    path = _profile_at(tmp_path / "kill.toml")
    script = tmp_path / "child.py"
    script.write_text(CHILD, "utf-8")
    text = "the workshop was born of a repair nobody else would take " * 4
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(path), text],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    typed: list[tuple[int, float]] = []
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        while True:
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else "child ended"
            count, when = line.split()
            typed.append((int(count), float(when)))
            # 2.5 s of typing, and more than 20 characters typed a second before the last
            # one: a busy machine slows the child's typing, so it is given the time it needs.
            latest = typed[-1][1]
            if latest - typed[0][1] >= 2.5 and any(
                n > 20 and when <= latest - 1.0 for n, when in typed
            ):
                break
        killed_at = time.time()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    must_have = max(n for n, when in typed if when <= killed_at - 1.0)
    assert must_have > 20  # typing really went on for more than a second before the kill
    saved = load_profile(path).values.origin  # the file is whole: it parses
    assert len(saved) >= must_have
    assert text.startswith(saved)


async def test_quit_right_after_typing_loses_nothing(workdir: Path) -> None:
    path = _profile_at(workdir / "q.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        area = await _editor_area(pilot, app)
        area.insert("typed just before quitting")
        await pilot.press("ctrl+q")
    saved = load_profile(path)
    assert saved.values.origin == "typed just before quitting"
    assert saved.meta.position == QID and saved.meta.updated is not None


async def test_ctrl_s_saves_at_once_and_says_so(workdir: Path) -> None:
    path = _profile_at(workdir / "s.toml")
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        area = await _editor_area(pilot, app)
        area.insert("enregistré")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: load_profile(path).values.origin == "enregistré", 2.0)
        await wait_for(pilot, lambda: any("Enregistré" in n.message for n in app._notifications))
        await pilot.press("ctrl+q")


async def _conflict(pilot, app: AlignmentApp, path: Path) -> None:
    area = await _editor_area(pilot, app)
    area.insert("mine")
    await wait_for(pilot, lambda: load_profile(path).values.origin == "mine", 3.0)
    theirs = load_profile(path)
    theirs.values.origin = "theirs"
    save_profile(theirs, path)
    area.insert(" and more")
    await wait_for(pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen), 3.0)
    assert load_profile(path).values.origin == "theirs"  # never overwritten silently


async def test_changed_on_disk_reload(workdir: Path) -> None:
    path = _profile_at(workdir / "c.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _conflict(pilot, app, path)
        await pilot.press("alt+r")
        await wait_for(pilot, lambda: not isinstance(app.screen, ChangedOnDiskScreen))
        area = await _editor_area(pilot, app)
        assert area.text == "theirs"
        assert area.cursor_location == area.document.end  # typing goes on after the text
        area.insert(", then mine")
        await wait_for(pilot, lambda: load_profile(path).values.origin == "theirs, then mine", 3)
        await pilot.press("ctrl+q")


async def test_changed_on_disk_overwrite(workdir: Path) -> None:
    path = _profile_at(workdir / "c.toml")
    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _conflict(pilot, app, path)
        await pilot.pause()
        await pilot.click("#overwrite")
        await wait_for(pilot, lambda: load_profile(path).values.origin == "mine and more", 3.0)
        await pilot.press("ctrl+q")


async def test_changed_on_disk_save_as(workdir: Path) -> None:
    path = _profile_at(workdir / "c.toml")
    copy = workdir / "my-copy.toml"
    app = make_app(path, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _conflict(pilot, app, path)
        await wait_for(pilot, lambda: app.screen.query("#save_as"))
        assert "Enregistrer sous… (Alt+S)" in str(app.screen.query_one("#save_as").label)
        await pilot.press("alt+s")  # « Enregistrer sous »: a key with a modifier
        await wait_for(
            pilot, lambda: isinstance(app.screen, SaveAsScreen) and app.screen.query(Input)
        )
        app.screen.query_one(Input).value = str(copy)
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: copy.exists() and load_profile(copy).values.origin == "mine and more",
            3.0,
        )
        assert load_profile(path).values.origin == "theirs"
        await pilot.press("ctrl+q")
    assert app.path == copy


async def test_second_instance_is_read_only_and_writes_nothing(workdir: Path) -> None:
    path = _profile_at(workdir / "shared.toml", lang="fr", origin="déjà là")
    before = path.read_bytes()
    other = ProfileLock(path)
    assert other.acquire()
    try:
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, NoticeScreen))
            assert "lecture seule" in app.screen.title_text.lower()
            await pilot.press("enter")
            area = await _editor_area(pilot, app)
            assert area.read_only
            assert "Lecture seule" in str(app.screen.query_one("#banner").render())
            area.focus()
            await pilot.press("x", "y")
            assert area.text == "déjà là"
            await pilot.press("ctrl+s")  # keeps a copy under another name instead
            await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
            await pilot.press("escape")
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before
    finally:
        other.release()


async def test_a_failed_save_is_one_line_and_retried(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _profile_at(workdir / "full.toml")
    real_save = saving.save_profile

    def disk_full(profile: Profile, target: Path) -> object:
        raise ProfileError("disk_full", target, reason="No space left on device")

    app = make_app(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        area = await _editor_area(pilot, app)
        monkeypatch.setattr(saving, "save_profile", disk_full)
        area.insert("cannot land yet")
        await wait_for(pilot, lambda: any("disk is full" in n.message for n in app._notifications))
        assert isinstance(app.screen, QuestionScreen)
        assert load_profile(path).values.origin == ""  # the file on disk is untouched
        monkeypatch.setattr(saving, "save_profile", real_save)
        area.insert(" - now it does")
        await wait_for(pilot, lambda: load_profile(path).values.origin.endswith("now it does"), 3.0)
        await pilot.press("ctrl+q")
