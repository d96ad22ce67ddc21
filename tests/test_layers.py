"""The rules read facts only, and the evaluator knows no rule: checked on the import statements."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Iterator, Set

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "celint"
STDLIB: Set[str] = set(getattr(sys, "stdlib_module_names", ())) | {"__future__"}


def _imports(path: Path) -> Iterator[str]:
    """Absolute names of the modules a file imports (relative imports stay inside its package)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def _foreign(package: str, allowed: Set[str]) -> Iterator[str]:
    for path in sorted((PACKAGE / package).glob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in STDLIB or name in allowed or top in allowed:
                continue
            yield f"{path.name}: {name}"


@pytest.mark.skipif(sys.version_info < (3, 10), reason="sys.stdlib_module_names is 3.10+")
def test_rules_import_only_the_facts_and_the_stdlib() -> None:
    assert not list(_foreign("rules", {"celint.facts"}))


@pytest.mark.skipif(sys.version_info < (3, 10), reason="sys.stdlib_module_names is 3.10+")
def test_the_evaluator_imports_only_the_facts_numpy_and_matplotlib() -> None:
    assert not list(_foreign("evaluator", {"celint.facts", "numpy", "matplotlib"}))
