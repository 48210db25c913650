"""Pasted text as text: escape sequences and control characters out, line ends made plain.

Text copied from a coloured terminal carries escape sequences (``ESC [ 1 m``); a terminal
pastes them verbatim inside its bracketed-paste markers. ``PasteStream`` keeps them from the
key parser (which would read them as key presses) and ``clean_paste`` drops them.
"""

from __future__ import annotations

import re

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, links
    r"|\x1b[()*+][ -~]"  # character set designations
    r"|\x1b[ -~]"  # any other two-character escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI and OSC written as one 8-bit character
    r"|\x9d[^\x07\x1b]*(?:\x07|\x1b\\)?"
)
# Control characters other than tab and line feed (C0, DEL and C1).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_paste(text: str) -> str:
    """The text of a paste: CRLF and CR become LF, escape sequences and controls go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


class PasteStream:
    """Rewrites terminal input so that a bracketed paste holds no escape character.

    ``feed`` takes the text read from the terminal and returns what the key parser may
    read: outside a paste, the input unchanged; a paste is kept back until its end
    marker arrives, then passed on whole with its contents cleaned. The start marker may
    be split over two reads (it is passed on as it comes, so a lone Escape key is never
    delayed); the rest of the paste waits for its end marker.
    """

    def __init__(self) -> None:
        self._in_paste = False
        self._pasted: list[str] = []
        self._tail = ""  # the last characters passed on, to find a split start marker

    @property
    def in_paste(self) -> bool:
        return self._in_paste

    def feed(self, data: str) -> str:
        out: list[str] = []
        while data:
            if self._in_paste:
                self._pasted.append(data)
                whole = "".join(self._pasted)
                end = whole.find(PASTE_END)
                if end < 0:
                    # Keep a possible start of the end marker for the next read.
                    self._pasted = [whole]
                    return "".join(out)
                out.append(clean_paste(whole[:end]) + PASTE_END)
                self._in_paste = False
                self._pasted = []
                self._tail = ""
                data = whole[end + len(PASTE_END) :]
                continue
            seen = self._tail + data
            start = seen.find(PASTE_START)
            if start < 0:
                out.append(data)
                self._tail = seen[-(len(PASTE_START) - 1) :]
                return "".join(out)
            # Pass the marker on (part of it may already have gone with the last read).
            cut = start + len(PASTE_START) - len(self._tail)
            out.append(data[:cut])
            self._in_paste = True
            self._tail = ""
            data = data[cut:]
        return "".join(out)
