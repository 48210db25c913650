"""``alignment-tui questions``: not built yet; says so plainly."""

from __future__ import annotations

import argparse
import sys

from alignment_tui.i18n import Lang, t


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, lang: Lang) -> int:
    print(t("cli.not_built", lang, command="questions"), file=sys.stderr)
    return 2
