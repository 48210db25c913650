"""``alignment-tui serve``: the link and its token, the address, and bad input in one line."""

from __future__ import annotations

import html
import http.client
import shlex
import socket
import sys
from pathlib import Path

import pytest

from alignment_tui.cli import main
from alignment_tui.cli.commands.serve import app_command, is_loopback
from alignment_tui.i18n import t
from tests.unit.serving import LINK, exited, free_port, get, serve_process, served


def test_only_the_printed_link_opens_the_page(tmp_path: Path) -> None:
    port = free_port()
    profile = tmp_path / "atelier.toml"
    with served(tmp_path, str(profile), "--port", str(port), "--lang", "en") as server:
        origin, token = f"http://127.0.0.1:{port}", server.token
        assert server.link == f"{origin}/{token}/"
        status, page = get(server.link)
        assert status == 200 and "alignment-tui" in page
        # The page opens its websocket and its scripts under the same secret prefix.
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/{token}/ws"' in page
        assert get(f"{origin}/{token}/static/js/textual.js")[0] == 200
        assert get(f"{origin}/{token}")[0] == 200  # the link without its last slash
        refusal = html.escape(t("serve.page.no_token", "en"))
        wrong = token[::-1] if token[::-1] != token else "x" * len(token)
        for path in ("/", "/ws", "/static/js/textual.js", f"/{wrong}/", f"/{token[:-1]}/"):
            status, text = get(origin + path)
            assert (status, refusal in text) == (403, True), path
    assert "Anyone with this link can read and change the profile" in server.out
    assert "at most 3 open at once" in server.out
    assert server.err == ""  # loopback: no exposure warning
    # Serving alone creates nothing: a tab's app does, when one is opened.
    assert not profile.exists()


def test_each_run_has_its_own_unguessable_token() -> None:
    from alignment_tui.cli.commands.serve_gate import GatedServer

    tokens = {
        GatedServer(
            "true", host="127.0.0.1", port=8000, public_url="http://x", max_tabs=1, lang="en"
        ).token
        for _ in range(20)
    }
    assert len(tokens) == 20
    assert all(LINK.fullmatch(f"http://x/{token}/") for token in tokens)  # 32 characters


# Path traversal on the static files, the downloads and the token itself: none reaches
# a file outside textual-serve's static folder (its own source, /etc/passwd).
TRAVERSALS = [
    "{t}/static/../server.py",
    "{t}/static/../../textual_serve/server.py",
    "{t}/static/%2e%2e/server.py",
    "{t}/static/%2e%2e%2fserver.py",
    "{t}/static/..%2fserver.py",
    "{t}/static/.%2e/server.py",
    "{t}/static/%252e%252e/server.py",
    "{t}/static/..\\server.py",
    "{t}/static/..%5cserver.py",
    "{t}/static/....//server.py",
    "{t}/static/%c0%ae%c0%ae/server.py",
    "{t}/static/js/../../server.py",
    "{t}/static/js/textual.js%00/../../server.py",
    "{t}/static//etc/passwd",
    "{t}/static/%2fetc%2fpasswd",
    "{t}/static/../../../../../../../../../../etc/passwd",
    "{t}/download/..%2f..%2f..%2fetc%2fpasswd",
    "{t}/../{t}/static/../server.py",
    "../../../../etc/passwd",
]


