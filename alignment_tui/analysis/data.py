"""The one TOML loader of the analysis: data files and language packs, validated on load.

Every file the analysis reads goes through ``read`` (a parse error names the file, line
and column) and, where its shape matters, ``validate`` (a pydantic model; an error names
the file and the key path). Errors are ``DataError``: one line, for whoever edits the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])

_RESETS: list[Callable[[], None]] = []


class DataError(ValueError):
    """A data file of the analysis (or of a language pack) is malformed."""


def read(path: Path) -> dict[str, Any]:
    """Parse one TOML file; a syntax error names the file and its line."""
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{shown(path)}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{shown(path)}: cannot be read ({exc})") from None


def validate(model: type[M], data: object, path: Path, where: str = "") -> M:
    """``data`` as ``model``; the first error names the file and the key path."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        inside = ".".join(p for p in (where, loc) if p)
        raise DataError(f"{shown(path)}: {inside}: {first['msg']}") from None


def builtin(*parts: str) -> Path:
    """A file shipped inside ``alignment_tui/analysis``."""
    return Path(str(resources.files("alignment_tui.analysis").joinpath(*parts)))


@cache
def builtin_table(name: str) -> dict[str, Any]:
    """``analysis/data/<name>``, parsed once."""
    return read(builtin("data", name))


def shown(path: Path) -> str:
    """A data file's name as an error shows it (relative to the package when inside it)."""
    root = builtin()
    try:
        return f"analysis/{path.relative_to(root)}"
    except ValueError:
        return str(path)


def resettable(fn: F) -> F:
    """Mark a cached function whose value derives from the packs: ``reset`` clears it."""
    clear = getattr(fn, "cache_clear", None)
    if clear is not None:
        _RESETS.append(clear)
    return fn


def reset() -> None:
    """Forget everything read from data files and packs (tests add a pack, then reset)."""
    builtin_table.cache_clear()
    for clear in _RESETS:
        clear()
