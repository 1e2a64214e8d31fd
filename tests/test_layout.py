"""The package's layout holds: every module sits on a layer and imports only from its own layer
or lower, no import circle exists anywhere, and no module grows past ~400 lines.

Imports are read with ``ast`` from every module under src/dpa_policy, at any depth: top level,
inside functions, under ``if TYPE_CHECKING:``. A module imported lazily is still a dependency.
README's Development section and docs/plugins.md draw the same layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dpa_policy"
ROOT = "dpa_policy"
MAX_LINES = 450  # the issue says ~400; this is where "about" ends

# Module (or package, with everything below it) -> layer. The longest matching name wins.
LAYERS = {
    # 0: what everything else is about: findings, errors, the agreement model and the domain
    #    knowledge beside it (vocabularies, durations, sanitization levels, NDPA editions)
    "errors": 0, "findings": 0, "version": 0, "model": 0,
    # 1: the format and reading files
    "schema": 1, "rule": 1, "core.reading": 1, "core.loader": 1, "core.source_map": 1,
    # 2: the pipeline, and the plugin contract
    "registry": 2, "hookspecs": 2, "core": 2,
    # 3: what plugs into the pipeline or works beside it
    "plugins": 3, "presets": 3, "testing": 3, "rules": 3, "packs": 3, "reporters": 3, "compare": 3, "ingest": 3,
    # 4: documents for people, and writing files
    "render": 4, "output": 4,
    # 5: one module per command
    "commands": 5,
    # 6: the entry points; the package __init__ imports lazily for the public API
    "cli": 6, "__main__": 6, "": 6,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def layer(module: str) -> int | None:
    inner = module[len(ROOT) + 1:] if module != ROOT else ""
    best = None
    for prefix in LAYERS:
        if inner == prefix or (prefix and inner.startswith(prefix + ".")):
            if best is None or len(prefix) > len(best):
                best = prefix
    return LAYERS[best] if best is not None else None


def known(name: str) -> str:
    """The longest prefix of ``name`` that is one of the package's modules."""
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def imports_of(module: str) -> dict[str, int]:
    """Every dpa_policy module ``module`` imports, with the line of the first such import."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            # `from . import schema` imports the module dpa_policy.schema; `from .x import name`
            # imports the module x.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        for target in targets:
            if target == ROOT or target.startswith(ROOT + "."):
                found.setdefault(known(target), node.lineno)
    found.pop(module, None)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_has_a_layer():
    missing = sorted(m for m in MODULES if layer(m) is None)
    assert not missing, f"modules on no layer (add them to LAYERS in {Path(__file__).name}): {missing}"


def test_no_module_imports_from_a_higher_layer():
    upward = []
    for module, targets in GRAPH.items():
        for target, line in sorted(targets.items()):
            if module == ROOT:  # the package's lazy __getattr__ serves the public API
                continue
            if layer(target) > layer(module):
                upward.append(f"{MODULES[module].relative_to(PACKAGE.parent)}:{line}: {module} (layer {layer(module)}) "
                              f"imports {target} (layer {layer(target)})")
    assert not upward, "imports from a higher layer:\n" + "\n".join(upward)


def test_no_import_circle():
    cycles = []
    for component in strongly_connected(GRAPH):
        if len(component) > 1:
            cycles.append(" -> ".join(cycle_through(component)))
    assert not cycles, "import circles:\n" + "\n".join(cycles)


def test_commands_are_leaves():
    """No command imports another: what they share lives in commands._args or below."""
    commands = [m for m in MODULES if m.startswith(f"{ROOT}.commands.") and not m.endswith("._args")]
    crossing = [f"{module} imports {target}" for module in commands for target in sorted(GRAPH[module])
                if target in commands]
    assert not crossing, "commands importing commands:\n" + "\n".join(crossing)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_is_small(module):
    lines = len(MODULES[module].read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, (f"{MODULES[module].relative_to(PACKAGE.parent)} has {lines} lines (at most {MAX_LINES}): "
                                "split it by job")


def test_the_checker_sees_circles_and_upward_imports():
    """The walk above must be able to fail: a made-up graph with a circle and an upward edge."""
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {}}
    assert [sorted(c) for c in strongly_connected(graph) if len(c) > 1] == [["a", "b", "c"]]
    assert cycle_through({"a", "b", "c"}, graph) == ["a", "b", "c", "a"]
    assert layer(f"{ROOT}.cli") > layer(f"{ROOT}.commands.check") > layer(f"{ROOT}.render.diff") > layer(f"{ROOT}.compare.flips")
    assert layer(f"{ROOT}.core.loader") < layer(f"{ROOT}.core.run")
    # (cli imports each command module by name, when its command runs: importlib, not an import statement)
    assert imports_of(f"{ROOT}.cli").keys() >= {f"{ROOT}.core.report", f"{ROOT}.commands._args"}


# ------------------------------------------------------------------------------- helpers
def strongly_connected(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit to hit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
    return components


def cycle_through(component: set[str], graph: dict[str, dict[str, int]] | None = None) -> list[str]:
    """One concrete circle inside a strongly connected component, for the message."""
    graph = GRAPH if graph is None else graph
    start = min(component)
    path, seen = [start], {start}
    while True:
        step = min(t for t in graph[path[-1]] if t in component)
        if step in seen:
            return path[path.index(step):] + [step]
        path.append(step)
        seen.add(step)
