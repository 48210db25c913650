"""``alignment-tui check``: text and JSON output, --min-severity, several files, exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alignment_tui.cli import main
from alignment_tui.model.profile import Kpi, Profile, Waiver
from alignment_tui.store import load_profile, save_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ALIGNED_FR = str(EXAMPLES / "aligned-fr-atelier-semelle.toml")
ALIGNED_EN = str(EXAMPLES / "aligned-en-two-ovens-bakery.toml")
MISALIGNED_FR = str(EXAMPLES / "misaligned-fr-cycles-hirondelle.toml")
MISALIGNED_EN = str(EXAMPLES / "misaligned-en-ledgerline.toml")
FINDING_KEYS = {
    "rule",
    "severity",
    "where",
    "related",
    "start",
    "end",
    "text",
    "message",
    "suggestion",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _error_profile(tmp_path: Path) -> str:
    profile = load_profile(ALIGNED_EN)
    profile.objectives.kpis.append(Kpi(name="Happier customers", axis="preorder"))
    path = tmp_path / "made.toml"
    save_profile(profile, path)
    return str(path)


def test_aligned_examples_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, ALIGNED_FR, ALIGNED_EN)
    assert code == 0
    summaries = [line for line in out.splitlines() if "/100" in line]
    assert len(summaries) == 2
    assert "score" in summaries[0] and "valeurs" in summaries[0]  # each file in its own language
    assert "values" in summaries[1]


def test_error_made_in_a_profile_exits_1_with_the_line_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _error_profile(tmp_path)
    code, out, _ = run(capsys, path)
    assert code == 1
    lines = out.splitlines()
    # The KPI has no target key: the finding sits on its row, the fourth [[objectives.kpis]].
    text = Path(path).read_text(encoding="utf-8").split("\n")
    row = [n for n, line in enumerate(text, 1) if line == "[[objectives.kpis]]"][3]
    i = lines.index(
        f"{path}:{row}:1: objectives.kpis[3].target: kpi.no_number error "
        "The KPI 'Happier customers' has no target number."
    )
    assert lines[i + 1].strip().startswith("→ Set the value you want to reach")
    assert lines[-1].startswith(f"{path}: score ")
    assert "1 error," in lines[-1] and "error(s)" not in lines[-1]


def test_misaligned_examples_exit_1_and_name_both_ends(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, MISALIGNED_EN)
    assert code == 1
    lines = out.splitlines()
    kpi = next(line for line in lines if "align.kpi_no_axis" in line)
    assert "'LinkedIn followers'" in kpi and "'The Friday close'" in kpi
    channel = next(line for line in lines if "align.channel_unknown_persona" in line)
    assert "execution.channels[2].persona" in channel and "'Instagram'" in channel
    assert "'startup founders'" in channel
    code, out, _ = run(capsys, MISALIGNED_FR)
    assert code == 1
    assert "«\u00a0Abonnés Instagram\u00a0»" in out and "«\u00a0Atelier express\u00a0»" in out


def test_json_has_the_exact_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, MISALIGNED_FR, ALIGNED_EN, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["files"]
    first, second = data["files"]
    assert set(first) == {"path", "score", "layer_scores", "findings", "waived"}
    assert first["path"] == MISALIGNED_FR
    assert isinstance(first["score"], int) and 0 <= first["score"] <= 100
    assert list(first["layer_scores"]) == [
        "values",
        "vision",
        "mission",
        "strategy",
        "objectives",
        "execution",
    ]
    assert all(isinstance(v, int) for v in first["layer_scores"].values())
    for f in first["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["severity"] in ("info", "warning", "error")
        assert isinstance(f["related"], list)
    horizons = next(f for f in first["findings"] if f["rule"] == "align.horizons")
    assert horizons["where"] == "strategy.horizon_years"
    assert horizons["related"] == ["mission.horizon_years"]
    assert horizons["start"] is None and horizons["end"] is None
    assert second["findings"] == [] or all(f["severity"] != "error" for f in second["findings"])


def test_waived_findings_go_in_waived_never_in_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = load_profile(ALIGNED_EN)
    profile.objectives.kpis.append(Kpi(name="Happier customers", axis="preorder"))
    profile.waivers = [
        Waiver(
            rule="kpi.no_number",
            where="objectives.kpis[3].target",
            reason="qualitative",
            by="coach",
        )
    ]
    path = tmp_path / "waived.toml"
    save_profile(profile, path)
    code, out, _ = run(capsys, str(path), "--format", "json")
    (entry,) = json.loads(out)["files"]
    assert "kpi.no_number" in [f["rule"] for f in entry["waived"]]
    assert "kpi.no_number" not in [f["rule"] for f in entry["findings"]]
    assert code == 0  # the only error was waived
    code, out, _ = run(capsys, str(path))
    assert "1 waived" in out


def test_min_severity_filters_output_not_exit_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, MISALIGNED_EN, "--min-severity", "error")
    finding_lines = [line for line in out.splitlines() if ": " in line and "/100" not in line]
    finding_lines = [line for line in finding_lines if not line.startswith(" ")]
    assert finding_lines and all(" error " in line for line in finding_lines)
    assert code == 1
    path = _error_profile(tmp_path)
    code, out, _ = run(capsys, path, "--min-severity", "error", "--format", "json")
    assert code == 1
    assert {f["severity"] for f in json.loads(out)["files"][0]["findings"]} == {"error"}


def test_unreadable_file_exits_2_and_the_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\nlang = \n", encoding="utf-8")
    code, out, err = run(capsys, str(broken), MISALIGNED_EN, str(tmp_path / "absent.toml"))
    assert code == 2
    assert f"{MISALIGNED_EN}: score" in out
    err_lines = err.strip().splitlines()
    assert len(err_lines) == 2
    assert err_lines[0].startswith(f"{broken}:2:")
    assert "absent.toml" in err_lines[1]
    assert "Traceback" not in err


def test_dropped_waiver_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    profile = load_profile(ALIGNED_EN)
    profile.waivers = [
        Waiver(rule="kpi.no_number", where="objectives.kpis[0].target", reason="old")
    ]
    path = tmp_path / "stale.toml"
    save_profile(profile, path)
    code, out, _ = run(capsys, str(path))
    assert code == 0
    text = path.read_text(encoding="utf-8").split("\n")
    line = text.index("[[waivers]]") + 1
    assert (
        f"{path}:{line}:1: objectives.kpis[0].target: kpi.no_number: this waiver no longer matches"
        in out
    )
    code, out, err = run(capsys, str(path), "--format", "json")
    assert json.loads(out)["files"][0]["waived"] == []
    assert "kpi.no_number" in err


def test_lang_option_changes_messages(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, MISALIGNED_EN, "--lang", "fr")
    assert "L’indicateur «\u00a0LinkedIn followers\u00a0»" in out
    assert re.search(r"; \d+ erreurs?, \d+ avertissements, \d+ conseils", out) and "(s)" not in out


def test_settings_in_the_file_are_honoured(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = load_profile(MISALIGNED_EN)
    profile.settings.disabled_rules = ["channel.no_persona", "align.*"]
    path = tmp_path / "quiet.toml"
    save_profile(profile, path)
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert "align." not in out and "channel.no_persona" not in out


def test_many_profiles_in_one_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = []
    for i in range(60):
        target = tmp_path / f"p{i}.toml"
        shutil.copy(ALIGNED_EN if i % 2 else MISALIGNED_FR, target)
        paths.append(str(target))
    code, out, _ = run(capsys, *paths)
    assert code == 1
    assert sum("/100" in line for line in out.splitlines()) == 60


def test_help_has_an_example_and_the_real_command_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "alignment_tui", "check", ALIGNED_EN, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"][0]["path"] == ALIGNED_EN
    helped = subprocess.run(
        [sys.executable, "-m", "alignment_tui", "check", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "--min-severity" in helped.stdout and "alignment-tui check" in helped.stdout


def test_an_incomplete_profile_does_not_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No value, no KPI, no budget, no channel: the layers have no core, and check fails."""
    path = tmp_path / "new.toml"
    save_profile(Profile(lang="en"), path)
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert "profile.core_missing" in out and "profile.missing" in out
    # Values and vision filled, but no KPI, no budget and no channel: still not a plan.
    profile = load_profile(ALIGNED_EN)
    profile.objectives.kpis = []
    profile.execution.channels = []
    profile.execution.budget.amount = None
    save_profile(profile, path)
    code, out, _ = run(capsys, str(path), "--format", "json")
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    errors = {f["where"] for f in findings if f["severity"] == "error"}
    assert {"objectives.kpis", "execution.budget", "execution.channels"} <= errors
    assert "profile.core_missing" in {f["rule"] for f in findings}


def test_text_findings_quote_the_offending_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, MISALIGNED_EN, "--format", "json")
    quoted = [f for f in json.loads(out)["files"][0]["findings"] if f["text"].strip()]
    assert quoted, "the misaligned example has vague words"
    _, out, _ = run(capsys, MISALIGNED_EN)
    lines = out.splitlines()
    for f in quoted:
        head = re.compile(
            rf"{re.escape(MISALIGNED_EN)}:\d+:\d+: {re.escape(f['where'])}: "
            rf"{re.escape(f['rule'])} {f['severity']} "
        )
        line = next(x for x in lines if head.match(x) and f["message"] in x)
        assert " ".join(f["text"].split())[:60] in line
