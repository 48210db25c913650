"""``alignment-tui check``: analyse profiles, print findings as text or JSON, exit 0/1/2."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alignment_tui.analysis.findings import Finding, ProfileResult
from alignment_tui.commands.output import (
    debugging,
    emit,
    flush_stdout,
    internal_error,
    say_error,
)
from alignment_tui.i18n import Lang, normalise_lang, t
from alignment_tui.safe_text import json_text, one_line

_LEVELS = ("info", "warning", "error")
# Below this many files one process is quicker than starting workers.
_PARALLEL_FROM = 48

Outcome = tuple[str, str | None, Lang, ProfileResult | None]


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "profiles", nargs="+", metavar="PROFILE.toml", help=t("check.arg.profiles", lang)
    )
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help=t("check.arg.format", lang)
    )
    parser.add_argument(
        "--min-severity",
        choices=_LEVELS,
        default="info",
        metavar="LEVEL",
        help=t("check.arg.min_severity", lang) + " (info, warning, error)",
    )


def check_file(path: str, cli_lang: str | None, lang: Lang) -> Outcome:
    """Load and analyse one file: (path, one-line error or None, language, result)."""
    from alignment_tui.analysis.profile import analyze_profile, profile_lang
    from alignment_tui.store import ProfileError, load_profile

    try:
        profile = load_profile(Path(path))
    except ProfileError as exc:
        return path, exc.message(normalise_lang(cli_lang) if cli_lang else lang), lang, None
    ui = normalise_lang(cli_lang or profile.lang or profile_lang(profile))
    try:
        return path, None, ui, analyze_profile(profile, ui_lang=ui)
    except Exception as exc:
        # A bug met on one file: said for that file, and the other files are still checked.
        if debugging():
            raise
        return path, f"{path}: {internal_error(exc, ui)}", ui, None


def _outcomes(paths: list[str], cli_lang: str | None, lang: Lang) -> Iterator[Outcome]:
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) < _PARALLEL_FROM or workers < 2:
        for path in paths:
            yield check_file(path, cli_lang, lang)
        return
    from concurrent.futures import ProcessPoolExecutor

    n = len(paths)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(check_file, paths, [cli_lang] * n, [lang] * n, chunksize=16)


def _at_least(findings: list[Finding], floor: int) -> list[Finding]:
    return [f for f in findings if _LEVELS.index(str(f.severity)) >= floor]


def run(args: argparse.Namespace, lang: Lang) -> int:
    floor = _LEVELS.index(args.min_severity)
    status = 0
    files: list[dict[str, Any]] = []
    out: list[str] = []
    for path, error, ui, result in _outcomes(list(args.profiles), args.lang, lang):
        if result is None:
            _flush(out)
            say_error(error or "")
            status = 2
            continue
        if status == 0 and any(str(f.severity) == "error" for f in result.findings):
            status = 1
        dropped = [
            t("check.dropped", ui, path=path, where=where, rule=rule)
            for rule, where in result.dropped_waivers
        ]
        if args.format == "json":
            files.append(_json(path, result, floor))
            for line in dropped:
                say_error(line)
            continue
        out.extend(_text(path, result, floor, ui))
        out[-1:-1] = dropped  # just above the file's summary line
        if len(out) > 2000:
            _flush(out)
    if args.format == "json":
        emit(json_text({"files": files}) + "\n")
    else:
        _flush(out)
    return status


def _json(path: str, result: ProfileResult, floor: int) -> dict[str, Any]:
    return {
        "path": path,
        "score": result.score,
        "layer_scores": dict(result.layer_scores),
        "findings": [f.to_json() for f in _at_least(result.findings, floor)],
        "waived": [f.to_json() for f in _at_least(result.waived, floor)],
    }


def _text(path: str, result: ProfileResult, floor: int, ui: Lang) -> list[str]:
    lines: list[str] = []
    for f in _at_least(result.findings, floor):
        message = f.message
        if f.text and f.text.strip() not in message:
            message = t("check.quote", ui, message=message, text=_short(f.text))
        lines.append(f"{path}: {f.where}: {f.rule_id} {f.severity} {message}")
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
    return [*lines, summary]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"


def _flush(lines: list[str]) -> None:
    """Print the lines gathered, each on one line whatever the texts quoted in it hold."""
    if lines:
        emit("\n".join(one_line(line) for line in lines) + "\n")
        flush_stdout()  # before an error line on stderr, so the two read in order
        lines.clear()
