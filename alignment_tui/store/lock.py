"""An advisory lock beside the profile, so a second app opens it read-only."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locking, every app may write
    fcntl = None  # type: ignore[assignment]


def lock_path(profile_path: Path) -> Path:
    return profile_path.with_name(f".{profile_path.name}.lock")


class ProfileLock:
    """Hold an exclusive ``flock`` on ``.NAME.lock`` while the profile is open for writing."""

    def __init__(self, profile_path: str | os.PathLike[str]) -> None:
        self.path = lock_path(Path(profile_path).resolve())
        self._fd: int | None = None
        self.holder: str = ""

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; ``False`` (and ``holder`` set) when another process has it."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            # A folder we cannot write to: nobody can save there anyway, so no lock.
            return True
        if fcntl is None:
            self._fd = fd
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                self.holder = os.read(fd, 200).decode("utf-8", "replace").strip()
            except OSError:
                self.holder = ""
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
