"""Where a field path is written in a profile's TOML text: line, column, and its words.

``tomllib`` gives values without positions, so this reads the text once more and keeps,
for every key, table header, array item and string, where it starts and ends. A finding
on ``objectives.kpis[1].cadence`` (or on characters 12–20 of ``vision.statement``) is
then shown on its line and column, as compilers and linters print them.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

Key = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_PIECE = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")
_ESCAPES = {"b": 1, "t": 1, "n": 1, "f": 1, "r": 1, '"': 1, "\\": 1, "e": 1, "u": 5, "U": 9, "x": 3}
# Sections whose keys are ids that may hold dots (``answers."acme.extra"``).
_ID_TABLES = ("answers", "notes")


@dataclass(frozen=True)
class Region:
    """A stretch of the file: 1-based lines and columns; the end column is exclusive."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class _Entry:
    start: int  # offset of the value (or of the header's ``[``)
    end: int
    quote: str = ""  # the string's delimiter, "" when the value is not a string


class _Scanner:
    """One pass over a TOML text, indexing every key path it defines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.entries: dict[Key, _Entry] = {}
        self.table: Key = ()
        self.arrays: dict[Key, int] = {}  # array-of-tables path → index of its last row

    def run(self) -> None:
        text = self.text
        while self.i < len(text):
            self._blank()
            if self.i >= len(text):
                return
            if text.startswith("[[", self.i):
                self._header(2)
            elif text[self.i] == "[":
                self._header(1)
            else:
                self._key_value(self.table)
            self._to_line_end()

    # ---------------------------------------------------------------- structure

    def _blank(self) -> None:
        """Skip spaces, newlines and comments."""
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t\r\n":
                self.i += 1
            elif ch == "#":
                self._to_line_end()
            else:
                return

    def _spaces(self) -> None:
        while self.i < len(self.text) and self.text[self.i] in " \t":
            self.i += 1

    def _to_line_end(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = len(self.text) if end < 0 else end + 1

    def _header(self, brackets: int) -> None:
        start = self.i
        self.i += brackets
        path = self._resolve(self._dotted_key())
        self._spaces()
        self.i += brackets
        if brackets == 2:
            row = self.arrays.get(path, -1) + 1
            self.arrays[path] = row
            self.entries.setdefault(path, _Entry(start, self.i))
            path = (*path, row)
        self.entries[path] = _Entry(start, self.i)
        self.table = path

    def _resolve(self, keys: Sequence[str]) -> Key:
        """A header's keys, with the current row of each array of tables they go through."""
        path: Key = ()
        for key in keys[:-1]:
            path = (*path, key)
            if path in self.arrays:
                path = (*path, self.arrays[path])
        return (*path, keys[-1])

    def _dotted_key(self) -> list[str]:
        keys: list[str] = []
        while True:
            self._spaces()
            keys.append(self._key())
            self._spaces()
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return keys

    def _key(self) -> str:
        text = self.text
        if text[self.i] in "\"'":
            quote = text[self.i]
            start = self.i
            end = self._string_end(self.i, quote)
            self.i = end
            return _decode(text, start + 1, end - 1, quote)[0]
        match = _BARE.match(text, self.i)
        if match is None:
            raise ValueError(self.i)
        self.i = match.end()
        return match.group()

    def _key_value(self, table: Key) -> None:
        path = (*table, *self._dotted_key())
        self._spaces()
        if self.text[self.i] != "=":
            raise ValueError(self.i)
        self.i += 1
        self._spaces()
        self._value(path)

    # ---------------------------------------------------------------- values

    def _value(self, path: Key) -> None:
        text = self.text
        start = self.i
        ch = text[start]
        if ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, start) else ch
            self.i = self._string_end(start, quote)
            self.entries[path] = _Entry(start, self.i, quote)
            return
        if ch == "[":
            self.i += 1
            index = 0
            while True:
                self._blank()
                if text[self.i] == "]":
                    break
                self._value((*path, index))
                index += 1
                self._blank()
                if text[self.i] == ",":
                    self.i += 1
            self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self._blank()
                if text[self.i] == "}":
                    break
                self._key_value(path)
                self._blank()
                if text[self.i] == ",":
                    self.i += 1
            self.i += 1
        else:  # a number, a boolean or a date: up to the next delimiter
            end = start
            while end < len(text) and text[end] not in ",]}#\n":
                end += 1
            self.i = start + len(text[start:end].rstrip())
        self.entries[path] = _Entry(start, self.i)

    def _string_end(self, start: int, quote: str) -> int:
        """The offset just past the string that opens at ``start``."""
        text = self.text
        i = start + len(quote)
        while True:
            j = text.index(quote[0], i)
            if quote[0] == '"' and _escaped(text, j):
                i = j + 1
                continue
            if len(quote) == 1:
                return j + 1
            if text.startswith(quote, j):
                end = j + 3
                while end < len(text) and text[end] == quote[0] and end - j < 5:
                    end += 1  # up to two quotes may close the content itself
                return end
            i = j + 1


