"""Live feedback while typing, without the UI: debounce, one analysis in flight, located marks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from alignment_tui.analysis.findings import Finding, ProfileResult, Severity
from alignment_tui.analysis.findings import rule_title as rule_title
from alignment_tui.analysis.profile import analyze_profile
from alignment_tui.report.chain import Link as Link
from alignment_tui.report.chain import broken_links as broken_links
from alignment_tui.report.fields import path_label

if TYPE_CHECKING:
    from alignment_tui.model.profile import Profile

DEBOUNCE = 0.15  # seconds of quiet typing before the answer is analysed again

Location = tuple[int, int]  # (row, column) in a TextArea, columns in characters


class LiveScheduler:
    """When to analyse: after ``delay`` s without a change, one analysis at a time.

    Every change bumps a generation number; a result that comes back for an older
    generation is stale (the text moved on) and is dropped, and the newer text is analysed
    as soon as the one in flight is done. Time is passed in, so it is testable without a clock.
    """

    def __init__(self, delay: float = DEBOUNCE) -> None:
        self.delay = delay
        self.generation = 0
        self.due: float | None = None
        self.in_flight: int | None = None

    @property
    def pending(self) -> bool:
        """A change that no analysis has started for yet."""
        return self.due is not None

    def changed(self, now: float) -> int:
        """The text changed at ``now``: the analysis waits for ``delay`` s of quiet."""
        self.generation += 1
        self.due = now + self.delay
        return self.generation

    def drop(self) -> None:
        """Another text is shown now: what is in flight comes back stale, nothing is due."""
        self.generation += 1
        self.due = None

    def wait(self, now: float) -> float | None:
        """Seconds until an analysis may start; ``None`` when nothing is due or one is running."""
        if self.due is None or self.in_flight is not None:
            return None
        return max(0.0, self.due - now)

    def start(self, now: float) -> int | None:
        """The generation to analyse now, or ``None`` (too early, nothing new, or busy)."""
        if self.due is None or self.in_flight is not None or now < self.due:
            return None
        self.due = None
        self.in_flight = self.generation
        return self.generation

    def finish(self, generation: int) -> bool:
        """The analysis of ``generation`` is back; ``True`` when it is still the latest text."""
        if self.in_flight == generation:
            self.in_flight = None
        return generation == self.generation and self.due is None


@dataclass(frozen=True)
class Mark:
    """Words of the editor to highlight: character offsets into its text, and why."""

    start: int
    end: int
    severity: str
    text: str
    rule_id: str = ""


@dataclass
class LiveResult:
    """What the question screen shows for one answer: its findings, waived ones, its score."""

    findings: list[Finding]
    waived: list[Finding] = field(default_factory=list)
    score: int | None = None
    marks: list[Mark] = field(default_factory=list)
    text: str = ""  # the editor text the marks are located in


def inside(where: str, path: str) -> bool:
    """Is the field path ``where`` the answer ``path`` or a part of it?"""
    return where == path or where.startswith((path + ".", path + "["))


def item_starts(text: str) -> list[int]:
    """Where each item of a one-item-per-line answer starts in the editor text.

    The stored item is the line stripped, blank lines dropped: item ``i`` of the profile
    starts at offset ``item_starts(text)[i]`` of the text typed.
    """
    starts: list[int] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.strip():
            starts.append(offset + len(line) - len(stripped))
        offset += len(line) + 1
    return starts


def locate(finding: Finding, path: str, text: str, *, one_per_line: bool = False) -> Mark | None:
    """The finding's words in the editor's ``text`` (the answer at ``path``), if it has any.

    A mark whose words are not where the finding says (the text moved on) is not made.
    """
    if finding.start is None or finding.end is None or finding.end <= finding.start:
        return None
    base = 0
    if finding.where == path and not one_per_line:
        base = 0
    elif one_per_line and finding.where.startswith(path + "["):
        index_text, _, rest = finding.where[len(path) + 1 :].partition("]")
        if rest or not index_text.isdigit():
            return None
        starts = item_starts(text)
        index = int(index_text)
        if index >= len(starts):
            return None
        base = starts[index]
    else:
        return None
    start, end = base + finding.start, base + finding.end
    if end > len(text) or (finding.text and text[start:end] != finding.text):
        return None
    return Mark(start, end, str(finding.severity), text[start:end], finding.rule_id)


def marks_for(
    findings: Sequence[Finding], path: str, text: str, *, one_per_line: bool = False
) -> list[Mark]:
    """Every finding's words located in ``text``, worst severity last (drawn on top)."""
    marks = [m for f in findings if (m := locate(f, path, text, one_per_line=one_per_line))]
    return sorted(marks, key=lambda m: (Severity(m.severity).rank, m.start))


