"""The one place a user's file is read: regular files only, a size limit, UTF-8, TOML depth."""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

# No profile needs more: the richest example is ~20 kB, a long paste 1 MB.
MAX_PROFILE_BYTES = 4_000_000
# A bank file holds one layer's questions in two languages (~20 kB for the built-in one).
MAX_BANK_BYTES = 1_000_000
# Tables within tables or arrays within arrays: a profile uses 3 levels, a bank 4.
MAX_DEPTH = 32

_BOM = b"\xef\xbb\xbf"
# Errors that say the path itself is wrong, not the file's permissions.
_PATH_ERRORS = (errno.ENAMETOOLONG, errno.ENOTDIR, errno.ELOOP, errno.EINVAL)


class ReadError(Exception):
    """A file that cannot be read as text; ``key`` names the reason, ``params`` its details.

    Keys: ``not_found``, ``is_directory``, ``not_regular``, ``too_large``, ``bad_path``,
    ``unreadable``, ``not_utf8``, ``not_toml``, ``too_deep``.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else ``ReadError``.

    The file is opened without blocking, so a FIFO given by mistake is refused at once
    instead of waiting forever for a writer; a device is refused before it is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _open_error(exc) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("is_directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not_regular")
        if info.st_size > limit:
            raise _too_large(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # the file grew while it was read
                raise _too_large(total, limit)
            chunks.append(chunk)
    except OSError as exc:
        raise ReadError("unreadable", reason=exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> ReadError:
    """Sizes in whole megabytes, rounded up: "5 MB, more than 4 MB"."""
    return ReadError("too_large", size_mb=-(-size // 1_000_000), limit_mb=limit // 1_000_000)


def _open_error(exc: OSError) -> ReadError:
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ENOENT:
        return ReadError("not_found")
    if exc.errno == errno.EISDIR:
        return ReadError("is_directory")
    if exc.errno in _PATH_ERRORS:
        return ReadError("bad_path", reason=reason)
    return ReadError("unreadable", reason=reason)


def decode(raw: bytes) -> str:
    """UTF-8 text, a byte-order mark dropped; ``ReadError("not_utf8", line=…)`` otherwise."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError("not_utf8", line=raw.count(b"\n", 0, exc.start) + 1) from None


def read_text(path: str | os.PathLike[str], limit: int) -> str:
    return decode(read_bytes(path, limit))


# What matters to nesting: strings and comments (skipped whole), brackets, and what
# separates keys (a dotted key ``a.b.c`` nests as deep as it has parts).
_TOKEN = re.compile(
    r'"""(?:[^\\]|\\.)*?"""{1,3}'
    r"|'''.*?'''{1,3}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}.=,\n]",
    re.DOTALL,
)


def nesting(text: str) -> tuple[int, int]:
    """(deepest nesting, its line) of TOML ``text``, counted without parsing it.

    Brackets and braces count one level each, and so does each part of a dotted key. A
    text this scan misreads is still measured exactly after parsing (``data_depth``).
    """
    open_: list[str] = []
    key_parts = 0
    in_key = True
    deepest, where, line = 0, 1, 1
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
            if not open_ or open_[-1] == "header":
                open_.clear()
                in_key, key_parts = True, 0
            continue
        if token[0] in "\"'":
            line += token.count("\n")
            continue
        if token[0] == "#":
            continue
        if token in "[{":
            header = token == "[" and in_key and (not open_ or open_[-1] == "header")
            open_.append("header" if header else token)
            in_key = token == "{" or header
            key_parts = 0 if token == "{" else key_parts
        elif token in "]}":
            if open_:
                open_.pop()
        elif token == ".":
            if in_key:
                key_parts += 1
        elif token == "=":
            in_key, key_parts = False, 0
        elif token == ",":
            in_key = bool(open_) and open_[-1] == "{"
            key_parts = 0
        depth = len(open_) + key_parts
        if depth > deepest:
            deepest, where = depth, line
    return deepest, where


def data_depth(data: Any) -> int:
    """How deep tables and arrays nest in parsed data (without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")


def parse_toml(text: str) -> dict[str, Any]:
    """TOML data, or ``ReadError``: ``not_toml`` (line, col, detail) or ``too_deep``."""
    deepest, line = nesting(text)
    if deepest > MAX_DEPTH:
        raise ReadError("too_deep", line=line, limit=MAX_DEPTH)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = _position(exc, text)
        raise ReadError(
            "not_toml", line=line, col=col, detail=_AT.sub("", str(exc)).strip()
        ) from None
    except RecursionError:
        raise ReadError("too_deep", line=line, limit=MAX_DEPTH) from None
    if data_depth(data) > MAX_DEPTH:
        raise ReadError("too_deep", line=line, limit=MAX_DEPTH)
    return data


def _position(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int, int]:
    lineno, colno = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if isinstance(lineno, int) and isinstance(colno, int):
        return lineno, colno
    match = _AT.search(str(exc))
    if match and match.group(1):
        return int(match.group(1)), int(match.group(2))
    lines = text.splitlines() or [""]
    return len(lines), len(lines[-1]) + 1


def read_toml(path: str | os.PathLike[str], limit: int) -> tuple[dict[str, Any], str, bytes]:
    """A TOML file read through every guard above: (data, text, the bytes read)."""
    raw = read_bytes(path, limit)
    text = decode(raw)
    return parse_toml(text), text, raw


def check_new_file(path: str | os.PathLike[str]) -> ReadError | None:
    """Why a file cannot be created at ``path`` (its folder missing, a file, a name too
    long), or ``None`` when it can be tried."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    try:
        info = os.stat(folder)
    except OSError as exc:
        return _open_error(exc) if exc.errno != errno.ENOENT else ReadError("no_folder")
    if not stat.S_ISDIR(info.st_mode):
        return ReadError("bad_path", reason=os.strerror(errno.ENOTDIR))
    try:
        max_name = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        max_name = 255
    if len(os.fsencode(p.name)) > max_name:
        return ReadError("bad_path", reason=os.strerror(errno.ENAMETOOLONG))
    return None


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must replace: a symbolic link's target, not the link."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """Has the owner taken away their own write permission (``chmod 400``)? The mode is
    read rather than ``access()``, which says yes to the superuser whatever the mode."""
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except OSError:
        return False


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Do ``a`` and ``b`` name one file (through links, ``..`` or another spelling)?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


# What check_output may say of a path besides ``over_input``: each command that writes a
# file has a message for each.
OUTPUT_PROBLEMS = (
    "is_directory",
    "not_regular",
    "read_only_file",
    "no_folder",
    "bad_path",
    "unreadable",
)


def check_output(path: str | os.PathLike[str], inputs: list[str]) -> ReadError | None:
    """Why ``path`` cannot receive a written file: it is one of the ``inputs``, a folder,
    a device, a read-only file, or cannot be created; ``None`` when it can be written."""
    if any(same_file(path, source) for source in inputs):
        return ReadError("over_input")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return check_new_file(path)
    except OSError as exc:
        return _open_error(exc)
    if stat.S_ISDIR(info.st_mode):
        return ReadError("is_directory")
    if not stat.S_ISREG(info.st_mode):
        return ReadError("not_regular")
    if not info.st_mode & stat.S_IWUSR:
        return ReadError("read_only_file")
    return None


def check_profile_path(path: str | os.PathLike[str]) -> ReadError | None:
    """Why ``path`` can be neither opened nor created as a profile (a folder in it is a
    file, its name is too long…); ``None`` when opening or creating it can be tried."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return check_new_file(path)
    except OSError as exc:
        return _open_error(exc)
    return None
