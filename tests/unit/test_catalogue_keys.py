"""Every string the code asks the catalogue for exists, literal keys and computed ones alike.

Three nets: ``t`` raises ``MissingKey`` in the tests (``conftest.py``), so any screen or
command a test shows with a missing string fails; every literal key in the code is
checked here without running it; every computed key (``f"report.layer.{layer}"``) must
belong to a family below whose whole domain is checked, so a new computed key cannot
slip in unchecked.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from alignment_tui import i18n
from alignment_tui.analysis.findings import Severity
from alignment_tui.cli import _ARGPARSE_WORDS, COMMANDS
from alignment_tui.model.checkins import CHECKIN_ERRORS
from alignment_tui.model.paths import answer_fields
from alignment_tui.model.profile import LAYERS, Benefit, Branch, Cadence, Confidence, Period
from alignment_tui.session.period import REFUSALS
from alignment_tui.store.files import OUTPUT_PROBLEMS
from alignment_tui.tui.screens.modals import CONFLICT_CHOICES

PACKAGE = Path(i18n.__file__).parent
CALLS = {"t": "", "tr": "plain.", "lookup": ""}  # function → the prefix it adds to its key


def _calls() -> list[tuple[str, ast.expr, str]]:
    """(function, first argument, "file:line") of every catalogue lookup in the package."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else getattr(fn, "attr", "")
            if name in CALLS:
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                out.append((name, node.args[0], where))
    return out


def _pattern(node: ast.JoinedStr) -> str:
    """An f-string key as a pattern: ``report.layer.{x}`` → ``report.layer.{}``."""
    return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)


def _literals(node: ast.expr) -> list[str]:
    """The keys a literal or a conditional between literals can be."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_literal_key_exists(lang: str) -> None:
    table = i18n.catalogue(lang)
    missing = []
    for name, arg, where in _calls():
        for key in _literals(arg):
            full = CALLS[name] + key
            if name != "lookup" and full not in table and f"{full}.other" not in table:
                missing.append(f"{where}: {full}")
    assert missing == []


def _values(enum: type) -> tuple[str, ...]:
    return tuple(m.value for m in enum)  # type: ignore[attr-defined]


SEVERITIES = _values(Severity)
ROW_COLUMNS = ("name", "meaning", "behaviour", "id", "description", "branch", "baseline")
ROW_COLUMNS += ("target", "unit", "deadline", "cadence", "owner", "axis", "persona", "timing")
ROW_COLUMNS += ("budget_share", "amount", "currency", "period", "baseline_date", "checkins")
# Each computed key the code builds, with every value its placeholders can take. A key
# family listed here is checked whole in both languages; one missing here fails below.
FAMILIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "report.layer.{}": ((*LAYERS, "other"),),
    "check.layer_names.{}": (LAYERS,),
    "report.severity.{}": (SEVERITIES,),
    "severity.{}": (SEVERITIES,),
    "plain.severity.{}": (SEVERITIES,),
    "editors.branch.{}": (_values(Branch),),
    "plain.branch.{}": (_values(Branch),),
    "editors.cadence.{}": (_values(Cadence),),
    "plain.cadence.{}": (_values(Cadence),),
    "editors.period.{}": (_values(Period),),
    "plain.period.{}": (_values(Period),),
    "typed.per_{}": (_values(Period),),
    "plain.{}.{}": (("benefit",), _values(Benefit)),
    "report.enum.{}": (
        _values(Branch)
        + _values(Cadence)
        + _values(Period)
        + _values(Benefit)
        + _values(Confidence),
    ),
    "report.field.{}": (tuple(answer_fields()),),
    "report.col.{}": (ROW_COLUMNS,),
    "report.by.{}": (("respondent", "coach"),),
    "who.{}": (("respondent", "coach"),),
    "report.horizon_{}": (("years", "months"),),
    "cli.{}.summary": (tuple(COMMANDS),),
    "cli.{}.example": (tuple(COMMANDS),),
    "cli.argparse.{}": (tuple(_ARGPARSE_WORDS.values()),),
    "diff.kind.{}": (("added", "removed", "reworded", "changed"),),
    "diff.{}_tag": (("fixed", "waived", "new", "new_waived"),),
    "diff.meta.{}": (("organisation", "respondent", "updated"),),
    "meter.{}": (("low", "mid", "high"),),
    "editors.horizon.{}": (("years", "months"),),
    "typed.{}": (("year", "years", "month", "months"),),
    "plain.intro.{}": (("what", "why", "horizon", "good"),),
    "conflict.key.{}": (("reload", "overwrite", "save_as"),),
    "plain.after.{}": (("next", "next_coach", "next_coach_no_findings"),),
    "guard.{}": (("internal", "output_closed", "output_failed", "output_encoding"),),
    "conflict.{}": (CONFLICT_CHOICES,),
    "checkin.error.{}": (CHECKIN_ERRORS,),
    "checkin.confidence.{}": (_values(Confidence),),
    "report.progress.col_{}": (("date", "value", "expected", "confidence", "comment"),),
    "report.progress.axis_{}": (("baseline", "target"),),
    "schema.error.{}": (OUTPUT_PROBLEMS,),
    "next.{}": (REFUSALS,),
}
# Computed keys whose domain is a data table of their own module, checked by that
# module's tests (bank problems, store errors, palette commands, editor columns…): the
# strict catalogue makes those tests fail on a missing string.
CHECKED_ELSEWHERE = {
    "bank.problem.{}",
    "error.{}",
    "key.{}",
    "palette.{}_help",
    "intro.{}",
    "plain.{}",
    "plain.key.{}",
    "plain.field.{}.{}",
    "plain.{}_nothing",
    "plain.no_options.{}",
    "editors.add.{}",
    "editors.col.{}",
    "editors.no_{}",
    "editors.placeholder.{}",
    "report.{}",
}


def test_every_computed_key_belongs_to_a_checked_family() -> None:
    unknown = []
    for name, arg, where in _calls():
        if isinstance(arg, ast.JoinedStr):
            pattern = CALLS[name] + _pattern(arg)
            if pattern not in FAMILIES and pattern not in CHECKED_ELSEWHERE:
                unknown.append(f"{where}: {pattern}")
    assert unknown == [], "add the family and its domain to FAMILIES"


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("pattern", sorted(FAMILIES))
def test_computed_key_families_are_complete(pattern: str, lang: str) -> None:
    import itertools

    table = i18n.catalogue(lang)
    keys = [pattern.format(*combo) for combo in itertools.product(*FAMILIES[pattern])]
    missing = [key for key in keys if key not in table and f"{key}.other" not in table]
    assert missing == []


@pytest.mark.parametrize("pattern", sorted(CHECKED_ELSEWHERE))
def test_families_checked_elsewhere_match_real_keys(pattern: str) -> None:
    regex = re.compile("^" + re.escape(pattern).replace(r"\{\}", r"[^.]+") + "$")
    assert any(regex.match(key) for key in i18n.catalogue("en")), pattern


def test_asking_for_a_missing_key_fails_loudly() -> None:
    with pytest.raises(i18n.MissingKey):
        i18n.t("report.no_such_key", "fr")
    assert i18n.lookup("report.no_such_key", "fr") is None


def test_outside_the_tests_a_missing_key_shows_itself_rather_than_crashing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ALIGNMENT_TUI_STRICT_KEYS")
    assert i18n.t("report.no_such_key", "fr") == "report.no_such_key"
