"""What a command prints: stdout that cannot take it and stderr lines, each said in one line."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

from alignment_tui.i18n import t
from alignment_tui.safe_text import one_line

DEBUG_VAR = "ALIGNMENT_TUI_DEBUG"


class OutputError(Exception):
    """Standard output is closed, full, gone, or cannot encode what is written."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: str) -> str:
        return t(f"guard.{self.key}", lang, **self.params)


def emit(text: str) -> None:
    """Write ``text`` on standard output; ``OutputError`` when it cannot be written."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("output_closed")
    with _translated():
        stream.write(text)


def flush_stdout() -> None:
    stream = sys.stdout
    if stream is not None:
        with _translated():
            stream.flush()


@contextlib.contextmanager
def _translated() -> Any:
    try:
        yield
    except UnicodeEncodeError as exc:
        char = one_line(exc.object[exc.start : exc.start + 1])
        raise OutputError("output_encoding", encoding=exc.encoding, char=char) from None
    except BrokenPipeError:
        raise OutputError("broken_pipe") from None
    except (OSError, ValueError) as exc:
        # ValueError: "I/O operation on closed file" (stdout closed by the program itself).
        reason = getattr(exc, "strerror", None) or str(exc)
        raise OutputError("output_failed", reason=reason) from None


def silence_stdout() -> None:
    """Point standard output at the null device, so that Python's own last flush of what
    could not be written does not print a traceback at exit."""
    stream = sys.stdout
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def say_error(line: str) -> None:
    """One line on standard error, control characters escaped; never raises."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(one_line(line) + "\n")
        stream.flush()


def debugging() -> bool:
    return bool(os.environ.get(DEBUG_VAR))


def internal_error(exc: BaseException, lang: str) -> str:
    """The line that stands for a bug: the exception's type and its first words."""
    detail = one_line(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
    if len(detail) > 160:
        detail = detail[:159] + "…"
    return t("guard.internal", lang, kind=type(exc).__name__, detail=detail or "-", var=DEBUG_VAR)
