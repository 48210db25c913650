"""Deadlines in free text, each resolved to a day as a person reads it.

The structure of each pattern is here; its words (months, moments of the year, "by",
« d'ici », "mid-", « début »…) come from every language pack at once, since answers mix
languages. A day and a month without a year is the next such day; a period stands for its
last day unless the text names its start or its middle (docs/analysis.md).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import DataError, resettable
from alignment_tui.analysis.packs import trie_alternation as _alt
from alignment_tui.analysis.packs import union_words as _words
from alignment_tui.analysis.recognise import Match, fold

_YEAR = r"(?:20\d{2}|'\d{2})"
_SPAN_YEARS_MAX = 10  # "2024-2028" is a plan's period; "2024-2078" is no span of years
_LOOKBACK = 40  # the longest prefix before a date's core ("no later than the end of ")
_SENTENCE_END = re.compile(r"\s*$|\s+[^\W\d_a-z]")  # after a full stop: the end, or a capital


@dataclass(frozen=True)
class _Vocab:
    """The date words of every pack, and the patterns built from them (built once)."""

    months: dict[str, int]
    numbers: dict[str, int]
    durations: dict[str, str]
    period_words: dict[str, str]
    weak_prefixes: frozenset[str]
    bare_period: frozenset[str]
    edges: dict[str, str]
    moments: dict[str, tuple[tuple[int, int], tuple[int, int]]]
    ordinals: dict[str, int]
    period_nouns: dict[str, str]
    moment_prefixes: frozenset[str]
    day_articles: frozenset[str]
    ambiguous_months: frozenset[str]
    deadline: re.Pattern[str]
    anchor: re.Pattern[str]


@resettable
@cache
def _vocab() -> _Vocab:
    months = {k: int(v) for k, v in packs.union_map("months").items()}
    numbers = {k: int(v) for k, v in packs.union_map("numbers").items()}
    durations = {k: str(v) for k, v in packs.union_map("durations").items()}
    period_words = {k: str(v) for k, v in packs.union_map("period_words").items()}
    month = _alt(months)
    quarter = "".join(sorted(_words("quarter_letters")))
    half = "".join(sorted(_words("half_letters")))
    periodic = rf"[{re.escape(quarter)}][1-4]|[{re.escape(half)}][12]"
    edges = {k: str(v) for k, v in packs.union_map("period_edges").items()}
    moments = {k: _moment(k, str(v)) for k, v in packs.union_map("moments").items()}
    ordinals = {k: int(v) for k, v in packs.union_map("ordinals").items()}
    period_nouns = {k: str(v) for k, v in packs.union_map("period_nouns").items()}
    prefix = (
        rf"(?:(?P<pw>{_alt(_words('deadline_prefix'))})\s"
        rf"(?:(?P<art>{_alt(_words('deadline_article'))})\s?)?)?"
        rf"(?:(?P<edge>{_alt(edges)})(?:\s(?:{_alt(_words('edge_of'))}))?[\s-]"
        rf"(?:{_alt(_words('edge_article'))}\s?)?)?"
    )
    numw = _alt(numbers)
    ordinal = _alt(_words("ordinal_suffixes"))
    unit = rf"(?P<unit>{_alt(durations)})"
    relative = _alt(_words("relative"))
    rel_article = _alt(_words("relative_article"))
    rel = (
        rf"(?P<rel>(?:{relative})\s(?:(?:{rel_article})\s)?)"
        if rel_article
        else rf"(?P<rel>(?:{relative})\s)"
    )
    from_now = _alt(_words("from_now"))
    later = (
        rf"|(?P<n8>\d{{1,3}}|{numw})\s{unit.replace('unit', 'unit8')}\s(?:{from_now})"
        if from_now
        else ""
    )
    day_of = _alt(_words("day_of"))
    of = rf"(?:\s(?:{day_of}))?" if day_of else ""  # "the 1st of April"
    week = _alt(_words("week"))
    weeks = rf"|(?P<wk>{week})\s?(?P<w>\d{{1,2}})(?:,?\s(?P<yw>20\d{{2}}))?" if week else ""
    named_month = _alt(_words("month_of"))
    month_of = (  # « d'ici le mois de juin »: June, not this month
        rf"|(?:{named_month})\s?(?P<m13>{month})(?:\s(?P<y13>{_YEAR}))?" if named_month else ""
    )
    ranked = (  # « le 3e trimestre 2027 », "the second half of 2027"
        rf"|(?P<on>{_alt(ordinals)})\s(?P<pn>{_alt(period_nouns)})"
        rf"(?:\s(?:(?:{_alt(_words('edge_of'))})\s)?(?P<yo>20\d{{2}}))?"
        if ordinals and period_nouns
        else ""
    )
    moment = rf"|(?P<mo>{_alt(moments)})(?:\s(?P<ymo>20\d{{2}}))?(?![\w'-])" if moments else ""
    deadline = re.compile(
        rf"(?<![\w/.-])(?P<prefix>{prefix})(?:"
        rf"(?P<d1>\d{{1,2}})[/.-](?P<m1>\d{{1,2}})[/.-](?P<y1>\d{{4}}|\d{{2}})"
        rf"|(?P<y2>20\d{{2}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})"
        rf"|(?P<d12>\d{{1,2}})/(?P<m12>\d{{1,2}})(?![\d/])"
        rf"|(?P<d3>\d{{1,2}})(?:{ordinal})?{of}\s(?P<m3>{month})\.?(?:,?\s(?P<y3>{_YEAR}))?"
        rf"|(?P<m4>{month})\.?\s(?P<d4>\d{{1,2}})(?:{ordinal})?(?:,?\s(?P<y4>{_YEAR}))?"
        rf"|(?P<m5>{month})\.?\s(?P<y5>{_YEAR})"
        rf"{month_of}"
        rf"{weeks}"
        rf"{moment}"
        rf"{ranked}"
        rf"|(?P<y6a>20\d{{2}})\s?(?P<q6a>{periodic})"
        rf"|(?P<q6>{periodic})(?:\s?(?P<y6>{_YEAR}|20\d{{2}}))?"
        rf"|{rel}(?P<n7>\d{{1,3}}|{numw})\s{unit}"
        rf"{later}"
        rf"|(?P<eoy>{_alt(period_words)})"
        rf"|(?P<fy>(?:{_alt(_words('fiscal_year'))})\s?'?(?P<y11>20\d{{2}}|\d{{2}}))"
        rf"|(?P<y15>20\d{{2}})[/-](?P<y15b>20\d{{2}}|\d{{2}})"
        rf"|(?P<y9>20\d{{2}})"
        rf"|(?P<m10>{month})"
        rf")(?![\w/])"
    )
    named = _alt({*period_words, *durations, *moments, *period_nouns})
    anchor = re.compile(rf"\d+|(?<!\w)(?:{periodic}|{month}|{named})(?!\w)")
    return _Vocab(
        months=months,
        numbers=numbers,
        durations=durations,
        period_words=period_words,
        weak_prefixes=frozenset({"", *_words("weak_prefix")}),
        bare_period=frozenset(_words("bare_period")),
        edges=edges,
        moments=moments,
        ordinals=ordinals,
        period_nouns=period_nouns,
        moment_prefixes=frozenset(_words("moment_prefix")),
        day_articles=frozenset(_words("day_article")),
        ambiguous_months=frozenset(_words("ambiguous_months")),
        deadline=deadline,
        anchor=anchor,
    )


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _moment(word: str, raw: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """A pack's moment ("12-25", "06-21/09-22"): its first and last (month, day)."""
    first, _, last = raw.partition("/")
    try:
        begin = tuple(int(x) for x in first.split("-"))
        finish = tuple(int(x) for x in (last or first).split("-"))
        date(2000, *begin)
        date(2000, *finish)
    except (TypeError, ValueError):
        raise DataError(f"analysis/packs: moments.{word}: expected MM-DD or MM-DD/MM-DD") from None
    return (begin[0], begin[1]), (finish[0], finish[1])


