"""Limits that keep the interpreter's work linear in the size of the file, whatever the file holds.

Python's parser accepts programs that a naive recursive walk cannot finish: a 1,000-term sum, a class
hierarchy with a cycle, `x = x * x` forty times (a number with a trillion digits). Each limit below
turns such a spot into UNKNOWN, which the rules read as "say nothing".
"""

from __future__ import annotations

import ast
from typing import FrozenSet, List, Set

# Statement plus expression nesting the interpreter follows before answering UNKNOWN. Each level costs
# a few Python frames; 150 levels stay far below the default recursion limit of 1,000 even inside
# flake8 or pytest, and no hand-written program nests this deeply.
MAX_NESTING = 150


class Nesting:
    """The statement and expression nesting of every interpreter in this process, counted together.

    Cross-module analysis runs an imported module's interpreter from deep inside another's evaluation
    (when a name is first used); a count per interpreter would let such chains overflow the stack.
    Every increment is undone in a `finally`, so the count is back to 0 between files.
    """

    level = 0


# Constant folding: bigger numbers and strings are never layer widths, class counts or loss names.
MAX_INT_BITS = 256
MAX_STR_CHARS = 10_000
# Tuples/lists/dicts built from themselves (`t = (t,)` in a loop) would make `==` recurse without end.
MAX_CONTAINER_DEPTH = 32
# Classes searched for a method: real hierarchies are a few levels deep; generated ones can be thousands.
MAX_BASES_WALKED = 64


def foldable(value: object) -> bool:
    """Whether a folded constant is small enough to keep (big ones become UNKNOWN)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() <= MAX_INT_BITS
    if isinstance(value, str):
        return len(value) <= MAX_STR_CHARS
    return True


class BoundNames:
    """The names a block of statements can (re)bind, found from its text once per statement.

    Branches save and merge only these names instead of copying the whole scope, so a module with
    thousands of names and thousands of `if`s costs linear, not quadratic, time. A superset is safe:
    an extra name merges with itself unchanged. The answer is kept on the statement node itself, so
    every interpreter run over the same tree (cross-module analysis runs many) shares it.
    """

    def of(self, body: List[ast.stmt]) -> FrozenSet[str]:
        if len(body) == 1:
            return _bound_by(body[0])
        names: Set[str] = set()
        for stmt in body:
            names.update(_bound_by(stmt))
        return frozenset(names)


_CACHE_ATTRIBUTE = "_celint_bound_names"


def _bound_by(stmt: ast.stmt) -> FrozenSet[str]:
    found = getattr(stmt, _CACHE_ATTRIBUTE, None)
    if found is None:
        found = frozenset(_bound(stmt))
        setattr(stmt, _CACHE_ATTRIBUTE, found)
    return found


def _bound(stmt: ast.stmt) -> List[str]:
    names: List[str] = []
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.append(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.alias):
            names.append(node.asname or node.name.split(".")[0])
    return names
