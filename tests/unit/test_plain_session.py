"""Plain mode on the session core: it resumes where the file was left and never writes over
a change made on disk while it ran, as the TUI does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from alignment_tui.model.profile import Meta, Profile
from alignment_tui.plain import run_plain
from alignment_tui.store import load_profile, save_profile


class ChangedOnDisk(io.StringIO):
    """Piped answers; while the first answer is being typed, another program edits the file."""

    def __init__(self, text: str, path: Path) -> None:
        super().__init__(text)
        self.path = path
        self.reads = 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self.reads += 1
        if self.reads == 1:
            theirs = load_profile(self.path)
            theirs.meta.respondent = "edited elsewhere"
            save_profile(theirs, self.path)
        return super().readline(size if size is not None else -1)


def _run(path: Path, stdin: io.StringIO, *, interactive: bool) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_plain(path, lang="en", stdin=stdin, stdout=out, stderr=err, interactive=interactive)
    return code, out.getvalue(), err.getvalue()


def _profile(tmp_path: Path, position: str = "") -> Path:
    path = tmp_path / "p.toml"
    save_profile(Profile(lang="en", meta=Meta(organisation="Kiln", position=position)), path)
    return path


def test_a_person_resumes_where_the_profile_was_left(tmp_path: Path) -> None:
    path = _profile(tmp_path, position="strategy.insight")
    code, out, _ = _run(path, io.StringIO(""), interactive=True)
    assert code == 0
    assert "Resuming where you left off:" in out
    first = out.index("--- Question")
    assert "insight" in out[first : first + 400].casefold()
    assert "=== Layer 4 of 6" in out  # the layer resumed in its middle is introduced first


def test_a_script_walks_from_the_top_and_leaves_the_position(tmp_path: Path) -> None:
    path = _profile(tmp_path, position="strategy.insight")
    code, out, _ = _run(path, io.StringIO("\n\n"), interactive=False)
    assert code == 0 and "=== Layer 1 of 6" in out and "Resuming where" not in out
    saved = load_profile(path)  # the two questions passed are marked skipped, nothing more
    assert saved.meta.position == "strategy.insight" and len(saved.meta.skipped) == 2


def test_moving_on_at_a_terminal_is_kept_for_next_time(tmp_path: Path) -> None:
    path = _profile(tmp_path)
    code, _, _ = _run(path, io.StringIO("\n\n"), interactive=True)  # two questions passed
    assert code == 0
    assert load_profile(path).meta.position not in ("", "intro:values")


def test_a_script_keeps_both_versions_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path = _profile(tmp_path)
    stdin = ChangedOnDisk("Repair first\nWe fix before we sell.\nQuotes start there.\n\n", path)
    code, out, err = _run(path, stdin, interactive=False)
    assert code == 0, err
    assert "changed on disk" in out
    copy = tmp_path / "p-2.toml"
    assert f"Your version is saved in {copy}" in out
    assert load_profile(path).meta.respondent == "edited elsewhere"
    assert [v.name for v in load_profile(copy).values.items] == ["Repair first"]
    assert load_profile(path).values.items == []


@pytest.mark.parametrize(("choice", "respondent"), [("2", ""), ("1", "edited elsewhere")])
def test_a_person_chooses_what_happens_to_a_file_changed_on_disk(
    tmp_path: Path, choice: str, respondent: str
) -> None:
    path = _profile(tmp_path, position="values.origin")
    stdin = ChangedOnDisk(f"Fired in a shared kiln since 2019.\n.\n{choice}\n\n", path)
    code, out, err = _run(path, stdin, interactive=True)
    assert code == 0, err
    assert "What should happen to the file?" in out
    saved = load_profile(path)
    assert saved.meta.respondent == respondent
    # overwrite keeps the answer; a reload takes the file's version, the answer dropped
    assert (saved.values.origin == "Fired in a shared kiln since 2019.") == (choice == "2")
    assert not (tmp_path / "p-2.toml").exists()
