"""Names a file uses without binding them by name: star imports from framework modules, and the Keras
classes of a snippet pasted without its imports.

Both are exact-name lookups in the adapters' tables, never guesses: `from keras.layers import *` binds
`Dense` because `keras.layers.Dense` is a table row; `from mylayers import *` binds nothing.
"""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING, Dict, FrozenSet, Set, Tuple

from celint.knowledge.keras import IMPLICIT_MODEL_CLASSES, IMPLICIT_MODULES, OTHER_FRAMEWORKS
from celint.knowledge.names import FRAMEWORK_PACKAGES, aliases, canonical

if TYPE_CHECKING:
    from celint.frameworks.dispatch import Dispatch

_MEMBERS_ATTRIBUTE = "_celint_members"  # kept on the Dispatch, built once per set of adapters


def _members(dispatch: Dispatch) -> Dict[str, FrozenSet[str]]:
    """Canonical module name -> the names of its members that a table knows (a row, or a sub-module
    holding rows). Alias spellings count: `keras.models` holds `Sequential` (`keras.Sequential`)."""
    found = getattr(dispatch, _MEMBERS_ATTRIBUTE, None)
    if found is None:
        known = set(dispatch.calls) | set(dispatch.families)
        spellings = known | {alias for alias, target in aliases().items() if target in known}
        members: Dict[str, Set[str]] = {}
        for name in spellings:
            parts = name.split(".")
            for cut in range(1, len(parts)):
                members.setdefault(canonical(".".join(parts[:cut])), set()).add(parts[cut])
        found = {module: frozenset(names) for module, names in members.items()}
        setattr(dispatch, _MEMBERS_ATTRIBUTE, found)
    return found


def star_members(dispatch: Dispatch, module: str) -> Dict[str, str]:
    """What `from module import *` binds that celint knows: name -> canonical qualified name. Empty for a
    module that is not a framework's (its names stay unknown)."""
    base = canonical(module)
    if base.split(".")[0] not in FRAMEWORK_PACKAGES:
        return {}
    return {name: canonical(f"{base}.{name}") for name in _members(dispatch).get(base, ())}


def implicit_keras(tree: ast.Module, dispatch: Dispatch) -> Dict[str, str]:
    """`_implicit_keras`, once per tree and set of adapters: an imported module is run (so this asked)
    for every checked file that imports it, and the answer is a function of its tree alone."""
    known = _IMPLICIT.get(tree)
    if known is None:
        known = _IMPLICIT[tree] = {}
    names = known.get(id(dispatch))  # a Dispatch lives as long as the process (`dispatch_for`)
    if names is None:
        names = known[id(dispatch)] = _implicit_keras(tree, dispatch)
    return names


_IMPLICIT: "weakref.WeakKeyDictionary[ast.Module, Dict[int, Dict[str, str]]]" = weakref.WeakKeyDictionary()


def _implicit_keras(tree: ast.Module, dispatch: Dispatch) -> Dict[str, str]:
    """A snippet without its imports (`model = Sequential()`, `model.add(Dense(10))`, `model.compile(...)`):
    the Keras names it uses but binds nowhere, as name -> canonical qualified name.

    Only on evidence: the file builds a model from a bare `Sequential` / `Model` and calls `.add` or
    `.compile` on it. Never when it imports another framework that has such names (torch.nn.Sequential),
    or star-imports a module celint does not know (it may define them)."""
    bound: Set[str] = set()
    built: Set[Tuple[str, str]] = set()  # (name, class): `model = Sequential()`
    called_on: Set[str] = set()  # names `.add(...)` / `.compile(...)` is called on
    direct: Set[str] = set()  # classes called on the spot: `Sequential([...]).compile(...)`
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(canonical(m).split(".")[0] in OTHER_FRAMEWORKS for m in modules):
                return {}
            if isinstance(node, ast.ImportFrom):
                if any(alias.name == "*" for alias in node.names) and (
                    node.level or not star_members(dispatch, node.module or "")
                ):
                    return {}
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        if isinstance(node, ast.Assign) and _model_class(node.value):
            built.update((t.id, _model_class(node.value)) for t in node.targets if isinstance(t, ast.Name))
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("add", "compile")
        ):
            owner = node.func.value
            if isinstance(owner, ast.Name):
                called_on.add(owner.id)
            elif _model_class(owner):
                direct.add(_model_class(owner))
    free_classes = IMPLICIT_MODEL_CLASSES - bound  # a file defining its own Sequential is not a Keras snippet
    if not (direct & free_classes or any(name in called_on and cls in free_classes for name, cls in built)):
        return {}
    names: Dict[str, str] = {}
    for module in IMPLICIT_MODULES:
        for name, qualname in star_members(dispatch, module).items():
            is_row = qualname in dispatch.calls or qualname in dispatch.families  # not a sub-module
            if is_row and name not in bound and name not in names:
                names[name] = qualname
    return names


def _model_class(node: ast.expr) -> str:
    """`Sequential` for `Sequential(...)` (a bare model class called), else ""."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IMPLICIT_MODEL_CLASSES:
        return node.func.id
    return ""
