"""What a client report holds, independent of its format: blocks, pieces, marks, links,
waivers, fixes, the report itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as _field  # Block has an attribute named `field`
from datetime import date

from alignment_tui.analysis.findings import Finding
from alignment_tui.model.profile import Waiver
from alignment_tui.report.progress import Progress


@dataclass
class Mark:
    """A marked stretch of an answer, and the numbers of the findings it carries."""

    start: int
    end: int
    numbers: list[int]


@dataclass
class Piece:
    """One string shown in the report; ``marks`` only on free text the analysis reads."""

    path: str
    text: str
    label: str = ""
    marks: list[Mark] = field(default_factory=list)
    free: bool = True  # text a person wrote, which the analysis reads and may mark

    def segments(self) -> list[tuple[str, list[int]]]:
        """The text cut into (stretch, finding numbers); unmarked stretches have none."""
        out: list[tuple[str, list[int]]] = []
        pos = 0
        for m in self.marks:
            if m.start > pos:
                out.append((self.text[pos : m.start], []))
            out.append((self.text[m.start : m.end], m.numbers))
            pos = m.end
        if pos < len(self.text):
            out.append((self.text[pos:], []))
        return out


@dataclass
class Numbered:
    number: int
    finding: Finding
    where_label: str
    related: list[str] = field(default_factory=list)


@dataclass
class Block:
    """One answer field: ``kind`` is ``text``, ``list``, ``rows``, ``record`` or ``value``
    (one amount or number, not words a person wrote)."""

    field: str
    label: str
    kind: str
    pieces: list[Piece] = _field(default_factory=list)
    columns: list[str] = _field(default_factory=list)
    rows: list[dict[str, Piece]] = _field(default_factory=list)
    row_paths: list[str] = _field(default_factory=list)
    score: int | None = None
    findings: list[Numbered] = _field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.pieces or self.rows)


@dataclass
class Link:
    """A link between two adjacent layers; ``checked`` only when both hold answers and
    the profile was analysed (an empty layer cannot be said to follow)."""

    upper: str
    lower: str
    rules: list[str]
    checked: bool = False
    # The rules that put it at risk, each with the KPIs it names (analysis/data/rules.toml).
    risks: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return bool(self.rules)

    @property
    def at_risk(self) -> bool:
        return bool(self.risks)


@dataclass
class WaiverView:
    """A waiver as the report shows it: what it is about, who accepted it and when."""

    waiver: Waiver
    label: str
    finding: Finding | None
    what: str = ""  # the waived finding's message, else the rule's title and the words
    when: str = ""  # "waived by the coach on 24 November 2026"
    stale: bool = False  # analysed, and its words are no longer there


@dataclass
class Fix:
    finding: Finding
    label: str
    layer: str
    related: list[str] = field(default_factory=list)
    target: str = ""  # where the report shows it: the row's cell, else the answer

    @property
    def where(self) -> str:
        """Layer › field, without saying the layer twice ("Values › Values")."""
        if not self.label:
            return self.layer
        return self.label if self.label.startswith(self.layer) else f"{self.layer} › {self.label}"


@dataclass
class Report:
    lang: str
    organisation: str
    respondent: str
    coach: str
    updated: str
    generated: date
    analysed: bool
    score: int | None
    layer_scores: dict[str, int]
    links: list[Link]
    layers: list[tuple[str, list[Block]]]
    horizons: dict[str, str]
    waivers: list[WaiverView]
    fixes: list[Fix]
    notes: list[tuple[str, str]] | None
    # Every rule the report mentions, (id, title): the running text names no rule id, an
    # appendix lists them for the coach who wants to look one up.
    rules: list[tuple[str, str]] = field(default_factory=list)
    progress: Progress | None = None  # the KPIs' check-ins (None: none has one)
