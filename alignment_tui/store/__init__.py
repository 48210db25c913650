"""Profiles on disk: TOML load/save, atomic writes, change detection, lock, autosave."""

from alignment_tui.store.autosave import SaveScheduler
from alignment_tui.store.errors import ProfileError
from alignment_tui.store.lock import ProfileLock
from alignment_tui.store.profile_io import (
    FileStamp,
    changed_on_disk,
    dumps_profile,
    load_profile,
    loads_profile,
    read_profile,
    save_profile,
    stamp_of,
)

__all__ = [
    "FileStamp",
    "ProfileError",
    "ProfileLock",
    "SaveScheduler",
    "changed_on_disk",
    "dumps_profile",
    "load_profile",
    "loads_profile",
    "read_profile",
    "save_profile",
    "stamp_of",
]
