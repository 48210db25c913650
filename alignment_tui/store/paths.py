"""Where the program keeps its own small files (recent profiles); one variable moves them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from alignment_tui.i18n import t
from alignment_tui.model.ids import slug as make_slug
from alignment_tui.store.errors import ProfileError
from alignment_tui.store.files import ReadError, check_new_file, read_text

HOME_VAR = "ALIGNMENT_TUI_HOME"
MAX_RECENT = 10
_RECENT_MAX_BYTES = 100_000  # ten paths; anything bigger is not a list this program wrote
_PROFILE_PEEK_BYTES = 2 * 1024 * 1024  # a profile far larger is not a recent one worth naming


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
        data = json.loads(read_text(data_home() / "recent.json", _RECENT_MAX_BYTES))
    except (ReadError, ValueError, RecursionError):
        return []
    if not isinstance(data, list):
        return []
    # os.path.isfile: an entry that is no valid path any more is skipped, never a crash.
    return [Path(p) for p in data if isinstance(p, str) and os.path.isfile(p)][:MAX_RECENT]


def organisation_of(path: Path) -> str:
    """The organisation a profile file names (``meta.organisation``), "" when it cannot tell.

    For the welcome screen's recent list: read without validating the whole profile.
    """
    import tomllib

    try:
        meta = tomllib.loads(read_text(path, _PROFILE_PEEK_BYTES)).get("meta", {})
    except (ReadError, ValueError, RecursionError):
        return ""
    name = meta.get("organisation", "") if isinstance(meta, dict) else ""
    return " ".join(name.split()) if isinstance(name, str) else ""


def recent_entries() -> list[tuple[Path, str]]:
    """The recent profiles with their organisation's name, most recent first."""
    return [(p, organisation_of(p)) for p in recent_profiles()]


def remember_profile(path: Path) -> None:
    """Put ``path`` first in the recent list (best effort: never fails the caller)."""
    try:
        entry = str(path.resolve())
    except (OSError, RuntimeError):  # a loop of links: nothing worth remembering
        return
    items = [str(p) for p in recent_profiles() if str(p) != entry]
    items.insert(0, entry)
    try:
        home = data_home()
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = home / "recent.json.tmp"
        # Owner-only, like the profiles it names (their names may be confidential).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(json.dumps(items[:MAX_RECENT], ensure_ascii=False))
        os.replace(tmp, home / "recent.json")
    except OSError:
        pass


def slug(name: str) -> str:
    """A file-name-safe form of a name: ``Atelier Semelle`` → ``atelier-semelle``."""

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


def new_file_or_problem(raw: str, lang: str) -> Path | str:
    """The new profile file a user typed (``.toml`` added when the name has none), or the
    one line saying why it cannot be written: empty, an existing file, a missing folder."""
    if not raw.strip():
        return t("save_as.empty", lang)
    path = Path(raw.strip()).expanduser()
    if path.suffix != ".toml" and path.name:
        path = path.with_name(path.name + ".toml")
    # os.path, not Path: a name too long is an answer, not a crash.
    if os.path.lexists(path):
        return t("save_as.exists", lang)
    if not path.name or not os.path.isdir(path.parent):
        return t("save_as.no_folder", lang)
    problem = check_new_file(path)
    if problem is not None:
        return ProfileError(problem.key, path, **problem.params).message(lang)
    return path
