"""``check --format sarif``: the findings as a SARIF 2.1.0 log, for code scanning in CI.

Each result sits on the line and column of the answer in the TOML file (on the words
themselves when the finding is about words); waived findings are results with an
in-source suppression carrying the waiver's reason; the rules come from the registry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alignment_tui.analysis.findings import RuleInfo
from alignment_tui.cli.commands.checking import Checked, Located, dropped_waivers, finding_message
from alignment_tui.i18n import Lang, t
from alignment_tui.store.locate import Region

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVELS = ("info", "warning", "error")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_FINGERPRINT = "alignmentFinding/v1"


def rules_metadata() -> dict[str, RuleInfo]:
    """The rules, with their titles, help and severities, from the rule registry."""
    # lazy: the rule registry, only when SARIF is written
    from alignment_tui.report.rules import rule_registry

    return rule_registry()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("alignment-tui")
    except PackageNotFoundError:
        return "0"


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning reads it from the repository root)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _descriptor(rule: RuleInfo, lang: Lang) -> dict[str, Any]:
    examples = rule.examples.get(lang, ())
    fires = [e.text for e in examples if e.fires]
    quiet = [e.text for e in examples if not e.fires]
    why = t("check.sarif.why", lang, why=rule.why[lang])
    text = [rule.catches[lang], why]
    markdown = [rule.catches[lang], why]
    labelled = ((t("check.sarif.fires", lang), fires), (t("check.sarif.quiet", lang), quiet))
    for label, texts in labelled:
        if texts:
            text.append(label + " " + " / ".join(texts))
            markdown.append(
                label + "\n" + "\n".join(f"- `{x.replace('`', chr(39))}`" for x in texts)
            )
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.title[lang]},
        "fullDescription": {"text": rule.catches[lang]},
        "help": {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[str(rule.severity)]},
        "properties": {"tags": list(dict.fromkeys((rule.family, *rule.layers)))},
    }


def _region(region: Region, snippet: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {
        "startLine": region.start_line,
        "startColumn": region.start_column,
        "endLine": region.end_line,
        "endColumn": max(region.end_column, region.start_column + 1)
        if region.end_line == region.start_line
        else region.end_column,
    }
    if snippet:
        out["snippet"] = {"text": snippet}
    return out


def _physical(uri: str, index: int, region: Region, snippet: str = "") -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "index": index},
            "region": _region(region, snippet),
        }
    }


def _result(
    located: Located,
    uri: str,
    index: int,
    rule_index: dict[str, int],
    lang: Lang,
    seen: dict[str, int],
) -> dict[str, Any]:
    f = located.finding
    message = finding_message(f, lang)
    if f.suggestion:
        message += "\n" + t("check.sarif.suggestion", lang, suggestion=f.suggestion)
    location = _physical(uri, index, located.region, f.text)
    location["logicalLocations"] = [{"fullyQualifiedName": f.where or "/", "kind": "member"}]
    key = f"{f.rule_id}|{f.where}|{f.text}"
    seen[key] = seen.get(key, 0) + 1
    digest = hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()[:32]
    out: dict[str, Any] = {
        "ruleId": f.rule_id,
        "level": _SARIF_LEVEL[str(f.severity)],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {_FINGERPRINT: digest},
    }
    if f.rule_id in rule_index:
        out["ruleIndex"] = rule_index[f.rule_id]
    if f.related:
        out["relatedLocations"] = [
            {**_physical(uri, index, region), "id": n, "message": {"text": where}}
            for n, (where, region) in enumerate(zip(f.related, located.related, strict=True), 1)
        ]
    if located.waiver is not None or located.reason:
        suppression: dict[str, Any] = {"kind": "inSource", "status": "accepted"}
        if located.reason:
            suppression["justification"] = located.reason
        if located.waiver is not None:
            suppression["location"] = _physical(uri, index, located.waiver)
        out["suppressions"] = [suppression]
    return out


def _notification(text: str, level: str, uri: str, index: int, region: Region | None) -> Any:
    note: dict[str, Any] = {"level": level, "message": {"text": text}}
    if region is not None:
        note["locations"] = [_physical(uri, index, region)]
    return note


def sarif_log(checked: Sequence[Checked], *, floor: int, lang: Lang) -> dict[str, Any]:
    """One SARIF run for every file checked; results below ``floor`` are left out."""
    rules = sorted(rules_metadata().values(), key=lambda r: r.id)
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for index, done in enumerate(checked):
        uri = artifact_uri(done.path)
        artifacts.append(
            {"location": {"uri": uri}, "roles": ["analysisTarget"], "sourceLanguage": "toml"}
        )
        if done.result is None:
            notes.append(_notification(done.error or "", "error", uri, index, done.error_region))
            continue
        seen: dict[str, int] = {}
        for located in [*done.findings, *done.waived]:
            if _LEVELS.index(str(located.finding.severity)) >= floor:
                results.append(_result(located, uri, index, rule_index, done.lang, seen))
        for text, region in dropped_waivers(done):
            notes.append(_notification(text, "warning", uri, index, region))
    invocation: dict[str, Any] = {
        "executionSuccessful": all(done.result is not None for done in checked)
    }
    if notes:
        invocation["toolExecutionNotifications"] = notes
    driver = {
        "name": "alignment-tui",
        "version": _version(),
        "semanticVersion": _version(),
        "language": lang,
        "rules": [_descriptor(rule, lang) for rule in rules],
    }
    run = {
        "tool": {"driver": driver},
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "invocations": [invocation],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
