"""``alignment-tui serve``: the questionnaire in a browser, one app process per tab."""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from alignment_tui.cli.commands.hosts import is_loopback as is_loopback
from alignment_tui.i18n import Lang, t

if TYPE_CHECKING:
    from alignment_tui.tui.app import AlignmentApp

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MAX_TABS = 3  # a coach, a client, and one more (a second screen, a reload)
TAB_LIMIT = 8  # what --max-tabs accepts: each tab is a process of its own


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profile", nargs="?", help=t("cli.arg.profile", lang))
    parser.add_argument(
        "--host", type=_host_type(lang), default=DEFAULT_HOST, help=t("serve.arg.host", lang)
    )
    parser.add_argument(
        "--port",
        type=_number_type(lang, "serve.bad_port", 1, 65535),
        default=DEFAULT_PORT,
        help=t("serve.arg.port", lang),
    )
    parser.add_argument(
        "--max-tabs",
        metavar="N",
        type=_number_type(lang, "serve.bad_max_tabs", 1, TAB_LIMIT),
        default=MAX_TABS,
        help=t("serve.arg.max_tabs", lang, default=MAX_TABS, limit=TAB_LIMIT),
    )
    parser.add_argument("--bank", metavar="DIR", help=t("cli.arg.bank", lang))
    parser.add_argument("--public-url", metavar="URL", help=t("serve.arg.public_url", lang))


def _number_type(lang: Lang, key: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else one line saying so."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(t(key, lang, value=value, low=low, high=high))
        return number

    return parse


def _host_type(lang: Lang) -> Callable[[str], str]:
    """An argparse type: a host name or address; an IPv6 address may come in brackets."""

    def parse(value: str) -> str:
        host = value[1:-1] if value.startswith("[") and value.endswith("]") else value
        if not host or any(c.isspace() or c in "[]/" for c in host):
            raise argparse.ArgumentTypeError(t("serve.bad_host", lang, value=value))
        return host

    return parse


def app_command(profile: str | None, lang: str | None, bank: str | None) -> str:
    """The shell command each browser tab runs: this Python, this package, the same profile.

    It starts the TUI directly (``alignment_tui.cli.commands.serve``), since under the web
    driver standard input is a pipe and the default command would choose plain mode.
    textual-serve runs it through a shell: ``exec`` makes the app take the shell's place,
    one process per tab instead of two.
    """
    parts = [sys.executable, "-m", "alignment_tui.cli.commands.serve"]
    if profile:
        parts.append(str(Path(profile).resolve()))
    if lang:
        parts += ["--lang", lang]
    if bank:
        parts += ["--bank", str(Path(bank).resolve())]
    command = shlex.join(parts)
    return f"exec {command}" if os.name == "posix" else command


def run(args: argparse.Namespace, lang: Lang) -> int:
    try:
        # lazy: only serving needs it, not --help or a bad option
        from alignment_tui.cli.commands.serve_gate import GatedServer
    except ImportError:
        print(t("serve.no_textual_serve", lang), file=sys.stderr)
        return 2
    problem = _unreadable_input(args.profile, args.bank, args.lang or lang)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    host: str = args.host
    command = app_command(args.profile, args.lang, args.bank)
    if not is_loopback(host):
        print(t("serve.exposed", lang, host=host), file=sys.stderr)
    url_host = f"[{host}]" if ":" in host else host
    public_url = args.public_url or f"http://{url_host}:{args.port}"
    try:
        _check_port(host, args.port)
    except OSError as exc:
        print(_port_busy(host, args.port, exc, lang), file=sys.stderr)
        return 2
    server = GatedServer(
        command,
        host=host,
        port=args.port,
        public_url=public_url,
        max_tabs=args.max_tabs,
        lang=lang,
    )
    try:
        server.serve()
    except OSError as exc:  # taken between the check and the start
        print(_port_busy(host, args.port, exc, lang), file=sys.stderr)
        return 2
    return 0


def _port_busy(host: str, port: int, exc: OSError, lang: Lang) -> str:
    reason = exc.strerror or str(exc)
    return t("serve.port_busy", lang, host=host, port=port, reason=reason)


def _unreadable_input(profile: str | None, bank: str | None, lang: str) -> str:
    """Say now, in one line, what every tab would otherwise say: a bad profile or bank."""
    # lazy: only serving needs it, not --help or a bad option
    from alignment_tui.model.bank import BankError, load_bank
    from alignment_tui.store import ProfileError, load_profile

    path = ""
    try:
        if profile and Path(profile).exists():
            path = profile
            load_profile(profile)
        if bank:
            path = bank
            load_bank(bank)
    except ProfileError as exc:
        return exc.message(lang)
    except BankError as exc:
        return exc.text(lang)
    except Exception as exc:  # a file the loaders did not foresee: one line, never a traceback
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return t("serve.cannot_open", lang, path=path, reason=reason)
    return ""


def _check_port(host: str, port: int) -> None:
    """Fail early, with a clear line, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _tab_main(argv: list[str]) -> int:
    """One browser tab: the TUI on the given profile (the lock makes a second tab read-only)."""
    parser = argparse.ArgumentParser(prog="alignment-tui")
    parser.add_argument("profile", nargs="?")
    parser.add_argument("--lang", choices=["fr", "en"])
    parser.add_argument("--bank")
    args = parser.parse_args(argv)
    # lazy: only serving needs it, not --help or a bad option
    from alignment_tui.tui.app import make_app

    app = make_app(args.profile, lang=args.lang, bank=args.bank)
    result = app.run()
    finish_tab(app)
    return result if isinstance(result, int) else 0


def finish_tab(app: AlignmentApp) -> None:
    """The last save of a tab's app that textual-serve ended (tab closed or reloaded, Ctrl+C).

    textual-serve ends it with Textual's ExitApp, which skips the quit action and its last
    save: what was typed in the autosave's last moment would be lost. The quit action
    releases the lock, so after a Ctrl+Q in the tab this does nothing.
    """
    if app.walker is not None and app.walker.session.lock.held:
        app.walker.close()


if __name__ == "__main__":
    sys.exit(_tab_main(sys.argv[1:]))
