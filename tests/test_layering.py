"""The layering contract (DESIGN.md), checked on the import graph that import-linter builds (grimp).

Imports inside functions count; imports only under `if TYPE_CHECKING:` do not (they never run).

- facts imports no other celint module but `celint.records` (the record mechanism it is built with): it is the
  contract between the layers;
- the rules read facts only (and the standard library), and so does the evaluator (with numpy and matplotlib);
- framework adapters never import one another (shared mechanisms live in neutral modules);
- the flake8 plugin, loaded by every flake8 run, reaches neither libcst nor numpy, nor `dataclasses`: the lint
  path builds its classes with `celint.records`, which generates no code at import time (DESIGN.md).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Set

import pytest

grimp = pytest.importorskip("grimp")

ADAPTERS = ("keras", "torch", "tf", "jax", "manual", "labels")


@lru_cache(maxsize=None)
def graph():  # type: ignore[no-untyped-def]
    return grimp.build_graph("celint", include_external_packages=True, exclude_type_checking_imports=True)


def imports_of(package: str) -> Set[str]:
    """The modules that `package` or any module inside it imports, outside `package` itself."""
    g = graph()
    found: Set[str] = set()
    for module in {package} | set(g.find_descendants(package)):
        found |= set(g.find_modules_directly_imported_by(module))
    return {m for m in found if m != package and not m.startswith(package + ".")}


def celint_imports(package: str) -> Set[str]:
    return {m for m in imports_of(package) if m.split(".")[0] == "celint"}


def third_party_imports(package: str) -> Set[str]:
    stdlib = set(sys.stdlib_module_names) | {"__future__"}  # type: ignore[attr-defined]
    return {m for m in imports_of(package) if m.split(".")[0] not in stdlib | {"celint"}}


FACTS_LAYER = {"celint", "celint.facts", "celint.records"}


def test_facts_imports_no_other_celint_module() -> None:
    assert celint_imports("celint.facts") <= {"celint.records"}
    assert celint_imports("celint.records") == set()


@pytest.mark.parametrize("package", ["celint.rules", "celint.evaluator"])
def test_rules_and_evaluator_read_facts_only(package: str) -> None:
    assert celint_imports(package) <= FACTS_LAYER


@pytest.mark.skipif(sys.version_info < (3, 10), reason="sys.stdlib_module_names is 3.10+")
@pytest.mark.parametrize(
    ("package", "allowed"),
    [("celint.facts", set()), ("celint.rules", set()), ("celint.evaluator", {"numpy", "matplotlib"})],
)
def test_rules_and_evaluator_need_no_other_package(package: str, allowed: Set[str]) -> None:
    assert {m.split(".")[0] for m in third_party_imports(package)} <= allowed


def test_the_adapters_are_known_to_this_test() -> None:
    found = {m.split(".")[-1] for m in graph().find_children("celint.frameworks")}
    assert set(ADAPTERS) <= found, sorted(found)


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_framework_adapters_never_import_one_another(adapter: str) -> None:
    others = {f"celint.frameworks.{name}" for name in ADAPTERS if name != adapter}
    imported = celint_imports(f"celint.frameworks.{adapter}")
    assert not imported & others, sorted(imported & others)


@pytest.mark.parametrize("heavy", ["libcst", "numpy", "dataclasses"])
def test_the_flake8_plugin_reaches_neither_libcst_nor_numpy(heavy: str) -> None:
    chain = graph().find_shortest_chain(importer="celint.flake8_plugin", imported=heavy)
    assert chain is None, " -> ".join(chain)
