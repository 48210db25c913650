"""``alignment-tui questions check DIR``: validate a question bank, one line per problem."""

from __future__ import annotations

import argparse
import sys

from alignment_tui.i18n import Lang, t


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("action", choices=["check"], help=t("bank.arg.action", lang))
    parser.add_argument("dir", metavar="DIR", help=t("bank.arg.dir", lang))


def run(args: argparse.Namespace, lang: Lang) -> int:
    from alignment_tui.model.bank import BankError, check_bank, load_bank

    try:
        problems = check_bank(args.dir)
    except BankError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    if problems:
        for problem in problems:
            print(problem.render(lang))
        return 1
    bank = load_bank(args.dir)
    key = "bank.check_ok" if len(bank.layers) > 1 else "bank.check_ok_one_layer"
    print(t(key, lang, questions=len(bank.questions()), layers=len(bank.layers)))
    return 0
