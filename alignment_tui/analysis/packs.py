"""Language packs: every word, phrase, pattern, number word, month and message of a language.

A pack is a folder ``<code>/`` holding ``pack.toml`` (vocabulary, patterns, names),
``lexicon.toml`` (the word lists the rules read) and ``rules.toml`` (each rule's texts).
The built-in packs are in ``analysis/packs/``; ``$ALIGNMENT_TUI_PACKS`` (folders separated
by the path separator) adds others, so a language is added without touching code. The
engine reads a pack only through the names listed here, and every pack must define them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from alignment_tui.analysis.data import DataError, builtin, read, resettable, validate

PACKS_VAR = "ALIGNMENT_TUI_PACKS"

# What the engine reads from every pack (names of data, not words of any language).
MAPS = (
    "months",
    "numbers",
    "multipliers",
    "currencies",
    "periods",
    "durations",
    "period_words",
    "period_edges",
    "moments",
    "ordinals",
    "period_nouns",
    "layer_names",
    "period_names",
    "signal_names",
)
WORDS = (
    "percent",
    "multiplier_of",
    "ordinal_suffixes",
    "period_per",
    "period_adjectives",
    "range_from",
    "range_to",
    "deadline_prefix",
    "deadline_article",
    "edge_of",
    "edge_article",
    "day_of",
    "day_article",
    "month_of",
    "week",
    "ambiguous_months",
    "moment_prefix",
    "quarter_letters",
    "half_letters",
    "relative",
    "relative_article",
    "from_now",
    "fiscal_year",
    "weak_prefix",
    "bare_period",
    "not_proper",
    "for_example",
    "nominal_endings",
    "list_joiners",
    "filler",
    "we",
    "not_a_unit",
    "count_of",
    "money_nouns",
    "budget",
    "counted_nouns",
    "founded",
)
PATTERNS = (
    "number_word",
    "every_one",
    "hype",
    "counted",
    "founded",
    "not_applicable",
    "targeting",
    "number_one",
    "defined",
    "definition",
    "we_do",
    "gerund",
    "growth",
    "means",
    "headcount",
    "generic_offer",
    "the_x_of",
    "baseline",
    "today",
    "budget_line",
    "per_period",
    "tone_topic",
    "plan_verb",
)
# Patterns that read the answer as written (they need its capitals), not folded.
ON_TEXT = frozenset({"the_x_of"})
_MULTILINE = frozenset({"defined"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Detect(_Strict):
    """What tells this language from the others in a short answer (``analysis/lang.py``)."""

    words: str
    endings: list[str] = []
    marks: str = ""  # characters only this language writes (on lower-case text)
    elision: str = ""  # a folded word that opens with an elision (« l'équipe »)
    contraction: str = ""  # a folded word that ends with a contraction ("don't")
    spaced_marks: str = ""  # this language's typography ("Budget : 2 k€")


class SignalSpec(_Strict):
    rule: str
    needs: str
    regex: str


class ExampleSpec(_Strict):
    text: str
    fires: bool
    with_: dict[str, Any] = Field(default_factory=dict, alias="with")


class CaseText(_Strict):
    """A rule's message and suggestion for one case of it (too few, too many…)."""

    message: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)


class RuleText(_Strict):
    """One rule's texts in one language; ``cases`` words the message for each case a
    check reports (``values.count`` with one value says "add", with eight "merge")."""

    title: str = Field(min_length=1)
    catches: str = Field(min_length=1)
    why: str = Field(min_length=1)
    message: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)
    examples: list[ExampleSpec]
    cases: dict[str, CaseText] = {}

    def worded(self, case: str | None) -> tuple[str, str]:
        """(message, suggestion) for ``case`` (the rule's own when it has none for it)."""
        own = self.cases.get(case or "")
        return (own.message, own.suggestion) if own else (self.message, self.suggestion)


class EntrySpec(_Strict):
    rule: str
    match: list[str] = Field(min_length=1)
    note: str = Field(min_length=1)
    source: str = Field(min_length=1)
    rewrite: str = ""
    except_: list[str] = Field(default_factory=list, alias="except")
    layers: list[str] = []
    # "strong": a listed phrase is evidence enough for a warning; "weak": a common word
    # that is vague only with other evidence around it (see analysis/text.py). Unset, a
    # phrase of several words is strong and a single word weak.
    weight: Literal["strong", "weak"] | None = None


class _PackFile(_Strict):
    code: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str
    stemmer: str  # a snowballstemmer algorithm ("english", "french", "porter"…)
    quote: str = Field(pattern=r"\{\}")  # how a message quotes a name: "'{}'", « {} »
    detect: Detect
    maps: dict[str, dict[str, int | float | str]]
    words: dict[str, list[str]]
    patterns: dict[str, str]
    signal: list[SignalSpec] = []
    stopwords: list[str] = []
    # This language's own values of rule parameters (data/rules.toml [params]): prose in
    # one language piles up more detail words than in another.
    params: dict[str, float] = {}


class _Lexicon(_Strict):
    entry: list[EntrySpec] = []


class _Rules(_Strict):
    rule: dict[str, RuleText]


@dataclass(frozen=True)
class Signal:
    """A sentence pattern that is evidence of a ``signal.*`` kind, with the words it needs."""

    rule: str
    needs: frozenset[str]
    regex: re.Pattern[str]


