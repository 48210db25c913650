"""``alignment-tui schema``: the JSON Schema of the profile file, printed or written to a file."""

from __future__ import annotations

import argparse

from alignment_tui.cli.commands.common import fail
from alignment_tui.i18n import Lang, t
from alignment_tui.model.profile import Profile
from alignment_tui.output import emit, say_error
from alignment_tui.safe_text import json_text


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help=t("cli.schema.arg.output", lang))


def profile_schema() -> dict[str, object]:
    schema = Profile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "alignment-tui profile"
    return schema


def run(args: argparse.Namespace, lang: Lang) -> int:
    text = json_text(profile_schema()) + "\n"
    if not args.output or args.output == "-":
        emit(text)
        return 0
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.report.writer import write_text_atomic
    from alignment_tui.store.files import check_output

    # A pipe or a device is not replaced by a file, nor a read-only file by another.
    problem = check_output(args.output, [])
    if problem is not None:
        return fail(t(f"schema.error.{problem.key}", lang, path=args.output, **problem.params))
    try:
        write_text_atomic(args.output, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return fail(t("cli.schema.unwritable", lang, path=args.output, reason=reason))
    say_error(t("cli.schema.written", lang, path=args.output))
    return 0
