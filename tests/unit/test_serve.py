"""``alignment-tui serve``: the page answers on localhost, and exposure is never silent."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from alignment_tui.commands.serve import app_command, is_loopback
from alignment_tui.model.profile import Profile
from alignment_tui.store import ProfileLock, load_profile, save_profile

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _serve(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "alignment_tui", "serve", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"},
    )


def _get(url: str, deadline: float) -> str:
    """The page at ``url`` (127.0.0.1 only), retried until the server is up or time is out."""
    assert url.startswith("http://127.0.0.1:")
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body: str = response.read().decode("utf-8")
                return body
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_on_localhost_with_the_app_and_its_websocket(tmp_path: Path) -> None:
    port = _free_port()
    profile = tmp_path / "atelier.toml"
    server = _serve(tmp_path, str(profile), "--port", str(port), "--lang", "fr")
    try:
        page = _get(f"http://127.0.0.1:{port}/", time.monotonic() + 20)
        assert "alignment-tui" in page
        assert f"ws://127.0.0.1:{port}/ws" in page
    finally:
        server.terminate()
        try:
            out, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            out, err = server.communicate(timeout=5)
    assert f"http://127.0.0.1:{port}" in out
    assert "Attention" not in err  # loopback: no exposure warning
    # Serving alone creates nothing: a tab's app does, when one is opened.
    assert not profile.exists()


def test_non_loopback_host_is_warned_and_a_busy_port_is_one_line(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        # 0.0.0.0 cannot be bound while 127.0.0.1 holds the port: nothing gets exposed.
        server = _serve(tmp_path, "--host", "0.0.0.0", "--port", str(port), "--lang", "en")
        _, err = server.communicate(timeout=20)
    assert server.returncode == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "0.0.0.0 is not a loopback address" in lines[0] and "confidential" in lines[0]
    assert f"0.0.0.0:{port}: cannot listen" in lines[1] and "--port" in lines[1]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.1.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_each_tab_runs_this_python_on_the_same_profile(tmp_path: Path) -> None:
    profile = tmp_path / "my profile.toml"
    parts = shlex.split(app_command(str(profile), "fr", None))
    assert parts[0] == sys.executable
    assert parts[1:3] == ["-m", "alignment_tui.commands.serve"]
    assert parts[3] == str(profile.resolve())
    assert parts[4:] == ["--lang", "fr"]


_ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07)")


async def _tab_output(ws: Any, done: Any, timeout: float) -> bytes:
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


async def test_each_tab_runs_the_tui_and_a_second_tab_is_read_only(tmp_path: Path) -> None:
    import aiohttp

    profile_path = tmp_path / "atelier.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Atelier Semelle"
    save_profile(profile, profile_path)
    lock = tmp_path / ".atelier.toml.lock"
    port = _free_port()
    server = _serve(tmp_path, str(profile_path), "--port", str(port), "--lang", "en")
    url = f"ws://127.0.0.1:{port}/ws?width=100&height=30"
    try:
        _get(f"http://127.0.0.1:{port}/", time.monotonic() + 20)
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(url)
            await first.send_json(["resize", {"width": 100, "height": 30}])
            shown = await _tab_output(first, lambda out: lock.exists() and b"\x1b[" in out, 25)
            # The TUI itself (drawn with escape sequences), not plain mode, holds the lock.
            assert b"\x1b[" in shown and lock.exists()
            assert int(lock.read_text().split()[-1]) != server.pid
            second = await session.ws_connect(url)
            await second.send_json(["resize", {"width": 100, "height": 30}])
            other = await _tab_output(
                second, lambda out: b"read-only" in _ESCAPES.sub(b"", out).lower(), 25
            )
            assert b"read-only" in _ESCAPES.sub(b"", other).lower()
            await second.close()
            await first.close()
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate(timeout=5)
    # The first tab may save on leaving (its position): the file is intact and its own.
    assert load_profile(profile_path).meta.organisation == "Atelier Semelle"
    # Closing the tabs ends their apps: the profile can be opened for writing again.
    deadline = time.monotonic() + 10
    free = ProfileLock(profile_path)
    while not free.acquire():
        assert time.monotonic() < deadline, "a tab's app still holds the profile"
        time.sleep(0.2)
    free.release()


def test_unreadable_profile_or_bank_is_one_line_before_serving(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\nlang = [\n", "utf-8")
    server = _serve(tmp_path, str(broken), "--port", str(_free_port()), "--lang", "en")
    _, err = server.communicate(timeout=20)
    assert server.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "broken.toml:2" in err
    (tmp_path / "bank").mkdir()
    server = _serve(tmp_path, "--bank", str(tmp_path / "bank"), "--port", str(_free_port()))
    _, err = server.communicate(timeout=20)
    assert server.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "bank" in err
