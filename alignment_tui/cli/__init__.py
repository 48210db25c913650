"""The command line: the TUI by default, headless commands by name."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any, Protocol, cast

from alignment_tui import output
from alignment_tui.i18n import Lang, normalise_lang, t

# Command name → module under alignment_tui.cli.commands (imported only when needed).
COMMANDS: dict[str, str] = {
    "check": "check",
    "report": "report",
    "diff": "diff",
    "schema": "schema",
    "questions": "questions",
    "serve": "serve",
    "checkin": "checkin",
    "next": "next_period",
}
EXIT_BAD_INPUT = 2


class Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser, lang: Lang) -> None: ...

    def run(self, args: argparse.Namespace, lang: Lang) -> int: ...


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2 (never a traceback)."""

    ui_lang: Lang = "en"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} ({t('cli.see_help', self.ui_lang)})\n")

    def _print_message(self, message: str, file: Any = None) -> None:
        """Help that cannot be written is said, as any output (argparse says nothing)."""

        if message and (file is None or file is sys.stdout):
            output.emit(message)
        elif message:
            output.say_error(message.rstrip("\n"))


# argparse's own words, looked up through its module-level ``_`` when they are shown.
_ARGPARSE_WORDS = {
    "usage: ": "usage",
    "positional arguments": "positionals",
    "options": "options",
    "show this help message and exit": "help",
    "unrecognized arguments: %s": "unrecognized",
    "the following arguments are required: %s": "required",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "expected one argument": "expected_one",
    "argument %(argument_name)s: %(message)s": "argument",
}


def _speak(lang: Lang) -> None:
    """Make argparse's own words (usage, options, its errors) speak ``lang``."""

    def gettext(message: str) -> str:
        key = _ARGPARSE_WORDS.get(message)
        return t(f"cli.argparse.{key}", lang) if key else message

    argparse._ = gettext  # type: ignore[attr-defined]


def _early_lang(argv: Sequence[str]) -> str | None:
    """``--lang`` read before parsing, so that ``--help`` itself is in that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _load(name: str) -> Command:
    return cast(Command, importlib.import_module(f"alignment_tui.cli.commands.{COMMANDS[name]}"))


def build_parser(lang: Lang, command: str | None) -> _Parser:
    if command is None:
        commands = "\n".join(f"  {name:<10} {t(f'cli.{name}.summary', lang)}" for name in COMMANDS)
        parser = _Parser(
            prog="alignment-tui",
            description=t("cli.description", lang),
            epilog=t("cli.epilog", lang, commands=commands),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("profile", nargs="?", help=t("cli.arg.profile", lang))
        parser.add_argument("--bank", metavar="DIR", help=t("cli.arg.bank", lang))
        parser.add_argument("--plain", action="store_true", help=t("cli.arg.plain", lang))
        _add_lang(parser, lang)
    else:
        parser = _Parser(
            prog=f"alignment-tui {command}",
            description=t(f"cli.{command}.summary", lang),
            epilog=t(f"cli.{command}.example", lang),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _load(command).add_arguments(parser, lang)
        _add_lang(parser, lang)
    parser.ui_lang = lang
    return parser


def _add_lang(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--lang", choices=["fr", "en"], help=t("cli.arg.lang", lang))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever happens, the user gets an exit code and at most one line
    on stderr: an unexpected exception is reported as an internal error (exit 2), its
    traceback shown only when ``ALIGNMENT_TUI_DEBUG`` is set."""

    args_in = list(sys.argv[1:] if argv is None else argv)
    lang = normalise_lang(_early_lang(args_in))
    try:
        code = _run(args_in, lang)
        output.flush_stdout()
        return code
    except SystemExit:  # --help, a usage error: argparse's own exit, its code kept
        try:
            output.flush_stdout()
        except output.OutputError as exc:
            output.silence_stdout()
            output.say_error(exc.message(lang))
            raise SystemExit(EXIT_BAD_INPUT) from None
        raise
    except KeyboardInterrupt:
        output.say_error(t("cli.interrupted", lang))
        return 130
    except output.OutputError as exc:
        output.silence_stdout()
        if exc.key == "broken_pipe":
            return 0  # the reader stopped reading (``| head``): nothing is wrong
        output.say_error(exc.message(lang))
        return EXIT_BAD_INPUT
    except Exception as exc:
        if output.debugging():
            raise
        _flush_or_drop()
        output.say_error(output.internal_error(exc, lang))
        return EXIT_BAD_INPUT


def _flush_or_drop() -> None:

    try:
        output.flush_stdout()
    except output.OutputError:
        output.silence_stdout()


def _run(args_in: list[str], lang: Lang) -> int:
    command = args_in[0] if args_in and args_in[0] in COMMANDS else None
    _speak(lang)
    parser = build_parser(lang, command)
    args = parser.parse_args(args_in[1:] if command else args_in)
    if command is None:
        # lazy: the TUI's modules load only when it is asked for
        from alignment_tui.cli.commands import tui

        return tui.run(args, lang)
    return _load(command).run(args, lang)
