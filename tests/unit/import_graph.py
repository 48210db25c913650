"""The package's own import graph, read from its source: every import, where it sits, and
the group (layer) of each module, as docs/architecture.md draws them."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE = (
    Path(os.environ.get("IMPORT_GRAPH_ROOT") or Path(__file__).resolve().parents[2])
    / "alignment_tui"
)

# Each group and the groups it may import; a module's group is its longest matching prefix.
GROUPS: dict[str, str] = {
    "alignment_tui": "base",
    "alignment_tui.i18n": "base",
    "alignment_tui.locales": "base",
    "alignment_tui.safe_text": "base",
    "alignment_tui.formats": "base",
    "alignment_tui.output": "base",
    "alignment_tui.store.files": "base",
    "alignment_tui.store.errors": "base",
    "alignment_tui.store.lock": "base",
    "alignment_tui.store.autosave": "base",
    "alignment_tui.model": "model",
    "alignment_tui.store": "store",
    "alignment_tui.analysis": "analysis",
    "alignment_tui.report": "report",
    "alignment_tui.session": "session",
    "alignment_tui.session.timer": "session",
    "alignment_tui.session.live": "session",
    "alignment_tui.plain": "plain",
    "alignment_tui.tui": "tui",
    "alignment_tui.app": "tui",
    "alignment_tui.tui.screens": "tui",
    "alignment_tui.tui.widgets": "tui",
    "alignment_tui.cli": "cli",
    "alignment_tui.__main__": "cli",
}
CORE = {"base", "model", "store", "analysis", "report", "session"}
MAY_IMPORT: dict[str, set[str]] = {
    "base": set(),
    "model": {"base"},
    "store": {"base", "model"},
    "analysis": {"base", "model"},
    "report": {"base", "model", "store", "analysis"},
    "session": {"base", "model", "store", "analysis", "report"},
    "plain": CORE,
    "tui": CORE,
    "cli": CORE | {"plain", "tui"},
}


@dataclass(frozen=True)
class Import:
    """One import of a module of the package by another."""

    source: str  # the importing module
    target: str  # the module imported
    line: int
    local: bool  # inside a function (run when called, not when the module loads)
    typing_only: bool  # under ``if TYPE_CHECKING``
    why: str  # the comment on its line or the line above it

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def group_of(module: str) -> str:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in GROUPS:
            return GROUPS[prefix]
    raise KeyError(module)


@cache
def modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package: its file, and whether it is a package's ``__init__``."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


def _owner(name: str) -> str | None:
    """The module of the package a dotted name lives in (a module, or a name in one)."""
    known = modules()
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = module.split(".") if is_package else module.split(".")[:-1]
        if node.level:
            base = base[: len(base) - (node.level - 1)]
            prefix = ".".join([*base, node.module] if node.module else base)
        else:
            prefix = node.module or ""
        names = [f"{prefix}.{a.name}" for a in node.names]
    for name in names:
        owner = _owner(name)
        if owner is not None and owner != module:
            yield owner


def _comment(lines: list[str], line: int) -> str:
    """The comment on an import's line, or on the line just above it."""
    here = lines[line - 1].partition("#")[2].strip()
    above = lines[line - 2].strip() if line >= 2 else ""
    return here or (above[1:].strip() if above.startswith("#") else "")


def _visit(
    module: str, is_package: bool, lines: list[str], tree: ast.AST, out: list[Import]
) -> None:
    def visit(node: ast.AST, local: bool, typing_only: bool) -> None:
        # A run of imports shares the comment above its first one.
        why = ""
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.Import | ast.ImportFrom):
                why = ""
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, True, typing_only)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                visit(child, local, True)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                why = _comment(lines, child.lineno) or why
                for target in _targets(module, is_package, child):
                    out.append(Import(module, target, child.lineno, local, typing_only, why))
            else:
                visit(child, local, typing_only)

    visit(tree, False, False)


@cache
def imports() -> tuple[Import, ...]:
    out: list[Import] = []
    for module, (path, is_package) in modules().items():
        source = path.read_text("utf-8")
        _visit(module, is_package, source.splitlines(), ast.parse(source), out)
    return tuple(out)


def graph() -> dict[str, set[str]]:
    """Module → the modules it imports, at any place; importing ``a.b.c`` also runs
    ``a/__init__`` and ``a/b/__init__``, so those count too."""
    edges: dict[str, set[str]] = {m: set() for m in modules()}
    for imp in imports():
        edges[imp.source].add(imp.target)
        parts = imp.target.split(".")
        for n in range(2, len(parts)):
            parent = ".".join(parts[:n])
            if parent in edges and not imp.source.startswith(parent + "."):
                edges[imp.source].add(parent)
    for module in edges:
        edges[module].discard(module)
    return edges


def circles() -> list[list[str]]:
    """The import circles: groups of modules that each reach the others (Tarjan's SCC)."""
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return sorted(found)


def wrong_way() -> list[Import]:
    """Imports that go against the direction of docs/architecture.md."""
    return [
        imp
        for imp in imports()
        if group_of(imp.target) != group_of(imp.source)
        and group_of(imp.target) not in MAY_IMPORT[group_of(imp.source)]
    ]


if __name__ == "__main__":
    local = {(i.source, i.line): i for i in imports() if i.local}.values()
    print(f"function-local imports of the package's own modules: {len(local)}", end="")
    print(f" in {len({i.source for i in local})} modules")
    print(f"  without a comment saying why: {sum(1 for i in local if not i.why)}")
    print(f"import circles: {len(circles())}")
    for circle in circles():
        print("  " + " ↔ ".join(circle))
    print(f"wrong-way imports: {len(wrong_way())}")
    for imp in wrong_way():
        print(f"  {imp.where} → {imp.target}")
