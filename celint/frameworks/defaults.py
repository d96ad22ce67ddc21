"""The adapters celint runs with, in precedence order, and which of them one module needs.

Adapter modules load when a module needs them: a file that imports only torch never loads the Keras,
TensorFlow or JAX adapters and their tables (an editor save pays for what the file uses). A file that
imports none of the frameworks below (a snippet pasted without imports, a star import through a module
of the project) gets every adapter.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, FrozenSet, Tuple

if TYPE_CHECKING:
    from celint.frameworks.adapter import Adapter

# (adapter module, top-level packages whose import makes a module need it; () for every module).
# Labels first: the others read a tensor as model output, and `y.float()` or `y[idx]` on label rows
# would lose the targets they hold. The framework adapters claim disjoint names, so their order only
# decides which of them sees a method call first. The torch adapter also reads tensor methods
# (`x.squeeze(-1)`, `x.float()`) on arrays of any library, so every module needs it.
ADAPTER_MODULES: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("celint.frameworks.labels", ()),
    ("celint.frameworks.keras", ("keras", "tensorflow", "tf_keras")),
    ("celint.frameworks.torch", ()),
    ("celint.frameworks.jax", ("jax", "flax", "optax")),
    ("celint.frameworks.tf", ("tensorflow",)),
    ("celint.frameworks.manual", ()),
)
_FRAMEWORK_ROOTS = frozenset(root for _, roots in ADAPTER_MODULES for root in roots) | {"torch"}
# `import a.b, c as d` and `from a.b import c`, also after `;` or `try:` on one line
_IMPORT = re.compile(r"(?:^|[;:])[ \t]*(?:from[ \t]+([A-Za-z_]\w*)|import[ \t]+([\w. \t,]+))", re.MULTILINE)


@lru_cache(maxsize=None)
def _load(modules: Tuple[str, ...]) -> Tuple[Adapter, ...]:
    return tuple(importlib.import_module(name).ADAPTER for name in modules)


def default_adapters() -> Tuple[Adapter, ...]:
    """Every adapter, in precedence order (what a project's modules, which import one another, run with)."""
    return _load(tuple(name for name, _ in ADAPTER_MODULES))


def imported_roots(source: str) -> FrozenSet[str]:
    """The top-level packages `source` may import (a superset: text inside strings counts too)."""
    roots = set()
    for module, names in _IMPORT.findall(source):
        if module:
            roots.add(module)
        for name in names.split(","):
            roots.add(name.strip().split(".")[0].split(" ")[0])
    return frozenset(roots)


def adapters_for(source: str) -> Tuple[Adapter, ...]:
    """The adapters one module needs, judged by the frameworks it imports; all when it imports none."""
    roots = imported_roots(source) & _FRAMEWORK_ROOTS
    if not roots:
        return default_adapters()
    return _load(tuple(name for name, needs in ADAPTER_MODULES if not needs or roots.intersection(needs)))


def __getattr__(name: str) -> Any:
    """`DEFAULT_ADAPTERS`, loaded on first use."""
    if name == "DEFAULT_ADAPTERS":
        return default_adapters()
    raise AttributeError(name)
