"""``alignment-tui check``: load profiles and report what the analysis finds."""

from __future__ import annotations

import argparse

from alignment_tui.commands.common import pick_lang, try_load
from alignment_tui.i18n import Lang, t


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profiles", nargs="+", metavar="PROFILE.toml")


def run(args: argparse.Namespace, lang: Lang) -> int:
    status = 0
    for path in args.profiles:
        profile = try_load(path, pick_lang(args.lang))
        if profile is None:
            status = 2
            continue
        print(t("cli.check.no_analysis", pick_lang(args.lang, profile), path=path))
    return status