def _year(raw: str | None, default: int) -> int:
    if not raw:
        return default
    y = int(raw.lstrip("'"))
    return y + 2000 if y < 100 else y


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    day = min(d.day, calendar.monthrange(y, m % 12 + 1)[1])
    return date(y, m % 12 + 1, day)


def _day_in(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _kind(letter: str) -> str:
    return "quarter" if letter in packs.union_words("quarter_letters") else "half"


_MONTHS_IN = {"day": 0, "week": 0, "month": 1, "quarter": 3, "year": 12}
_SIZE = {"quarter": 3, "half": 6}
Span = tuple[date, date]
# A period of some year: "June", "Q3", "summer", "week 12"; None when it does not exist.
Period = Callable[[int], Span | None]


def _month(month: int) -> Period:
    return lambda y: (date(y, month, 1), _end_of_month(y, month))


def _numbered(kind: str, n: int) -> Period:
    size = _SIZE[kind]
    return lambda y: (date(y, size * (n - 1) + 1, 1), _end_of_month(y, size * n))


def _week(n: int) -> Period:
    def span(y: int) -> Span | None:
        try:
            return date.fromisocalendar(y, n, 1), date.fromisocalendar(y, n, 7)
        except ValueError:
            return None

    return span


def _season(first: tuple[int, int], last: tuple[int, int]) -> Period:
    # Winter ends in the year after it begins.
    return lambda y: (date(y, *first), date(y + (last < first), *last))


def _day(month: int, day: int) -> Period:
    return lambda y: (_day_in(y, month, day),) * 2


def _at(span: Span, edge: str | None, default: str = "end") -> date:
    """Where a deadline falls in the period it names: its end unless the text says "start
    of" or "mid-" ("mid-March" is the middle of March)."""
    begin, finish = span
    edge = edge or default
    if edge == "start":
        return begin
    if edge == "mid":
        return begin + timedelta(days=(finish - begin).days // 2)
    return finish


def _resolve(
    period: Period, year: str | None, edge: str | None, today: date, default: str = "end"
) -> date | None:
    """The date a period names: in the year written, else the next one not already past."""
    if year:
        span = period(_year(year, today.year))
        return _at(span, edge, default) if span else None
    for y in (today.year, today.year + 1):
        span = period(y)
        if span is not None and _at(span, edge, default) >= today:
            return _at(span, edge, default)
    return None


def _current(span: str, today: date) -> Span:
    """This or the next year, quarter or month ("this year", « le mois prochain »)."""
    nxt = span.startswith("next_")
    span = span.removeprefix("next_")
    if span == "quarter":
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        first = _add_months(first, 3) if nxt else first
        return first, _end_of_month(*_ym(_add_months(first, 2)))
    if span == "month":
        first = _add_months(today.replace(day=1), 1 if nxt else 0)
        return first, _end_of_month(first.year, first.month)
    year = today.year + (1 if nxt else 0)
    return date(year, 1, 1), date(year, 12, 31)


def _deadline_value(m: re.Match[str], today: date) -> date | None:
    v = _vocab()
    g = m.groupdict()
    prefix = (g["prefix"] or "").strip()
    edge = v.edges.get(g["edge"] or "")
    # A day and a month without a year is the next such day; a month alone, a year alone
    # or a moment of the year is a deadline only after a word that makes it one.
    weak = prefix in v.weak_prefixes
    try:
        if g["d1"]:
            return date(_year(g["y1"], today.year), int(g["m1"]), int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["d12"]:
            # "1/3" is a share: a day/month without a year needs "the 30/06", « le 30/06 ».
            if g["art"] not in v.day_articles:
                return None
            date(2000, int(g["m12"]), int(g["d12"]))
            return _resolve(_day(int(g["m12"]), int(g["d12"])), None, None, today)
        if g["m3"] or g["m4"]:
            word, day, year = (
                (g["m3"], g["d3"], g["y3"]) if g["m3"] else (g["m4"], g["d4"], g["y4"])
            )
            if not year and not g["pw"] and word in v.ambiguous_months:
                return None  # "the top 10 may change"
            month = v.months[word]
            date(2000, month, int(day))  # 29 February exists in a leap year
            return _resolve(_day(month, int(day)), year, None, today)
    except ValueError:
        return None
    if g["m5"]:
        return _resolve(_month(v.months[g["m5"]]), g["y5"], edge, today)
    if g.get("m13"):
        if weak and not g["y13"]:
            return None  # « au mois d'août, on ferme »: a month of the year, not a deadline
        return _resolve(_month(v.months[g["m13"]]), g["y13"], edge, today)
    if g["q6a"]:
        return _resolve(_numbered(_kind(g["q6a"][0]), int(g["q6a"][1])), g["y6a"], edge, today)
    if g["q6"]:
        return _resolve(_numbered(_kind(g["q6"][0]), int(g["q6"][1])), g["y6"], edge, today)
    if g.get("on"):
        kind, n = v.period_nouns[g["pn"]], v.ordinals[g["on"]]
        if n > 12 // _SIZE[kind]:
            return None  # "the fifth quarter"
        return _resolve(_numbered(kind, n), g["yo"], edge, today)
    if g.get("wk"):
        return _resolve(_week(int(g["w"])), g["yw"], edge, today)
    if g.get("mo"):
        if not edge and g["pw"] not in v.moment_prefixes:
            return None  # "in summer", « en été », « a été »: a season, not a deadline
        return _resolve(_season(*v.moments[g["mo"]]), g["ymo"], edge, today, "start")
    if g["n7"] or g.get("n8"):
        raw = g["n7"] or g["n8"]
        n = int(raw) if raw.isdigit() else v.numbers[raw]
        unit = v.durations[g["unit"] or g["unit8"]]
        if unit == "day":
            return today + timedelta(days=n)
        if unit == "week":
            return today + timedelta(weeks=n)
        return _add_months(today, _MONTHS_IN[unit] * n)
    if g["eoy"]:
        word = g["eoy"]
        if weak and word in v.bare_period:
            return None
        return _at(_current(v.period_words[re.sub(r"\s+", " ", word)], today), edge)
    if g["fy"]:
        year = _year(g["y11"], today.year)
        return _at((date(year, 1, 1), date(year, 12, 31)), edge)
    if g["y15"]:
        # "2025/26", "2024-2028": a span of years (a financial or school year, a plan's
        # period) ends with its last year; read like a bare year.
        first, last = int(g["y15"]), int(g["y15b"])
        last += 0 if last >= 100 else first // 100 * 100
        if weak or not first < last <= first + _SPAN_YEARS_MAX:
            return None
        return _at((date(first, 1, 1), date(last, 12, 31)), edge)
    if g["y9"]:
        # A bare year is a deadline only after a word that makes it one ("by 2027", « fin 2027 »).
        if weak:
            return None
        year = int(g["y9"])
        return _at((date(year, 1, 1), date(year, 12, 31)), edge)
    if g["m10"]:
        # A month alone is a deadline only after a word that makes it one (« d'ici juin »).
        if weak:
            return None
        return _resolve(_month(v.months[g["m10"]]), None, edge, today)
    return None


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _deadline_matches(folded: str) -> Iterator[re.Match[str]]:
    """Like ``deadline.finditer``, tried only a few words before each date-like word."""
    v = _vocab()
    done = 0
    for anchor in v.anchor.finditer(folded):
        p = anchor.start()
        if p < done:
            continue
        for c in range(max(done, p - _LOOKBACK), p + 1):
            if c and (folded[c - 1].isalnum() or not folded[c].isalnum()):
                continue
            m = v.deadline.match(folded, c)
            if m and m.end() > p:
                done = m.end()
                yield m
                break


def find_deadlines(text: str, today: date | None = None) -> list[Match[date]]:
    """Deadlines, each resolved to the last day of the period it names."""
    today = today or date.today()
    out: list[Match[date]] = []
    for m in _deadline_matches(fold(text)):
        value = _deadline_value(m, today)
        if value is None:
            continue
        # The dot of "Jan." belongs to the date; the full stop of "by 30 June." does not.
        end = m.end() - (m.group(0).endswith(".") and bool(_SENTENCE_END.match(text, m.end())))
        out.append(Match(m.start(), end, text[m.start() : end], value))
    return out
