"""The real app in a real terminal: tmux runs it, sends keys and pastes, reads the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

# tmux names for the keys the tests send; anything else is sent as literal text.
KEYS = {
    "tab": "Tab",
    "enter": "Enter",
    "backspace": "BSpace",
    "escape": "Escape",
    "end": "End",
    "home": "Home",
    "up": "Up",
    "down": "Down",
    **{f"f{n}": f"F{n}" for n in range(1, 13)},
}


class Terminal:
    """One tmux server of its own (its own socket), one window running the app."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for_text(self, text: str, timeout: float = 40.0) -> None:
        """Until ``text`` is on screen, and a moment more: a person reads before typing."""
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not on screen:\n{self.screen()}")
            time.sleep(0.1)
        time.sleep(0.5)

    def send(self, keys: Iterable[str], rate: float = 10.0) -> None:
        """Each key on its own, ``rate`` a second, as a person types them."""
        for key in keys:
            if key.lower() in KEYS:
                self.tmux("send-keys", "-t", "app", KEYS[key.lower()])
            elif key.startswith(("C-", "M-")) and len(key) > 2:
                self.tmux("send-keys", "-t", "app", key)
            else:
                # A lone ";" would end the tmux command: it is written "\\;".
                self.tmux("send-keys", "-t", "app", "-l", "\\;" if key == ";" else key)
            time.sleep(1 / rate)

    def type(self, text: str, rate: float = 10.0) -> None:
        named = {"\t": "tab", "\n": "enter"}
        self.send([named.get(ch, ch) for ch in text], rate)

    def paste(self, text: str, folder: Path) -> None:
        """A paste as a terminal makes it: bracketed, since the app asks for that."""
        clip = folder / "clipboard.txt"
        clip.write_text(text, "utf-8")
        self.tmux("load-buffer", "-b", "clip", str(clip))
        self.tmux("paste-buffer", "-p", "-b", "clip", "-t", "app")

    def running(self) -> bool:
        return "app" in self.tmux("list-windows", "-F", "#{window_name}", check=False)


@contextmanager
def app_in_tmux(
    profile: Path,
    home: Path,
    lang: str = "en",
    size: tuple[int, int] = (100, 36),
    env: dict[str, str] | None = None,
) -> Iterator[Terminal]:
    """``alignment-tui PROFILE`` in a fresh tmux server; quits it (Ctrl+Q) at the end."""
    term = Terminal(f"atui-{uuid.uuid4().hex[:8]}")
    env = {
        "ALIGNMENT_TUI_HOME": str(home),
        "LANG": "en_GB.UTF-8",
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "PATH": os.environ.get("PATH", ""),
        **(env or {}),
    }
    command = " ".join(
        [f"{k}={shlex.quote(v)}" for k, v in env.items()]
        + [sys.executable, "-m", "alignment_tui", shlex.quote(str(profile)), "--lang", lang]
    )
    width, height = size
    term.tmux(
        "new-session",
        "-d",
        "-s",
        "keys",
        "-n",
        "app",
        "-x",
        str(width),
        "-y",
        str(height),
        f"cd {shlex.quote(str(profile.parent))} && {command}; sleep 30",
    )
    try:
        yield term
    finally:
        term.tmux("send-keys", "-t", "app", "C-q", check=False)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "⛓" in term.screen():
            time.sleep(0.1)
        term.tmux("kill-server", check=False)


@contextmanager
def cpu_burning_processes(count: int = 2) -> Iterator[None]:
    """Other processes keeping the cores busy, as on a loaded laptop."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
