"""Malformed, extreme and hostile inputs: profile files and question banks, made on demand."""

from __future__ import annotations

import copy
import os
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples" / "aligned-en-two-ovens-bakery.toml"
BANK = ROOT / "questions"

# What a hostile profile may hold in every text: terminal commands (retitle the window,
# clear the screen, a bell, an 8-bit CSI, a reversed direction) and Rich/Textual markup.
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x1b[0m\x9b31m\u202eevil"
MARKUP = "[/] [bold]b[/bold] [@click=app.quit]x[/] [UK] [red]r"
_EAST, _WEST = timezone(timedelta(hours=14)), timezone(timedelta(hours=-14))
HOSTILE = f"{MARKUP} {ESCAPES} `tick` | pipe <img src=x onerror=alert(1)> *star* _u_"


def base_data() -> dict[str, Any]:
    return tomllib.loads(BASE.read_text("utf-8"))


def dumps(data: dict[str, Any]) -> bytes:
    return tomli_w.dumps(data, multiline_strings=True).encode("utf-8")


def _with(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], Path]:
    """A valid TOML file: the example profile with ``change`` applied to its data."""

    def make(path: Path) -> Path:
        data = copy.deepcopy(base_data())
        change(data)
        path.write_bytes(dumps(data))
        return path

    return make


