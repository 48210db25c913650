"""Plain mode: the questionnaire line by line, for screen readers, dumb terminals and scripts."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TextIO

from alignment_tui.i18n import Lang, normalise_lang
from alignment_tui.model.bank import BankError, load_bank
from alignment_tui.model.profile import Profile
from alignment_tui.plain.console import Console
from alignment_tui.plain.walk import PlainError, PlainWalk
from alignment_tui.safe_text import one_line
from alignment_tui.store import FileStamp, ProfileError, read_profile
from alignment_tui.store.files import check_new_file

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def run_plain(
    profile_path: str | Path | None,
    *,
    lang: str | None = None,
    bank: str | Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    interactive: bool | None = None,
    width: int | None = None,
) -> int:
    """Ask the whole bank line by line, saving the profile after every answer.

    Returns 0 when the walk ends or input runs out, 2 for an unreadable profile or
    bank (one line on ``stderr``), 130 on Ctrl+C. Answers already given are on disk in
    every case.
    """
    err = stderr or sys.stderr
    cli_lang = lang if lang in ("fr", "en") else None
    path = Path(profile_path) if profile_path else None
    opened: tuple[Profile, FileStamp] | None = None
    if path is not None and os.path.lexists(path):
        try:
            opened = read_profile(path)
        except ProfileError as exc:
            return _fail(err, exc.message(cli_lang or normalise_lang(None)))
    elif path is not None:
        # Said before any question: a profile that could never be saved there.
        problem = check_new_file(path)
        if problem is not None:
            error = ProfileError(problem.key, path, **problem.params)
            return _fail(err, error.message(cli_lang or normalise_lang(None)))
    ui: Lang = normalise_lang(cli_lang or (opened[0].lang if opened else None))
    try:
        the_bank = load_bank(bank)
    except BankError as exc:
        return _fail(err, exc.text(ui))
    console = Console(
        ui,
        stdin or _tolerant(sys.stdin),
        stdout or _tolerant(sys.stdout),
        interactive=interactive,
        width=width,
    )
    walk = PlainWalk(console, the_bank, bank)
    try:
        return walk.run(path, opened)
    except ProfileError as exc:
        return _fail(err, exc.message(ui))
    except PlainError as exc:
        return _fail(err, str(exc))
    except KeyboardInterrupt:
        console.say("")
        console.say(walk.closing("interrupted"))
        return EXIT_INTERRUPTED
    finally:
        walk.close()


def _tolerant(stream: TextIO) -> TextIO:
    """A byte the encoding cannot carry becomes a replacement mark, never a traceback."""
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors="replace")
    return stream


def _fail(err: TextIO, message: str) -> int:
    # One line whatever the path holds (a newline in a file name is shown as \n).
    err.write(one_line(message) + "\n")
    err.flush()
    return EXIT_BAD_INPUT
