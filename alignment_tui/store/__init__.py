"""Profiles on disk: TOML load/save, atomic writes, change detection, lock, autosave.

Names are imported on first use, so that ``store.paths`` (the recent-profiles list the
welcome screen shows at once) does not wait for pydantic to load.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
        same_content,
        save_profile,
        stamp_of,
    )

_WHERE = {
    "SaveScheduler": "autosave",
    "ProfileError": "errors",
    "ProfileLock": "lock",
    "FileStamp": "profile_io",
    "changed_on_disk": "profile_io",
    "dumps_profile": "profile_io",
    "load_profile": "profile_io",
    "loads_profile": "profile_io",
    "read_profile": "profile_io",
    "same_content": "profile_io",
    "save_profile": "profile_io",
    "stamp_of": "profile_io",
}

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
    "same_content",
    "save_profile",
    "stamp_of",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
