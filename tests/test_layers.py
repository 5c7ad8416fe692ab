"""Imports only look down the flow, and no module imports itself back through others.

models → lexicon → ingest, extract → store → resolve → graph → export → api → cli, web:
a module imports from its own package or from a layer before its own (every `import
linkchart…` / `from linkchart…` in src, also inside functions), and imports, also those
inside functions, form no cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "linkchart"

LAYERS: list[set[str]] = [
    {"models", "terminal"},  # terminal: text safe to print, imports no linkchart module
    {"lexicon"},
    {"ingest", "extract"},
    {"store"},
    {"resolve"},
    {"graph", "screen"},  # screen: sanctions-list screening, on the resolver's names
    {"export"},
    {"api"},
    {"cli", "web"},
]
# Packages of one layer do not import each other, except these (importer, imported) pairs.
SIBLING_IMPORTS = {("cli", "web")}  # `linkchart serve` starts the web app
# Packages that may import from these packages only (besides their own).
ONLY_FROM = {
    "store": {"models"},  # the store holds no stage's policy: name and near-duplicate keys are handed to it
    "web": {"api"},  # the web goes through the API, never around it
}
def module_name(path: Path) -> str:
    """Return the dotted module name of a source file under src/."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_of(module: str) -> str:
    """Return the top-level part of a linkchart module ('linkchart.store.sqlite' → 'store')."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def rank(package: str) -> int:
    """Return the layer of a package (its index in LAYERS)."""
    for i, layer in enumerate(LAYERS):
        if package in layer:
            return i
    raise AssertionError(f"package linkchart.{package} is in no layer: add it to LAYERS in {__file__}")


def is_module(name: str) -> bool:
    """Return True when `name` is a linkchart module or package in src/."""
    path = SRC.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


class Import:
    """One import of a linkchart module: where it is and whether it runs when the module loads."""

    def __init__(self, target: str, line: int, module_level: bool) -> None:
        self.target = target
        self.line = line
        self.module_level = module_level


def imports_of(path: Path) -> Iterator[Import]:
    """Yield the linkchart modules a source file imports, with the line and whether at module level.

    Imports inside functions, and under `if TYPE_CHECKING:`, do not run when the module loads.
    """
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST, module_level: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from visit(child, False)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from visit(child, False)
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("linkchart."):
                        yield Import(alias.name, child.lineno, module_level)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join([*package.split(".")[: len(package.split(".")) - child.level + 1], base]).strip(".")
                if not base.startswith("linkchart.") and base != "linkchart":
                    continue
                for alias in child.names:  # `from linkchart.resolve import names` imports a module
                    target = f"{base}.{alias.name}"
                    yield Import(target if is_module(target) else base, child.lineno, module_level)
            else:
                yield from visit(child, module_level)

    yield from visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), True)


def source_files() -> list[Path]:
    """Return every Python file of the linkchart package."""
    return sorted(PACKAGE.rglob("*.py"))


def layer_violation(importer: str, target: str) -> str | None:
    """Return why `importer` may not import `target`, or None when it may."""
    mine, theirs = package_of(importer), package_of(target)
    if not mine or not theirs or mine == theirs:
        return None
    if mine in ONLY_FROM and theirs not in ONLY_FROM[mine]:
        return f"linkchart.{mine} imports only from {', '.join(sorted(ONLY_FROM[mine]))}"
    if rank(theirs) < rank(mine) or (mine, theirs) in SIBLING_IMPORTS:
        return None
    return f"{theirs} is not in a layer before {mine}"


def test_every_import_looks_down() -> None:
    wrong = []
    for path in source_files():
        importer = module_name(path)
        for imp in imports_of(path):
            why = layer_violation(importer, imp.target)
            if why:
                wrong.append(f"{path.relative_to(SRC.parent)}:{imp.line}: imports {imp.target} ({why})")
    assert not wrong, "imports against the layers:\n" + "\n".join(dict.fromkeys(wrong))


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one cycle of the directed graph as a list of nodes (first = last), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def dfs(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := dfs(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := dfs(start)):
            return cycle
    return None


def test_imports_form_no_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in source_files():
        importer = module_name(path)
        graph[importer] = {imp.target for imp in imports_of(path) if imp.target != importer}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_checks_catch_what_they_are_for() -> None:
    assert layer_violation("linkchart.store.sqlite", "linkchart.resolve.names")
    assert layer_violation("linkchart.store.sqlite", "linkchart.ingest.dedupe")
    assert layer_violation("linkchart.web.app", "linkchart.store.base")
    assert layer_violation("linkchart.extract.mentions", "linkchart.api")
    assert layer_violation("linkchart.ingest.run", "linkchart.extract.nlp")  # siblings stay apart
    assert layer_violation("linkchart.api.workspace", "linkchart.store.sqlite") is None
    assert layer_violation("linkchart.cli", "linkchart.web.app") is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