def _escaped(text: str, j: int) -> bool:
    backslashes = 0
    while j - backslashes - 1 >= 0 and text[j - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _decode(text: str, start: int, end: int, quote: str) -> tuple[str, list[tuple[int, int]]]:
    """The string's content between offsets ``start`` and ``end``, and where each character
    of it is written in ``text`` (the start and end offsets of what stands for it)."""
    out: list[str] = []
    where: list[tuple[int, int]] = []
    i = start
    if len(quote) == 3 and text.startswith("\n", i):
        i += 1  # a newline right after the opening quotes is not part of the string
    while i < end:
        ch = text[i]
        if ch != "\\" or quote[0] == "'":
            out.append(ch)
            where.append((i, i + 1))
            i += 1
            continue
        code = text[i + 1] if i + 1 < end else ""
        if len(quote) == 3 and code in " \t\n":
            rest = text[i + 1 : end]
            stripped = rest.lstrip(" \t\n")
            if "\n" in rest[: len(rest) - len(stripped)]:
                i = end - len(stripped)  # a line-ending backslash joins the lines
                continue
        size = _ESCAPES.get(code, 1)
        raw = text[i + 1 : i + 1 + size]
        if code in "uUx":
            out.append(chr(int(raw[1:], 16)))
        else:
            out.append(_SIMPLE.get(code, code))
        where.append((i, i + 1 + size))
        i += 1 + size
    return "".join(out), where


_SIMPLE = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b"}


def parse_path(where: str) -> Key:
    """``objectives.kpis[2].deadline`` as ``("objectives", "kpis", 2, "deadline")``.

    ``answers.ID`` and ``notes.ID`` keep the id whole: a custom question's id may hold dots.
    """
    head, _, rest = where.partition(".")
    if head in _ID_TABLES and rest:
        match = re.fullmatch(r"(.*?)((?:\[\d+\])*)", rest)
        assert match is not None
        indexes = [int(n) for n in re.findall(r"\[(\d+)\]", match.group(2))]
        return (head, match.group(1), *indexes)
    key: list[str | int] = []
    for name, brackets in _PIECE.findall(where):
        key.append(name)
        key.extend(int(n) for n in re.findall(r"\[(\d+)\]", brackets))
    return tuple(key)


class TomlLocator:
    """Positions in one TOML text: ``region(where, start, end)``, ``key_region(key)``."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("\r\n", "\n")
        scanner = _Scanner(self.text)
        # Not TOML past some point: what was read up to there is still located.
        with contextlib.suppress(ValueError, IndexError):
            scanner.run()
        self._entries = scanner.entries
        self._lines = [0] + [m.end() for m in re.finditer("\n", self.text)]
        # A string decoded once, however many findings it holds (thousands in a long answer).
        self._decoded: dict[int, tuple[str, list[tuple[int, int]]]] = {}

    def _position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def _region(self, start: int, end: int) -> Region:
        return Region(*self._position(start), *self._position(max(end, start)))

    def _entry(self, key: Key) -> _Entry | None:
        """The entry at ``key``, else the first one written under it, else its parent's."""
        while True:
            entry = self._entries.get(key)
            if entry is not None:
                return entry
            inside = [e for k, e in self._entries.items() if k[: len(key)] == key]
            if inside and key:
                return min(inside, key=lambda e: e.start)
            if not key:
                return None
            key = key[:-1]

    def key_region(self, key: Key, start: int | None = None, end: int | None = None) -> Region:
        """Where the value at ``key`` is written; with ``start``/``end``, where those
        characters of its string are. The top of the file when nothing matches."""
        entry = self._entry(key)
        if entry is None:
            return Region(1, 1, 1, 1)
        if entry.quote and start is not None:
            decoded = self._decoded.get(entry.start)
            if decoded is None:
                size = len(entry.quote)
                decoded = _decode(self.text, entry.start + size, entry.end - size, entry.quote)
                self._decoded[entry.start] = decoded
            content, where = decoded
            stop = len(content) if end is None else end
            if 0 <= start < stop <= len(content):
                return self._region(where[start][0], where[stop - 1][1])
        return self._region(entry.start, entry.end)

    def region(self, where: str, start: int | None = None, end: int | None = None) -> Region:
        """Where the field path ``where`` (and the characters ``start``–``end`` of it) is."""
        return self.key_region(parse_path(where) if where else (), start, end)
