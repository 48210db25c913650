"""Shared test set-up: every file the app would write goes to a temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# A string the code asks for and the catalogue lacks fails the test that shows it.
os.environ["ALIGNMENT_TUI_STRICT_KEYS"] = "1"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ALIGNMENT_TUI_HOME", str(home))
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("ACCESSIBLE", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield
    # Removed while its files are still only in memory: once written out, deleting them
    # costs far more, and a later run would pay it at its end.
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
