"""Text from a file or a user made safe for a terminal: control characters shown, not obeyed."""

from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls (an ESC starts every terminal command), DEL, and the invisible marks
# that reorder text on screen (bidirectional overrides and isolates).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What json.dumps(ensure_ascii=False) leaves as it is but a terminal would obey.
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``); newlines
    and tabs kept."""
    return _CONTROL.sub(lambda m: _escape(m.group()), text)


def one_line(text: str) -> str:
    """``text`` on one line: newlines and other control characters written as escapes."""
    return visible(text).replace("\n", "\\n")


def json_text(data: Any) -> str:
    """``data`` as indented JSON that decodes to exactly ``data`` and that no terminal obeys:
    the characters JSON may leave raw but a terminal would act on are ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# One visible character for each control character, so that an editor's columns still
# match the text: the Control Pictures block for C0 and DEL (␛ for ESC), a replacement
# mark for C1 and the direction marks.
_PICTURES = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_PICTURES[0x7F] = 0x2421
_PICTURES.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_PICTURES.update({ord(c): 0xFFFD for c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"})
_PICTURES.update({code: 0xFFFD for code in range(0x2066, 0x206A)})


def pictures(text: str) -> str:
    """``text`` with each control character replaced by one visible character (``␛``)."""
    return text.translate(_PICTURES)
