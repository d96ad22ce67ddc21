"""The interpreter's state, and the methods its parts call on one another, declared in one place.

`celint.interpreter.Interpreter` is assembled from parts: `Expressions` (expressions.py), `Calls`
(calls.py) and its own statements. Each part derives from `Machine`, so the attributes the interpreter
sets and the methods another part defines are declared for readers and type checkers. `Machine` comes
last in the method resolution order, so the parts' real methods always win over these declarations.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Set, Tuple

from celint.events import Events
from celint.facts import Where
from celint.values import ClassVal, FuncVal, MethodNode, Scope, Value

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.frameworks.dispatch import Dispatch


class Machine:
    # what the walk reads and records
    tree: ast.Module
    lines: List[str]  # the running code's module: cross-module runs swap `lines` and `path`
    path: str
    events: Events
    dispatch: Dispatch  # the adapters' merged tables
    module_scope: Scope
    # bounds (see celint.bounds and calls.py)
    steps: int
    step_budget: int
    depth: int  # user-function frames
    cond_depth: int  # conditional blocks around the running statement, in the running function
    outer_cond: int  # conditional blocks around the calls that led to the running function
    call_counts: Dict[int, int]  # id(function node) -> times entered
    calls_running: List[Tuple[Where, Tuple[Value, ...]]]  # user calls on the stack: (call site, arguments)
    traced_depth: int  # running functions decorated with @tf.function (their code runs as a traced graph)
    executed: Set[int]  # id(function node) of every function entered at least once
    _container_depth: Dict[int, Tuple[Value, int]]
    model_outputs: Dict[int, Tuple[Value, Value]]  # id(model) -> (model, its output or fold): see frameworks/models.py
    # cross-module analysis (celint.project)
    resolve_external: Optional[Callable[[str], Optional[Value]]]
    foreign: Dict[int, Tuple[List[str], str]]  # id(module scope) -> (lines, path) of other modules
    foreign_depth: int
    foreign_steps: int
    foreign_entered_at: int
    entry_call: Optional[ast.AST]  # the last call the checked file's own code made (see calls.py)

    # ----- defined by the interpreter's statements (interpreter.py) ---------------------------
    def tick(self) -> None:
        raise NotImplementedError

    def where(self, node: ast.AST) -> Where:
        raise NotImplementedError

    def source(self, node: ast.AST) -> str:
        raise NotImplementedError

    def exec_block(self, body: List[ast.stmt], scope: Scope) -> bool:
        raise NotImplementedError

    def bind(self, target: ast.expr, value: Value, scope: Scope) -> None:
        raise NotImplementedError

    # ----- defined by Expressions (expressions.py) ---------------------------------------------
    def eval(self, node: Optional[ast.expr], scope: Scope) -> Value:
        raise NotImplementedError

    def find_method(self, cls: ClassVal, name: str) -> Optional[MethodNode]:
        raise NotImplementedError

    def truth(self, value: Value) -> Optional[bool]:
        raise NotImplementedError

    def is_object(self, value: Value) -> bool:
        raise NotImplementedError

    # ----- defined by Calls (calls.py) ---------------------------------------------------------
    def call(self, func: Value, args: Args) -> Value:
        raise NotImplementedError

    def call_function(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        raise NotImplementedError
