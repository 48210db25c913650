"""Load and save profiles as TOML: exact round trip, atomic writes, one-line errors."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from alignment_tui.model.ids import DUPLICATE_ID
from alignment_tui.model.profile import MAX_TEXT_CHARS, SCHEMA_VERSION, TOO_LONG, Profile
from alignment_tui.store.errors import ProfileError
from alignment_tui.store.files import (
    MAX_PROFILE_BYTES,
    ReadError,
    is_read_only,
    parse_toml,
    read_bytes,
    read_toml,
    real_target,
)
from alignment_tui.store.locate import TomlLocator
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
        return FileStamp.of_bytes(p, read_bytes(p, MAX_PROFILE_BYTES))
    except (OSError, ReadError):
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
        return hashlib.sha256(read_bytes(p, MAX_PROFILE_BYTES)).hexdigest() != stamp.digest
    except (OSError, ReadError):
        return True


def read_profile(path: str | os.PathLike[str]) -> tuple[Profile, FileStamp]:
    """Load a profile and the stamp of the bytes it came from."""
    p = Path(path)
    try:
        data, text, raw = read_toml(p, MAX_PROFILE_BYTES)
    except ReadError as exc:
        raise ProfileError(exc.key, p, **exc.params) from None
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProfileError("not_profile", p)
    if version > SCHEMA_VERSION:
        raise ProfileError("newer_version", p, version=version, supported=SCHEMA_VERSION)
    data = migrate(data, p)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise _invalid(p, text, data, exc.errors()[0]) from None
    return profile, FileStamp.of_bytes(p, raw)


def _invalid(path: Path, text: str, data: Any, error: ErrorDetails) -> ProfileError:
    """The first validation error, located on the field as the file writes it."""
    loc = user_loc(data, error["loc"], missing=error["type"] == "missing")
    at = TomlLocator(text).key_region(loc)
    where, line, col = format_loc(loc), at.start_line, at.start_column
    if error["type"] == TOO_LONG:
        return ProfileError("too_long", path, line=line, col=col, where=where, limit=MAX_TEXT_CHARS)
    if error["type"] == DUPLICATE_ID:
        ident = str((error.get("ctx") or {}).get("id", ""))
        return _duplicate(path, text, data, ident, (line, col))
    return ProfileError("invalid_field", path, line=line, col=col, where=where, detail=error["msg"])


def _duplicate(
    path: Path, text: str, data: Any, ident: str, where: tuple[int, int]
) -> ProfileError:
    """Two KPIs sharing ``ident``: located on the second one's ``id``."""
    line, col = where
    objectives = data.get("objectives") if isinstance(data, dict) else None
    kpis = objectives.get("kpis", []) if isinstance(objectives, dict) else []
    same = [i for i, k in enumerate(kpis) if isinstance(k, dict) and k.get("id") == ident]
    if len(same) > 1:
        at = TomlLocator(text).key_region(("objectives", "kpis", same[1], "id"))
        line, col = at.start_line, at.start_column
    return ProfileError("duplicate_kpi_id", path, line=line, col=col, id=ident)


def user_loc(data: Any, loc: tuple[int | str, ...], *, missing: bool) -> tuple[int | str, ...]:
    """pydantic's location without its own steps (``function-before[…]``, ``list[str]``):
    the keys and indexes that exist in ``data``, then a missing key's name."""
    out: list[int | str] = []
    node = data
    for part in loc:
        in_table = isinstance(node, dict) and isinstance(part, str) and part in node
        in_array = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_table or in_array:
            node = node[part]
        else:
            if missing and isinstance(node, dict) and part == loc[-1]:
                out.append(part)
            break
        out.append(part)
    return tuple(out)


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read a profile file; ``ProfileError`` (one line, nothing changed) when it can't be."""
    return read_profile(path)[0]


def dumps_profile(profile: Profile) -> str:
    """The TOML text of a profile, ``schema_version`` first, multi-line answers as such."""
    data = profile.model_dump(mode="python", exclude_none=True)
    return tomli_w.dumps(data, multiline_strings=True)


def same_content(a: Profile, b: Profile, *, ignore: tuple[str, ...] = ("updated",)) -> bool:
    """Would ``a`` and ``b`` be saved alike, but for the ``meta`` fields in ``ignore``?

    A save that would change nothing else is skipped: opening a profile and quitting
    leaves the file, its comments and its order of keys exactly as they were.
    """
    skip: Any = {"meta": set(ignore)}
    return a.model_dump(exclude=skip) == b.model_dump(exclude=skip)


def loads_profile(text: str) -> Profile:
    return Profile.model_validate(migrate(parse_toml(text), Path("<text>")))


def save_profile(profile: Profile, path: str | os.PathLike[str]) -> FileStamp:
    """Write atomically (temporary file in the same folder, fsync, rename), mode 0600.

    On any failure the file already on disk is left exactly as it was. A symbolic link
    stays a link: the file it points to is the one replaced. A file its owner made
    read-only is refused, never replaced.
    """
    p = real_target(path)
    if is_read_only(p):
        raise ProfileError("read_only_file", p)
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
            # The stamp of what we wrote, taken from our own file: a stat of the path after
            # the rename could see another program's write and take it for ours.
            written_stat = os.fstat(fd)
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
    return FileStamp(
        written_stat.st_mtime_ns, written_stat.st_size, hashlib.sha256(data).hexdigest()
    )


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


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_KEY_PART = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^.\s]+")  # the parts of a dotted key
_WHERE_MAX = 120


def format_loc(loc: tuple[int | str, ...]) -> str:
    """``('objectives', 'kpis', 2, 'deadline')`` as ``objectives.kpis[2].deadline``; a key
    that is not bare is quoted as TOML writes it (so a dot or a newline in it stays visible)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += ("." if out else "") + key
    if len(out) > _WHERE_MAX:
        out = out[: _WHERE_MAX - 1] + "…"
    return out or "?"
