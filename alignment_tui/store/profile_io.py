"""Load and save profiles as TOML: exact round trip, atomic writes, one-line errors."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from alignment_tui.model.profile import SCHEMA_VERSION, Profile
from alignment_tui.store.errors import ProfileError
from alignment_tui.store.migrate import migrate

FILE_MODE = 0o600


@dataclass(frozen=True)
class FileStamp:
    """What the file on disk looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> FileStamp:
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest())


def stamp_of(path: str | os.PathLike[str]) -> FileStamp | None:
    """The current stamp of ``path``, or ``None`` if it does not exist."""
    p = Path(path)
    try:
        return FileStamp.of_bytes(p, p.read_bytes())
    except OSError:
        return None


def changed_on_disk(path: str | os.PathLike[str], stamp: FileStamp | None) -> bool:
    """Has the file changed (content, not just time) since ``stamp`` was taken?"""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return stamp is not None
    if stamp is None:
        return True
    if st.st_mtime_ns == stamp.mtime_ns and st.st_size == stamp.size:
        return False
    try:
        return hashlib.sha256(p.read_bytes()).hexdigest() != stamp.digest
    except OSError:
        return True


def read_profile(path: str | os.PathLike[str]) -> tuple[Profile, FileStamp]:
    """Load a profile and the stamp of the bytes it came from."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ProfileError("not_found", p) from None
    except IsADirectoryError:
        raise ProfileError("is_directory", p) from None
    except OSError as exc:
        raise ProfileError("unreadable", p, reason=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError("not_utf8", p) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = _toml_position(exc, text)
        raise ProfileError("not_toml", p, line=line, col=col, detail=_toml_reason(exc)) from None
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProfileError("not_profile", p)
    if version > SCHEMA_VERSION:
        raise ProfileError("newer_version", p, version=version, supported=SCHEMA_VERSION)
    data = migrate(data, p)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = format_loc(first["loc"])
        raise ProfileError(
            "invalid_field",
            p,
            line=find_line(text, first["loc"]),
            where=where,
            detail=first["msg"],
        ) from None
    return profile, FileStamp.of_bytes(p, raw)


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read a profile file; ``ProfileError`` (one line, nothing changed) when it can't be."""
    return read_profile(path)[0]


def dumps_profile(profile: Profile) -> str:
    """The TOML text of a profile, ``schema_version`` first, multi-line answers as such."""
    data = profile.model_dump(mode="python", exclude_none=True)
    return tomli_w.dumps(data, multiline_strings=True)


def loads_profile(text: str) -> Profile:
    return Profile.model_validate(migrate(tomllib.loads(text), Path("<text>")))


def save_profile(profile: Profile, path: str | os.PathLike[str]) -> FileStamp:
    """Write atomically (temporary file in the same folder, fsync, rename), mode 0600.

    On any failure the file already on disk is left exactly as it was.
    """
    p = Path(path)
    data = dumps_profile(profile).encode("utf-8")
    folder = p.parent if str(p.parent) else Path(".")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, p)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise ProfileError(_write_error_key(exc), p, reason=exc.strerror or str(exc)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return FileStamp.of_bytes(p, data)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error_key(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "read_only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk_full"
    if exc.errno == errno.ENOENT:
        return "no_folder"
    return "unwritable"


_POS = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)")


def _toml_position(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int, int]:
    lineno = getattr(exc, "lineno", None)
    colno = getattr(exc, "colno", None)
    if isinstance(lineno, int) and isinstance(colno, int):
        return lineno, colno
    match = _POS.search(str(exc))
    if match and match.group(1):
        return int(match.group(1)), int(match.group(2))
    lines = text.splitlines() or [""]
    return len(lines), len(lines[-1]) + 1


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    msg = getattr(exc, "msg", None) or str(exc)
    return _POS.sub("", str(msg)).strip()


def format_loc(loc: tuple[int | str, ...]) -> str:
    """pydantic's ``('objectives', 'kpis', 2, 'deadline')`` as ``objectives.kpis[2].deadline``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "?"


def find_line(text: str, loc: tuple[int | str, ...]) -> int:
    """Best effort: the line of ``text`` where the field at ``loc`` is written (0 if unknown)."""
    table: list[str] = []
    key_parts: list[str] = []
    counts: dict[str, int] = {}
    wanted_table: list[str] = []
    wanted_index: int | None = None
    for part in loc:
        if isinstance(part, int):
            wanted_index = part
            wanted_table = list(key_parts)
        else:
            key_parts.append(str(part))
    rest = key_parts[len(wanted_table) :] if wanted_index is not None else key_parts
    header_re = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$")
    best = 0
    seen_index: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = header_re.match(line)
        if header:
            table = [s.strip().strip('"') for s in header.group(1).split(".")]
            name = ".".join(table)
            if line.lstrip().startswith("[["):
                counts[name] = counts.get(name, -1) + 1
            seen_index[name] = counts.get(name, 0)
            if table == key_parts and best == 0:
                best = number
            continue
        key = line.split("=", 1)[0].strip().strip('"') if "=" in line else ""
        if not key:
            continue
        here = [*table, key]
        if wanted_index is not None:
            name = ".".join(wanted_table)
            in_row = table[: len(wanted_table)] == wanted_table
            if in_row and seen_index.get(name) == wanted_index and here == wanted_table + rest:
                return number
        elif here == key_parts[: len(here)] and len(here) >= 1:
            best = number
            if here == key_parts:
                return number
    return best
