"""``ProfileError``: a bad profile file explained in one line, in either language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alignment_tui.formats import format_number
from alignment_tui.i18n import t


class ProfileError(Exception):
    """A profile that cannot be read or written; ``message(lang)`` says what to do."""

    def __init__(self, key: str, path: Path | str, **params: Any) -> None:
        self.key = key
        self.path = Path(path)
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        params = dict(self.params)
        if isinstance(params.get("limit"), int) and params["limit"] >= 10_000:
            params["limit"] = format_number(params["limit"], lang)  # 1,000,000 / 1 000 000
        return t(f"error.{self.key}", lang, path=str(self.path), **params)
