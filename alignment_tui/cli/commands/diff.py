"""``alignment-tui diff``: compare two versions of a profile, layer by layer."""

from __future__ import annotations

import argparse

from alignment_tui.cli.commands.common import pick_lang, try_load
from alignment_tui.i18n import Lang, t
from alignment_tui.output import emit
from alignment_tui.safe_text import json_text, visible


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("old", metavar="OLD.toml", help=t("diff.arg.old", lang))
    parser.add_argument("new", metavar="NEW.toml", help=t("diff.arg.new", lang))
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help=t("diff.arg.format", lang)
    )
    parser.add_argument("--notes", action="store_true", help=t("diff.arg.notes", lang))


def run(args: argparse.Namespace, lang: Lang) -> int:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.report.analysed import analyse
    from alignment_tui.report.diff import diff_profiles
    from alignment_tui.report.diff_render import render_text, to_json

    first_lang = pick_lang(args.lang)
    old = try_load(args.old, first_lang)
    new = try_load(args.new, first_lang)
    if old is None or new is None:
        return 2
    out_lang = pick_lang(args.lang, new)
    d = diff_profiles(
        old,
        new,
        old_result=analyse(old, out_lang),
        new_result=analyse(new, out_lang),
        lang=out_lang,
        notes=args.notes,
    )
    if args.format == "json":
        emit(json_text(to_json(d, args.old, args.new, out_lang, old, new)) + "\n")
    else:
        # Answers are shown line by line; what a terminal would obey in them is escaped.
        emit(visible(render_text(d, args.old, args.new, out_lang, old, new)))
    return 0
