"""``alignment-tui next``: write the next period's profile; the old file is never modified.

Nothing is written over an existing file (the old profile least of all): a new name is
asked for in one line, exit 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from alignment_tui.cli.commands.common import fail, pick_lang
from alignment_tui.i18n import Lang, t
from alignment_tui.output import emit


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profile", metavar="PROFILE.toml", help=t("next.arg.profile", lang))
    parser.add_argument(
        "-o", "--output", metavar="NEXT.toml", required=True, help=t("next.arg.output", lang)
    )


def run(args: argparse.Namespace, lang: Lang, today: date | None = None) -> int:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.model.period import next_period
    from alignment_tui.store import ProfileError, read_profile, save_profile

    path, out = Path(args.profile), Path(args.output)
    first = pick_lang(args.lang)
    try:
        profile, _ = read_profile(path)
    except ProfileError as exc:
        return fail(exc.message(first))
    lang = pick_lang(args.lang, profile)
    if out.exists() or out.is_symlink():
        same = out.exists() and out.resolve() == path.resolve()
        return fail(t("next.same" if same else "next.exists", lang, path=str(out)))
    new = next_period(profile, today)
    try:
        save_profile(new, out)
    except ProfileError as exc:
        return fail(exc.message(lang))
    count = len(new.objectives.kpis)
    key = "next.written" if count else "next.written_none"
    line = t(key, lang, path=str(out), old=str(path), count=count)
    if profile.waivers:
        total = len(profile.waivers)
        line += " " + t("next.waivers", lang, carried=len(new.waivers), total=total)
    emit(line + "\n")
    return 0
