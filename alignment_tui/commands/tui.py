"""The default command: open the guided questionnaire."""

from __future__ import annotations

import argparse
import importlib.util
import sys

from alignment_tui.i18n import Lang, t


def run(args: argparse.Namespace, lang: Lang) -> int:
    if importlib.util.find_spec("alignment_tui.app") is None:
        print(t("cli.not_built", lang, command="tui"), file=sys.stderr)
        return 2
    from alignment_tui.app import make_app

    app = make_app(args.profile, lang=args.lang, bank=args.bank)
    result = app.run()
    return int(result) if isinstance(result, int) else 0
