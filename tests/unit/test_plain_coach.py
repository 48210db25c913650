"""Plain mode for a coached hour: worst first, revise, notes and waivers, wrapping, resuming."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from alignment_tui.plain import run_plain
from alignment_tui.store import load_profile, save_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALIGNED = {"en": "aligned-en-two-ovens-bakery", "fr": "aligned-fr-atelier-semelle"}
VAGUE = {
    "en": "Become the undisputed leader of innovative solutions for everyone.",
    "fr": "Devenir le leader incontournable des solutions innovantes pour tous.",
}
BETTER = {
    "en": "By 2036, every household in Sheffield lives within a ten-minute walk of bread "
    "baked that morning.",
    "fr": "D'ici 2035, à Lyon, une paire de chaussures sur deux est réparée plutôt que "
    "jetée, à moins de dix minutes à pied de chez soi.",
}
KEYS = {"en": ("r", "n", "w"), "fr": ("r", "n", "d")}


def _run(path: Path, stdin: str, lang: str, *, width: int | None = None) -> str:
    out = io.StringIO()
    code = run_plain(
        path,
        lang=lang,
        stdin=io.StringIO(stdin),
        stdout=out,
        stderr=io.StringIO(),
        interactive=True,
        width=width,
    )
    assert code == 0
    return out.getvalue()


def _profile(tmp_path: Path, lang: str, *, coach: bool = False) -> Path:
    path = tmp_path / "p.toml"
    p = load_profile(EXAMPLES / f"{ALIGNED[lang]}.toml")
    p.vision.statement = ""  # the first question without an answer
    p.settings.coach_mode = coach
    p.notes = {}
    save_profile(p, path)
    return path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_resumes_at_the_first_unanswered_question_and_offers_to_revise(
    tmp_path: Path, lang: str
) -> None:
    path = _profile(tmp_path, lang)
    revise = KEYS[lang][0]
    out = _run(path, f"{VAGUE[lang]}\n.\n{revise}\n{BETTER[lang]}\n.\n\n", lang)
    first_prompt = out.index("---")  # the first question heading
    assert "vision" in out[first_prompt : first_prompt + 400].casefold() or "Vision" in out
    # the values were not asked again
    assert out.count("---") < 10
    assert {"en": "resuming at the first one without", "fr": "reprise à la première"}[lang] in out
    assert load_profile(path).vision.statement == BETTER[lang]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_findings_are_read_worst_first_and_numbered(tmp_path: Path, lang: str) -> None:
    path = _profile(tmp_path, lang)
    out = _run(path, f"{VAGUE[lang]}\n.\n\n", lang)
    block = out.split(VAGUE[lang], 2)[-1]
    numbered = re.findall(r"^(\d+)\. (\w+)", block, flags=re.M)
    assert [int(n) for n, _ in numbered] == list(range(1, len(numbered) + 1))
    order = {"en": ["Error", "Warning", "Hint"], "fr": ["Erreur", "Attention", "Conseil"]}[lang]
    ranks = [order.index(sev) for _, sev in numbered if sev in order]
    assert ranks == sorted(ranks) and len(ranks) >= 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_in_coach_mode_a_note_and_a_waiver_can_be_taken(tmp_path: Path, lang: str) -> None:
    path = _profile(tmp_path, lang, coach=True)
    _, note, waive = KEYS[lang]
    stdin = f"{VAGUE[lang]}\n.\n{note}\nAsk who 'everyone' is.\n{waive}\n1\nTheir own slogan\n\n"
    out = _run(path, stdin, lang)
    saved = load_profile(path)
    assert saved.notes["vision.statement"] == "Ask who 'everyone' is."
    assert len(saved.waivers) == 1 and saved.waivers[0].by == "coach"
    assert saved.waivers[0].reason == "Their own slogan"
    assert {"en": "Waived, as the coach's", "fr": "Acceptée, au nom du coach"}[lang] in out


def test_piped_input_is_never_asked_to_revise(tmp_path: Path) -> None:
    path = _profile(tmp_path, "en", coach=True)
    out = io.StringIO()
    run_plain(
        path,
        lang="en",
        stdin=io.StringIO("\n" * 5 + f"{VAGUE['en']}\n.\n"),
        stdout=out,
        stderr=io.StringIO(),
    )
    assert "r: revise" not in out.getvalue()


def test_long_lines_wrap_to_the_terminal_width(tmp_path: Path) -> None:
    path = _profile(tmp_path, "en")
    out = _run(path, f"{VAGUE['en']}\n.\n\n", "en", width=50)
    lines = out.splitlines()
    too_long = [line for line in lines if len(line) > 50 and " " in line.strip()]
    assert too_long == [] or all(VAGUE["en"] in line for line in too_long)
    # a remark's continuation hangs under its text
    assert any(line.startswith("   ") for line in lines)
