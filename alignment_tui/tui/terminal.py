"""The terminal's input parser, with pastes kept whole even when they hold escape bytes.

Textual's ``XTermParser`` reads an escape character inside a bracketed paste as the start
of a key sequence: the characters after it leave the paste, are replayed as key presses
(commands, not text: a 2,000-line paste could quit the app), and the character before the
end marker is lost. ``PasteStream`` hands the parser pastes without escape characters.
Textual is pinned (pyproject.toml): its drivers create the parser by this module-level name.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.driver import Driver
from textual.message import Message

from alignment_tui.model.pasted import PasteStream


class PasteSafeParser(XTermParser):
    """An ``XTermParser`` fed through a ``PasteStream``."""

    def __init__(self, debug: bool = False) -> None:
        self._pastes = PasteStream()
        super().__init__(debug)

    def feed(self, data: str) -> Iterable[Message]:
        if not data:
            return super().feed(data)  # the end of input
        passed = self._pastes.feed(data)
        return super().feed(passed) if passed else ()


def paste_safe(driver_class: type[Driver]) -> type[Driver]:
    """The driver class, its module made to build a ``PasteSafeParser``."""
    module = sys.modules.get(driver_class.__module__)
    if module is not None and getattr(module, "XTermParser", None) is XTermParser:
        module.XTermParser = PasteSafeParser  # type: ignore[attr-defined]
    return driver_class
