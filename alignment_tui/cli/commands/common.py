"""Helpers shared by the headless commands: language choice and one-line errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alignment_tui.i18n import Lang, default_lang
from alignment_tui.model.profile import Profile
from alignment_tui.output import say_error
from alignment_tui.store import FileStamp, ProfileError, load_profile, read_profile


def fail(message: str) -> int:
    """Print one line on stderr and return the exit code for bad input."""
    say_error(message)
    return 2


def pick_lang(cli_lang: str | None, profile: Profile | None = None) -> Lang:
    """``--lang``, else the profile's language, else the locale."""
    if cli_lang in ("fr", "en"):
        return cli_lang  # type: ignore[return-value]
    if profile is not None and profile.lang in ("fr", "en"):
        return profile.lang
    return default_lang()


def try_load(path: str, lang: Lang) -> Profile | None:
    """Load a profile, or print its one-line error and return ``None``."""
    try:
        return load_profile(Path(path))
    except ProfileError as exc:
        say_error(exc.message(lang))
        return None


@dataclass(frozen=True)
class Opened:
    """A profile read for a command: its stamp (to notice a change before writing) and the
    language the command speaks from then on."""

    profile: Profile
    stamp: FileStamp
    lang: Lang


def open_profile(path: Path, cli_lang: str | None) -> Opened | None:
    """Read ``path``; on a bad file, print its one line (in ``--lang``, else the locale's
    language) and return ``None``: the command exits 2."""
    try:
        profile, stamp = read_profile(path)
    except ProfileError as exc:
        say_error(exc.message(pick_lang(cli_lang)))
        return None
    return Opened(profile, stamp, pick_lang(cli_lang, profile))
