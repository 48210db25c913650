"""Helpers for the tests that install alignment-tui afresh, offline, from local wheels."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wheelhouse() -> Path:
    """The runtime dependencies' wheels that ``make install-test`` downloads once."""
    folder = Path(sys.prefix) / "wheelhouse"
    assert (folder / ".complete").is_file(), (
        f"{folder} is missing: run `make install-test`, which downloads the wheels that the "
        "offline install tests use"
    )
    return folder


def offline_env(**extra: str) -> dict[str, str]:
    """The environment of a process that may install only from the local wheels."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV", "PRE_COMMIT"))
    }
    env.update(
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheelhouse()),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_CONFIG_FILE=os.devnull,  # the machine's own index settings do not apply
        PIP_NO_CACHE_DIR="1",
    )
    env.update(extra)
    return env


def run(
    argv: list[str | Path], *, cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
