"""The rooms keep their doors: the engine loads no Qt, sandbox or command line; front ends use surfaces.

Read from the source (every import, also those inside functions, except type-checking-only ones), so
a rule is broken the moment someone writes the import, whether or not a test runs through it.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import REPO

SUBPACKAGES = ("recipients", "template", "m365", "campaign")
# Where each foreign library's exceptions are caught (msal answers with dicts and ValueError, which
# only ``m365.auth`` sees: ``test_msal_is_spoken_only_by_sign_in``).
FOREIGN_BOUNDARIES = {
    "jinja2": {"securemailmerge.template.boundary"},
    "httpx": {"securemailmerge.m365.net"},
}


@dataclass(frozen=True)
class Import:
    """One import statement: the importing module, what it imports, and where it sits."""

    module: str
    target: str
    names: tuple[str, ...]
    line: int
    in_function: bool

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((REPO / folder).rglob("*.py"))


def _type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports_of(path: Path, module: str | None = None) -> list[Import]:
    """Every runtime import in ``path`` (the module ``module``, by default named by its place)."""
    module = module or module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit(other, in_function)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(module, alias.name, (), child.lineno, in_function))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parents = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*parents, base]).rstrip(".")
                names = tuple(alias.name for alias in child.names)
                found.append(Import(module, base, names, child.lineno, in_function))
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def within(target: str, *prefixes: str) -> bool:
    return any(target == prefix or target.startswith(prefix + ".") for prefix in prefixes)


NOT_ENGINE = ("securemailmerge.sandbox", "securemailmerge.cli", "securemailmerge.__main__")
ENGINE = [path for path in sources("securemailmerge") if not within(module_name(path), *NOT_ENGINE)]


def engine_imports() -> list[Import]:
    return [found for path in ENGINE for found in imports_of(path)]


@pytest.mark.parametrize(
    ("forbidden", "what"),
    [
        (("securemailmerge.sandbox",), "the sandbox"),
        (("securemailmerge.cli",), "the command line"),
        (("PySide6", "shiboken6", "ui"), "Qt or the window"),
    ],
)
def test_the_engine_imports_no_sandbox_command_line_or_qt(forbidden: tuple[str, ...], what: str) -> None:
    broken = [str(found) for found in engine_imports() if within(found.target, *forbidden)]
    assert broken == [], f"the engine imports {what}"
    # ``from securemailmerge import sandbox`` names the package another way.
    sideways = [
        str(found)
        for found in engine_imports()
        if found.target == "securemailmerge" and {"sandbox", "cli"} & set(found.names)
    ]
    assert sideways == []


def test_the_window_loads_the_sandbox_only_in_its_composition_root() -> None:
    uses = [
        found
        for path in sources("ui")
        for found in imports_of(path)
        if within(found.target, "securemailmerge.sandbox")
    ]
    assert uses, "the window's sandbox mode imports the sandbox"
    assert all(found.module == "ui.app" and found.in_function for found in uses), [str(f) for f in uses]


# Benchmarks may time one private piece on its own, so only the two front ends are held to this.
@pytest.mark.parametrize("folder", ["ui", "securemailmerge/cli"])
def test_front_ends_import_a_subpackage_through_its_surface(folder: str) -> None:
    private = [
        str(found)
        for path in sources(folder)
        for found in imports_of(path)
        if any(found.target.startswith(f"securemailmerge.{name}.") for name in SUBPACKAGES)
    ]
    assert private == []


def test_foreign_errors_are_caught_at_one_boundary_each() -> None:
    caught: dict[str, set[str]] = {library: set() for library in FOREIGN_BOUNDARIES}
    for path in ENGINE:
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        origin: dict[str, str] = {}
        for found in imports_of(path):
            library = found.target.split(".")[0]
            for name in found.names or (found.target.split(".")[0],):
                origin[name] = library
        for handler in (node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)):
            for node in ast.walk(handler.type) if handler.type else ():
                name = node.id if isinstance(node, ast.Name) else None
                if name is not None and origin.get(name) in caught:
                    caught[origin[name]].add(module)
    assert caught == FOREIGN_BOUNDARIES


def test_msal_is_spoken_only_by_sign_in() -> None:
    users = {
        module_name(path) for path in ENGINE for found in imports_of(path) if within(found.target, "msal")
    }
    # The token cache only hands msal's cache object to the encrypted file.
    assert users == {"securemailmerge.m365.auth", "securemailmerge.m365.tokencache"}


def test_there_are_no_import_circles() -> None:
    surfaces = {f"securemailmerge.{name}": _surface(f"securemailmerge.{name}") for name in SUBPACKAGES}
    graph: dict[str, set[str]] = {}
    for path in sources("securemailmerge"):
        edges = graph.setdefault(module_name(path), set())
        for found in imports_of(path):
            if not within(found.target, "securemailmerge"):
                continue
            table = surfaces.get(found.target, {})
            # A name from a curated surface really comes from the module that defines it, and
            # ``from package import module`` imports that module.
            precise = [table[name] for name in found.names if name in table]
            precise += [
                f"{found.target}.{name}" for name in found.names if _is_module(f"{found.target}.{name}")
            ]
            edges.update(precise or [found.target])
    cycle = _find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def _is_module(name: str) -> bool:
    path = REPO / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _surface(package: str) -> dict[str, str]:
    """Public name -> defining module, from the package's type-checking block of re-exports."""
    path = REPO / package.replace(".", "/") / "__init__.py"
    table: dict[str, str] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(package + "."):
            table.update({alias.asname or alias.name: node.module for alias in node.names})
    return table


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


@pytest.mark.parametrize("package", [f"securemailmerge.{name}" for name in SUBPACKAGES])
def test_each_surface_lists_the_same_names_for_type_checkers_and_at_run_time(package: str) -> None:
    loaded = importlib.import_module(package)
    typed = _surface(package)
    assert sorted(typed) == sorted(loaded.__all__)
    for name, module in typed.items():
        assert getattr(loaded, name) is getattr(importlib.import_module(module), name), name


def test_the_layering_rules_see_a_broken_door(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from securemailmerge.sandbox.app import Sandbox\n"
        "def f():\n    from securemailmerge.cli import m365\n",
        encoding="utf-8",
    )
    found = imports_of(bad, "securemailmerge.bad")
    assert [(i.target, i.in_function) for i in found] == [("typing", False), ("securemailmerge.cli", True)]
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_engine_imports_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import securemailmerge\n"
        "for info in pkgutil.walk_packages(securemailmerge.__path__, 'securemailmerge.'):\n"
        "    if info.name.endswith('__main__'):\n"
        "        continue\n"
        "    importlib.import_module(info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', 'ui'})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules loaded by the engine: {result.stdout}"
