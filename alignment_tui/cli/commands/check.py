"""``alignment-tui check``: analyse profiles, print findings as text, JSON or SARIF, exit 0/1/2."""

from __future__ import annotations

import argparse
from typing import Any

from alignment_tui.cli.commands.checking import (
    Checked,
    Located,
    check_files,
    dropped_waivers,
    finding_message,
    looks_like_profile,
)
from alignment_tui.i18n import Lang, t
from alignment_tui.output import emit, flush_stdout, say_error
from alignment_tui.safe_text import json_text, one_line

_LEVELS = ("info", "warning", "error")
FORMATS = ("text", "json", "sarif")


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "profiles", nargs="+", metavar="PROFILE.toml", help=t("check.arg.profiles", lang)
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=t("check.arg.format", lang)
    )
    parser.add_argument(
        "--min-severity",
        choices=_LEVELS,
        default="info",
        metavar="LEVEL",
        help=t("check.arg.min_severity", lang) + " (info, warning, error)",
    )
    parser.add_argument(
        "--only-profiles", action="store_true", help=t("check.arg.only_profiles", lang)
    )


def _at_least(located: list[Located], floor: int) -> list[Located]:
    return [x for x in located if _LEVELS.index(str(x.finding.severity)) >= floor]


def run(args: argparse.Namespace, lang: Lang) -> int:
    floor = _LEVELS.index(args.min_severity)
    paths = list(args.profiles)
    if args.only_profiles:
        paths = [p for p in paths if looks_like_profile(p)]
    status = 0
    checked: list[Checked] = []
    out: list[str] = []
    for done in check_files(paths, args.lang, lang):
        if done.result is None:
            _flush(out)
            say_error(done.error or "")
            status = 2
        elif status == 0 and any(str(f.severity) == "error" for f in done.result.findings):
            status = 1
        if args.format != "text":
            checked.append(done)
            for line, _ in dropped_waivers(done):
                say_error(line)
        elif done.result is not None:
            out.extend(_text(done, floor))
            if len(out) > 2000:
                _flush(out)
    if args.format == "json":
        files = [_json(done, floor) for done in checked if done.result is not None]
        emit(json_text({"files": files}) + "\n")
    elif args.format == "sarif":
        # lazy: only --format sarif needs it
        from alignment_tui.cli.commands.check_sarif import sarif_log

        log = sarif_log(checked, floor=floor, lang=_rules_lang(args.lang, checked, lang))
        emit(json_text(log) + "\n")
    else:
        _flush(out)
    return status


def _rules_lang(cli_lang: str | None, checked: list[Checked], lang: Lang) -> Lang:
    """The language of the rules' texts in SARIF: ``--lang``, else the first profile's."""
    if cli_lang in ("fr", "en"):
        return cli_lang  # type: ignore[return-value]
    return next((done.lang for done in checked if done.result is not None), lang)


def _json(done: Checked, floor: int) -> dict[str, Any]:
    assert done.result is not None
    return {
        "path": done.path,
        "score": done.result.score,
        "layer_scores": dict(done.result.layer_scores),
        "findings": [x.finding.to_json() for x in _at_least(done.findings, floor)],
        "waived": [x.finding.to_json() for x in _at_least(done.waived, floor)],
    }


def _text(done: Checked, floor: int) -> list[str]:
    result, ui, path = done.result, done.lang, done.path
    assert result is not None
    lines: list[str] = []
    for located in _at_least(done.findings, floor):
        f, at = located.finding, located.region
        lines.append(
            f"{path}:{at.start_line}:{at.start_column}: {f.where}: {f.rule_id} {f.severity} "
            + finding_message(f, ui)
        )
        if f.suggestion:
            lines.append(t("check.suggestion", ui, suggestion=f.suggestion))
    counts = {level: sum(str(f.severity) == level for f in result.findings) for level in _LEVELS}
    layers = ", ".join(
        t("check.layer", ui, name=t(f"check.layer_names.{name}", ui), score=score)
        for name, score in result.layer_scores.items()
    )
    summary = t(
        "check.summary",
        ui,
        path=path,
        score=result.score,
        layers=layers,
        errors=t("check.n_errors", ui, count=counts["error"]),
        warnings=t("check.n_warnings", ui, count=counts["warning"]),
        infos=t("check.n_infos", ui, count=counts["info"]),
        waived=t("check.n_waived", ui, count=len(result.waived)),
    )
    return [*lines, *(line for line, _ in dropped_waivers(done)), summary]


def _flush(lines: list[str]) -> None:
    """Print the lines gathered, each on one line whatever the texts quoted in it hold."""
    if lines:
        emit("\n".join(one_line(line) for line in lines) + "\n")
        flush_stdout()  # before an error line on stderr, so the two read in order
        lines.clear()