def _raw(port: int, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> int:
    """A request sent exactly as written (no client-side clean-up of the path)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(body or None)
        response = connection.getresponse()
        text = response.read()
        assert b"class Server" not in text and b"root:" not in text, path
        return response.status
    except (ConnectionError, http.client.RemoteDisconnected):
        return 0  # the server hung up on it: refused too
    finally:
        connection.close()


def test_traversal_and_oversized_requests_are_refused(tmp_path: Path) -> None:
    port = free_port()
    with served(tmp_path, "--port", str(port), "--lang", "en") as server:
        for pattern in TRAVERSALS:
            path = "/" + pattern.format(t=server.token)
            assert _raw(port, "GET", path, {}) in (400, 403, 404), path
        long_url = f"/{server.token}/?q=" + "a" * 20_000
        assert _raw(port, "GET", long_url, {}) in (0, 400, 414)
        assert _raw(port, "GET", f"/{server.token}/", {"X-Big": "b" * 20_000}) in (0, 400, 431)
        many = {f"X-H{i}": "v" for i in range(300)}
        assert _raw(port, "GET", f"/{server.token}/", many) in (0, 400, 431)
        huge = b"c" * (2 * 1024 * 1024)
        length = {"Content-Length": str(len(huge))}
        assert _raw(port, "POST", f"/{server.token}/", length, huge) in (0, 405, 413)
        assert _raw(port, "POST", "/", length, huge) in (0, 403, 413)
        assert get(server.link)[0] == 200  # and it still serves the page


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--port", "99999"], "--port"),
        (["--port", "-1"], "--port"),
        (["--port", "0"], "--port"),
        (["--port", "eighty"], "--port"),
        (["--max-tabs", "0"], "--max-tabs"),
        (["--max-tabs", "9"], "--max-tabs"),
        (["--host", "[]"], "--host"),
        (["--host", "a b"], "--host"),
    ],
)
def test_bad_port_host_or_cap_is_one_line(
    args: list[str], option: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", *args, "--lang", lang])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert option in err and args[1] in err and "Traceback" not in err


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_help_says_the_cap(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help", "--lang", lang])
    text = " ".join(capsys.readouterr().out.split())
    expected = " ".join(t("serve.arg.max_tabs", lang, default=3, limit=8).split())
    assert "--max-tabs N" in text and expected in text


def test_an_ipv6_address_in_brackets_is_served_or_refused_in_one_line(tmp_path: Path) -> None:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
        ipv6 = True
    except OSError:
        ipv6 = False
    port = free_port()
    if not ipv6:  # a machine without IPv6 loopback: one line, exit 2
        process = serve_process(tmp_path, "--host", "[::1]", "--port", str(port))
        _, err = exited(process)
        assert process.returncode == 2 and len(err.strip().splitlines()) == 1, err
        return
    with served(tmp_path, "--host", "[::1]", "--port", str(port), "--lang", "en") as server:
        assert server.link.startswith(f"http://[::1]:{port}/")
        status, page = get(server.link)
        assert status == 200 and f"ws://[::1]:{port}/{server.token}/ws" in page
    assert server.err == ""  # ::1 is loopback: no warning


def test_non_loopback_host_is_warned_and_a_busy_port_is_one_line(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        # 0.0.0.0 cannot be bound while 127.0.0.1 holds the port: nothing gets exposed.
        process = serve_process(tmp_path, "--host", "0.0.0.0", "--port", str(port), "--lang", "en")
        _, err = exited(process)
    assert process.returncode == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "0.0.0.0 is not a loopback address" in lines[0] and "confidential" in lines[0]
    assert f"0.0.0.0:{port}: cannot listen" in lines[1] and "--port" in lines[1]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.1.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_each_tab_runs_this_python_on_the_same_profile(tmp_path: Path) -> None:
    profile = tmp_path / "my profile.toml"
    parts = shlex.split(app_command(str(profile), "fr", None))
    assert parts[0] == "exec"  # the app replaces the shell textual-serve starts it with
    assert parts[1] == sys.executable
    assert parts[2:4] == ["-m", "alignment_tui.cli.commands.serve"]
    assert parts[4] == str(profile.resolve())
    assert parts[5:] == ["--lang", "fr"]


UNREADABLE = {
    "broken.toml": ("schema_version = 1\nlang = [\n", "broken.toml:2"),
    # Nested 5,000 deep, and a date past the end of the calendar: the loaders' own
    # exceptions, which every tab would otherwise show as a traceback.
    "deep.toml": ("schema_version = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n", "deep.toml"),
    "date.toml": (
        'schema_version = 1\nlang = "en"\n[meta]\ncreated = 0001-01-01T00:00:00+14:00\n',
        "date.toml",
    ),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_profile_is_one_line_before_serving(tmp_path: Path, name: str) -> None:
    text, where = UNREADABLE[name]
    (tmp_path / name).write_text(text, "utf-8")
    before = (tmp_path / name).read_bytes()
    process = serve_process(tmp_path, name, "--port", str(free_port()), "--lang", "en")
    out, err = exited(process)
    assert process.returncode == 2
    assert len(err.strip().splitlines()) == 1 and where in err and "Traceback" not in err
    assert out == "" and (tmp_path / name).read_bytes() == before


def test_unreadable_bank_is_one_line_before_serving(tmp_path: Path) -> None:
    (tmp_path / "bank").mkdir()
    process = serve_process(tmp_path, "--bank", str(tmp_path / "bank"), "--port", "8000")
    _, err = exited(process)
    assert process.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "bank" in err
