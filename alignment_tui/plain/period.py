"""Plain mode's summary offers the next period once its deadlines are near or past."""

from __future__ import annotations

from alignment_tui.plain.console import Console, EndOfInput
from alignment_tui.session import ProfileSession, clock
from alignment_tui.session.period import Refused, closing, suggested_path, write_next_period
from alignment_tui.store import ProfileError
from alignment_tui.store.paths import new_file_or_problem, remember_profile

SKIP = "-"  # a line holding only this: not now


def offer_next_period(console: Console, session: ProfileSession) -> None:
    """Say that the period is closing and ask where to write the next one (Enter takes the
    name offered, ``-`` or the end of input declines); an existing file is asked again."""
    lang, today = console.lang, clock.today()
    end = closing(session.profile, today)
    if end is None:
        return
    say, tr = console.say, console.tr
    offered = suggested_path(session.path, session.profile, today)
    say(end.text(lang))
    say(tr("next_offer"))
    while True:
        try:
            raw = console.read(tr("next_prompt", path=str(offered)))
        except EndOfInput:
            raw = SKIP
        if raw == SKIP:
            say(tr("next_skipped", old=str(session.path), path=str(offered)))
            return
        chosen = new_file_or_problem(raw or str(offered), lang)
        if isinstance(chosen, str):
            say(chosen)
            continue
        try:
            written = write_next_period(session.snapshot(), session.path, chosen, today)
        except Refused:
            continue  # created meanwhile: the next answer is checked again
        except ProfileError as exc:
            say(exc.message(lang))
            return
        remember_profile(chosen)
        say(written.line(lang))
        return
