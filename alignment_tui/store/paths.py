"""Where the program keeps its own small files (recent profiles); one variable moves them."""

from __future__ import annotations

import json
import os
from pathlib import Path

HOME_VAR = "ALIGNMENT_TUI_HOME"
MAX_RECENT = 10


def data_home() -> Path:
    """``$ALIGNMENT_TUI_HOME`` if set (tests use it), else the platform's user data folder."""
    env = os.environ.get(HOME_VAR)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("alignment-tui", appauthor=False))


def recent_profiles() -> list[Path]:
    """Profiles opened lately, most recent first, those still on disk only."""
    try:
        data = json.loads((data_home() / "recent.json").read_text("utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [Path(p) for p in data if isinstance(p, str) and Path(p).is_file()]


def remember_profile(path: Path) -> None:
    """Put ``path`` first in the recent list (best effort: never fails the caller)."""
    entry = str(path.resolve())
    items = [str(p) for p in recent_profiles() if str(p) != entry]
    items.insert(0, entry)
    try:
        home = data_home()
        home.mkdir(parents=True, exist_ok=True)
        tmp = home / "recent.json.tmp"
        tmp.write_text(json.dumps(items[:MAX_RECENT], ensure_ascii=False), "utf-8")
        os.replace(tmp, home / "recent.json")
    except OSError:
        pass


def slug(name: str) -> str:
    """A file-name-safe form of a name: ``Atelier Semelle`` → ``atelier-semelle``."""
    from alignment_tui.model.ids import slug as make_slug

    return make_slug(name) or "profile"


def new_profile_path(organisation: str, folder: Path | None = None) -> Path:
    """A path for a new profile named after the organisation, never an existing file."""
    base = (folder or Path.cwd()) / slug(organisation)
    candidate = base.with_suffix(".toml")
    n = 2
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{n}.toml")
        n += 1
    return candidate
