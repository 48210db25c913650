"""The one rule registry: each rule id is its metadata (data) and exactly one check (code).

``data/rules.toml`` gives every rule's severity, family, scope (one ``answer`` or the
whole ``profile``) and layers; each language pack gives its texts (``rules.toml``). A
check registers itself with ``@check("rule.id")``. ``verify`` holds the two sides
together both ways: no id without a check, no check without an id, no pack without the
texts of every rule, no word list feeding an unknown rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from alignment_tui.analysis import packs
from alignment_tui.analysis.data import DataError, builtin, builtin_table, resettable, validate
from alignment_tui.analysis.findings import REGISTRY, Example, RuleInfo, Severity

C = TypeVar("C", bound=Callable[..., Any])
Scope = Literal["answer", "profile"]
_FIELD = re.compile(r"\{(\w+)\}")


class RuleMeta(BaseModel):
    """What ``data/rules.toml`` says of one rule."""

    model_config = ConfigDict(extra="forbid")
    severity: Severity
    family: str
    scope: Scope
    layer: str | None = None  # the layer its examples are judged in (answer rules)
    layers: list[str] = []
    lexical: bool = False  # its evidence is a listed word: concrete detail may spare it
    never_spared_in: list[str] = []  # …except in these layers
    # Layers where its listed phrases are strong evidence; elsewhere each is weak (empty:
    # strong by its entry, or by being several words).
    strong_in: list[str] = []
    # "strong": its finding is evidence enough for a warning; "weak": a hint unless other
    # weak evidence in the same answer agrees (analysis/text.py, "A warning needs evidence").
    evidence: Literal["strong", "weak"] = "strong"
    # What its finding does to the chain of layers: breaks the link, or weakens it (at risk).
    chain: Literal["breaks", "weakens"] | None = None


class _Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kinds: list[str]


class _Core(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fields: dict[str, str]


class _RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    params: dict[str, float]
    detail: dict[str, float]
    core: _Core
    evidence: _Evidence
    rule: dict[str, RuleMeta]


CHECKS: dict[str, Callable[..., Any]] = {}


def check(rule_id: str) -> Callable[[C], C]:
    """Register ``fn`` as the one check of ``rule_id``."""

    def wrap(fn: C) -> C:
        if rule_id in CHECKS and CHECKS[rule_id] is not fn:
            raise ValueError(f"rule {rule_id} has two checks")
        CHECKS[rule_id] = fn
        return fn

    return wrap


@cache
def _file() -> _RulesFile:
    return validate(_RulesFile, builtin_table("rules.toml"), builtin("data", "rules.toml"))


def meta(rule_id: str) -> RuleMeta:
    return _file().rule[rule_id]


def metas() -> dict[str, RuleMeta]:
    return _file().rule


def params(lang: str | None = None) -> dict[str, float]:
    """Every rule parameter (thresholds), by name; with ``lang``, as that language's pack
    sets them (``[params]`` in its pack.toml overrides data/rules.toml)."""
    if lang is None or lang not in packs.packs():
        return _file().params
    return _params_of(lang)


@resettable
@cache
def _params_of(lang: str) -> dict[str, float]:
    own = packs.get(lang).params
    unknown = sorted(set(own) - set(_file().params))
    if unknown:
        raise DataError(
            f"{packs.get(lang).folder}/pack.toml: [params] unknown {', '.join(unknown)}"
        )
    return {**_file().params, **own}


def detail_weights() -> dict[str, float]:
    """What each kind of concrete detail weighs against weak evidence of vagueness."""
    return _file().detail


def core_fields() -> dict[str, str]:
    """The fields without which a layer has no core at all (``profile.core_missing``):
    the field that must hold something, and the field the finding is located on."""
    return _file().core.fields


def evidence_kinds() -> frozenset[str]:
    """What word lists may feed besides rules: kinds of concrete detail."""
    return frozenset(_file().evidence.kinds)


@cache
def lexical_rules() -> frozenset[str]:
    """Rules whose evidence is a listed word (concrete detail may spare them)."""
    return frozenset(rid for rid, m in _file().rule.items() if m.lexical)


@cache
def chain_effects() -> dict[str, str]:
    """The rules that break or weaken a link of the chain: id → ``breaks`` or ``weakens``."""
    return {rid: m.chain for rid, m in _file().rule.items() if m.chain is not None}


@resettable
@cache
def infos() -> dict[str, RuleInfo]:
    """Every rule with its texts in every pack, checked (see the module docstring)."""
    rules = _file().rule
    known = set(rules) | evidence_kinds()
    out: dict[str, RuleInfo] = {}
    all_packs = packs.packs()
    for pack in all_packs.values():
        where = f"{pack.folder}/rules.toml"
        extra = sorted(set(pack.rules) - set(rules))
        if extra:
            raise DataError(f"{where}: unknown rules {', '.join(extra)}")
        missing = sorted(set(rules) - set(pack.rules))
        if missing:
            raise DataError(f"{where}: no texts for {', '.join(missing)}")
        for n, entry in enumerate(pack.entries, start=1):
            if entry.rule not in known:
                raise DataError(
                    f"{pack.folder}/lexicon.toml: entry {n}: rule {entry.rule} is not a rule"
                )
    first = next(iter(all_packs.values()))
    for rule_id, m in rules.items():
        for pack in all_packs.values():
            text = pack.rules[rule_id]
            for key in ("message", "suggestion"):
                mine = set(_FIELD.findall(getattr(text, key)))
                theirs = set(_FIELD.findall(getattr(first.rules[rule_id], key)))
                if mine != theirs:
                    raise DataError(
                        f"{pack.folder}/rules.toml: rule {rule_id}: {key} placeholders "
                        f"{sorted(mine)} differ from the {first.code} pack's {sorted(theirs)}"
                    )
            if set(text.cases) != set(first.rules[rule_id].cases):
                raise DataError(
                    f"{pack.folder}/rules.toml: rule {rule_id}: cases {sorted(text.cases)} "
                    f"differ from the {first.code} pack's {sorted(first.rules[rule_id].cases)}"
                )
            if {e.fires for e in text.examples} != {True, False}:
                raise DataError(
                    f"{pack.folder}/rules.toml: rule {rule_id}: needs an example that fires "
                    "and one that does not"
                )
        out[rule_id] = RuleInfo(
            id=rule_id,
            severity=m.severity,
            family=m.family,
            title={p.code: p.rules[rule_id].title for p in all_packs.values()},
            catches={p.code: p.rules[rule_id].catches for p in all_packs.values()},
            why={p.code: p.rules[rule_id].why for p in all_packs.values()},
            examples={
                p.code: tuple(
                    Example(e.text, e.fires, dict(e.with_)) for e in p.rules[rule_id].examples
                )
                for p in all_packs.values()
            },
            layers=tuple(m.layers),
            scope=m.scope,
            layer=m.layer or "",
        )
    return out


def verify() -> None:
    """Every rule has one check and every check a rule (raises ``DataError`` otherwise)."""
    ids = set(_file().rule)
    no_check = sorted(ids - set(CHECKS))
    if no_check:
        raise DataError(f"analysis/data/rules.toml: rules without a check: {', '.join(no_check)}")
    no_rule = sorted(set(CHECKS) - ids)
    if no_rule:
        raise DataError(f"analysis/data/rules.toml: checks without a rule: {', '.join(no_rule)}")
    infos()


@resettable
@cache
def checks_of(scope: Scope) -> tuple[tuple[str, Callable[..., Any]], ...]:
    """The checks of one scope, in the order of ``data/rules.toml`` (verified first)."""
    verify()
    return tuple((rid, CHECKS[rid]) for rid, m in _file().rule.items() if m.scope == scope)


@resettable
@cache
def checks_for(layer: str) -> tuple[tuple[str, Callable[..., Any]], ...]:
    """The answer checks that apply to an answer of ``layer``: those whose ``layers`` in
    ``data/rules.toml`` name it, or name none (every layer). A rule declared for the plan's
    layers never runs on a value or a vision, whatever its check reads."""
    rules = _file().rule
    return tuple(
        (rid, fn)
        for rid, fn in checks_of("answer")
        if not rules[rid].layers or layer in rules[rid].layers
    )


def text_of(rule_id: str, lang: str) -> packs.RuleText:
    return packs.get(lang).rules[rule_id]


REGISTRY.bind(infos)
__all__ = ["CHECKS", "REGISTRY", "check", "infos", "params", "verify"]
