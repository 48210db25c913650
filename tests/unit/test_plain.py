"""Plain mode: the whole walk answered from piped lines, saved after each answer, no escapes."""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from alignment_tui.analysis.findings import rule_title
from alignment_tui.i18n import t
from alignment_tui.model.answers import set_answer
from alignment_tui.model.bank import load_bank
from alignment_tui.model.profile import LAYERS, Profile
from alignment_tui.plain import run_plain
from alignment_tui.store import ProfileLock, load_profile, save_profile

REPO = Path(__file__).resolve().parents[2]

# For each field of the built-in bank: the value a user means, and the lines they pipe in
# for it, in each language. A question whose field is not listed gets an empty line (skip).
Script = dict[str, tuple[Any, list[str]]]

PERSONAS_EN = [
    {
        "id": "urban-walkers",
        "name": "Urban walkers",
        "description": "Own two good pairs, walk to work",
    },
    {
        "id": "small-cobblers",
        "name": "Small cobblers",
        "description": "One-person shops, no website",
    },
]
PERSONAS_FR = [
    {
        "id": "citadins-marcheurs",
        "name": "Citadins marcheurs",
        "description": "Deux bonnes paires, vont au travail à pied",
    },
    {
        "id": "petits-cordonniers",
        "name": "Petits cordonniers",
        "description": "Boutiques d'une personne, sans site web",
    },
]


