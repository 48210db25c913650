"""``serve`` over its websocket: only the page's own origin with the link's token gets a tab."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from alignment_tui.i18n import t
from alignment_tui.model.profile import Profile
from alignment_tui.store import ProfileLock, load_profile, save_profile
from tests.unit.serving import ESCAPES, STARTUP, free_port, get, served, tab_apps

PROC = Path("/proc/self/status").exists()


async def _tab_output(ws: Any, done: Callable[[bytes], bool], timeout: float) -> bytes:
    """What a tab's app sends to the browser, until ``done(output)`` or the time is out."""
    received = b""
    deadline = time.monotonic() + timeout
    while not done(received) and time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=0.5)
        except TimeoutError:
            continue
        if isinstance(message.data, bytes):
            received += message.data
        elif isinstance(message.data, str):
            received += message.data.encode("utf-8")
        else:
            break
    return received


def _drawn(output: bytes) -> bool:
    return b"\x1b[" in output and len(output) > 2000  # a screen of the TUI, not one prompt


async def _refused(session: aiohttp.ClientSession, url: str, **options: Any) -> int:
    """The HTTP status that refused the websocket handshake (the test fails if it opens)."""
    try:
        ws = await session.ws_connect(url, **options)
    except aiohttp.WSServerHandshakeError as refusal:
        return refusal.status
    await ws.close()
    raise AssertionError(f"websocket opened: {url} {options}")


def _atelier(tmp_path: Path) -> Path:
    path = tmp_path / "atelier.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Atelier Semelle"
    save_profile(profile, path)
    return path


async def test_a_foreign_origin_or_a_missing_token_is_refused(tmp_path: Path) -> None:
    profile = _atelier(tmp_path)
    lock = tmp_path / ".atelier.toml.lock"
    port = free_port()
    with served(tmp_path, str(profile), "--port", str(port), "--lang", "en") as server:
        own = server.origin
        tokenless = f"ws://127.0.0.1:{port}/ws"
        async with aiohttp.ClientSession() as session:
            # A page of another site, even holding the token, gets no tab.
            assert await _refused(session, server.websocket, origin="http://evil.example") == 403
            assert await _refused(session, server.websocket, origin=f"{own}.evil.example") == 403
            assert await _refused(session, server.websocket, origin="null") == 403
            assert await _refused(session, server.websocket) == 403  # no Origin at all
            # The page's own origin without the token (or with a wrong one) gets none either.
            assert await _refused(session, tokenless, origin=own) == 403
            wrong = server.websocket.replace(server.token, "A" * len(server.token))
            assert await _refused(session, wrong, origin=own) == 403
            assert not lock.exists()  # no tab's app was started
            # Both together: a tab, running the TUI on the profile.
            async with session.ws_connect(server.websocket, origin=own) as ws:
                await ws.send_json(["resize", {"width": 100, "height": 30}])
                shown = await _tab_output(ws, lambda out: lock.exists() and _drawn(out), STARTUP)
                assert _drawn(shown) and lock.exists()
            # On loopback, the other names of this computer are the same page.
            async with session.ws_connect(
                server.websocket, origin=f"http://localhost:{port}"
            ) as ws:
                assert _drawn(await _tab_output(ws, _drawn, STARTUP))
    assert server.err.count("evil.example") == 2  # the attempts are reported where it runs
    assert load_profile(profile).meta.organisation == "Atelier Semelle"


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_tab_cap_refuses_the_next_tab_with_a_page(tmp_path: Path, lang: str) -> None:
    port = free_port()
    with served(tmp_path, "--port", str(port), "--lang", lang, "--max-tabs", "1") as server:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(server.websocket, origin=server.origin)
            assert _drawn(await _tab_output(first, _drawn, STARTUP))
            # The page still loads (a reload of the open tab must not be refused) ...
            assert get(server.link)[0] == 200
            # ... and the next tab's terminal says why it gets no app.
            full = " ".join(t("serve.page.full", lang, cap=1).split())
            refused = await session.ws_connect(server.websocket, origin=server.origin)
            shown = await _tab_output(refused, lambda out: full in _words(out), STARTUP)
            assert full in _words(shown)
            if PROC:
                assert len(tab_apps(server.process.pid)) == 1  # no process for it
            await refused.close()
            await first.close()
            # Closing the tab frees its place at once, for a reload or another person.
            again = await session.ws_connect(server.websocket, origin=server.origin)
            assert _drawn(await _tab_output(again, _drawn, STARTUP))
            await again.close()
    assert server.out.count(server.link) == 1
    assert t("serve.refused_full", lang, cap=1) in server.err


def _words(output: bytes) -> str:
    """The text a terminal shows for ``output``, its line breaks and spacing aside."""
    return " ".join(ESCAPES.sub(b"", output).decode("utf-8", "replace").split())


async def test_each_tab_runs_the_tui_and_a_second_tab_is_read_only(tmp_path: Path) -> None:
    profile_path = _atelier(tmp_path)
    lock = tmp_path / ".atelier.toml.lock"
    port = free_port()
    with served(tmp_path, str(profile_path), "--port", str(port), "--lang", "en") as server:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(server.websocket, origin=server.origin)
            await first.send_json(["resize", {"width": 100, "height": 30}])
            shown = await _tab_output(first, lambda out: lock.exists() and _drawn(out), STARTUP)
            # The TUI itself (drawn with escape sequences), not plain mode, holds the lock.
            assert _drawn(shown) and lock.exists()
            assert int(lock.read_text().split()[-1]) != server.process.pid
            second = await session.ws_connect(server.websocket, origin=server.origin)
            await second.send_json(["resize", {"width": 100, "height": 30}])
            other = await _tab_output(
                second, lambda out: b"read-only" in ESCAPES.sub(b"", out).lower(), STARTUP
            )
            assert b"read-only" in ESCAPES.sub(b"", other).lower()
            await second.close()
            await first.close()
    # The first tab may save on leaving (its position): the file is intact and its own.
    assert load_profile(profile_path).meta.organisation == "Atelier Semelle"
    # Closing the tabs ends their apps: the profile can be opened for writing again.
    deadline = time.monotonic() + 20
    free = ProfileLock(profile_path)
    while not free.acquire():
        assert time.monotonic() < deadline, "a tab's app still holds the profile"
        time.sleep(0.2)
    free.release()


async def test_ctrl_c_closes_every_tab_at_once_and_their_apps_end(tmp_path: Path) -> None:
    path = _atelier(tmp_path)
    with served(tmp_path, str(path), "--port", str(free_port()), "--lang", "en") as server:
        async with aiohttp.ClientSession() as session:
            tabs = [await session.ws_connect(server.websocket, origin=server.origin)]
            assert _drawn(await _tab_output(tabs[0], _drawn, STARTUP))
            tabs.append(await session.ws_connect(server.websocket, origin=server.origin))
            assert _drawn(await _tab_output(tabs[1], _drawn, STARTUP))
            server.process.send_signal(signal.SIGINT)
            # Each tab is told the server is going away (rather than left to time out),
            # so that its app saves and quits now, not when aiohttp gives up on it.
            for ws in tabs:
                await _tab_output(ws, lambda _out, ws=ws: ws.closed, STARTUP)
                assert ws.close_code == aiohttp.WSCloseCode.GOING_AWAY
            await asyncio.to_thread(server.process.wait, STARTUP)
    assert server.process.returncode == 0
    assert ProfileLock(path).acquire()  # no tab's app is left holding the profile