def _raw(text: str | bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return make


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _through_a_file(path: Path) -> Path:
    path.write_text("schema_version = 1\n")
    return path / "inside.toml"


def _symlink_loop(path: Path) -> Path:
    path.symlink_to(path)
    return path


def _newline_name(path: Path) -> Path:
    target = path.with_name("two\nlines.toml")
    target.write_text("schema_version = 1\n[vision\n")
    return target


def _deep(opening: str, closing: str, n: int) -> bytes:
    return f"schema_version = 1\nx = {opening * n}1{closing * n}\n".encode()


def _set(dotted: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = dotted.split("/")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        node[last] = value

    return change


def _hostile_everywhere(data: dict[str, Any]) -> None:
    """Every free text and every id holds markup and escapes (a valid profile still)."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, str):
            return node + " " + HOSTILE
        return node

    original = copy.deepcopy(data)
    data.update(walk(data))
    # Not free text: the language, the bank, the choices among fixed values.
    data["lang"] = original["lang"]
    data["meta"].update({"bank": "builtin", "position": "", "skipped": []})
    data["settings"] = {"coach_mode": True}
    data["vision"]["benefits"] = original["vision"].get("benefits", [])
    data["execution"]["budget"]["period"] = original["execution"]["budget"]["period"]
    for kpi, before in zip(data["objectives"]["kpis"], original["objectives"]["kpis"], strict=True):
        kpi.update({k: before[k] for k in ("branch", "cadence") if k in before})
        kpi["axis"] = "a" + MARKUP
    for persona in data["personas"]:
        persona["id"] = "p" + MARKUP
    for channel in data["execution"]["channels"]:
        channel["persona"] = "p" + MARKUP
    for axis in data["strategy"]["axes"]:
        axis["id"] = "a" + MARKUP
    data["waivers"] = [
        {
            "rule": "vague.buzzword`<img src=x onerror=alert(1)>`",
            "where": "execution.tone",
            "reason": HOSTILE,
            "by": "coach",
        }
    ]
    data["notes"] = {"vision.statement": HOSTILE}
    data["answers"] = {f"custom.{MARKUP}": HOSTILE}


@dataclass(frozen=True)
class Case:
    """One input; ``bad``: every command must refuse it (exit 2) rather than read it, but
    the questionnaire may start a new profile there when ``new`` (a missing file)."""

    name: str
    make: Callable[[Path], Path]
    bad: bool
    new: bool = False


PROFILE_CASES: list[Case] = [
    Case("arrays-5000-deep", _raw(_deep("[", "]", 5000)), True),
    Case("tables-5000-deep", _raw(_deep("{a=", "}", 5000)), True),
    Case("arrays-33-deep", _raw(_deep("[", "]", 33)), True),
    Case(
        "dotted-key-10000-deep",
        _raw("schema_version = 1\nanswers." + ".".join("a" * 10_000) + ' = "x"\n'),
        True,
    ),
    Case("dotted-key-3-deep", _raw('schema_version = 1\n[answers]\na.b.c = "x"\n'), True),
    Case("fifo", _fifo, True),
    Case("folder", _folder, True),
    Case("missing", lambda p: p, True, new=True),
    Case("through-a-file", _through_a_file, True),
    Case("name-too-long", lambda p: p.with_name("n" * 300 + ".toml"), True),
    Case("symlink-loop", _symlink_loop, True),
    Case("newline-in-name", _newline_name, True),
    Case("empty", _raw(b""), True),
    Case("binary", _raw(bytes(range(256)) * 4), True),
    Case("utf16", _raw("schema_version = 1\n".encode("utf-16")), True),
    Case("latin1-line-3", _raw(b'schema_version = 1\n[meta]\norganisation = "Caf\xe9"\n'), True),
    Case("nul-in-string", _raw('schema_version = 1\n[meta]\norganisation = "a\x00b"\n'), True),
    Case("not-a-profile", _raw('title = "x"\n'), True),
    Case("schema-true", _raw("schema_version = true\n"), True),
    Case("schema-huge", _raw("schema_version = 9223372036854775807\n"), True),
    Case("schema-negative", _raw("schema_version = -1\n"), True),
    Case("too-large-file", _raw(b"schema_version = 1\n#" + b"x" * 4_000_001 + b"\n"), True),
    Case("answer-too-long", _with(_set("vision/statement", "word " * 200_001)), True),
    Case(
        "created-year-1-plus-14", _with(_set("meta/created", datetime(1, 1, 1, tzinfo=_EAST))), True
    ),
    Case(
        "updated-year-9999-minus-14",
        _with(_set("meta/updated", datetime(9999, 12, 31, 23, tzinfo=_WEST))),
        True,
    ),
    Case("key-with-newline", _raw('schema_version = 1\n[answers]\n"a\\nb" = 1\n'), True),
    Case("waiver-without-rule", _raw('schema_version = 1\n[[waivers]]\nwhere = "x"\n'), True),
    Case(
        "share-infinite",
        _raw("schema_version = 1\n[[execution.channels]]\nbudget_share = inf\n"),
        True,
    ),
    # Valid profiles at the edges: read, analysed, reported and compared like any other.
    Case("bom", lambda p: _raw(b"\xef\xbb\xbf" + BASE.read_bytes())(p), False),
    Case("crlf", lambda p: _raw(BASE.read_bytes().replace(b"\n", b"\r\n"))(p), False),
    Case("deadline-year-1", _with(_set("objectives/kpis/0/deadline", date(1, 1, 1))), False),
    Case(
        "deadline-year-9999", _with(_set("objectives/kpis/0/deadline", date(9999, 12, 31))), False
    ),
    Case(
        "created-year-1-utc",
        _raw(
            "schema_version = 1\n[meta]\n"
            "created = 0001-01-01T00:00:00Z\nupdated = 9999-12-31T23:59:59Z\n"
        ),
        False,
    ),
    Case(
        "numbers-at-the-edge",
        _raw(
            "schema_version = 1\n[[objectives.kpis]]\nname = 'x'\n"
            "baseline = -9223372036854775808\ntarget = 1e308\ndeadline = 2027-01-01\n"
            "[execution.budget]\namount = 5e-324\n"
        ),
        False,
    ),
    Case("hostile-text-everywhere", _with(_hostile_everywhere), False),
    Case("empty-profile", _raw("schema_version = 1\n"), False),
    Case(
        "duplicate-ids",
        _with(lambda d: d["personas"].extend(copy.deepcopy(d["personas"]) * 3)),
        False,
    ),
    Case(
        "emoji-and-accents",
        _with(_set("vision/statement", "Des pains 🥖 pour Zoë, à 5 h — « vraiment » 👩🏽‍🍳" * 50)),
        False,
    ),
    # Quadratic once (a pattern's run of digits and spaces): 14 s for these 20,000 characters.
    Case("digits-in-the-vision", _with(_set("vision/statement", "1 2 3 4 5 " * 2_000)), False),
    Case(
        "long-one-line-comment", _raw(b"schema_version = 1\n# " + b"x" * 1_000_000 + b"\n"), False
    ),
]


def _bank_with(change: Callable[[Path], None]) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        shutil.copytree(BANK, path)
        change(path)
        return path

    return make


def _replace_in(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        file = folder / name
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")

    return change


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return change


def _fifo_in(name: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder / name).unlink()
        os.mkfifo(folder / name)

    return change


BANK_CASES: list[Case] = [
    Case("bank-deep", _bank_with(_write("values.toml", _deep("[", "]", 5000))), True),
    Case("bank-fifo-file", _bank_with(_fifo_in("values.toml")), True),
    Case(
        "bank-too-large", _bank_with(_write("values.toml", b"#" + b"x" * 1_000_001 + b"\n")), True
    ),
    Case(
        "bank-not-utf8", _bank_with(_write("values.toml", b'layer = "values"\n# caf\xe9\n')), True
    ),
    Case("bank-is-a-file", _raw(b"layer = 1\n"), True),
    Case("bank-is-a-fifo", _fifo, True),
    Case(
        "bank-bom",
        _bank_with(
            lambda f: (f / "values.toml").write_bytes(
                b"\xef\xbb\xbf" + (f / "values.toml").read_bytes()
            )
        ),
        False,
    ),
    Case(
        "bank-markup-title",
        _bank_with(
            _replace_in("values.toml", 'title.en = "Values"', f'title.en = "Values {MARKUP}"')
        ),
        False,
    ),
]
