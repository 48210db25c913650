"""Imports go the way docs/architecture.md draws them, no module reaches back to itself, and
no import hides in a function without saying why."""

from __future__ import annotations

from tests.unit.import_graph import MAY_IMPORT, circles, group_of, imports, modules, wrong_way


def test_every_module_has_a_group() -> None:
    for module in modules():
        assert group_of(module) in MAY_IMPORT, module


def test_no_import_goes_against_the_direction() -> None:
    lines = sorted(f"{i.where} → {i.target}" for i in wrong_way())
    assert lines == []


def test_no_import_circle() -> None:
    assert circles() == []


def test_an_import_inside_a_function_says_why() -> None:
    """Only for start-up speed (a command's or a front end's modules loaded when asked for),
    and the comment on it, or above its block, says so."""
    hidden = sorted({i.where for i in imports() if i.local and "lazy" not in i.why.casefold()})
    assert hidden == []


def test_the_check_sees_what_it_checks() -> None:
    """The graph is read from the source, function-local and type-only imports included."""
    found = {(i.source, i.target, i.local, i.typing_only) for i in imports()}
    assert ("alignment_tui.session.core", "alignment_tui.model.kinds", False, False) in found
    assert ("alignment_tui.tui.opening", "alignment_tui.tui.walker", True, False) in found
    assert any(typing_only for *_, typing_only in found)
    assert group_of("alignment_tui.analysis.text") == "analysis"
    assert group_of("alignment_tui.store.files") == "base"
    assert "tui" not in MAY_IMPORT["session"] and "plain" not in MAY_IMPORT["tui"]
