"""A small, bounded abstract interpreter over one module's `ast`.

It walks statements in order, binding names to abstract values (`celint.values`), entering user
functions and classes when they are called, and hands every call of a framework name to the adapters
it was built with (`celint.frameworks`), which turn it into layers, models, losses and events. It
knows no framework itself. It never imports or runs the code it reads. Unknown is always an acceptable
answer; every loop has a bound.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional, Set, Tuple, Union

from celint.bounds import MAX_NESTING, BoundNames, Nesting
from celint.calls import Args, Calls
from celint.events import Events
from celint.expressions import Expressions
from celint.facts import Where
from celint.frameworks.adapter import Adapter, ModelFamily
from celint.frameworks.defaults import default_adapters
from celint.frameworks.dispatch import dispatch_for
from celint.implicit import implicit_keras, star_members
from celint.knowledge.names import canonical
from celint.source import Positions
from celint.values import (
    UNKNOWN,
    ClassVal,
    Const,
    Deferred,
    FuncVal,
    Instance,
    Ref,
    Scope,
    Seq,
    Value,
    merge,
)

STEP_BUDGET_BASE = 200_000


class BudgetExceeded(Exception):
    """The file needs more work than its size justifies; findings so far are kept."""


class _Absent:
    """A name not bound in a branch."""


_ABSENT = _Absent()
Branch = Dict[str, Union[Value, _Absent]]  # what a conditional block bound: name -> value or _ABSENT


def _known(value: Union[Value, _Absent]) -> Value:
    """A name absent from one branch is unknown after the join."""
    return UNKNOWN if isinstance(value, _Absent) else value


class Interpreter(Expressions, Calls):
    def __init__(
        self, tree: ast.Module, lines: List[str], path: str = "", adapters: Optional[Tuple[Adapter, ...]] = None
    ):
        self.tree = tree
        self.lines = lines
        self.path = path
        self.events = Events()
        self.module_scope = Scope()
        self.steps = 0
        self.step_budget = STEP_BUDGET_BASE + 50 * len(lines)
        self.depth = 0
        self.cond_depth = 0
        self.outer_cond = 0
        self.bound_names = BoundNames()
        self._positions: Dict[int, Positions] = {}  # per `lines` list (cross-module runs swap it)
        self._container_depth = {}
        self.model_outputs = {}
        self.call_counts = {}
        self.calls_running = []
        self.traced_depth = 0
        self.executed = set()
        self.resolve_external = None
        # id(module scope) -> (lines, path) of other modules whose functions this run may enter
        # (cross-module analysis), so positions inside them name the right file.
        self.foreign = {}
        self.foreign_depth = 0  # frames of other modules' code on the current call chain
        self.foreign_steps = 0  # steps spent in other modules' code so far (bounded, see calls.py)
        self.foreign_entered_at = 0
        self.entry_call: Optional[ast.AST] = None
        # the order is the precedence; None: every adapter
        self.dispatch = dispatch_for(tuple(adapters) if adapters is not None else default_adapters())
        self.defined: Dict[int, Value] = {}  # id(def / class node) -> its latest FuncVal / ClassVal (orphans)
        if any("Sequential" in line or "Model" in line for line in lines):
            # a Keras snippet pasted without its imports: its free Keras names, bound up front
            for name, qualname in implicit_keras(tree, self.dispatch).items():
                self.module_scope.names[name] = Ref(qualname)

    # ----- positions -------------------------------------------------------------------------
    def positions(self) -> Positions:
        found = self._positions.get(id(self.lines))
        if found is None or found.lines is not self.lines:
            found = self._positions[id(self.lines)] = Positions(self.lines)
        return found

    def where(self, node: ast.AST) -> Where:
        line = getattr(node, "lineno", 1)
        # ast columns count UTF-8 bytes; report code points like editors do.
        col = self.positions().column(line, getattr(node, "col_offset", 0))
        return Where(line, col, self.path)

    def source(self, node: ast.AST) -> str:
        return self.positions().segment(node)

    # ----- driving ---------------------------------------------------------------------------
    def run(self, orphans: bool = True) -> Events:
        try:
            self.exec_block(self.tree.body, self.module_scope)
            if orphans:
                self.run_orphans()
        except BudgetExceeded:
            pass
        return self.events

    def run_orphans(self) -> None:
        """Functions and methods nobody in this module calls still hold evidence: run each once. That is
        every `def` and `class` the walk went through, at the top level or under `if` / `try` / `with`,
        and those nested in functions (found while running those): each with the scope it was defined in."""
        done: Set[int] = set()
        while len(done) < len(self.defined):
            for key, value in list(self.defined.items()):
                if key in done:
                    continue
                done.add(key)
                if self.root_of(value) is not self.module_scope:
                    continue  # another module's function, entered from here: checked with that module
                if isinstance(value, FuncVal) and id(value.node) not in self.executed:
                    self.call_function(value, [], {}, starred=True)
                elif isinstance(value, ClassVal):
                    self.run_orphan_methods(value)

    def run_orphan_methods(self, cls: ClassVal) -> None:
        instance: Optional[Value] = None
        for item in cls.node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and id(item) not in self.executed:
                if instance is None:
                    instance = self.instantiate(cls, [], {}, starred=True, node=cls.node)
                method = FuncVal(item, cls.scope, bound_self=instance)
                self.call_function(method, [], {}, starred=True)

    @staticmethod
    def root_of(value: Value) -> Optional[Scope]:
        """The module scope a function or class was defined in."""
        scope = getattr(value, "scope", None)
        while scope is not None and scope.parent is not None:
            scope = scope.parent
        return scope

    def tick(self) -> None:
        self.steps += 1
        if self.steps > self.step_budget:
            raise BudgetExceeded

    # ----- statements ------------------------------------------------------------------------
    def exec_block(self, body: List[ast.stmt], scope: Scope) -> bool:
        """Run statements in order; True when the block always ends in return/raise."""
        for stmt in body:
            if self.exec_stmt(stmt, scope):
                return True
        return False

    def exec_stmt(self, stmt: ast.stmt, scope: Scope) -> bool:
        self.tick()
        if Nesting.level >= MAX_NESTING:
            self.skip_stmt(stmt, scope)
            return False
        Nesting.level += 1
        try:
            return self.exec_stmt_kind(stmt, scope)
        finally:
            Nesting.level -= 1

    def skip_stmt(self, stmt: ast.stmt, scope: Scope) -> None:
        """Too deep to follow: whatever the statement could bind or return becomes UNKNOWN."""
        for name in self.bound_names.of([stmt]):
            scope.names[name] = UNKNOWN
        if scope.returns is not None:
            scope.returns.append(UNKNOWN)

    def exec_stmt_kind(self, stmt: ast.stmt, scope: Scope) -> bool:
        if isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, scope)
            for target in stmt.targets:
                self.bind(target, value, scope)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.bind(stmt.target, self.eval(stmt.value, scope), scope)
        elif isinstance(stmt, ast.AugAssign):
            current = self.eval(stmt.target, scope) if isinstance(stmt.target, ast.Name) else UNKNOWN
            value = self.binop(stmt.op, current, self.eval(stmt.value, scope))
            self.bind(stmt.target, value, scope)
        elif isinstance(stmt, ast.Expr):
            self.eval(stmt.value, scope)
            return self.exits(stmt.value, scope)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self.exec_import(stmt, scope)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            scope.names[stmt.name] = self.defined[id(stmt)] = FuncVal(stmt, scope)
            if any(self.traces(decorator, scope) for decorator in stmt.decorator_list):
                self.events.traced_functions.add(id(stmt))
        elif isinstance(stmt, ast.ClassDef):
            scope.names[stmt.name] = self.defined[id(stmt)] = self.make_class(stmt, scope)
        elif isinstance(stmt, ast.Return):
            value = self.eval(stmt.value, scope) if stmt.value is not None else Const(None)
            if scope.returns is not None:
                scope.returns.append(value)
            return True
        elif isinstance(stmt, ast.Raise):
            return True
        elif isinstance(stmt, ast.If):
            return self.exec_if(stmt, scope)
        elif isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            self.exec_loop(stmt, scope)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                self.eval(item.context_expr, scope)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, UNKNOWN, scope)  # what __enter__ returns is not followed
            return self.exec_block(stmt.body, scope)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self.exec_try(stmt, scope)
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    scope.names.pop(target.id, None)
        elif type(stmt).__name__ == "Match":
            for case in getattr(stmt, "cases", []):
                self.exec_branch(case.body, scope)
        return False

    def exits(self, node: ast.expr, scope: Scope) -> bool:
        """`sys.exit(1)` / `exit()` as a statement: the block ends there, like a `raise`."""
        if not isinstance(node, ast.Call):
            return False
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("exit", "quit") and scope.lookup(func.id) is None:
            return True
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.attr in ("exit", "_exit"):
            module = scope.lookup(func.value.id)
            module = module.get() if isinstance(module, Deferred) else module
            return isinstance(module, Ref) and module.qualname in ("sys", "os")
        return False

    def exec_branch(self, body: List[ast.stmt], scope: Scope) -> Tuple[Branch, bool]:
        """Run a conditional block, then undo it; return what it bound (name -> value or _ABSENT) and
        whether it always ends. Only the names the block can bind are saved, so this is linear in the block."""
        names = self.bound_names.of(body)
        saved: Branch = {name: scope.names.get(name, _ABSENT) for name in names}
        self.cond_depth += 1
        try:
            ends = self.exec_block(body, scope)
        finally:
            self.cond_depth -= 1
        branch: Branch = {name: scope.names.get(name, _ABSENT) for name in names}
        for name, value in saved.items():
            if isinstance(value, _Absent):
                scope.names.pop(name, None)
            else:
                scope.names[name] = value
        return branch, ends

    def join(self, scope: Scope, branches: List[Tuple[Branch, bool]]) -> bool:
        """Merge the branches that fall through into `scope`; True when none does."""
        live = [changes for changes, ends in branches if not ends]
        if not live:
            return True
        for key in set().union(*live):
            current = scope.names.get(key, _ABSENT)
            # A name left unbound on a path is a NameError there: the paths that bind it decide its value
            # (`for ...: model = build()` then `model.fit(...)`; `try: import keras` / `except: pass`).
            values = [value for value in (changes.get(key, current) for changes in live) if value is not _ABSENT]
            if not values:
                scope.names.pop(key, None)
                continue
            result = _known(values[0])
            for other in values[1:]:
                result = self.dispatch.merge(self, result, _known(other), self.tick)
            scope.names[key] = result
        return False

    def traces(self, decorator: ast.expr, scope: Scope) -> bool:
        """`@tf.function` / `@tf.function(jit_compile=True)`: the function runs as a traced graph. Only the
        decorator's name is looked up (never called)."""
        name = decorator.func if isinstance(decorator, ast.Call) else decorator
        if not isinstance(name, (ast.Name, ast.Attribute)):
            return False
        value = self.eval(name, scope)
        return isinstance(value, Ref) and value.qualname in self.dispatch.traced_by

    def exec_if(self, stmt: ast.If, scope: Scope) -> bool:
        test = self.truth(self.eval(stmt.test, scope))
        if test is True:
            return self.exec_block(stmt.body, scope)
        if test is False:
            return self.exec_block(stmt.orelse, scope)
        return self.join(scope, [self.exec_branch(stmt.body, scope), self.exec_branch(stmt.orelse, scope)])

    def exec_loop(self, stmt: Union[ast.For, ast.AsyncFor, ast.While], scope: Scope) -> None:
        if isinstance(stmt, (ast.For, ast.AsyncFor)):
            counted = self.enumerated(stmt.iter, scope)
            if counted is not None:  # `for i, (x, y) in enumerate(loader)`
                element: Value = Seq((UNKNOWN, self.element_of(self.eval(counted, scope))), is_list=False)
            else:
                element = self.element_of(self.eval(stmt.iter, scope))
            self.bind(stmt.target, element, scope)
        else:
            self.eval(stmt.test, scope)
        # The body may run zero or more times: once is enough to see its events.
        self.events.running_loops.append(self.events.now().order)
        try:
            body = self.exec_branch(stmt.body, scope)
        finally:
            self.events.running_loops.pop()
        self.join(scope, [body, ({}, False)])  # or not at all: the names as they were
        self.exec_block(stmt.orelse, scope)

    def exec_try(self, stmt: ast.stmt, scope: Scope) -> None:
        branches = [self.exec_branch(stmt.body, scope)]  # type: ignore[attr-defined]
        for handler in stmt.handlers:  # type: ignore[attr-defined]
            branches.append(self.exec_branch(handler.body, scope))
        self.join(scope, branches)
        self.exec_block(stmt.orelse, scope)  # type: ignore[attr-defined]
        self.exec_block(stmt.finalbody, scope)  # type: ignore[attr-defined]

    def exec_import(self, stmt: ast.stmt, scope: Scope) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    scope.names[alias.asname] = self.ref(alias.name, stmt)
                else:
                    top = alias.name.split(".")[0]
                    scope.names[top] = self.ref(top, stmt)
                self.dispatch.observe_import(self, alias.name)
        elif isinstance(stmt, ast.ImportFrom):
            module = "." * stmt.level + (stmt.module or "")
            self.dispatch.observe_import(self, module)
            for alias in stmt.names:
                if alias.name == "*":
                    # from a framework module: the members its tables know, as a later binding would
                    if not stmt.level:
                        for name, qualname in star_members(self.dispatch, module).items():
                            scope.names[name] = Ref(qualname, self.where(stmt))
                    continue
                name = alias.asname or alias.name
                # `from . import models` -> ".models": as many dots as the import's level, always
                qualname = f"{module}.{alias.name}" if stmt.module else module + alias.name
                scope.names[name] = self.ref(qualname, stmt)

    def ref(self, qualname: str, node: ast.AST) -> Value:
        fallback = Ref(canonical(qualname), self.where(node))
        if self.resolve_external is None:
            return fallback
        return Deferred(self.resolve_external, qualname, fallback)

    def make_class(self, node: ast.ClassDef, scope: Scope) -> ClassVal:
        bases: List[str] = []
        family: Optional[ModelFamily] = None  # the first base's that is a framework model class
        for base in node.bases:
            value = self.eval(base, scope)
            if isinstance(value, Ref):
                bases.append(value.qualname)
                family = family or self.dispatch.class_family(value.qualname)
            elif isinstance(value, ClassVal):
                family = family or value.family
        return ClassVal(node, scope, tuple(bases), family)

    # ----- binding ---------------------------------------------------------------------------
    def bind(self, target: ast.expr, value: Value, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            scope.names[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = self.unpack(value, len(target.elts))
            for sub, item in zip(target.elts, items):
                if isinstance(sub, ast.Starred):
                    self.bind(sub.value, UNKNOWN, scope)
                else:
                    self.bind(sub, item, scope)
        elif isinstance(target, ast.Attribute):
            owner = self.eval(target.value, scope)
            if isinstance(owner, Instance):
                # set conditionally (here, or by a method called in a branch: `if ...: m.add_loss_op(...)`)
                conditional = self.cond_depth or self.outer_cond + self.cond_depth > owner.conditions
                if conditional and target.attr in owner.attrs:
                    value = merge(owner.attrs[target.attr], value, self.tick)  # not known for sure
                owner.attrs[target.attr] = value
        elif isinstance(target, ast.Starred):
            self.bind(target.value, UNKNOWN, scope)

    def unpack(self, value: Value, count: int) -> List[Value]:
        if isinstance(value, Seq) and len(value.items) == count:
            return list(value.items)
        return [UNKNOWN] * count

    @staticmethod
    def enumerated(node: ast.expr, scope: Scope) -> Optional[ast.expr]:
        """The iterable of a builtin `enumerate(iterable)` call (not a local `enumerate`), or None."""
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "enumerate"
            and scope.lookup("enumerate") is None
            and len(node.args) in (1, 2)
            and not node.keywords
            and not any(isinstance(a, ast.Starred) for a in node.args)
        ):
            return node.args[0]
        return None

    def element_of(self, iterable: Value) -> Value:
        if isinstance(iterable, Seq) and iterable.items:
            result = iterable.items[0]
            for item in iterable.items[1:]:
                result = merge(result, item, self.tick)
            return result
        return self.dispatch.element_of(self, iterable)


def interpret(
    tree: ast.Module, lines: List[str], path: str = "", adapters: Optional[Tuple[Adapter, ...]] = None
) -> Tuple[Events, Interpreter]:
    """Walk one module on its own (cross-module runs are built by `celint.project`)."""
    interpreter = Interpreter(tree, lines, path, adapters)
    return interpreter.run(), interpreter


__all__ = ["Args", "BudgetExceeded", "Interpreter", "interpret"]
