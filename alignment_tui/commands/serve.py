"""``alignment-tui serve``: the questionnaire in a browser, one app process per tab."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from alignment_tui.i18n import Lang, t

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profile", nargs="?", help=t("cli.arg.profile", lang))
    parser.add_argument("--host", default=DEFAULT_HOST, help=t("serve.arg.host", lang))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=t("serve.arg.port", lang))
    parser.add_argument("--bank", metavar="DIR", help=t("cli.arg.bank", lang))
    parser.add_argument("--public-url", metavar="URL", help=t("serve.arg.public_url", lang))


def is_loopback(host: str) -> bool:
    """Does ``host`` only answer to this computer (``localhost``, 127.x, ``::1``)?"""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


def app_command(profile: str | None, lang: str | None, bank: str | None) -> str:
    """The shell command each browser tab runs: this Python, this package, the same profile.

    It starts the TUI directly (``alignment_tui.commands.serve``), since under the web
    driver standard input is a pipe and the default command would choose plain mode.
    """
    parts = [sys.executable, "-m", "alignment_tui.commands.serve"]
    if profile:
        parts.append(str(Path(profile).resolve()))
    if lang:
        parts += ["--lang", lang]
    if bank:
        parts += ["--bank", str(Path(bank).resolve())]
    return shlex.join(parts)


def run(args: argparse.Namespace, lang: Lang) -> int:
    try:
        from textual_serve.server import Server
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
        reason = exc.strerror or str(exc)
        print(t("serve.port_busy", lang, host=host, port=args.port, reason=reason), file=sys.stderr)
        return 2
    print(t("serve.starting", lang, url=public_url), flush=True)
    server = Server(
        command, host=host, port=args.port, title="alignment-tui", public_url=public_url
    )
    server.serve()
    return 0


def _unreadable_input(profile: str | None, bank: str | None, lang: str) -> str:
    """Say now, in one line, what every tab would otherwise say: a bad profile or bank."""
    if profile and Path(profile).exists():
        from alignment_tui.store import ProfileError, load_profile

        try:
            load_profile(profile)
        except ProfileError as exc:
            return exc.message(lang)
    if bank:
        from alignment_tui.model.bank import BankError, load_bank

        try:
            load_bank(bank)
        except BankError as exc:
            return exc.text(lang)
    return ""


def _check_port(host: str, port: int) -> None:
    """Fail early, with a clear line, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host.strip("[]"), port))


def _tab_main(argv: list[str]) -> int:
    """One browser tab: the TUI on the given profile (the lock makes a second tab read-only)."""
    parser = argparse.ArgumentParser(prog="alignment-tui")
    parser.add_argument("profile", nargs="?")
    parser.add_argument("--lang", choices=["fr", "en"])
    parser.add_argument("--bank")
    args = parser.parse_args(argv)
    from alignment_tui.app import make_app

    result = make_app(args.profile, lang=args.lang, bank=args.bank).run()
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(_tab_main(sys.argv[1:]))
