"""The one place files are read, and the files the user did not mean to change: FIFOs,
devices, depth, size, BOM, symbolic links, read-only profiles, reports over their input,
saves of nothing, the recent list's permissions, paths that cannot be used."""

from __future__ import annotations

import io
import os
import stat
import tomllib
from pathlib import Path

import pytest

from alignment_tui.cli import main
from alignment_tui.model.profile import MAX_TEXT_CHARS, Profile
from alignment_tui.plain import run_plain
from alignment_tui.store import ProfileError, load_profile, read_profile, save_profile
from alignment_tui.store.files import (
    MAX_DEPTH,
    MAX_PROFILE_BYTES,
    ReadError,
    nesting,
    parse_toml,
    read_text,
)
from alignment_tui.store.paths import data_home, recent_profiles, remember_profile
from tests.unit.hostile_cases import BASE, ROOT


def _error(path: Path, lang: str = "en") -> str:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = info.value.message(lang)
    assert "\n" not in message
    return message


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "p.toml"
    os.mkfifo(fifo)
    assert "not a regular file" in _error(fifo)
    assert "pas un fichier ordinaire" in _error(fifo, "fr")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_read(device: str) -> None:
    assert "not a regular file" in _error(Path(device))


def test_a_file_over_the_size_limit_says_the_numbers(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"schema_version = 1\n#" + b"x" * MAX_PROFILE_BYTES)
    message = _error(big)
    assert "5 MB" in message and "4 MB at most" in message
    assert "5 Mo" in _error(big, "fr")


