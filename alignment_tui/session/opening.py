"""Open or create a profile for a session: its lock, and whether it may be written."""

from __future__ import annotations

from pathlib import Path

from alignment_tui.model.bank import Bank
from alignment_tui.model.profile import Meta, Profile, now_utc
from alignment_tui.session.core import ProfileSession, ReadOnly
from alignment_tui.store import FileStamp, ProfileError, ProfileLock, read_profile, save_profile
from alignment_tui.store.files import is_read_only
from alignment_tui.store.paths import new_profile_path, remember_profile


def open_session(
    bank: Bank,
    path: Path,
    lang: str,
    *,
    read: tuple[Profile, FileStamp] | None = None,
    keep_position: bool = True,
) -> ProfileSession | str:
    """The profile at ``path``, read (unless ``read`` holds it already) and locked; another
    window holding the lock, or a file its owner made read-only, opens it read-only. A
    line saying why it cannot be read (in ``lang``) otherwise."""
    try:
        profile, stamp = read if read is not None else read_profile(path)
    except ProfileError as exc:
        return exc.message(lang)
    lock = ProfileLock(path)
    held = lock.acquire()
    read_only: ReadOnly = "file" if is_read_only(path) else "" if held else "locked"
    if held:
        remember_profile(path)
    return ProfileSession(
        bank, profile, path, stamp, lock, read_only=read_only, keep_position=keep_position
    )


def create_session(
    bank: Bank,
    target: Path | None,
    organisation: str,
    respondent: str,
    lang: str,
    *,
    bank_dir: str | Path | None = None,
    keep_position: bool = True,
) -> ProfileSession | str:
    """A new profile, written at once (named from the organisation in the current folder
    unless ``target`` is given); it records a custom bank's folder. A line otherwise."""
    path = target if target is not None else new_profile_path(organisation)
    now = now_utc()
    meta = Meta(organisation=organisation, respondent=respondent, created=now, updated=now)
    if bank_dir is not None:
        meta.bank = str(Path(bank_dir).resolve())
    profile = Profile(lang="fr" if lang == "fr" else "en", meta=meta)
    lock = ProfileLock(path)
    lock.acquire()  # a new file: nobody else can be writing it
    session = ProfileSession(
        bank, profile, path, None, lock, on_disk=False, keep_position=keep_position
    )
    try:
        session.writer.stamp = save_profile(profile, path)
    except ProfileError as exc:
        lock.release()
        return exc.message(lang)
    session.writer.reset(path, session.writer.stamp, profile)
    remember_profile(path)
    return session
