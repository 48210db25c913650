"""``alignment-tui questions check DIR``: validate a question bank, one line per problem."""

from __future__ import annotations

import argparse

from alignment_tui.i18n import Lang, t
from alignment_tui.output import emit, say_error
from alignment_tui.safe_text import one_line


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("action", choices=["check"], help=t("bank.arg.action", lang))
    parser.add_argument("dir", metavar="DIR", help=t("bank.arg.dir", lang))


def run(args: argparse.Namespace, lang: Lang) -> int:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.model.bank import BankError, check_bank, load_bank

    try:
        problems = check_bank(args.dir)
    except BankError as exc:
        say_error(exc.text(lang))
        return 2
    if problems:
        emit("".join(one_line(problem.render(lang)) + "\n" for problem in problems))
        return 1
    bank = load_bank(args.dir)
    key = "bank.check_ok" if len(bank.layers) > 1 else "bank.check_ok_one_layer"
    emit(t(key, lang, questions=len(bank.questions()), layers=len(bank.layers)) + "\n")
    return 0
