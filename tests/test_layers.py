"""The package's import graph: no cycles, and every import points down the pipeline's layers.

The graph is read from the source with ``ast`` (imports inside functions count: a lazy import is still a
dependency). Layers, bottom to top: the core modules at the package's top level (settings, the loaded edition, the
register model, the facts, what a builder is); the logic packages (readers, repair, brackets, entities,
odd); validation; the exchange formats; passes and builders (whose table lists the exports); the
pipeline; the commands; the CLI. A module may import its own package and anything in a lower layer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import teiedit

PACKAGE = Path(teiedit.__file__).resolve().parent

#: Layer of each sub-package (and of the top-level modules that are not core); core modules are 0.
LAYERS = {
    "readers": 1,
    "repair": 1,
    "brackets": 1,
    "entities": 1,
    "odd": 1,
    "dates_context": 2,  # the date pass's year context: over the entities' flat text, under the passes
    "validate": 2,  # compiles messages from the grammar the ODD gives (odd.grammar)
    "exchange": 3,  # checks imported files with validate
    "transforms": 4,
    "builders": 4,  # the BUILDERS table lists the exports (exchange) beside the renderers
    "pipeline": 5,
    "register_check": 4,  # the register files against the ODD (validate)
    "per_source": 4,  # the conversion options of one source (reads the readers' profiles)
    "serve": 5,  # the ASGI app over the site builders' answers (DTS, OAI-PMH)
    "commands": 6,
    "cli": 7,
    "__main__": 8,
}

#: Imports that break the rule today, with the reason they are still there. The test fails when one of
#: them is gone (remove it here) as much as when a new one appears.
KNOWN: dict[tuple[str, str], str] = {}


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for f in sorted(PACKAGE.rglob("*.py")):
        parts = ["teiedit", *f.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


def _imports(module: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """The teiedit modules ``module`` imports (a name imported from a package counts as the package,
    unless it is a sub-module)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                target = target if target in modules else base
                if target in modules and target != module:
                    yield target


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {m: set(_imports(m, p, modules)) for m, p in modules.items()}


def _layer(module: str) -> tuple[str, int]:
    """(the sub-package or module that owns ``module``, its layer)."""
    owner = module.split(".")[1] if "." in module else ""
    return owner, LAYERS.get(owner, 0)


def _upward(graph: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """Imports of a module in a layer at or above the importer's (other than its own package), and
    imports of pass modules by commands (they call the library, not a pass's internals)."""
    found: dict[tuple[str, str], str] = {}
    for module, targets in graph.items():
        owner, layer = _layer(module)
        for target in targets:
            other, other_layer = _layer(target)
            if layer == 0 and other_layer > 0:
                found[(module, target)] = f"a core module imports layer {other_layer}"
            elif other != owner and other_layer >= layer > 0:
                found[(module, target)] = f"layer {layer} imports layer {other_layer}"
            elif owner == "commands" and other == "transforms":
                found[(module, target)] = "a command imports a pass"
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: strongly connected components of more than one module (Tarjan)."""
    cycles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
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
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert len(graph) > 80
    assert sum(len(t) for t in graph.values()) > 300
    assert "teiedit.transforms" in graph["teiedit.transforms.brackets"]
    assert "teiedit.validate.rng" in graph["teiedit.validate"]
    assert "teiedit.builders.pdf.assembly" in graph["teiedit.builders.pdf.rounds"]  # a lazy import


def test_no_module_imports_a_higher_layer() -> None:
    upward = _upward(_graph())
    assert set(upward) == set(KNOWN), upward


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_checks_see_what_they_forbid(tmp_path: Path) -> None:
    """On made-up graphs the checks find a cycle and upward imports (so their passing means something)."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    bad = {
        "teiedit.builders.corpus": {"teiedit.pipeline", "teiedit.builders.search", "teiedit.io"},
        "teiedit.io": {"teiedit.validate"},
        "teiedit.commands.x": {"teiedit.transforms.quotes", "teiedit.pipeline"},
    }
    assert set(_upward(bad)) == {
        ("teiedit.builders.corpus", "teiedit.pipeline"),
        ("teiedit.io", "teiedit.validate"),
        ("teiedit.commands.x", "teiedit.transforms.quotes"),
    }
    src = tmp_path / "m.py"
    src.write_text("from teiedit.pipeline import build\nfrom . import sibling\n", encoding="utf-8")
    known = {"teiedit.pipeline": src, "teiedit.builders.sibling": src, "teiedit.builders.m": src}
    assert set(_imports("teiedit.builders.m", src, known)) == {
        "teiedit.pipeline",
        "teiedit.builders.sibling",
    }
