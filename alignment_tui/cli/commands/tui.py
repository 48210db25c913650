"""The default command: the guided questionnaire, in the TUI or in plain mode."""

from __future__ import annotations

import argparse
import os
import sys

from alignment_tui.cli.commands.common import fail
from alignment_tui.i18n import Lang


def wants_plain(args: argparse.Namespace) -> bool:
    """``--plain``, ``ACCESSIBLE`` set, or no terminal to draw on."""
    if getattr(args, "plain", False) or os.environ.get("ACCESSIBLE"):
        return True
    if os.environ.get("TERM") == "dumb":
        return True
    return not (sys.stdin.isatty() and sys.stdout.isatty())


def run(args: argparse.Namespace, lang: Lang) -> int:
    if args.profile:
        # A path that can be neither read nor created is said now, in one line.
        # lazy: only the front end asked for is loaded
        from alignment_tui.store import ProfileError
        from alignment_tui.store.files import check_profile_path

        problem = check_profile_path(args.profile)
        if problem is not None:
            return fail(ProfileError(problem.key, args.profile, **problem.params).message(lang))
    if args.bank:
        # A custom bank with problems is refused before anything opens, in one line.
        # lazy: only the front end asked for is loaded
        from alignment_tui.model.bank import BankError, load_bank

        try:
            load_bank(args.bank)
        except BankError as exc:
            return fail(exc.text(lang))
    if wants_plain(args):
        # lazy: only the front end asked for is loaded
        from alignment_tui.plain import run_plain

        return run_plain(args.profile, lang=args.lang, bank=args.bank)
    # lazy: only the front end asked for is loaded
    from alignment_tui.tui.app import make_app

    app = make_app(args.profile, lang=args.lang, bank=args.bank)
    result: object = app.run()
    if app.return_code:  # an error the app ended on (it printed its one line)
        return app.return_code
    return result if isinstance(result, int) else 0
