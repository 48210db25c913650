"""The gate before textual-serve: the link's secret token, same-origin websockets, a tab cap."""

from __future__ import annotations

import asyncio
import html
import secrets
import signal
import sys
import textwrap
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, hdrs, web
from textual_serve.server import Server

from alignment_tui.cli.commands.hosts import is_loopback
from alignment_tui.i18n import Lang, t

PLACE_WAIT = 3.0  # seconds a new tab waits for a place when the cap is reached
QUIT_WAIT = 10.0  # seconds a new tab waits for closed tabs' apps to end
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Headers every answer carries: the page is never framed by another site, and the link
# (which holds the token) is never sent to another site as a Referer.
SAFE_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
_PAGE = (
    '<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
    "<title>alignment-tui</title><style>body{{background:#0c181f;color:#eee;"
    "font:18px/1.5 system-ui,sans-serif;max-width:40em;margin:15vh auto;padding:0 1em}}"
    "</style></head><body><h1>alignment-tui</h1><p>{message}</p></body></html>\n"
)


class _Tab:
    """One browser tab's websocket, counted from its handshake until the browser closes it."""


# The tab whose websocket the current task serves (set by the handshake, read when it ends).
_current_tab: ContextVar[_Tab] = ContextVar("current_tab")


class GatedServer(Server):
    """textual-serve's server, behind a token in the path, an Origin check and a tab cap.

    The whole textual-serve application is mounted under ``/<token>/``, so the page it
    builds points its websocket and static files at the same secret prefix; a middleware
    refuses everything else before any of textual-serve's handlers runs.
    """

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        public_url: str,
        max_tabs: int,
        lang: Lang,
        token: str | None = None,
    ) -> None:
        super().__init__(
            command, host=host, port=port, title="alignment-tui", public_url=public_url
        )
        self.token = token or secrets.token_urlsafe(24)
        self.max_tabs = max_tabs
        self.lang = lang
        self.origins = allowed_origins(public_url, host, port)
        self.tabs: set[_Tab] = set()  # tabs open in a browser: what the cap counts
        self.quitting: set[_Tab] = set()  # tabs closed whose app has not ended yet
        self.sockets: set[web.WebSocketResponse] = set()  # open, to close on Ctrl+C

    @property
    def link(self) -> str:
        """The address to open (and to give the client): the public URL and the token."""
        return f"{self.public_url.rstrip('/')}/{self.token}/"

    async def _make_app(self) -> web.Application:
        inner: web.Application = await super()._make_app()
        root = web.Application(middlewares=[self._guard])
        root.add_subapp(f"/{self.token}/", inner)
        return root

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        first, slash, _ = request.path.lstrip("/").partition("/")
        if not secrets.compare_digest(first.encode(), self.token.encode()):
            raise self._refusal(web.HTTPForbidden, t("serve.page.no_token", self.lang))
        if not slash:  # the link without its final slash: textual-serve's page is at "/"
            raise web.HTTPFound(f"{self.token}/", headers=SAFE_HEADERS)  # relative: proxies
        response = await handler(request)
        if not response.prepared:  # a websocket has already sent its headers
            response.headers.update(SAFE_HEADERS)
        return response

    def _refusal(self, refusal: type[web.HTTPError], message: str) -> web.HTTPError:
        """A short page in the server's language, saying why (and what to do)."""
        body = _PAGE.format(lang=self.lang, message=html.escape(message))
        return refusal(text=body, content_type="text/html", headers=SAFE_HEADERS)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get(hdrs.ORIGIN, "")
        if origin.rstrip("/").lower() not in self.origins:
            # A browser always sends Origin on a websocket: another site's page, or a
            # client that hides where it comes from, never reaches the questionnaire.
            _say(t("serve.refused_origin", self.lang, origin=origin or "-"))
            raise self._refusal(web.HTTPForbidden, t("serve.page.foreign", self.lang))
        # A reloaded tab closes its websocket as the new page loads: give it a moment.
        if not await _within(PLACE_WAIT, lambda: len(self.tabs) < self.max_tabs):
            _say(t("serve.refused_full", self.lang, cap=self.max_tabs))
            return await self._refuse_in_terminal(request)
        tab = _Tab()
        self.tabs.add(tab)
        _current_tab.set(tab)
        try:
            # The app of a tab just closed (or reloaded) is still saving and quitting; the
            # new one starts once it has let go of the profile, so that it can write.
            await _within(QUIT_WAIT, lambda: not self.quitting)
            response: web.WebSocketResponse = await super().handle_websocket(request)
            return response
        finally:
            self.tabs.discard(tab)
            self.quitting.discard(tab)

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: Any) -> None:
        self.sockets.add(websocket)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self.sockets.discard(websocket)
            # The browser closed the tab: it no longer counts, even while its app is
            # still saving and quitting (so that reloading a tab is never refused).
            tab = _current_tab.get()
            self.tabs.discard(tab)
            self.quitting.add(tab)

    async def _refuse_in_terminal(self, request: web.Request) -> web.WebSocketResponse:
        """The page's terminal says why there is no app in this tab, and no process starts."""
        ws = web.WebSocketResponse(heartbeat=15)
        await ws.prepare(request)
        try:
            width = max(int(request.query.get("width", "80")) - 4, 20)
        except ValueError:
            width = 76
        message = t("serve.page.full", self.lang, cap=self.max_tabs)
        lines = ["", "\x1b[1malignment-tui\x1b[0m", "", *textwrap.wrap(message, width)]
        await ws.send_bytes(("\x1b[2J\x1b[H" + "\r\n  ".join(lines)).encode("utf-8"))
        self.sockets.add(ws)
        try:
            async for _message in ws:  # until the tab is closed or reloaded
                pass
        finally:
            self.sockets.discard(ws)
        return ws

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve's banner would show the address without its token."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every tab's websocket, so that each app saves and quits at once.

        Otherwise aiohttp waits for the browsers to hang up (tens of seconds) first.
        """
        closing = [ws.close(code=WSCloseCode.GOING_AWAY) for ws in list(self.sockets)]
        await asyncio.gather(*closing, return_exceptions=True)

    def serve(self, debug: bool = False) -> None:
        """textual-serve's ``serve``, saying the link once the port really listens."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda _banner: print(
                t("serve.starting", self.lang, url=self.link, cap=self.max_tabs), flush=True
            ),
        )


def allowed_origins(public_url: str, host: str, port: int) -> frozenset[str]:
    """The origins of this server's own page: the public URL's, and on loopback its aliases."""
    parts = urlsplit(public_url)
    origins = {f"{parts.scheme}://{parts.netloc}".lower()}
    if is_loopback(host):
        origins |= {f"http://{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")}
    return frozenset(origins)


async def _within(seconds: float, condition: Callable[[], bool]) -> bool:
    """Is ``condition`` true, now or within ``seconds``?"""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
