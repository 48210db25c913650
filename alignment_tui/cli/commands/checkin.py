"""``alignment-tui checkin``: record one KPI reading in a profile, for scripts and reminders;
without ``--kpi`` and ``--value``, plain mode asks for every KPI's reading (plain/checkin.py).

Every check is made before anything is written: bad input gets one line and exit 2, and
the file stays byte for byte as it was. The write takes the profile's lock (a window
that has it open keeps it) and is atomic.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from alignment_tui.cli.commands.common import fail, open_profile, pick_lang
from alignment_tui.i18n import Lang, t
from alignment_tui.model.profile import Confidence
from alignment_tui.output import emit, say_error


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("profile", metavar="PROFILE.toml", help=t("checkin.arg.profile", lang))
    parser.add_argument("--kpi", metavar="ID", help=t("checkin.arg.kpi", lang))
    # argparse formats help with %: the percent sign of "62 %" is doubled to stay itself.
    value_help = t("checkin.arg.value", lang).replace("%", "%%")
    parser.add_argument("--value", metavar="V", help=value_help)
    parser.add_argument("--date", metavar="D", help=t("checkin.arg.date", lang))
    parser.add_argument(
        "--confidence",
        choices=[c.value for c in Confidence],
        help=t("checkin.arg.confidence", lang),
    )
    parser.add_argument(
        "--comment", metavar="TEXT", default="", help=t("checkin.arg.comment", lang)
    )


def run(args: argparse.Namespace, lang: Lang, today: date | None = None) -> int:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.store import ProfileLock

    path = Path(args.profile)
    first = pick_lang(args.lang)
    if args.kpi is None and args.value is None:
        return _walk(args, path, today or date.today())
    if args.kpi is None or args.value is None:
        return fail(t("checkin.both", first, given="--kpi" if args.kpi else "--value"))
    lock = ProfileLock(path)
    if path.exists() and not lock.acquire():
        return fail(t("checkin.locked", first, path=str(path), holder=lock.holder or "?"))
    try:
        return _record(args, path, today or date.today())
    finally:
        lock.release()


def _walk(args: argparse.Namespace, path: Path, today: date) -> int:
    """Every KPI in turn, in plain mode: a value, a confidence, a comment."""
    # lazy: only this command needs them (the others start without them)
    from alignment_tui.model.bank import BankError, load_bank
    from alignment_tui.plain.checkin import run_checkin_walk

    opened = open_profile(path, args.lang)
    if opened is None:
        return 2
    lang = opened.lang
    try:
        bank = load_bank(None)  # the readings need no question: the built-in bank will do
    except BankError as exc:
        return fail(exc.text(lang))
    code, line = run_checkin_walk(bank, path, lang, sys.stdin, sys.stdout, today=today)
    return fail(line) if code else code


def _record(args: argparse.Namespace, path: Path, today: date) -> int:
    # lazy: only this command needs it (the others start without it)
    from alignment_tui.formats import format_date
    from alignment_tui.model.checkins import (
        CheckinError,
        add_checkin,
        expected_value,
        find_kpi,
        measure_text,
        read_day,
        read_value,
        start_of,
    )
    from alignment_tui.model.profile import SCHEMA_VERSION, now_utc
    from alignment_tui.store import ProfileError, changed_on_disk, save_profile
    from alignment_tui.store.files import MAX_PROFILE_BYTES, ReadError, is_read_only, read_toml

    opened = open_profile(path, args.lang)
    if opened is None:
        return 2
    profile, stamp, lang = opened.profile, opened.stamp, opened.lang
    if is_read_only(path):
        return fail(ProfileError("read_only_file", path).message(lang))
    try:
        _, kpi = find_kpi(profile, args.kpi)
        value = read_value(args.value, kpi, lang)
        day = read_day(args.date, today) if args.date is not None else today
        entry, replaced = add_checkin(
            profile,
            kpi.id,
            value,
            on=day,
            confidence=args.confidence,
            comment=args.comment,
            today=today,
        )
    except CheckinError as exc:
        return fail(t("checkin.error_line", lang, path=str(path), message=exc.message(lang)))
    profile.meta.updated = now_utc()
    try:
        old_version = read_toml(path, MAX_PROFILE_BYTES)[0].get("schema_version")
    except ReadError:
        old_version = None
    if changed_on_disk(path, stamp):
        return fail(t("checkin.changed", lang, path=str(path)))
    try:
        save_profile(profile, path)
    except ProfileError as exc:
        return fail(exc.message(lang))
    shown = measure_text(entry.value, kpi.unit, lang)
    confidence = ""
    if entry.confidence:
        said = t(f"checkin.confidence.{entry.confidence.value}", lang)
        confidence = t("checkin.with_confidence", lang, confidence=said)
    key = "checkin.replaced" if replaced else "checkin.recorded"
    line = t(
        key,
        lang,
        path=str(path),
        kpi=kpi.name or kpi.id,
        value=shown,
        date=format_date(entry.date, lang),
        confidence=confidence,
    )
    expected = expected_value(kpi, entry.date, start_of(kpi, profile))
    if expected is not None:
        steady = measure_text(round(expected, 1), kpi.unit, lang)
        line += " " + t("checkin.expected", lang, expected=steady)
    emit(line + "\n")
    if isinstance(old_version, int) and old_version < SCHEMA_VERSION:
        upgraded = t("checkin.upgraded", lang, path=str(path), old=old_version, new=SCHEMA_VERSION)
        say_error(upgraded)
    return 0
