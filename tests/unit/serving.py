"""A running ``alignment-tui serve`` for the tests: started in a subprocess, its link read back."""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[2]
LINK = re.compile(r"http://\S+/([A-Za-z0-9_-]{32})/")
# What a tab's app draws, once the escape sequences are taken out.
ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-B])")
STARTUP = 60  # seconds for the server (or a tab's app) to answer on a busy machine


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def serve_process(cwd: Path, *args: str, colour: bool = False) -> subprocess.Popen[str]:
    """``alignment-tui serve ARGS`` (and its tabs' apps without colour, unless ``colour``)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    if colour:
        env.pop("NO_COLOR")
    return subprocess.Popen(
        [sys.executable, "-m", "alignment_tui", "serve", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def exited(process: subprocess.Popen[str]) -> tuple[str, str]:
    """What a ``serve`` that should stop by itself (bad input) printed; it must stop."""
    try:
        return process.communicate(timeout=STARTUP)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate(timeout=10)
        raise AssertionError(f"serve kept running: {out} {err}") from None


class Served:
    """A server that has printed its link; ``out`` and ``err`` are complete once it stops."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.link = ""
        self._out: list[str] = []
        self._err: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        assert process.stdout is not None and process.stderr is not None
        self._readers = [
            threading.Thread(target=self._read, args=(process.stdout, self._out), daemon=True),
            threading.Thread(target=self._read, args=(process.stderr, self._err), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream: IO[str], into: list[str]) -> None:
        for line in stream:
            into.append(line)
            if into is self._out:
                self._lines.put(line)
        if into is self._out:
            self._lines.put(None)

    def wait_for_link(self) -> str:
        deadline = time.monotonic() + STARTUP
        while not self.link:
            try:
                line = self._lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError(f"serve printed no link in {STARTUP} s: {self.out}") from None
            if line is None:
                self.stop()
                raise AssertionError(f"serve stopped before printing its link: {self.err}")
            found = LINK.search(line)
            if found:
                self.link = found.group(0)
        return self.link

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for reader in self._readers:
            reader.join(timeout=10)

    @property
    def out(self) -> str:
        return "".join(self._out)

    @property
    def err(self) -> str:
        return "".join(self._err)

    @property
    def token(self) -> str:
        return self.link.rstrip("/").rsplit("/", 1)[-1]

    @property
    def origin(self) -> str:
        return self.link.split("/" + self.token, 1)[0]

    @property
    def websocket(self) -> str:
        return "ws" + self.link.removeprefix("http") + "ws?width=100&height=30"


@contextmanager
def served(cwd: Path, *args: str, colour: bool = False) -> Iterator[Served]:
    """Start ``serve`` with ``args``; yield once its link is printed; always stop it."""
    server = Served(serve_process(cwd, *args, colour=colour))
    try:
        server.wait_for_link()
        yield server
    finally:
        server.stop()


def tab_apps(pid: int) -> list[int]:
    """The processes under ``pid`` that run a tab's app (Linux: read from /proc)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            command = Path(f"/proc/{parent}/cmdline").read_bytes()
        except OSError:
            continue  # it has just ended
        if parent != pid and b"alignment_tui.cli.commands.serve" in command.split(b"\0"):
            found.append(parent)
        todo += [int(child) for child in children]
    return found


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    """Status and text of ``url`` (the server is already listening)."""
    assert url.startswith(("http://127.0.0.1:", "http://[::1]:"))
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode("utf-8")
