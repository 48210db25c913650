"""What the analysis reports: findings, severities, results and the rule registry."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is; only ``error`` makes ``check`` fail."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}


@dataclass(frozen=True)
class Example:
    """A text that shows a rule: ``fires`` says whether the rule should fire on it."""

    text: str
    fires: bool
    options: dict[str, Any] = field(default_factory=dict)  # analyze_answer options


@dataclass(frozen=True)
class RuleInfo:
    """One rule of the registry, as ``docs/rules.md`` documents it.

    ``title``, ``catches`` and ``why`` are keyed by language (``{"fr": …, "en": …}``, one
    entry per language pack); ``examples`` are keyed by language too; ``layers`` is empty
    for a rule that applies to every layer; ``scope`` says whether it judges one answer or
    the whole profile, ``layer`` the layer its examples are judged in.
    """

    id: str
    severity: Severity
    family: str
    title: dict[str, str]
    catches: dict[str, str]
    why: dict[str, str]
    examples: dict[str, tuple[Example, ...]] = field(default_factory=dict)
    layers: tuple[str, ...] = ()
    scope: str = "answer"
    layer: str = ""


class RuleRegistry(Mapping[str, RuleInfo]):
    """Every rule by id, read on first use from the data files and the language packs
    (``analysis/registry.py`` binds the loader; the analysis package always imports it)."""

    def __init__(self) -> None:
        self._load: Callable[[], Mapping[str, RuleInfo]] | None = None

    def bind(self, load: Callable[[], Mapping[str, RuleInfo]]) -> None:
        self._load = load

    def _rules(self) -> Mapping[str, RuleInfo]:
        if self._load is None:
            raise RuntimeError("the rule registry is read before analysis.registry is imported")
        return self._load()

    def __getitem__(self, rule_id: str) -> RuleInfo:
        return self._rules()[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules())

    def __len__(self) -> int:
        return len(self._rules())


REGISTRY = RuleRegistry()


@dataclass
class Finding:
    """One thing the analysis noticed, located like a linter's alert.

    ``where`` is the field path (``objectives.kpis[2].deadline``; empty for
    ``analyze_text``), ``start``/``end`` character offsets into the text at ``where``
    (``None`` when the finding is about a whole structured field), ``related`` the other
    field paths a coherence finding involves.
    """

    rule_id: str
    severity: Severity
    message: str
    suggestion: str
    start: int | None = None
    end: int | None = None
    text: str = ""
    where: str = ""
    related: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule_id,
            "severity": str(self.severity),
            "where": self.where,
            "related": list(self.related),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass
class TextResult:
    """What ``analyze_text`` returns."""

    findings: list[Finding]
    score: int
    lang: str = "en"
    specificity: int = 0  # kinds of concrete detail found (the score's base)


@dataclass
class ProfileResult:
    """What ``analyze_profile`` returns."""

    findings: list[Finding]
    waived: list[Finding]
    score: int
    layer_scores: dict[str, int]
    answer_scores: dict[str, int]
    dropped_waivers: list[tuple[str, str]] = field(default_factory=list)


def rule_title(rule_id: str, lang: str) -> str:
    """The rule's short title from the registry, else its id."""
    info = REGISTRY.get(rule_id)
    return info.title.get(lang, rule_id) if info is not None else rule_id
