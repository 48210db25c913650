"""Headless Chromium for the tests: where it is, its offline flags, and a small DevTools client."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

# Every way Chromium could reach the network is closed: no background services, and any
# host name resolves to nothing, through a proxy that does not exist. Loopback addresses
# given as numbers (a local `serve`) are still reached directly.
OFFLINE = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

# Characters typed as the key that makes them: the key's name and its virtual key code.
NAMED_KEYS = {"\r": ("Enter", 13), "\x1b": ("Escape", 27), "\t": ("Tab", 9)}


def chromium() -> str:
    """The Chromium binary; the test is skipped (with the reason) only when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail("Chromium is missing in CI: .ci/run must install Debian's chromium")
    pytest.skip("Chromium is not installed (outside CI this test is skipped)")


async def until(what: str, check: Callable[[], Any], timeout: float) -> Any:
    """Poll ``check`` (sync or async) until it returns something true, or fail saying ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.2)


class Tab:
    """One page, driven over the browser's DevTools connection (a flattened session)."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.browser.send(method, session=self.session, **params)

    async def evaluate(self, expression: str) -> Any:
        reply = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise AssertionError(f"{expression!r} failed in the page: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    async def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            await self.send(
                "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1
            )

    async def type(self, text: str, per_second: float = 15) -> None:
        """Type ``text`` key by key, as a person would (``\\r`` is Enter, ``\\x1b`` Escape)."""
        for char in text:
            if char in NAMED_KEYS:
                name, code = NAMED_KEYS[char]
                await self.key(name, code, text=char)
            else:
                await self.key(char, 0, text=char)
            await asyncio.sleep(1 / per_second)

    async def key(self, key: str, code: int, text: str = "", modifiers: int = 0) -> None:
        down: dict[str, Any] = {"key": key, "modifiers": modifiers}
        if code:
            down["windowsVirtualKeyCode"] = code
        if text:
            down |= {"text": text, "unmodifiedText": text}
        await self.send("Input.dispatchKeyEvent", type="keyDown", **down)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key, modifiers=modifiers)

    async def screenshot(self, path: Path) -> bytes:
        reply = await self.send("Page.captureScreenshot", format="png")
        data = base64.b64decode(reply["data"])
        path.write_bytes(data)
        return data


class Browser:
    """A headless Chromium with a fresh profile, reached over its DevTools websocket."""

    def __init__(self, ws: Any, process: subprocess.Popen[bytes]) -> None:
        self.ws = ws
        self.process = process
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            reply = json.loads(message.data)
            future = self._waiting.pop(reply.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(reply)
        for future in self._waiting.values():
            future.set_exception(ConnectionError("Chromium closed its DevTools connection"))

    async def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        await self.ws.send_str(json.dumps(message))
        reply = await asyncio.wait_for(future, 60)
        if "error" in reply:
            raise AssertionError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply["result"]
        return result

    async def new_tab(self, url: str, *, before_load: str = "", size: tuple[int, int]) -> Tab:
        """Open ``url`` in a tab of ``size`` pixels; ``before_load`` runs before its scripts."""
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        tab = Tab(self, attached["sessionId"])
        await tab.send("Page.enable")
        width, height = size
        await tab.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        if before_load:
            await tab.send("Page.addScriptToEvaluateOnNewDocument", source=before_load)
        await tab.send("Page.navigate", url=url)
        return tab


@contextlib.asynccontextmanager
async def browser(profile_dir: Path) -> AsyncIterator[Browser]:
    """Start Chromium on a fresh user-data folder; always stop it on leaving."""
    import aiohttp

    process = subprocess.Popen(
        [
            chromium(),
            *OFFLINE,
            f"--user-data-dir={profile_dir}",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Chromium writes the port it chose, and the browser's path, once it listens.
        active = profile_dir / "DevToolsActivePort"

        def ready() -> list[str]:
            if process.poll() is not None:
                raise AssertionError(f"Chromium exited with code {process.returncode}")
            lines = active.read_text().split() if active.exists() else []
            return lines if len(lines) == 2 else []

        port, path = await until("Chromium's DevTools port", ready, 60)
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0) as ws,
        ):
            client = Browser(ws, process)
            try:
                yield client
            finally:
                client._reader.cancel()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