def test_an_answer_over_the_limit_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(f'schema_version = 1\n[vision]\nstatement = "{"x" * (MAX_TEXT_CHARS + 1)}"\n')
    message = _error(path)
    assert message.startswith(f"{path}:3: vision.statement: an answer longer than 1,000,000")
    assert "1\u202f000\u202f000 caractères" in _error(path, "fr")
    exactly = tmp_path / "ok.toml"
    exactly.write_text(f'schema_version = 1\n[vision]\nstatement = "{"x" * MAX_TEXT_CHARS}"\n')
    assert len(load_profile(exactly).vision.statement) == MAX_TEXT_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000,
        "x = " + "{a = " * 5000 + "1" + "}" * 5000,
        "answers." + ".".join(["a"] * 10_000) + ' = "x"',
        "[" + ".".join(["t"] * 40) + "]",
        "x = " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    ],
    ids=["arrays", "inline-tables", "dotted-key", "table-header", "just-over"],
)
def test_nesting_beyond_the_limit_is_one_line_with_its_line(text: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(f"schema_version = 1\n\n{text}\n")
    message = _error(path)
    assert message.startswith(f"{path}:3: tables or arrays nested more than {MAX_DEPTH} levels")


def test_a_run_over_many_files_names_each_bad_one_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """60 files (checked by several processes): the 5,000-deep one and the one dated past
    the calendar are one line each, and every other file is still checked."""
    paths = []
    for i in range(60):
        path = tmp_path / f"p{i:02}.toml"
        path.write_bytes(BASE.read_bytes())
        paths.append(str(path))
    (tmp_path / "p07.toml").write_text("schema_version = 1\nx = " + "[" * 5000 + "]" * 5000)
    (tmp_path / "p41.toml").write_text(
        "schema_version = 1\n[meta]\ncreated = 0001-01-01T00:00:00+14:00\n"
    )
    assert main(["check", *paths, "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    deep, dated = err.splitlines()
    assert deep.startswith(f"{tmp_path / 'p07.toml'}:2: tables or arrays nested more than")
    assert dated.startswith(f"{tmp_path / 'p41.toml'}:3:") and "Traceback" not in err
    assert sum("/100" in line for line in out.splitlines()) == 58


def test_nesting_at_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 1
    assert parse_toml("x = " + "[" * depth + "]" * depth) == {"x": _nested(depth)}


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_the_nesting_scan_agrees_with_parsing_on_every_file_of_the_repository() -> None:
    """No false alarm: brackets, dots and quotes inside strings and comments do not count."""
    files = [p for p in ROOT.rglob("*.toml") if ".venv" not in p.parts and "build" not in p.parts]
    assert len(files) > 20
    for path in files:
        text = path.read_text("utf-8")
        tomllib.loads(text)
        assert nesting(text)[0] <= 6, path
    tricky = (
        'a = "[[[[ {{{{ a.b.c.d.e.f.g"\nb = """\n[[[[[[[[\n"""\n'
        "c = '''\n]]]]].....\n'''\nd = 1.5 # [[[[[[[[[[ x.y.z.w\n"
        'e = {f.g = [1.0, 2.0], h = "i.j.k"}\n"l.m.n.o.p" = 2\n'
    )
    tomllib.loads(tricky)
    assert nesting(tricky)[0] <= 3


def test_a_byte_order_mark_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.read_bytes())
    assert load_profile(path) == load_profile(BASE)


def test_text_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'schema_version = 1\n[meta]\norganisation = "Caf\xe9"\n')
    assert _error(path).startswith(f"{path}:3: not a text file in UTF-8")
    with pytest.raises(ReadError) as info:
        read_text(path, 100)
    assert info.value.params == {"line": 3}


def test_a_date_at_the_edge_of_the_range_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "edge.toml"
    path.write_text("schema_version = 1\n[meta]\ncreated = 0001-01-01T00:00:00+14:00\n")
    assert _error(path) == (
        f"{path}:3:11: meta.created: a date out of range once converted to UTC (year 1 to 9999)."
        " Fix this value in the file."
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[answers]\na.b = "x"\n', "answers.a"),
        ('[answers]\n"a\\nb" = 1\n', 'answers."a\\nb"'),
        ('[notes]\n"vision.statement" = 3\n', 'notes."vision.statement"'),
        ('[[waivers]]\nwhere = "x"\n', "waivers[0].rule"),
        ("[vision]\nbenefits = [1]\n", "vision.benefits[0]"),
    ],
)
def test_fields_are_named_as_the_file_writes_them(text: str, where: str, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("schema_version = 1\n" + text)
    message = _error(path)
    assert message.startswith(f"{path}:"), message
    assert f": {where}: " in message, message
    assert "function" not in message and "[str]" not in message


def test_a_file_name_holding_a_newline_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two\nlines.toml"
    path.write_text("schema_version = 1\n[vision\n")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "two\\nlines.toml:2:8:" in err


# -- files the user did not mean to change -------------------------------------------------


def _copy_of_base(path: Path) -> Path:
    path.write_bytes(BASE.read_bytes())
    return path


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_report_never_overwrites_its_profile(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _copy_of_base(tmp_path / f"p.{fmt}")  # a profile named like a report
    link = tmp_path / "link.toml"
    link.symlink_to(profile)
    before = profile.read_bytes()
    for output in (str(profile), str(link), f"{tmp_path}/./p.{fmt}"):
        for extra in ([], ["--format", fmt]):
            assert main(["report", str(profile), "-o", output, *extra]) == 2
            err = capsys.readouterr().err.splitlines()
            assert len(err) == 1 and "the report there would replace it" in err[0]
    assert profile.read_bytes() == before and link.is_symlink()


@pytest.mark.parametrize("command", ["report", "schema"])
@pytest.mark.parametrize("target", ["/dev/null", "fifo", "folder", "read-only"])
def test_a_report_or_schema_is_written_only_to_a_regular_file(
    command: str, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written through a temporary file and a rename, it would replace a pipe or a device
    (even /dev/null, for the superuser) with a regular file: refused in one line."""
    profile = _copy_of_base(tmp_path / "p.toml")
    output = Path(target) if target.startswith("/") else tmp_path / f"{target}.md"
    if target == "fifo":
        os.mkfifo(output)
    elif target == "folder":
        output.mkdir()
    elif target == "read-only":
        output.write_text("kept")
        output.chmod(0o400)
    kind = stat.S_IFMT(output.stat().st_mode)
    inputs = [str(profile)] if command == "report" else []
    assert main([command, *inputs, "-o", str(output), "--lang", "fr"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"{output}\u202f: "), err
    assert stat.S_IFMT(output.stat().st_mode) == kind
    if target == "read-only":
        assert output.read_text() == "kept"


def test_a_report_through_a_link_updates_the_link_target(tmp_path: Path) -> None:
    profile = _copy_of_base(tmp_path / "p.toml")
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    assert main(["report", str(profile), "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_text().startswith("#")


def test_a_profile_reached_through_a_link_is_saved_to_its_target(tmp_path: Path) -> None:
    real = _copy_of_base(tmp_path / "real.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    profile = load_profile(link)
    profile.vision.statement = "changed through the link"
    save_profile(profile, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_profile(real).vision.statement == "changed through the link"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_read_only_profile_is_never_replaced(tmp_path: Path) -> None:
    path = _copy_of_base(tmp_path / "p.toml")
    path.chmod(0o400)
    before = path.read_bytes()
    with pytest.raises(ProfileError) as info:
        save_profile(load_profile(path), path)
    assert "read-only" in info.value.message("en") and "chmod u+w" in info.value.message("en")
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o400


def _plain(path: Path | str, answers: str, lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_plain(path, lang=lang, stdin=io.StringIO(answers), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_plain_mode_opens_a_read_only_profile_read_only_and_says_so(tmp_path: Path) -> None:
    path = _copy_of_base(tmp_path / "p.toml")
    path.chmod(0o400)
    before = path.read_bytes()
    code, out, _ = _plain(path, "A new answer.\n.\n" * 3)
    assert code == 0
    assert "This file is read-only" in out and f"Nothing was saved: {path} is read-only." in out
    assert path.read_bytes() == before


def test_opening_and_leaving_in_plain_mode_writes_nothing(tmp_path: Path) -> None:
    path = _copy_of_base(tmp_path / "p.toml")
    path.write_bytes(b"# the coach's comment\n" + path.read_bytes())
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    code, out, _ = _plain(path, "\n\n\n")  # three answers kept as they were
    assert code == 0 and out.count("Kept as it was.") == 3
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    code, _, _ = _plain(path, "\n-\n")  # the second answer cleared: a change, saved
    assert code == 0 and path.read_bytes() != before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: tmp / ("n" * 300 + ".toml"), "File name too long"),
        (lambda tmp: _copy_of_base(tmp / "afile.toml") / "x.toml", "Not a directory"),
    ],
    ids=["name-too-long", "through-a-file"],
)
def test_plain_mode_refuses_a_path_it_could_never_save_to(
    make: object, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    code, _, err = _plain(path, "Acme\nCamille\n")
    assert code == 2 and err.count("\n") == 1 and reason in err
    assert main(["--plain", str(path)]) == 2  # the command says so before anything opens
    assert reason in capsys.readouterr().err


def test_the_recent_list_is_owner_only(tmp_path: Path) -> None:
    path = _copy_of_base(tmp_path / "secret-strategy.toml")
    remember_profile(path)
    recent = data_home() / "recent.json"
    assert stat.S_IMODE(recent.stat().st_mode) == 0o600
    assert recent_profiles() == [path.resolve()]


def test_a_hostile_recent_list_is_ignored(tmp_path: Path) -> None:
    home = data_home()
    home.mkdir(parents=True, exist_ok=True)
    (home / "recent.json").write_text('["' + "n" * 5000 + '", 3, null, "' + str(BASE) + '"]')
    assert recent_profiles() == [BASE]
    (home / "recent.json").unlink()
    os.mkfifo(home / "recent.json")
    assert recent_profiles() == []


def test_a_stamp_never_reads_a_fifo(tmp_path: Path) -> None:
    path = _copy_of_base(tmp_path / "p.toml")
    _, stamp = read_profile(path)
    path.unlink()
    os.mkfifo(path)
    from alignment_tui.store import changed_on_disk, stamp_of

    assert stamp_of(path) is None and changed_on_disk(path, stamp)


def test_a_new_profile_is_not_changed_by_the_check(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    before = path.read_bytes()
    assert main(["check", str(path)]) in (0, 1)
    assert path.read_bytes() == before
