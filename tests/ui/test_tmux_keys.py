"""Cases typed into the real app in tmux at 10 keys a second, read back from the saved file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alignment_tui.model.profile import Kpi, Meta, Profile
from alignment_tui.store import load_profile, save_profile
from tests.ui.tmux import app_in_tmux, cpu_burning_processes, needs_tmux

pytestmark = needs_tmux


def _profile(path: Path, position: str, lang: str = "en", **answers: object) -> Path:
    profile = Profile(lang=lang, meta=Meta(organisation="Fournil", position=position))
    for dotted, value in answers.items():
        section, field = dotted.split("__")
        setattr(getattr(profile, section), field, value)
    save_profile(profile, path)
    return path


def _until(condition: object, timeout: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not met")
        time.sleep(0.1)


def test_typing_through_the_changed_on_disk_dialog(tmp_path: Path) -> None:
    tone = "Chaleureux, sans jargon."
    path = _profile(tmp_path / "fournil.toml", "execution.tone", "fr", execution__tone=tone)
    typed = " et on évite les points d'exclamation ; rien à rajouter."
    with app_in_tmux(path, tmp_path / "home", lang="fr") as term:
        term.wait_for_text("ce que vous vous interdisez")  # the prompt, not the sidebar
        term.send(["End"])
        text = path.read_text("utf-8").replace('"Fournil"', '"Le Fournil"')
        copy = path.with_suffix(".sed")
        copy.write_text(text, "utf-8")
        os.replace(copy, path)  # what sed -i does
        term.type(typed)  # the dialog opens within the first second of typing
        term.wait_for_text("Le fichier a changé sur le disque")
        on_disk = load_profile(path)
        assert on_disk.meta.organisation == "Le Fournil"  # never overwritten silently
        assert on_disk.execution.tone == tone
        term.send(["M-e"])  # « Écraser »: an explicit choice
        _until(lambda: load_profile(path).execution.tone != tone)
    assert load_profile(path).execution.tone == tone + typed


def test_numbers_typed_at_200_ms_a_key_are_read_whole(tmp_path: Path) -> None:
    path = _profile(tmp_path / "kpis.toml", "objectives.kpis", "fr")
    with app_in_tmux(path, tmp_path / "home", lang="fr") as term:
        term.wait_for_text("Quels indicateurs allez-vous suivre")
        # "24 0" and "12 5" are numbers on their way, not 24 of unit "0".
        term.type("Abonnés\t\t\t12 500\t24 000 €\tabonnés\t", rate=5)
        _until(lambda: load_profile(path).objectives.kpis[0].unit == "abonnés")
    (kpi,) = load_profile(path).objectives.kpis
    assert (kpi.name, kpi.baseline, kpi.target, kpi.unit) == ("Abonnés", 12500, 24000, "abonnés")


def test_fast_kpi_row_on_a_busy_machine(tmp_path: Path) -> None:
    path = _profile(tmp_path / "kpis.toml", "objectives.kpis")
    with app_in_tmux(path, tmp_path / "home") as term:
        term.wait_for_text("will you track")
        with cpu_burning_processes():
            # Name, two drop-downs passed over, baseline, target (which fills the unit),
            # the unit kept, the deadline; then a new row at once, typed into at once.
            term.type("Sales\t\t\t10\t45%\t\tT2 2027\t")
            term.send(["C-r"])
            term.type("Audit partners\t\t\t3\t12\tfirms\t30/09/2027")
        term.send(["Tab"])
        _until(lambda: len(load_profile(path).objectives.kpis) == 2)
    first, second = load_profile(path).objectives.kpis
    assert (first.name, first.baseline, first.target, first.unit) == ("Sales", 10, 45, "%")
    assert first.deadline is not None and first.deadline.isoformat() == "2027-06-30"
    assert (second.name, second.baseline, second.target, second.unit) == (
        "Audit partners",
        3,
        12,
        "firms",
    )
    assert second.deadline is not None and second.deadline.isoformat() == "2027-09-30"


def test_rows_added_while_typing_get_their_own_text(tmp_path: Path) -> None:
    path = _profile(tmp_path / "personas.toml", "personas")
    with app_in_tmux(path, tmp_path / "home") as term:
        term.wait_for_text("Name 1 to 4 personas")
        with cpu_burning_processes():
            for number, name in enumerate(("Small firms", "Audit partners", "Sole traders")):
                if number:
                    term.send(["C-r"])
                term.type(name)
        term.send(["Tab"])
        _until(lambda: len(load_profile(path).personas) == 3)
    assert [p.name for p in load_profile(path).personas] == [
        "Small firms",
        "Audit partners",
        "Sole traders",
    ]


def test_a_tab_after_a_drop_down_choice_is_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "kpi.toml"
    profile = Profile(lang="en", meta=Meta(organisation="Kiln", position="objectives.kpis"))
    profile.objectives.kpis = [Kpi(name="Orders")]
    save_profile(profile, path)
    with app_in_tmux(path, tmp_path / "home") as term:
        term.wait_for_text("will you track")
        with cpu_burning_processes():
            # Tab to the branch, open it, take its second entry (the first is "choose…"),
            # and go on typing at once.
            term.send(["Tab", "Enter", "Down", "Down", "Enter", "Tab", "Tab"])
            term.type("10000\t12000\torders\tJune 2027\t")
        _until(lambda: load_profile(path).objectives.kpis[0].deadline is not None)
    kpi = load_profile(path).objectives.kpis[0]
    assert kpi.branch is not None and kpi.branch.value == "product"
    assert (kpi.baseline, kpi.target, kpi.unit) == (10000, 12000, "orders")
    assert kpi.deadline is not None and kpi.deadline.isoformat() == "2027-06-30"


def test_pastes_with_escape_bytes_arrive_as_text(tmp_path: Path) -> None:
    path = _profile(tmp_path / "messages.toml", "execution.messages", "fr")
    coloured = "Le pain \x1b[1mgras\x1b[0m du jour\nligne 2"
    big = "\n".join(
        f"Ligne {n} \x1b[1;31mrouge\x1b[0m\tcolonne 😀 « é » \x1b[A\x1b[1;5P\x11 et la suite"
        for n in range(2000)
    )
    with app_in_tmux(path, tmp_path / "home", lang="fr") as term:
        term.wait_for_text("Quels sont vos messages clés")  # the prompt, not the sidebar
        term.paste(coloured, tmp_path)
        _until(lambda: load_profile(path).execution.messages == ["Le pain gras du jour", "ligne 2"])
        term.type("\n")
        term.paste(big, tmp_path)
        expected = [f"Ligne {n} rouge\tcolonne 😀 « é »  et la suite" for n in range(2000)]
        _until(lambda: load_profile(path).execution.messages[2:] == expected, 30)
        saved = load_profile(path)
        assert not saved.settings.coach_mode  # nothing in the paste was read as F3
        assert saved.meta.position == "execution.messages"  # nor as Ctrl+B
        assert term.running() and "⛓" in term.screen()  # nor as Ctrl+Q


@pytest.fixture(autouse=True)
def _no_recent_list_in_home(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir(exist_ok=True)


def test_a_line_appended_in_the_external_editor_is_a_line_of_its_own(tmp_path: Path) -> None:
    tone = "Chaleureux, sans jargon."
    path = _profile(tmp_path / "fournil.toml", "execution.tone", "fr", execution__tone=tone)
    # An "editor" that appends a line to the file it is given, as `cat >>` would.
    appender = 'sh -c \'printf "Jamais de points d’exclamation.\\n" >> "$1"\' editor'
    with app_in_tmux(path, tmp_path / "home", lang="fr", env={"VISUAL": appender}) as term:
        term.wait_for_text("ce que vous vous interdisez")
        term.send(["f4"])
        _until(lambda: load_profile(path).execution.tone != tone)
    assert load_profile(path).execution.tone == tone + "\nJamais de points d’exclamation."
