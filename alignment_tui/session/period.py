"""The next period, for every front end: when this one is closing, and its file written.

``model/period.py`` builds the next period's profile; this decides when to offer it (the
period's last deadline near or past, by a share of the period in analysis/data/rules.toml),
names its file beside the current one, and writes it without ever touching an existing
file. The ``next`` command, the TUI's summary and plain mode's all go through here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from alignment_tui.analysis.registry import params
from alignment_tui.formats import format_date
from alignment_tui.i18n import t
from alignment_tui.model.checkins import start_of
from alignment_tui.model.period import next_period
from alignment_tui.model.profile import Profile
from alignment_tui.store import save_profile

_YEAR = re.compile(r"^(?P<stem>.*?)[-_ ]?(?P<year>(?:19|20)\d\d)$")


@dataclass(frozen=True)
class Closing:
    """The period's end (its last KPI deadline) and how many days are left (< 0: past)."""

    end: date
    days_left: int

    @property
    def past(self) -> bool:
        return self.days_left < 0

    def text(self, lang: str) -> str:
        """The period ends soon, today, or has ended: what the summary says of it."""
        day = format_date(self.end, lang)
        if self.past:
            return t("period.past", lang, date=day)
        if self.days_left <= 1:
            key = "period.today" if self.days_left == 0 else "period.near_one"
            return t(key, lang, date=day)
        return t("period.near", lang, date=day, days=self.days_left)


def closing(profile: Profile, today: date) -> Closing | None:
    """The period's end when it is near or past, else ``None``. Near: within the last
    ``next_period_share`` of the period, from its KPIs' earliest start to their last
    deadline (a profile whose KPIs have no deadline never closes by itself)."""
    kpis = [k for k in profile.objectives.kpis if k.deadline is not None]
    if not kpis:
        return None
    end = max(k.deadline for k in kpis if k.deadline is not None)
    starts = [s for s in (start_of(k, profile) for k in kpis) if s is not None and s < end]
    length = (end - min(starts)).days if starts else 0
    left = (end - today).days
    near = left <= length * float(params()["next_period_share"])
    return Closing(end, left) if near else None


def suggested_path(source: Path, profile: Profile, today: date) -> Path:
    """Beside ``source``, named for the year the next period starts in (``bakery-2027.toml``,
    a year the name ends with replaced), never an existing file."""
    ends = [k.deadline for k in profile.objectives.kpis if k.deadline is not None]
    year = (max(ends) + timedelta(days=1)).year if ends else today.year + 1
    match = _YEAR.match(source.stem)
    stem = match["stem"] if match and match["stem"] else source.stem
    candidate = source.with_name(f"{stem}-{year}.toml")
    n = 2
    while os.path.lexists(candidate) or candidate == source:
        candidate = source.with_name(f"{stem}-{year}-{n}.toml")
        n += 1
    return candidate


REFUSALS = ("same", "exists")  # why nothing was written: the profile itself, another file


class Refused(Exception):
    """Nothing was written: ``why`` is one of ``REFUSALS``."""

    def __init__(self, why: str, path: Path) -> None:
        super().__init__(f"{why}: {path}")
        self.why = why
        self.path = path


@dataclass(frozen=True)
class Written:
    """The next period's profile, written at ``path`` from the profile at ``source``."""

    path: Path
    source: Path
    profile: Profile
    waivers: tuple[int, int]  # carried, of how many

    def line(self, lang: str) -> str:
        """What was written and what is left to decide, in one line."""
        count = len(self.profile.objectives.kpis)
        key = "next.written" if count else "next.written_none"
        line = t(key, lang, path=str(self.path), old=str(self.source), count=count)
        carried, total = self.waivers
        if total:
            line += " " + t("next.waivers", lang, carried=carried, total=total)
        return line


def write_next_period(profile: Profile, source: Path, out: Path, today: date) -> Written:
    """Write the next period's profile to ``out`` (a new file: the old one is never
    modified). Raises ``Refused``, or ``ProfileError`` when the file cannot be written."""
    if os.path.lexists(out):
        same = out.exists() and out.resolve() == source.resolve()
        raise Refused("same" if same else "exists", out)
    new = next_period(profile, today)
    save_profile(new, out)
    return Written(out, source, new, (len(new.waivers), len(profile.waivers)))
