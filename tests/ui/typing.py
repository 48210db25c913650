"""Typing like a person in a hurry, on a busy machine: keys at a steady rate, CPU burnt meanwhile.

``pilot.press`` waits for the app to be idle after each key, so it can never send a key
while the previous one is still on its way; a terminal does. ``type_keys`` hands each key
to the driver as a terminal would (and as ``pilot.press`` does), at ``rate`` keys per
second, without waiting.
"""

from __future__ import annotations

import asyncio
import random
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from tests.ui.conftest import wait_for

RATE = 15.0  # keys per second: a fast typist


def key_event(key: str) -> events.Key:
    """The event a terminal sends for ``key`` (a character, or a name such as ``tab``)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        name = _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        char: str | None = unicodedata.lookup(name)
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def keys_of(text: str) -> list[str]:
    """``text`` as key names: ``\\t`` is Tab, ``\\n`` is Enter."""
    named = {"\t": "tab", "\n": "enter", " ": "space"}
    return [named.get(ch, ch) for ch in text]


async def type_keys(app: Any, keys: Iterable[str], rate: float = RATE) -> None:
    """Send ``keys`` to ``app`` through its driver on a strict schedule, never waiting for it.

    Key ``i`` leaves at ``i / rate`` seconds from the first, as a typist's keys do: when the
    event loop stalls (a busy machine), the keys due meanwhile leave together as it resumes,
    the way a terminal's buffered input reaches the app. Sleeping ``1 / rate`` after each key
    instead would let every stall slow the typist down, and never send two keys at once.
    """
    loop = asyncio.get_running_loop()
    start = loop.time()
    count = 0
    for count, key in enumerate(keys, 1):
        await _until(loop, start + (count - 1) / rate)
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    await _until(loop, start + count / rate)  # n keys take n intervals, the last one too


async def _until(loop: asyncio.AbstractEventLoop, when: float) -> None:
    delay = when - loop.time()
    await asyncio.sleep(max(delay, 0))


async def caught_up(pilot: Any, app: Any) -> None:
    """Wait until the app has taken every key typed: none still held by its key router.

    The typist is done when ``type_keys`` returns; a busy app may still be holding keys
    until the focus they wait for has moved. Reading the app's state before that reads
    a moment the user never sees as the end of their typing.
    """
    await pilot.pause()
    await wait_for(pilot, lambda: not app.keys.holding)
    await pilot.pause()


async def paste(app: Any, text: str) -> None:
    """A paste as the driver delivers it (one event holding the whole text)."""
    event = events.Paste(text)
    event.set_sender(app)
    app._driver.send_message(event)
    await asyncio.sleep(0)


@contextmanager
def cpu_burnt() -> Iterator[None]:
    """A thread that keeps the interpreter busy: long sorts hold the GIL for tens of ms.

    That is what the app lives through on a loaded laptop: its event loop stalls, then
    catches up with several keys at once.
    """
    stop = threading.Event()
    data = [random.random() for _ in range(100_000)]

    def burn() -> None:
        total = 0
        while not stop.is_set():
            sorted(data)
            for i in range(20_000):
                total += i * i

    thread = threading.Thread(target=burn, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
