"""``alignment-tui next``: write the next period's profile; the old file is never modified.

Nothing is written over an existing file (the old profile least of all): a new name is
asked for in one line, exit 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from alignment_tui.cli.commands.common import fail, open_profile
from alignment_tui.i18n import Lang, t
from alignment_tui.output import emit


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profile", metavar="PROFILE.toml", help=t("next.arg.profile", lang))
    parser.add_argument(
        "-o", "--output", metavar="NEXT.toml", required=True, help=t("next.arg.output", lang)
    )


def run(args: argparse.Namespace, lang: Lang, today: date | None = None) -> int:
    # lazy: only this command needs them (the others start without them)
    from alignment_tui.session import clock
    from alignment_tui.session.period import Refused, write_next_period
    from alignment_tui.store import ProfileError

    path, out = Path(args.profile), Path(args.output)
    opened = open_profile(path, args.lang)
    if opened is None:
        return 2
    lang = opened.lang
    try:
        written = write_next_period(opened.profile, path, out, today or clock.today())
    except Refused as exc:
        return fail(t(f"next.{exc.why}", lang, path=str(out)))
    except ProfileError as exc:
        return fail(exc.message(lang))
    emit(written.line(lang) + "\n")
    return 0
