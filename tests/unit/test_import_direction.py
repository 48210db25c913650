"""Imports go the way docs/architecture.md draws them, and no module reaches back to itself."""

from __future__ import annotations

from tests.unit.import_graph import MAY_IMPORT, circles, group_of, imports, modules, wrong_way

# What the restructure has not reached yet, each to disappear; the test fails when one
# does (so this list stays true) as much as when a new one comes.
KNOWN_WRONG_WAY = {
    ("alignment_tui.tui.app", "alignment_tui.commands.output"),
}
KNOWN_CIRCLES = [
    ["alignment_tui.tui.app", "alignment_tui.tui.autosave", "alignment_tui.tui.flow"],
    [
        "alignment_tui.tui.livewire",
        "alignment_tui.tui.screens.question",
        "alignment_tui.tui.screens.review",
        "alignment_tui.tui.screens.summary",
    ],
    ["alignment_tui.tui.widgets.editors.row", "alignment_tui.tui.widgets.editors.rows"],
]


def test_every_module_has_a_group() -> None:
    for module in modules():
        assert group_of(module) in MAY_IMPORT, module


def test_no_import_goes_against_the_direction() -> None:
    found = {(i.source, i.target) for i in wrong_way()}
    lines = sorted(f"{i.where} → {i.target}" for i in wrong_way())
    assert found == KNOWN_WRONG_WAY, "\n".join(lines)


def test_no_import_circle() -> None:
    assert circles() == KNOWN_CIRCLES


def test_the_check_sees_what_it_checks() -> None:
    """The graph is read from the source, function-local and type-only imports included."""
    found = {(i.source, i.target, i.local, i.typing_only) for i in imports()}
    assert ("alignment_tui.session.core", "alignment_tui.model.kinds", False, False) in found
    assert any(src == "alignment_tui.tui.app" and local for src, _, local, _ in found)
    assert group_of("alignment_tui.analysis.text") == "analysis"
    assert "tui" not in MAY_IMPORT["session"] and "textual" not in MAY_IMPORT["model"]
