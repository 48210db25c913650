"""Plain mode's check-in: each KPI said in a few lines, then its value, confidence and comment.

``alignment-tui checkin PROFILE.toml`` without ``--kpi`` walks here. An empty line keeps
today's reading (or skips the KPI when there is none); each KPI is saved as it is given,
through the session core (its lock, and never over a change made on disk meanwhile).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.bank import Bank
from alignment_tui.model.checkins import (
    CheckinError,
    add_checkin,
    measure_text,
    read_value,
    start_of,
)
from alignment_tui.model.checkins import pace as pace_of
from alignment_tui.model.profile import Confidence, Kpi
from alignment_tui.model.typed import Num
from alignment_tui.plain.console import Choice, Console, EndOfInput, Keep
from alignment_tui.session import ProfileSession, open_session
from alignment_tui.session.checkins import CONFIDENCES, plan_parts, readings_parts, said
from alignment_tui.session.checkins import today_entry as entry_of
from alignment_tui.store import ProfileError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_checkin_walk(
    bank: Bank,
    path: Path,
    lang: str,
    stdin: TextIO,
    stdout: TextIO,
    *,
    today: date,
    interactive: bool | None = None,
    width: int | None = None,
) -> tuple[int, str]:
    """Walk every KPI of ``path``; the exit code and, for 2, the one line saying why."""
    made = open_session(bank, path, lang, keep_position=False)  # the walk's place untouched
    if isinstance(made, str):
        return EXIT_BAD_INPUT, made
    session = made
    try:
        if session.read_only == "locked":
            holder = session.lock.holder or "?"
            return EXIT_BAD_INPUT, t("checkin.locked", lang, path=str(path), holder=holder)
        if session.read_only == "file":
            return EXIT_BAD_INPUT, ProfileError("read_only_file", path).message(lang)
        kpis = [k for k in session.profile.objectives.kpis if k.id]
        if not kpis:
            return EXIT_BAD_INPUT, CheckinError("no_kpis", id="").message(lang)
        console = Console(lang, stdin, stdout, interactive=interactive, width=width)
        walk = _Walk(console, session, lang, today)
        console.say(t("checkin_plain.heading", lang, date=format_date(today, lang)))
        console.say(t("checkin_plain.rules", lang))
        try:
            for number, kpi in enumerate(kpis, start=1):
                walk.one(kpi, number, len(kpis))
        except EndOfInput:
            console.say(t("checkin_plain.end_of_input", lang, path=str(path)))
            return EXIT_OK, ""
        except ChangedOnDisk:
            return EXIT_BAD_INPUT, t("checkin_plain.changed", lang, path=str(path))
        console.say(t("checkin_plain.done", lang, count=walk.recorded, path=str(path)))
        return EXIT_OK, ""
    finally:
        session.lock.release()


class ChangedOnDisk(Exception):
    """The file changed on disk meanwhile: nothing more is written over it."""


class _Walk:
    """The prompts of one KPI after another, each saved as it is given."""

    def __init__(self, console: Console, session: ProfileSession, lang: str, today: date):
        self.console = console
        self.session = session
        self.lang = lang
        self.today = today
        self.recorded = 0

    def one(self, kpi: Kpi, number: int, total: int) -> None:
        say, lang, today = self.console.say, self.lang, self.today
        pace = pace_of(kpi, today, start_of(kpi, self.session.profile))
        say("")
        say(t("checkin_plain.kpi", lang, number=number, total=total, name=kpi.name or kpi.id))
        say("  " + said(plan_parts(pace, lang)))
        for line in said(readings_parts(pace, lang)).split("\n"):
            say("  " + line)
        current = entry_of(pace, today)
        if current is not None:
            shown = measure_text(current.value, kpi.unit, lang)
            say("  " + t("checkin_plain.today", lang, value=shown))

        def parse(raw: str) -> Num:
            try:
                return read_value(raw, kpi, lang)
            except CheckinError as exc:
                raise ValueError(exc.message(lang)) from None

        prompt = t("checkin_plain.value", lang, unit=kpi.unit or "–")
        value = self.console.read_typed(prompt, parse)
        if isinstance(value, Keep) or value is None:
            if current is None:
                say("  " + t("checkin_plain.skipped", lang))
                return
            value = current.value  # kept: the confidence and the comment may still change
        options = [Choice(c.value, t(f"checkin.confidence.{c.value}", lang)) for c in CONFIDENCES]
        picked = self.console.read_choice(
            t("checkin_plain.confidence", lang), options, multiple=False
        )
        confidence: Confidence | None = current.confidence if current else None
        if isinstance(picked, str):
            confidence = Confidence(picked)
        elif picked is None:
            confidence = None
        comment = self.console.read(t("checkin_plain.comment", lang))
        if not comment and current is not None:
            comment = current.comment
        elif comment == "-":
            comment = ""
        try:
            add_checkin(
                self.session.profile,
                kpi.id,
                value,
                on=today,
                confidence=confidence,
                comment=comment,
                today=today,
            )
        except CheckinError as exc:  # today before the baseline's day
            say("  " + exc.message(lang))
            return
        self.session.changed()
        result = self.session.save_now(lang)
        if result.status == "conflict":
            raise ChangedOnDisk
        if result.status == "error":
            say("  " + result.message)
            return
        self.recorded += 1
        say("  " + t("checkin_plain.recorded", lang, value=measure_text(value, kpi.unit, lang)))
