"""``alignment-tui check``: analyse profiles, print findings as text or JSON, exit 0/1/2."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from alignment_tui.commands.common import try_load
from alignment_tui.i18n import Lang, normalise_lang, t

_LEVELS = ("info", "warning", "error")


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


def run(args: argparse.Namespace, lang: Lang) -> int:
    from alignment_tui.analysis.profile import analyze_profile, profile_lang

    floor = _LEVELS.index(args.min_severity)
    status = 0
    files: list[dict[str, Any]] = []
    out: list[str] = []
    for path in args.profiles:
        profile = try_load(path, normalise_lang(args.lang) if args.lang else lang)
        if profile is None:
            status = 2
            continue
        ui = normalise_lang(args.lang or profile.lang or profile_lang(profile))
        result = analyze_profile(profile, ui_lang=ui)
        if status == 0 and any(str(f.severity) == "error" for f in result.findings):
            status = 1
        shown = [f for f in result.findings if _LEVELS.index(str(f.severity)) >= floor]
        waived = [f for f in result.waived if _LEVELS.index(str(f.severity)) >= floor]
        dropped = [
            t("check.dropped", ui, path=path, where=where, rule=rule)
            for rule, where in result.dropped_waivers
        ]
        if args.format == "json":
            files.append(
                {
                    "path": path,
                    "score": result.score,
                    "layer_scores": dict(result.layer_scores),
                    "findings": [f.to_json() for f in shown],
                    "waived": [f.to_json() for f in waived],
                }
            )
            for line in dropped:
                print(line, file=sys.stderr)
            continue
        for f in shown:
            message = f.message
            if f.text and f.text not in message:
                message = t("check.quote", ui, message=message, text=_short(f.text))
            out.append(f"{path}: {f.where}: {f.rule_id} {f.severity} {message}")
            if f.suggestion:
                out.append(t("check.suggestion", ui, suggestion=f.suggestion))
        out.extend(dropped)
        counts = {
            level: sum(str(f.severity) == level for f in result.findings) for level in _LEVELS
        }
        layers = ", ".join(
            t("check.layer", ui, name=t(f"check.layer_names.{name}", ui), score=score)
            for name, score in result.layer_scores.items()
        )
        out.append(
            t(
                "check.summary",
                ui,
                path=path,
                score=result.score,
                layers=layers,
                errors=counts["error"],
                warnings=counts["warning"],
                infos=counts["info"],
                waived=len(result.waived),
            )
        )
        if len(out) > 2000:
            _flush(out)
    if args.format == "json":
        print(json.dumps({"files": files}, ensure_ascii=False, indent=2))
    else:
        _flush(out)
    return status


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"


def _flush(lines: list[str]) -> None:
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
        lines.clear()
