"""``alignment-tui report``: a client report as Markdown or self-contained HTML."""

from __future__ import annotations

import argparse
import sys

from alignment_tui.cli.commands.common import fail, pick_lang, try_load
from alignment_tui.i18n import Lang, t
from alignment_tui.output import emit, say_error
from alignment_tui.safe_text import visible


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profile", metavar="PROFILE.toml", help=t("report.arg.profile", lang))
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=t("report.arg.output", lang)
    )
    parser.add_argument("--format", choices=["md", "html"], help=t("report.arg.format", lang))
    parser.add_argument("--notes", action="store_true", help=t("report.arg.notes", lang))


def run(args: argparse.Namespace, lang: Lang) -> int:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.report.analysed import analyse
    from alignment_tui.report.writer import format_for, render_report, write_text_atomic

    profile = try_load(args.profile, pick_lang(args.lang))
    if profile is None:
        return 2
    out_lang = pick_lang(args.lang, profile)
    if args.output != "-":
        # lazy: only this command needs it (the others start without it)
        from alignment_tui.store.files import check_output

        problem = check_output(args.output, [args.profile])
        if problem is not None:
            key = f"report.error.{problem.key}"
            return fail(t(key, out_lang, path=args.output, **problem.params))
    fmt = args.format or format_for(args.output)
    if fmt is None:
        return fail(t("report.error.format", out_lang, path=args.output))
    text = render_report(
        profile, analyse(profile, out_lang), fmt=fmt, lang=out_lang, notes=args.notes
    )
    if args.output == "-":
        # On a terminal, what the profile holds is shown, not obeyed; a pipe gets it exact.
        on_terminal = sys.stdout is not None and sys.stdout.isatty()
        emit(visible(text) if on_terminal else text)
        return 0
    try:
        write_text_atomic(args.output, text)
    except OSError as exc:
        return fail(
            t("report.error.unwritable", out_lang, path=args.output, reason=exc.strerror or exc)
        )
    say_error(t("report.written", out_lang, path=args.output))
    return 0