def _script(lang: str) -> Script:
    fr = lang == "fr"
    personas = PERSONAS_FR if fr else PERSONAS_EN
    axis_name = "Ateliers en ville" if fr else "Workshops in town"
    axis_id = "ateliers-en-ville" if fr else "workshops-in-town"

    def text(*lines: str) -> tuple[str, list[str]]:
        return "\n".join(lines), [*lines, "."]

    value_rows = [
        (
            "Réparer d'abord",
            "Ressemeler avant de vendre du neuf",
            "Refus d'un revendeur de mode jetable en 2025",
        )
        if fr
        else (
            "Repair first",
            "We resole before we sell new",
            "We turned down a fast-fashion reseller in 2025",
        ),
        ("Dire le vrai délai", "Un délai annoncé est tenu", "Un retard est signalé le jour même")
        if fr
        else (
            "Say the real lead time",
            "A quoted lead time is kept",
            "A delay is told the same day",
        ),
    ]
    return {
        "values.items": (
            [dict(zip(("name", "meaning", "behaviour"), row, strict=True)) for row in value_rows],
            [cell for row in value_rows for cell in row] + [""],
        ),
        "values.origin": text(
            "En 2019, une paire ressemelée trois fois."
            if fr
            else "In 2019, a pair resoled three times.",
            "",
            "Elle dure encore." if fr else "It still walks.",
        ),
        "values.horizon_years": (10, ["10 ans" if fr else "10 years"]),
        "vision.statement": text(
            "D'ici 2035, à Lyon, une chaussure sur deux est réparée plutôt que jetée."
            if fr
            else "By 2035, in Lyon, one shoe in two is repaired rather than thrown away."
        ),
        "personas": (
            personas,
            # name, id (empty: made from the name), description; an empty name ends.
            [
                *(personas[0]["name"], "", personas[0]["description"]),
                *(personas[1]["name"], "", personas[1]["description"]),
                "",
            ],
        ),
        "vision.beneficiaries": ([p["id"] for p in personas], ["1, 2"]),
        "vision.benefits": (["financial", "comfort"], ["financial, 3"]),
        "mission.statement": text("Nous ressemelons en 48 h." if fr else "We resole in 48 hours."),
        "mission.offer": text("Abonnement de ressemelage" if fr else "A resoling subscription"),
        "mission.plan": (
            ["Ouvrir deux ateliers", "Former quatre cordonniers"]
            if fr
            else ["Open two workshops", "Train four cobblers"],
            (
                ["Ouvrir deux ateliers", "", "Former quatre cordonniers", "."]
                if fr
                else ["Open two workshops", "", "Train four cobblers", "."]
            ),
        ),
        "mission.horizon_years": (7, ["7 ans" if fr else "7 years"]),
        "strategy.insight": text(
            "Les gens gardent leurs chaussures si la réparation est simple."
            if fr
            else "People keep shoes when repair is easy."
        ),
        "strategy.axes": (
            [
                {
                    "id": axis_id,
                    "name": axis_name,
                    "description": "Deux comptoirs" if fr else "Two counters",
                }
            ],
            [axis_name, "", "Deux comptoirs" if fr else "Two counters", ""],
        ),
        "objectives.horizon_months": (12, ["12 mois" if fr else "12 months"]),
        "objectives.kpis": (
            [
                {
                    "name": "Abonnements" if fr else "Subscriptions",
                    "branch": "financial",
                    "baseline": 120,
                    "target": 400,
                    "unit": "abonnés" if fr else "subscribers",
                    "deadline": date(2027, 6, 30),
                    "cadence": "monthly",
                    "owner": "Cheffe d'atelier" if fr else "Head of workshops",
                    "axis": axis_id,
                },
                {
                    "name": "NPS",
                    "branch": "reputation",
                    "target": 60,
                    "unit": "points",
                    "deadline": date(2027, 12, 31),
                    "cadence": "quarterly",
                },
            ],
            [
                # name, branch, axis, baseline, target, unit, deadline, cadence, owner
                *("Abonnements" if fr else "Subscriptions", "3", "1", "120", "400"),
                *("abonnés" if fr else "subscribers", "30/06/2027", "monthly"),
                "Cheffe d'atelier" if fr else "Head of workshops",
                # The unit comes with the target: an empty unit line keeps it.
                *("NPS", "reputation", "", "", "60 points", "", "T4 2027" if fr else "Q4 2027"),
                *("3", ""),
                "",
            ],
        ),
        "execution.value_proposition": text(
            "Vos chaussures, comme neuves, en 48 h." if fr else "Your shoes, as new, in 48 hours."
        ),
        "execution.budget": (
            {"amount": 24000, "currency": "EUR", "period": "year"},
            ["24 000 €" if fr else "24,000 €", "year"],  # amount, period
        ),
        "execution.channels": (
            [
                {
                    "name": "Flyers",
                    "persona": personas[0]["id"],
                    "timing": "mars" if fr else "March",
                    "budget_share": 0.25,
                },
                {"name": "Salon", "persona": personas[1]["id"], "budget_share": 0.75},
            ],
            [
                "Flyers",
                "1",
                "mars" if fr else "March",
                "25 %" if fr else "25%",
                "Salon",
                personas[1]["id"],
                "",
                "0,75" if fr else "0.75",
                "",
            ],
        ),
        "execution.messages": (
            ["Réparé en 48 h"] if fr else ["Repaired in 48 hours"],
            ["Réparé en 48 h" if fr else "Repaired in 48 hours", "."],
        ),
    }


def full_input(lang: str, bank_dir: str | None = None) -> tuple[str, dict[str, Any]]:
    """The stdin that answers the whole bank, and the value expected for each question id."""
    script = _script(lang)
    lines = ["Atelier Semelle", "Camille"]
    expected: dict[str, Any] = {}
    for question in load_bank(bank_dir).questions():
        if question.field in script:
            value, typed = script[question.field]
            lines.extend(typed)
            expected[question.id] = value
        else:
            lines.append("")
    return "\n".join(lines) + "\n", expected


def expected_profile(answers: dict[str, Any], bank_dir: str | None = None) -> Profile:
    bank = load_bank(bank_dir)
    profile = Profile()
    for qid, value in answers.items():
        set_answer(profile, bank.question(qid), value)
    return profile


def layers_of(profile: Profile) -> dict[str, Any]:
    """What the answers wrote: the layer sections, personas and custom answers."""
    data = profile.model_dump(mode="json")
    return {
        k: v
        for k, v in data.items()
        if k not in ("schema_version", "lang", "meta", "settings", "waivers", "notes")
    }


