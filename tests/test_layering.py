"""The layering contract (DESIGN.md), checked on the import graph that import-linter builds (grimp).

Imports inside functions count; imports only under `if TYPE_CHECKING:` do not (they never run).

- facts imports no other celint module: it is the contract between the layers;
- the rules read facts only, and so does the evaluator;
- framework adapters never import one another (shared mechanisms live in neutral modules);
- the flake8 plugin, loaded by every flake8 run, reaches neither libcst nor numpy.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Set

import pytest

grimp = pytest.importorskip("grimp")

ADAPTERS = ("keras", "torch", "tf", "jax", "manual", "labels")


@lru_cache(maxsize=None)
def graph():  # type: ignore[no-untyped-def]
    return grimp.build_graph("celint", include_external_packages=True, exclude_type_checking_imports=True)


def celint_imports(package: str) -> Set[str]:
    """The celint modules that `package` or any module inside it imports, outside `package` itself."""
    g = graph()
    members = {package} | set(g.find_descendants(package))
    found: Set[str] = set()
    for module in members:
        found |= {m for m in g.find_modules_directly_imported_by(module) if m.split(".")[0] == "celint"}
    return {m for m in found if m != package and not m.startswith(package + ".")}


def test_facts_imports_no_other_celint_module() -> None:
    assert celint_imports("celint.facts") == set()


@pytest.mark.parametrize("package", ["celint.rules", "celint.evaluator"])
def test_rules_and_evaluator_read_facts_only(package: str) -> None:
    assert celint_imports(package) <= {"celint", "celint.facts"}


def test_the_adapters_are_known_to_this_test() -> None:
    found = {m.split(".")[-1] for m in graph().find_children("celint.frameworks")}
    assert set(ADAPTERS) <= found, sorted(found)


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_framework_adapters_never_import_one_another(adapter: str) -> None:
    others = {f"celint.frameworks.{name}" for name in ADAPTERS if name != adapter}
    imported = celint_imports(f"celint.frameworks.{adapter}")
    assert not imported & others, sorted(imported & others)


@pytest.mark.parametrize("heavy", ["libcst", "numpy"])
def test_the_flake8_plugin_reaches_neither_libcst_nor_numpy(heavy: str) -> None:
    chain = graph().find_shortest_chain(importer="celint.flake8_plugin", imported=heavy)
    assert chain is None, " -> ".join(chain)