@dataclass(frozen=True, eq=False)
class Pack:
    """One language, loaded and checked."""

    code: str
    name: str
    stemmer: str
    quote: str
    detect: Detect
    maps: dict[str, dict[str, int | float | str]]
    words: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern[str]]
    signals: tuple[Signal, ...]
    stopwords: frozenset[str]
    entries: tuple[EntrySpec, ...]
    rules: dict[str, RuleText]
    folder: Path
    params: dict[str, float]

    def names(self, table: str) -> dict[str, str]:
        """A table of display names (``layer_names``, ``period_names``…) as strings."""
        return {k: str(v) for k, v in self.maps[table].items()}


def folders() -> list[Path]:
    """Where packs are looked for: the built-in folder, then ``$ALIGNMENT_TUI_PACKS``."""
    out = [builtin("packs")]
    extra = os.environ.get(PACKS_VAR, "")
    out += [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    return out


def _compile(raw: str, path: Path, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(raw, flags)
    except re.error as exc:
        raise DataError(f"{path}: {where}: not a valid pattern ({exc})") from None


def load_pack(folder: Path) -> Pack:
    """Read and check one pack folder."""
    head = folder / "pack.toml"
    spec = validate(_PackFile, read(head), head)
    if spec.code != folder.name:
        raise DataError(f"{head}: code {spec.code!r} differs from its folder {folder.name!r}")
    for kind, names, table in (
        ("maps", MAPS, spec.maps),
        ("words", WORDS, spec.words),
        ("patterns", PATTERNS, spec.patterns),
    ):
        missing = [n for n in names if n not in table]
        if missing:
            raise DataError(f"{head}: [{kind}] misses {', '.join(missing)}")
    patterns = {
        name: _compile(raw, head, f"patterns.{name}", re.MULTILINE if name in _MULTILINE else 0)
        for name, raw in spec.patterns.items()
    }
    signals = tuple(
        Signal(s.rule, frozenset(s.needs.split()), _compile(s.regex, head, f"signal {s.rule}"))
        for s in spec.signal
    )
    for name in ("elision", "contraction", "spaced_marks", "marks"):
        _compile(getattr(spec.detect, name), head, f"detect.{name}")
    lex_path = folder / "lexicon.toml"
    lexicon = validate(_Lexicon, read(lex_path), lex_path)
    rules_path = folder / "rules.toml"
    rules = validate(_Rules, read(rules_path), rules_path)
    return Pack(
        code=spec.code,
        name=spec.name,
        stemmer=spec.stemmer,
        quote=spec.quote,
        detect=spec.detect,
        maps=spec.maps,
        words={k: tuple(v) for k, v in spec.words.items()},
        patterns=patterns,
        signals=signals,
        stopwords=frozenset(spec.stopwords),
        entries=tuple(lexicon.entry),
        rules=rules.rule,
        folder=folder,
        params=dict(spec.params),
    )


@resettable
@cache
def packs() -> dict[str, Pack]:
    """Every pack found, by language code (a later folder may not redefine a code)."""
    found: dict[str, Pack] = {}
    for root in folders():
        if not root.is_dir():
            continue
        for folder in sorted(p for p in root.iterdir() if (p / "pack.toml").is_file()):
            pack = load_pack(folder)
            if pack.code in found:
                raise DataError(f"{folder}: language {pack.code} is already defined")
            found[pack.code] = pack
    if not found:
        raise DataError("analysis/packs: no language pack found")
    return found


def codes() -> tuple[str, ...]:
    """The languages the analysis reads and writes."""
    return tuple(packs())


def get(code: str) -> Pack:
    """The pack of ``code``; an unknown code raises ``KeyError``."""
    return packs()[code]


@resettable
@cache
def union_words(name: str) -> frozenset[str]:
    """A word class of every pack together (answers mix languages)."""
    return frozenset(w for p in packs().values() for w in p.words[name])


@resettable
@cache
def union_map(name: str) -> dict[str, int | float | str]:
    """A map of every pack together (the first pack wins on a word two of them define)."""
    out: dict[str, int | float | str] = {}
    for p in packs().values():
        for k, v in p.maps[name].items():
            out.setdefault(k, v)
    return out


def alternation(phrases: object) -> str:
    """A regex alternation of folded phrases, longest first; a space matches any space."""
    items = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))  # type: ignore[attr-defined]
    return "|".join(re.escape(p).replace(r"\ ", r"\s") for p in items if p)


def trie_alternation(phrases: object) -> str:
    """The same pattern as ``alternation``, written as a tree of shared beginnings
    ("jan(?:uary|vier)?"): the regex engine then reads a word once instead of trying each
    phrase in turn. It prefers the longest phrase as ``alternation`` does, so it matches
    exactly what ``alternation`` matches (for patterns compiled without IGNORECASE)."""
    items = {str(p) for p in phrases if str(p)}  # type: ignore[attr-defined]
    tree: dict[str, Any] = {}
    for item in items:
        node = tree
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}
    if _ambiguous(tree):
        return alternation(items)
    return _branches(tree)


def _ambiguous(node: dict[str, Any]) -> bool:
    """Whether two branches of one node could read the same character (a space, which
    matches any space, beside another kind of space): then the tree's order would matter."""
    if " " in node and any(ch != " " and ch.isspace() for ch in node):
        return True
    return any(_ambiguous(child) for child in node.values())


def _branches(node: dict[str, Any]) -> str:
    """A node's pattern: each longer phrase first, then the end of a phrase if one ends here."""
    parts = [
        re.escape(ch).replace(r"\ ", r"\s") + _grouped(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    return "|".join(parts)


def _grouped(node: dict[str, Any]) -> str:
    body = _branches(node)
    if not body:
        return ""
    if "" in node:
        return f"(?:{body})?"  # greedy: the longer phrase is tried first
    return f"(?:{body})" if sum(1 for ch in node if ch) > 1 else body