# -- from characters to TextArea locations and UTF-8 bytes ------------------------------------
def location_of(lines: Sequence[str], index: int, newline_length: int = 1) -> Location:
    """The (row, column) of character ``index`` of ``newline.join(lines)``."""
    remaining = max(0, index)
    for row, line in enumerate(lines):
        if remaining <= len(line):
            return row, remaining
        remaining -= len(line) + newline_length
    last = len(lines) - 1
    return (last, len(lines[last])) if lines else (0, 0)


def byte_column(line: str, column: int) -> int:
    """The UTF-8 byte offset of character ``column`` of ``line`` (TextArea highlights use bytes)."""
    return len(line[:column].encode("utf-8"))


Highlight = tuple[int, int | None, str]


def highlight_rows(
    lines: Sequence[str],
    spans: Sequence[tuple[Location, Location, str]],
) -> dict[int, list[Highlight]]:
    """Row → (start byte, end byte or ``None`` for the end of the row, style name).

    ``spans`` are (start, end, name) with locations in characters; a span over several
    rows is cut at each row end, as the TextArea draws one row at a time.
    """
    rows: dict[int, list[Highlight]] = {}
    for (top, left), (bottom, right), name in spans:
        if bottom >= len(lines) or (top, left) >= (bottom, right):
            continue
        for row in range(top, bottom + 1):
            line = lines[row]
            begin = byte_column(line, left) if row == top else 0
            end = byte_column(line, right) if row == bottom else None
            if end is not None and end <= begin:
                continue
            rows.setdefault(row, []).append((begin, end, name))
    return rows


# -- the analysis of one answer -----------------------------------------------------------------
def answer_result(
    result: ProfileResult, path: str, text: str = "", *, one_per_line: bool = False
) -> LiveResult:
    """The part of a profile's analysis that concerns the answer at ``path``."""
    findings = [f for f in result.findings if inside(f.where, path)]
    waived = [f for f in result.waived if inside(f.where, path)]
    marks = marks_for(findings, path, text, one_per_line=one_per_line)
    return LiveResult(findings, waived, result.answer_scores.get(path), marks, text)


_warm = False  # the analysis's word lists and rule books are loaded (the first run is slow)


def analysis_warm() -> bool:
    """Has an analysis run in this process? Then the next one takes milliseconds."""
    return _warm


def analyse_profile(profile: Profile, *, lang: str, today: date | None = None) -> ProfileResult:
    """``analyze_profile`` in the UI language; remembers that the analysis is now loaded."""
    global _warm

    result = analyze_profile(profile, today=today, ui_lang=lang)
    _warm = True
    return result


def analyse_answer(
    profile: Profile,
    path: str,
    text: str,
    *,
    lang: str,
    one_per_line: bool = False,
    today: date | None = None,
) -> LiveResult:
    """Analyse ``profile`` (a private snapshot: this runs off the UI thread) for one answer.

    The whole profile is analysed so that the answer's score and its coherence findings
    are the ones the review and the summary show; unchanged answers come from the cache.
    """
    result = analyse_profile(profile, lang=lang, today=today)
    return answer_result(result, path, text, one_per_line=one_per_line)


# -- the summary: jumps ------------------------------------------------------------------------
def jump_target(where: str, fields: Mapping[str, str]) -> str | None:
    """The question to open for a finding at ``where``: ``fields`` maps answer field → question id.

    The longest field containing ``where`` wins; a path under ``answers.`` names its question.
    """
    best: tuple[int, str] | None = None
    for path, qid in fields.items():
        if inside(where, path) and (best is None or len(path) > best[0]):
            best = (len(path), qid)
    if best is not None:
        return best[1]
    if where.startswith("answers."):
        return where.removeprefix("answers.").split("[", 1)[0] or None
    return None


def part_label(where: str, path: str, profile: Profile | None, lang: str) -> str:
    """Where inside its answer a finding is: "#2" for a list's line, "Brand awareness ›
    Target" for a row's cell; "" for the answer as a whole."""
    if not where.startswith(path) or where == path:
        return ""

    full = path_label(where, profile, lang).split(" › ")
    return " › ".join(full[1:])


def elapsed(seconds: float) -> str:
    """A session timer: ``m:ss`` under an hour, ``h:mm:ss`` beyond."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
