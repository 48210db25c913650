"""``serve`` in a real browser: headless Chromium opens the printed link and types an answer."""

from __future__ import annotations

from pathlib import Path

from alignment_tui.i18n import t
from alignment_tui.model.profile import Profile
from alignment_tui.store import load_profile, save_profile
from tests.chromium import Tab, browser, chromium, until
from tests.unit.serving import ESCAPES, STARTUP, free_port, served

# Before the page's own script runs: keep a copy of what the server sends to the terminal,
# so that the test can read the screen that xterm.js paints on a canvas, and of the keys
# the page sends back.
RECORD_SCREEN = """
(() => {
  const Socket = window.WebSocket;
  const decoder = new TextDecoder();
  window.screenText = "";
  window.typed = "";
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.screenText += decoder.decode(event.data, { stream: true });
        }
      });
    }
    send(data) {
      const [kind, keys] = JSON.parse(data);
      if (kind === "stdin") window.typed += keys;
      super.send(data);
    }
  };
})();
"""
SIZE = (1280, 800)
ANSWER = "Honesty with the client"


async def _shows(tab: Tab, text: str) -> bool:
    """Has the tab drawn ``text`` (escape sequences and line breaks aside) since it opened?"""
    raw: str = await tab.evaluate("window.screenText")
    drawn = ESCAPES.sub(b"", raw.encode()).decode("utf-8", "replace")
    return " ".join(text.split()) in " ".join(drawn.split())


async def _focus_terminal(tab: Tab) -> None:
    """Give the terminal the keyboard, as clicking into it would, without moving the app's focus."""
    await tab.send("Page.bringToFront")
    await tab.evaluate("document.querySelector('.xterm-helper-textarea').focus()")


async def _painted(tab: Tab) -> None:
    """Wait until the canvas shows what has arrived (xterm.js paints on animation frames)."""
    frames = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    await tab.send("Runtime.evaluate", expression=frames, awaitPromise=True)


def _saved_name(path: Path) -> str:
    items = load_profile(path).values.items
    return items[0].name if items else ""


async def test_a_browser_tab_types_an_answer_into_the_profile(tmp_path: Path) -> None:
    chromium()  # skipped, with the reason, only where Chromium is not installed
    path = tmp_path / "atelier.toml"
    profile = Profile(lang="en")
    profile.meta.organisation = "Atelier Semelle"
    save_profile(profile, path)
    port = str(free_port())
    options = ("--port", port, "--lang", "en", "--max-tabs", "2")
    with served(tmp_path, str(path), *options, colour=True) as server:
        async with browser(tmp_path / "chromium") as chrome:
            first = await chrome.new_tab(server.link, before_load=RECORD_SCREEN, size=SIZE)
            await until("the intro", lambda: _shows(first, t("intro.start", "en")), STARTUP)
            await _focus_terminal(first)
            await first.type("\r")  # Start the questions
            await until("the first question", lambda: _shows(first, "question 1 of"), STARTUP)
            await first.type(ANSWER)
            await until("the answer on disk", lambda: _saved_name(path) == ANSWER, STARTUP)
            # The findings, down to the last one for a single value (its rule's id).
            await until("the analysis", lambda: _shows(first, "values.count"), STARTUP)
            assert await _shows(first, t("findings.title", "en"))
            await _painted(first)
            png = await first.screenshot(tmp_path / "serve-browser.png")
            assert png[:8] == b"\x89PNG\r\n\x1a\n"
            size = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
            assert size == SIZE and len(png) > 40_000  # the TUI drawn, not a blank page

            # A second tab on the same link: the app opens the profile read-only.
            second = await chrome.new_tab(server.link, before_load=RECORD_SCREEN, size=SIZE)
            await until(
                "the read-only notice", lambda: _shows(second, t("readonly.title", "en")), STARTUP
            )
            await _focus_terminal(second)
            await second.type("\x1bsecond tab")  # past the notice, then at the answer
            assert (await second.evaluate("window.typed")).endswith("second tab")
            # A third tab: the cap (two here) is reached, and its terminal says so.
            third = await chrome.new_tab(server.link, before_load=RECORD_SCREEN, size=SIZE)
            full = t("serve.page.full", "en", cap=2)
            await until("the refusal", lambda: _shows(third, full), STARTUP)
            # Reloading the first tab (the cap still reached) gives it its app back, writable.
            await first.send("Page.reload")
            await until("the reloaded question", lambda: _shows(first, "question 1 of"), STARTUP)
            assert not await _shows(first, t("readonly.title", "en"))
            await _focus_terminal(first)
            await first.type(" first")
            await until(
                "the longer answer on disk",
                lambda: _saved_name(path) == f"{ANSWER} first",
                STARTUP,
            )
            # Nothing the read-only tab typed reached the file.
            assert "second tab" not in path.read_text("utf-8")
    assert load_profile(path).meta.organisation == "Atelier Semelle"
