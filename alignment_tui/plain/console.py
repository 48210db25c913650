"""Line-by-line input and output for plain mode: no escape sequence ever leaves or enters."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from alignment_tui.i18n import t

# A full escape sequence first (so its parameters go too), then any lone control character.
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

END = "."  # a line holding only this ends a multi-line answer or a list
CLEAR = "-"  # a line holding only this empties the current answer
ADD = "+"  # before the first row of a list of rows: keep the rows there, add after them


def clean(text: str) -> str:
    """``text`` without escape sequences or control characters (newlines and tabs kept)."""
    return _CONTROL.sub("", _ESCAPE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def wrap_line(line: str, width: int) -> str:
    """One line cut at word boundaries to ``width``, its continuation lines indented under
    its text ("- ", "1. " and leading spaces hang); words longer than a line stay whole."""
    import textwrap

    if len(line) <= width:
        return line
    match = re.match(r"\s*(?:[-•]|\d+\.)?\s*", line)
    hang = " " * (match.end() if match else 0)
    return textwrap.fill(
        line,
        width=width,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _terminal_width(stream: TextIO) -> int | None:
    if not _is_tty(stream):
        return None
    import shutil

    return max(20, shutil.get_terminal_size().columns)


class EndOfInput(Exception):
    """Standard input is closed: stop asking, keep what is saved."""


class Keep:
    """The answer was left as it was (an empty line)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = Keep()


@dataclass
class Choice:
    """One option offered for a choice: what is stored, and what a person reads."""

    value: str
    label: str


class Console:
    """Plain prompts on a text stream, answers read a line at a time."""

    def __init__(
        self,
        lang: str,
        stdin: TextIO,
        stdout: TextIO,
        *,
        interactive: bool | None = None,
        width: int | None = None,
    ) -> None:
        self.lang = lang
        self.stdin = stdin
        self.stdout = stdout
        self.closed = False
        # A person at a terminal (not a script): offered to revise after the findings.
        self.interactive = _is_tty(stdin) if interactive is None else interactive
        # Lines wrapped to the terminal's width; none when the output goes to a file or a pipe.
        self.width = width if width is not None else _terminal_width(stdout)
        # Ctrl+C in the middle of a text: the lines typed are kept, then the walk stops.
        self.interrupted = False
        # Piped answers are echoed after their prompt, so the output reads as a transcript.
        self.echo = not _is_tty(stdin)

    def tr(self, key: str, **params: Any) -> str:
        return t(f"plain.{key}", self.lang, **params)

    def say(self, text: str = "") -> None:
        text = clean(text)
        if self.width:
            text = "\n".join(wrap_line(line, self.width) for line in text.split("\n"))
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def read(self, prompt: str) -> str:
        """One line, without its line ending; ``EndOfInput`` once input is closed."""
        if self.interrupted:
            raise KeyboardInterrupt
        if self.closed:
            raise EndOfInput
        self.stdout.write(clean(prompt))
        self.stdout.flush()
        line = self.stdin.readline()
        if line == "":
            self.closed = True
            # Finish the prompt's line, so what follows does not run on after it.
            self.stdout.write("\n")
            self.stdout.flush()
            raise EndOfInput
        answer = clean(line.rstrip("\r\n")).rstrip()
        if self.echo:
            self.stdout.write(answer + "\n")
        return answer

    def read_block(self, prompt: str, *, items: bool) -> list[str] | Keep | None:
        """Lines up to a line holding ``.``: a text (``items=False``) or list items.

        The first line decides: empty keeps the answer, ``-`` clears it (``None``).
        Input that ends mid-answer still returns what was typed, never loses it.
        """
        first = self.read(prompt)
        if first == "":
            return KEEP
        if first == CLEAR:
            return None
        if first == END:
            return []
        lines = [first]
        while True:
            try:
                line = self.read(self.tr("more_prompt"))
            except EndOfInput:
                break
            except KeyboardInterrupt:
                self.interrupted = True
                break
            if line.strip() == END:
                break
            if items and not line.strip():
                continue
            lines.append(line)
        if items:
            return [line.strip() for line in lines if line.strip()]
        while lines and not lines[-1].strip():
            lines.pop()
        return lines

    def read_typed(self, prompt: str, parse: Callable[[str], Any]) -> Any:
        """A value read by ``parse``; an unreadable one is explained and asked again.

        ``parse`` raises ``ValueError`` with a message for the person. Empty → ``KEEP``,
        ``-`` → ``None``.
        """
        while True:
            raw = self.read(prompt)
            if raw == "":
                return KEEP
            if raw == CLEAR:
                return None
            try:
                return parse(raw)
            except ValueError as exc:
                self.say(self.tr("unreadable", reason=str(exc)))

    def read_choice(
        self, prompt: str, options: Sequence[Choice], *, multiple: bool
    ) -> str | list[str] | Keep | None:
        """An option by number, value or label (several separated by commas)."""
        for number, option in enumerate(options, start=1):
            self.say(f"  {number}. {option.label} [{option.value}]")

        def parse(raw: str) -> str | list[str]:
            picked = _pick_many(raw, options) if multiple else [_pick_one(raw, options)]
            if any(p is None for p in picked):
                raise ValueError(self.tr("choice_expected", count=len(options)))
            values = [p for p in picked if p is not None]
            if multiple:
                # Stored in the options' order, as the TUI stores a ticked list.
                return [o.value for o in options if o.value in values]
            return values[0]

        result: str | list[str] | Keep | None = self.read_typed(prompt, parse)
        return result


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _pick_one(raw: str, options: Sequence[Choice]) -> str | None:
    token = raw.strip()
    if token.isdigit() and 1 <= int(token) <= len(options):
        return options[int(token) - 1].value
    folded = token.casefold()
    for option in options:
        if folded in (option.value.casefold(), option.label.casefold()):
            return option.value
    return None


def _pick_many(raw: str, options: Sequence[Choice]) -> list[str | None]:
    whole = _pick_one(raw, options)
    if whole is not None:
        return [whole]
    parts = [p for p in re.split(r"[,;]", raw) if p.strip()]
    if len(parts) == 1:
        # "1 3" as well as "1, 3".
        parts = raw.split()
    return [_pick_one(p, options) for p in parts]