def plain(
    tmp_path: Path, text: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m alignment_tui`` with piped input; ``--plain`` unless ACCESSIBLE asks for it."""
    flag = [] if env and "ACCESSIBLE" in env else ["--plain"]
    return subprocess.run(
        [sys.executable, "-m", "alignment_tui", *flag, *args],
        input=text,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        timeout=30,
    )


def run_in_process(
    stdin: str, path: Path | None, lang: str = "en", bank: Path | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_plain(path, lang=lang, bank=bank, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# -- the whole walk, piped, in each language ------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_piped_walk_fills_the_whole_profile(tmp_path: Path, lang: str) -> None:
    stdin, answers = full_input(lang)
    result = plain(tmp_path, stdin, "--lang", lang, env={"ACCESSIBLE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    written = tmp_path / "atelier-semelle.toml"
    profile = load_profile(written)
    assert layers_of(profile) == layers_of(expected_profile(answers))
    assert profile.lang == lang
    assert (profile.meta.organisation, profile.meta.respondent) == ("Atelier Semelle", "Camille")
    assert profile.meta.created is not None and profile.meta.updated is not None
    # Every question left with an empty line is marked skipped, and only those.
    asked = {q.id for q in load_bank().questions()}
    assert set(profile.meta.skipped) == asked - answers.keys()
    assert "\x1b" not in result.stdout + result.stderr
    assert ("Terminé" if lang == "fr" else "Done.") in result.stdout
    assert ("Score d'alignement" if lang == "fr" else "Alignment score") in result.stdout
    assert (written.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_summary_reads_out_the_chain_link_by_link(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin, _ = full_input(lang)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_in_process(stdin, None, lang)
    assert code == 0
    summary = out[out.index(t("plain.summary_chain", lang)) :].splitlines()
    layer = {name: t(f"report.layer.{name}", lang) for name in LAYERS}
    for upper, lower in itertools.pairwise(LAYERS):
        start = "  " + t("report.link", lang, upper=layer[upper], lower=layer[lower])
        assert sum(line.startswith(start) for line in summary) == 1, start
    # The walk's answers leave the two lowest links broken, each named by its rule.
    broken = t("report.link_broken", lang, rules="")
    assert [line for line in summary if broken in line] == [
        line
        for line in summary
        if line.startswith(("  " + layer["strategy"], "  " + layer["objectives"]))
    ]
    assert rule_title("align.kpi_no_axis", lang) in out


def test_language_comes_from_the_profile_when_not_given(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(lang="fr"), path)
    code, out, _ = run_in_process("", path, lang="")
    assert code == 0
    assert "Couche 1 sur" in out and "Layer 1" not in out


# -- what a user at a keyboard would try -----------------------------------------------


def test_resume_keeps_answers_on_empty_lines_and_clears_on_dash(tmp_path: Path) -> None:
    stdin, _ = full_input("en")
    path = tmp_path / "p.toml"
    assert run_in_process(stdin, path)[0] == 0
    before = load_profile(path)
    questions = load_bank().questions()
    # Keep everything, except the vision statement, which is cleared.
    lines = ["-" if q.id == "vision.statement" else "" for q in questions]
    code, out, _ = run_in_process("\n".join(lines) + "\n", path)
    assert code == 0
    after = load_profile(path)
    assert after.vision.statement == ""
    assert "vision.statement" in after.meta.skipped
    after.vision.statement = before.vision.statement
    assert layers_of(after) == layers_of(before)
    assert "Current answer:" in out and "By 2035, in Lyon" in out


def test_end_of_input_mid_walk_keeps_every_answer_given(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    # Organisation, respondent, then the values rows and a text cut off before its ".".
    stdin = "Atelier\nme\nRepair first\nWe resole\nWe refused\n\nHalf a story\nwith two lines\n"
    code, out, _ = run_in_process(stdin, path)
    assert code == 0
    profile = load_profile(path)
    assert [v.name for v in profile.values.items] == ["Repair first"]
    assert profile.values.origin == "Half a story\nwith two lines"
    assert "End of input" in out and str(path) in out


def test_new_profile_is_named_after_the_organisation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "atelier-semelle.toml").write_text("taken", "utf-8")
    # An empty organisation is asked again: it names the file.
    code, out, _ = run_in_process("\nAtelier Semelle\n\n", None)
    assert code == 0
    assert "organisation's name is needed" in out
    profile = load_profile(tmp_path / "atelier-semelle-2.toml")
    assert profile.meta.organisation == "Atelier Semelle" and profile.meta.respondent == ""
    assert (tmp_path / "atelier-semelle.toml").read_text("utf-8") == "taken"


def test_unreadable_number_is_asked_again_with_the_expected_format(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    bank = load_bank()
    before = [q for q in bank.questions() if q.id != "values.horizon_years"]
    index = [q.id for q in bank.questions()].index("values.horizon_years")
    lines = [""] * index + ["forever", "ten years"]
    code, out, _ = run_in_process("\n".join(lines) + "\n", path)
    assert code == 0 and before
    assert "Expected a duration such as 10 years, a decade" in out
    assert load_profile(path).values.horizon_years == 10


def test_choice_by_number_value_or_label_and_bad_choice_reasked(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    ids = [q.id for q in load_bank().questions()]
    lines = [""] * ids.index("vision.benefits") + ["7", "Comfort, 1"]
    code, out, _ = run_in_process("\n".join(lines) + "\n", path)
    assert code == 0
    assert "Expected the number of an option (1 to 6)" in out
    assert [b.value for b in load_profile(path).vision.benefits] == ["financial", "comfort"]


def test_rows_can_be_added_after_the_existing_ones(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    profile.values.items = [{"name": "Repair first"}]  # type: ignore[list-item]
    save_profile(profile, path)
    code, out, _ = run_in_process("+\nSay it straight\nMeaning\nBehaviour\n\n", path)
    assert code == 0
    assert [v.name for v in load_profile(path).values.items] == ["Repair first", "Say it straight"]
    assert "1 row is there now" in out


def test_ctrl_c_keeps_what_was_saved(tmp_path: Path) -> None:
    class Interrupting(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if not line:
                raise KeyboardInterrupt
            return line

    path = tmp_path / "p.toml"
    out = io.StringIO()
    stdin = Interrupting("Atelier\nme\nRepair first\nWe resole\nWe refused\n\n")
    code = run_plain(path, lang="en", stdin=stdin, stdout=out, stderr=io.StringIO())
    assert code == 130
    assert [v.name for v in load_profile(path).values.items] == ["Repair first"]
    assert "Interrupted" in out.getvalue()
    assert not (tmp_path / ".p.toml.lock").exists()


# -- bad input: one line, exit 2, nothing touched --------------------------------------


def test_broken_profile_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema_version = 1\nlang = [\n", "utf-8")
    result = plain(tmp_path, "", str(path), "--lang", "en")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "broken.toml" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text("utf-8") == "schema_version = 1\nlang = [\n"


def test_bad_bank_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "values.toml").write_text('layer = "values"\n', "utf-8")
    code, out, err = run_in_process("", tmp_path / "p.toml", bank=bank)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "values.toml" in err
    assert not (tmp_path / "p.toml").exists()


def test_profile_open_elsewhere_opens_read_only_as_in_the_tui(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    before = path.read_bytes()
    with ProfileLock(path) as lock:
        assert lock.held
        code, out, err = run_in_process("Anything\n.\n", path)
    assert code == 0 and err == ""
    assert "open in another window" in out and "read-only" in out
    assert f"Nothing was saved: {path} is open in another window." in out
    assert path.read_bytes() == before


def test_no_escape_sequence_even_from_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    profile.vision.statement = "Red \x1b[31malert\x1b[0m and a bell \x07"
    save_profile(profile, path)
    result = plain(tmp_path, "\n" * 40, str(path), "--lang", "en", env={"ACCESSIBLE": "1"})
    assert result.returncode == 0
    assert "Red alert and a bell" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "error", "suggestion"),
    [("en", "1. Error: ", "Suggestion: "), ("fr", "1. Erreur\u202f: ", "Suggestion\u202f: ")],
)
def test_findings_are_read_out_after_the_answer(
    tmp_path: Path, lang: str, error: str, suggestion: str
) -> None:
    path = tmp_path / "p.toml"
    save_profile(Profile(lang=lang), path)
    # Values that are only a generic one-word virtue miss the layer's core criterion.
    code, out, _ = run_in_process("Integrity\n\n\n\n", path, lang=lang)
    assert code == 0
    answer_part = out.split("Integrity", 1)[1]
    assert error in answer_part and suggestion in answer_part
    remark = next(line for line in answer_part.splitlines() if line.startswith("1. "))
    assert "Integrity" in remark or "values" in remark


CUSTOM_QUESTION = """
[[question]]
id = "acme.signature"
kind = "text"
prompt.fr = "Quelle phrase signe vos devis ?"
prompt.en = "Which sentence signs your quotes?"
help.fr = "Celle que vos clients retiennent."
help.en = "The one your clients remember."
example_vague.fr = "Merci de votre confiance."
example_vague.en = "Thank you for your trust."
example_specific.fr = "Réparé en 48 h, ou le ressemelage suivant est offert."
example_specific.en = "Repaired in 48 hours, or the next resoling is free."
probes.fr = ["Qui l'a écrite ?", "Depuis quand ?"]
probes.en = ["Who wrote it?", "Since when?"]
"""


def test_custom_bank_question_goes_in_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from alignment_tui.model.bank import builtin_bank_dir

    bank = tmp_path / "bank"
    shutil.copytree(builtin_bank_dir(), bank)
    with (bank / "values.toml").open("a", encoding="utf-8") as handle:
        handle.write(CUSTOM_QUESTION)
    monkeypatch.chdir(tmp_path)
    ids = [q.id for q in load_bank(bank).questions()]
    lines = ["Acme", "me"] + [""] * ids.index("acme.signature")
    lines += ["Repaired in 48 hours,", "or the next resoling is free.", "."]
    code, out, _ = run_in_process("\n".join(lines) + "\n", None, bank=bank)
    assert code == 0 and "Which sentence signs your quotes?" in out
    profile = load_profile(tmp_path / "acme.toml")
    assert profile.answers == {
        "acme.signature": "Repaired in 48 hours,\nor the next resoling is free."
    }
    assert profile.meta.bank == str(bank.resolve())


def test_current_answers_are_shown_as_people_write_them(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile(lang="fr")
    profile.values.horizon_years = 10
    profile.vision.benefits = ["comfort"]  # type: ignore[list-item]
    profile.execution.channels = [{"name": "Flyers", "budget_share": 0.25}]  # type: ignore[list-item]
    save_profile(profile, path)
    code, out, _ = run_in_process("\n" * 40, path, lang="fr")
    assert code == 0
    assert "  10 ans\n" in out and "  - confort\n" in out
    assert "  - nom : Flyers; part du budget : 25" in out
    assert load_profile(path).vision.benefits == profile.vision.benefits


def test_ctrl_c_in_the_middle_of_a_text_keeps_the_lines_typed(tmp_path: Path) -> None:
    class InterruptAfter(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if not line:
                raise KeyboardInterrupt
            return line

    path = tmp_path / "p.toml"
    save_profile(Profile(), path)
    stdin = InterruptAfter("\nIt started in 2019\nwith a broken heel\n")
    out = io.StringIO()
    code = run_plain(path, lang="en", stdin=stdin, stdout=out, stderr=io.StringIO())
    assert code == 130
    assert load_profile(path).values.origin == "It started in 2019\nwith a broken heel"


def test_coach_mode_reads_out_the_probes(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = Profile()
    profile.settings.coach_mode = True
    save_profile(profile, path)
    code, out, _ = run_in_process("\n", path)
    assert code == 0
    first = load_bank().questions()[0]
    assert "Coach probes" in out and all(p in out for p in first.probes("en"))


def test_bytes_that_are_not_utf8_do_not_crash(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "alignment_tui", "--plain", "--lang", "fr"],
        input="Caf\xe9 Lumi\xe8re\nmoi\n".encode("latin-1"),
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    [written] = tmp_path.glob("*.toml")
    assert load_profile(written).meta.organisation.startswith("Caf")
