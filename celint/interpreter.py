"""A small, bounded abstract interpreter over one module's `ast`.

It walks statements in order, binding names to abstract values (`celint.values`), entering user
functions and classes when they are called, and hands every call of a framework name to
`celint.frameworks`, which turns it into layers, models, losses and events. It never imports or runs
the code it reads. Unknown is always an acceptable answer; every loop has a bound.
"""

from __future__ import annotations

import ast
import operator
from typing import Callable, Dict, List, Optional, Tuple

from celint.bounds import MAX_BASES_WALKED, MAX_CONTAINER_DEPTH, MAX_NESTING, MAX_STR_CHARS, BoundNames, foldable
from celint.events import Events
from celint.facts import Where
from celint.knowledge.names import canonical
from celint.source import Positions
from celint.values import (
    UNKNOWN,
    BoundMethod,
    ClassVal,
    Const,
    DictVal,
    FuncVal,
    Instance,
    Literal,
    ModelVal,
    Ref,
    Scope,
    Seq,
    Tensor,
    Value,
    const_of,
    merge,
)

MAX_CALL_DEPTH = 10
MAX_CALLS_PER_FUNCTION = 24
STEP_BUDGET_BASE = 200_000

_BINOPS: Dict[type, Callable[[object, object], object]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Div: operator.truediv,
}


class BudgetExceeded(Exception):
    """The file needs more work than its size justifies; findings so far are kept."""


class Args:
    """The evaluated arguments of one call, looked up by keyword or position."""

    def __init__(self, node: ast.Call, pos: List[Value], kw: Dict[str, Value], starred: bool):
        self.node = node
        self.pos = pos
        self.kw = kw
        self.starred = starred  # *args / **kwargs: absent arguments are unknown, not defaults

    def get(self, keyword: str, position: int = -1, default: Value = None) -> Value:
        if keyword and keyword in self.kw:
            return self.kw[keyword]
        if 0 <= position < len(self.pos):
            return self.pos[position]
        return UNKNOWN if self.starred else default

    def given(self, keyword: str, position: int = -1) -> bool:
        return (keyword in self.kw) or (0 <= position < len(self.pos)) or self.starred

    def keyword_node(self, keyword: str) -> Optional[ast.keyword]:
        for kw in self.node.keywords:
            if kw.arg == keyword:
                return kw
        return None

    def arg_node(self, keyword: str, position: int = -1) -> Optional[ast.AST]:
        kw = self.keyword_node(keyword)
        if kw is not None:
            return kw.value
        if 0 <= position < len(self.node.args):
            return self.node.args[position]
        return None


class _Return(Exception):
    pass


_ABSENT = object()  # a name not bound in a branch


class Interpreter:
    def __init__(self, tree: ast.Module, lines: List[str], path: str = ""):
        self.tree = tree
        self.lines = lines
        self.path = path
        self.events = Events()
        self.module_scope = Scope()
        self.steps = 0
        self.step_budget = STEP_BUDGET_BASE + 50 * len(lines)
        self.depth = 0
        self.cond_depth = 0
        self.nesting = 0  # statements and expressions being evaluated, one inside the other
        self.bound_names = BoundNames()
        self._positions: Dict[int, Positions] = {}  # per `lines` list (cross-module runs swap it)
        self._container_depth: Dict[int, Tuple[Value, int]] = {}
        self.call_counts: Dict[int, int] = {}
        self.executed: set = set()
        self.resolve_external: Optional[Callable[[str], Optional[Value]]] = None
        # id(module scope) -> (lines, path) of other modules whose functions this run may enter
        # (cross-module analysis), so positions inside them name the right file.
        self.foreign: Dict[int, Tuple[List[str], str]] = {}
        # Imported lazily to keep this module's import cheap and free of cycles.
        import celint.frameworks

        self.frameworks = celint.frameworks

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
    def run(self) -> Events:
        try:
            self.exec_block(self.tree.body, self.module_scope)
            self.run_orphans()
        except BudgetExceeded:
            pass
        return self.events

    def run_orphans(self) -> None:
        """Functions and methods nobody in this module calls still hold evidence: run each once."""
        for stmt in self.tree.body:
            value = self.module_scope.names.get(getattr(stmt, "name", ""), None)
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and isinstance(value, FuncVal):
                if id(stmt) not in self.executed:
                    self.call_function(value, [], {}, starred=True)
            elif isinstance(stmt, ast.ClassDef) and isinstance(value, ClassVal):
                instance = None
                for item in stmt.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and id(item) not in self.executed:
                        if instance is None:
                            instance = self.instantiate(value, [], {}, starred=True, node=stmt)
                        method = FuncVal(item, value.scope, bound_self=instance)
                        self.call_function(method, [], {}, starred=True)

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
        if self.nesting >= MAX_NESTING:
            self.skip_stmt(stmt, scope)
            return False
        self.nesting += 1
        try:
            return self.exec_stmt_kind(stmt, scope)
        finally:
            self.nesting -= 1

    def skip_stmt(self, stmt: ast.stmt, scope: Scope) -> None:
        """Too deep to follow: whatever the statement could bind or return becomes UNKNOWN."""
        for name in self.bound_names.of([stmt]):
            scope.names[name] = UNKNOWN
        returns = scope.names.get("<returns>")
        if isinstance(returns, list):
            returns.append(UNKNOWN)

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
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self.exec_import(stmt, scope)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            scope.names[stmt.name] = FuncVal(stmt, scope)
        elif isinstance(stmt, ast.ClassDef):
            scope.names[stmt.name] = self.make_class(stmt, scope)
        elif isinstance(stmt, ast.Return):
            value = self.eval(stmt.value, scope) if stmt.value is not None else Const(None)
            returns = scope.names.get("<returns>")
            if isinstance(returns, list):
                returns.append(value)
            return True
        elif isinstance(stmt, ast.Raise):
            return True
        elif isinstance(stmt, ast.If):
            return self.exec_if(stmt, scope)
        elif isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            self.exec_loop(stmt, scope)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                value = self.eval(item.context_expr, scope)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, UNKNOWN if not isinstance(value, Ref) else UNKNOWN, scope)
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

    def exec_branch(self, body: List[ast.stmt], scope: Scope) -> Tuple[Dict[str, Value], bool]:
        """Run a conditional block, then undo it; return what it bound (name -> value or _ABSENT) and
        whether it always ends. Only the names the block can bind are saved, so this is linear in the block."""
        names = self.bound_names.of(body)
        saved = {name: scope.names.get(name, _ABSENT) for name in names}
        self.cond_depth += 1
        try:
            ends = self.exec_block(body, scope)
        finally:
            self.cond_depth -= 1
        branch = {name: scope.names.get(name, _ABSENT) for name in names}
        for name, value in saved.items():
            if value is _ABSENT:
                scope.names.pop(name, None)
            else:
                scope.names[name] = value
        return branch, ends

    def join(self, scope: Scope, branches: List[Tuple[Dict[str, Value], bool]]) -> bool:
        """Merge the branches that fall through into `scope`; True when none does."""
        live = [changes for changes, ends in branches if not ends]
        if not live:
            return True
        for key in set().union(*live):
            current = scope.names.get(key, _ABSENT)
            values = [changes.get(key, current) for changes in live]
            if all(value is _ABSENT for value in values):
                scope.names.pop(key, None)
                continue
            result = values[0] if values[0] is not _ABSENT else UNKNOWN
            for other in values[1:]:
                result = merge(result, other if other is not _ABSENT else UNKNOWN)
            scope.names[key] = result
        return False

    def exec_if(self, stmt: ast.If, scope: Scope) -> bool:
        test = self.truth(self.eval(stmt.test, scope))
        if test is True:
            return self.exec_block(stmt.body, scope)
        if test is False:
            return self.exec_block(stmt.orelse, scope)
        return self.join(scope, [self.exec_branch(stmt.body, scope), self.exec_branch(stmt.orelse, scope)])

    def exec_loop(self, stmt: ast.stmt, scope: Scope) -> None:
        if isinstance(stmt, (ast.For, ast.AsyncFor)):
            iterable = self.eval(stmt.iter, scope)
            self.bind(stmt.target, self.element_of(iterable), scope)
        else:
            self.eval(stmt.test, scope)  # type: ignore[attr-defined]
        # The body may run zero or more times: once is enough to see its events.
        body = self.exec_branch(stmt.body, scope)  # type: ignore[attr-defined]
        self.join(scope, [body, ({}, False)])  # or not at all: the names as they were
        self.exec_block(stmt.orelse, scope)  # type: ignore[attr-defined]

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
                self.note_flavour(alias.name)
        elif isinstance(stmt, ast.ImportFrom):
            module = "." * stmt.level + (stmt.module or "")
            self.note_flavour(module)
            for alias in stmt.names:
                if alias.name == "*":
                    continue
                name = alias.asname or alias.name
                # `from . import models` -> ".models": as many dots as the import's level, always
                qualname = f"{module}.{alias.name}" if stmt.module else module + alias.name
                scope.names[name] = self.ref(qualname, stmt)

    def ref(self, qualname: str, node: ast.AST) -> Value:
        if self.resolve_external is not None:
            external = self.resolve_external(qualname)
            if external is not None:
                return external
        return Ref(canonical(qualname), self.where(node))

    def note_flavour(self, module: str) -> None:
        root = module.split(".")
        if root[0] == "keras":
            self.events.keras_flavours.add("keras")
        elif root[0] == "tf_keras":
            self.events.keras_flavours.add("tf_keras")
        elif root[0] == "tensorflow":
            self.events.keras_flavours.add("tf.keras")

    def make_class(self, node: ast.ClassDef, scope: Scope) -> ClassVal:
        bases: List[str] = []
        family = ""
        for base in node.bases:
            value = self.eval(base, scope)
            if isinstance(value, Ref):
                bases.append(value.qualname)
                family = family or self.frameworks.class_family(value.qualname)
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
                # attributes set conditionally are not known for sure
                owner.attrs[target.attr] = value if self.cond_depth == 0 or target.attr not in owner.attrs else merge(owner.attrs[target.attr], value)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, UNKNOWN, scope)

    def unpack(self, value: Value, count: int) -> List[Value]:
        if isinstance(value, Seq) and len(value.items) == count:
            return list(value.items)
        custom = self.frameworks.unpack(self, value, count)
        if custom is not None:
            return custom
        return [UNKNOWN] * count

    def element_of(self, iterable: Value) -> Value:
        if isinstance(iterable, Seq) and iterable.items:
            result = iterable.items[0]
            for item in iterable.items[1:]:
                result = merge(result, item)
            return result
        return self.frameworks.element_of(self, iterable)

    # ----- expressions -----------------------------------------------------------------------
    def eval(self, node: Optional[ast.expr], scope: Scope) -> Value:
        if node is None:
            return UNKNOWN
        self.tick()
        if self.nesting >= MAX_NESTING:
            return UNKNOWN  # a 1,000-term sum: Python parses it, but we do not recurse that deep
        self.nesting += 1
        try:
            method = getattr(self, "eval_" + type(node).__name__, None)
            if method is None:
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.expr):
                        self.eval(child, scope)
                return UNKNOWN
            return method(node, scope)
        finally:
            self.nesting -= 1

    def eval_Constant(self, node: ast.Constant, scope: Scope) -> Value:
        return Literal(node.value, self.where(node))

    def eval_Name(self, node: ast.Name, scope: Scope) -> Value:
        value = scope.lookup(node.id)
        if value is not None:
            return value
        if node.id in ("True", "False", "None"):
            return Const({"True": True, "False": False, "None": None}[node.id])
        return UNKNOWN

    def eval_Attribute(self, node: ast.Attribute, scope: Scope) -> Value:
        owner = self.eval(node.value, scope)
        if isinstance(owner, Ref):
            return self.ref_attribute(owner, node)
        if isinstance(owner, Instance):
            if node.attr in owner.attrs:
                return owner.attrs[node.attr]
            method = self.find_method(owner.cls, node.attr)
            if method is not None:
                return FuncVal(method, owner.cls.scope, bound_self=owner)
            return BoundMethod(owner, node.attr)
        if isinstance(owner, ClassVal):
            method = self.find_method(owner, node.attr)
            if method is None and owner.bases:
                # a classmethod inherited from a framework class: `TrainState.create` on a subclass
                return self.ref_attribute(Ref(owner.bases[0]), node)
            return FuncVal(method, owner.scope) if method is not None else UNKNOWN
        if owner is UNKNOWN:
            return UNKNOWN
        return BoundMethod(owner, node.attr)

    def ref_attribute(self, owner: Ref, node: ast.Attribute) -> Value:
        qualname = f"{owner.qualname}.{node.attr}"
        if self.resolve_external is not None:
            external = self.resolve_external(qualname)
            if external is not None:
                return external
        return Ref(canonical(qualname), self.where(node))

    def find_method(self, cls: ClassVal, name: str) -> Optional[ast.AST]:
        """The method `name` of `cls` or of its bases, depth-first, left to right (close to the MRO).

        A loop with its own stack, not recursion: a 1,000-class inheritance chain is legal Python; a base
        cycle (`class A(B)` / `class B(A)`) is walked once, and at most MAX_BASES_WALKED classes are.
        """
        stack, seen = [cls], set()
        while stack and len(seen) < MAX_BASES_WALKED:
            current = stack.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            for item in current.node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == name:
                    return item
            bases = [self.eval(base, current.scope) for base in current.node.bases]
            stack.extend(value for value in reversed(bases) if isinstance(value, ClassVal))
        return None

    def eval_Tuple(self, node: ast.Tuple, scope: Scope) -> Value:
        return self.container(Seq(tuple(self.eval(e, scope) for e in node.elts), is_list=False))

    def eval_List(self, node: ast.List, scope: Scope) -> Value:
        return self.container(Seq(tuple(self.eval(e, scope) for e in node.elts), is_list=True))

    def container(self, value: Value) -> Value:
        """`value` (a Seq or DictVal), or UNKNOWN when containers nest too deeply to compare."""
        items = value.items if isinstance(value, Seq) else [v for pair in value.items for v in pair]
        depth = 1 + max((self.container_depth(item) for item in items), default=0)
        if depth > MAX_CONTAINER_DEPTH:
            return UNKNOWN
        if depth > 1:
            self._container_depth[id(value)] = (value, depth)  # the value is kept so its id stays unique
        return value

    def container_depth(self, value: Value) -> int:
        found = self._container_depth.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        return 1 if isinstance(value, (Seq, DictVal)) else 0

    def eval_Dict(self, node: ast.Dict, scope: Scope) -> Value:
        items = []
        for key, value in zip(node.keys, node.values):
            if key is None:
                self.eval(value, scope)
                return UNKNOWN  # **spread: keys unknown
            items.append((self.eval(key, scope), self.eval(value, scope)))
        return self.container(DictVal(tuple(items)))

    def eval_BinOp(self, node: ast.BinOp, scope: Scope) -> Value:
        return self.binop(node.op, self.eval(node.left, scope), self.eval(node.right, scope))

    def binop(self, op: ast.operator, left: Value, right: Value) -> Value:
        a, b = const_of(left), const_of(right)
        fn = _BINOPS.get(type(op))
        numeric = (int, float)
        if fn and isinstance(a, numeric) and isinstance(b, numeric) and not isinstance(a, bool) and not isinstance(b, bool):
            if not (foldable(a) and foldable(b)):
                return UNKNOWN
            try:
                result = fn(a, b)
            except (ZeroDivisionError, OverflowError):
                return UNKNOWN
            return Const(result)
        if fn is operator.add and isinstance(a, str) and isinstance(b, str):
            return Const(a + b) if len(a) + len(b) <= MAX_STR_CHARS else UNKNOWN
        return self.frameworks.binop(self, op, left, right)

    def eval_UnaryOp(self, node: ast.UnaryOp, scope: Scope) -> Value:
        operand = self.eval(node.operand, scope)
        value = const_of(operand)
        if isinstance(node.op, ast.USub) and isinstance(value, (int, float)) and not isinstance(value, bool):
            return Const(-value)
        if isinstance(node.op, ast.Not) and value is not UNKNOWN:
            return Const(not value)
        return self.frameworks.unary(self, node.op, operand)

    def eval_BoolOp(self, node: ast.BoolOp, scope: Scope) -> Value:
        values = [self.eval(v, scope) for v in node.values]
        truths = [self.truth(v) for v in values]
        if isinstance(node.op, ast.And) and all(t is True for t in truths):
            return values[-1]
        if isinstance(node.op, ast.Or):
            for value, truth in zip(values, truths):
                if truth is True:
                    return value
                if truth is None:
                    return UNKNOWN
            return values[-1]
        if isinstance(node.op, ast.And) and any(t is False for t in truths):
            return Const(False)
        return UNKNOWN

    def eval_Compare(self, node: ast.Compare, scope: Scope) -> Value:
        left = self.eval(node.left, scope)
        rights = [self.eval(c, scope) for c in node.comparators]
        if len(rights) != 1:
            return UNKNOWN
        a, b = const_of(left), const_of(rights[0])
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        ops = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
               ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not}
        fn = ops.get(type(node.ops[0]))
        try:
            return Const(fn(a, b)) if fn else UNKNOWN
        except TypeError:
            return UNKNOWN

    def eval_IfExp(self, node: ast.IfExp, scope: Scope) -> Value:
        test = self.truth(self.eval(node.test, scope))
        if test is True:
            return self.eval(node.body, scope)
        if test is False:
            return self.eval(node.orelse, scope)
        return merge(self.eval(node.body, scope), self.eval(node.orelse, scope))

    def eval_Subscript(self, node: ast.Subscript, scope: Scope) -> Value:
        owner = self.eval(node.value, scope)
        index_node = node.slice
        if type(index_node).__name__ == "Index":  # Python 3.8 wrapper
            index_node = index_node.value  # type: ignore[attr-defined]
        index = self.eval(index_node, scope)
        key = const_of(index)
        if isinstance(owner, Seq) and isinstance(key, int) and not isinstance(key, bool):
            if -len(owner.items) <= key < len(owner.items):
                return owner.items[key]
            return UNKNOWN
        if isinstance(owner, DictVal) and key is not UNKNOWN:
            return owner.get(key)
        return self.frameworks.subscript(self, owner, index, node)

    def eval_Lambda(self, node: ast.Lambda, scope: Scope) -> Value:
        return FuncVal(node, scope)

    def eval_Starred(self, node: ast.Starred, scope: Scope) -> Value:
        self.eval(node.value, scope)
        return UNKNOWN

    def eval_NamedExpr(self, node: ast.expr, scope: Scope) -> Value:
        value = self.eval(node.value, scope)  # type: ignore[attr-defined]
        self.bind(node.target, value, scope)  # type: ignore[attr-defined]
        return value

    def eval_Await(self, node: ast.Await, scope: Scope) -> Value:
        return self.eval(node.value, scope)

    def eval_Call(self, node: ast.Call, scope: Scope) -> Value:
        func = self.eval(node.func, scope)
        pos: List[Value] = []
        kw: Dict[str, Value] = {}
        starred = False
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                starred = True
                self.eval(arg.value, scope)
            else:
                pos.append(self.eval(arg, scope))
        for keyword in node.keywords:
            value = self.eval(keyword.value, scope)
            if keyword.arg is None:
                starred = True
            else:
                kw[keyword.arg] = value
        return self.call(func, Args(node, pos, kw, starred))

    # ----- calls -----------------------------------------------------------------------------
    def call(self, func: Value, args: Args) -> Value:
        if isinstance(func, FuncVal):
            return self.call_function(func, args.pos, args.kw, args.starred)
        if isinstance(func, ClassVal):
            return self.instantiate(func, args.pos, args.kw, args.starred, args.node)
        if isinstance(func, Instance):
            return self.call_instance(func, args)
        return self.frameworks.call(self, func, args)

    def call_instance(self, instance: Instance, args: Args) -> Value:
        """Calling a module / model object runs its forward, call or __call__."""
        for name in self.frameworks.FORWARD_METHODS.get(instance.cls.family, ("__call__",)):
            method = self.find_method(instance.cls, name)
            if method is not None:
                return self.call_function(FuncVal(method, instance.cls.scope, bound_self=instance), args.pos, args.kw, args.starred)
        return UNKNOWN

    def instantiate(self, cls: ClassVal, pos: List[Value], kw: Dict[str, Value], starred: bool, node: ast.AST) -> Value:
        instance = Instance(cls, at=self.where(node))
        init = self.find_method(cls, "__init__")
        if init is not None:
            self.call_function(FuncVal(init, cls.scope, bound_self=instance), pos, kw, starred)
        elif cls.family == "flax-module":
            # dataclass-style fields given as keywords: Model(num_classes=10)
            for key, value in kw.items():
                instance.attrs[key] = value
            self.bind_dataclass_defaults(cls, instance, pos)
        if cls.family:
            self.events.models.append(instance)
        return instance

    def bind_dataclass_defaults(self, cls: ClassVal, instance: Instance, pos: List[Value]) -> None:
        fields = [s for s in cls.node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
        for index, field_stmt in enumerate(fields):
            name = field_stmt.target.id  # type: ignore[union-attr]
            if name in instance.attrs:
                continue
            if index < len(pos):
                instance.attrs[name] = pos[index]
            elif field_stmt.value is not None:
                instance.attrs[name] = self.eval(field_stmt.value, cls.scope)

    def call_function(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        node = func.node
        key = id(node)
        self.executed.add(key)
        count = self.call_counts.get(key, 0)
        if self.depth >= MAX_CALL_DEPTH or count >= MAX_CALLS_PER_FUNCTION:
            return UNKNOWN
        self.call_counts[key] = count + 1
        if self.foreign:
            return self.call_foreign(func, pos, kw, starred)
        return self.enter_function(func, pos, kw, starred)

    def call_foreign(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        """Run a function with positions reported in the module that defines it."""
        root = func.scope
        while root.parent is not None:
            root = root.parent
        module = self.foreign.get(id(root))
        if module is None or module[1] == self.path:
            return self.enter_function(func, pos, kw, starred)
        saved = self.lines, self.path
        self.lines, self.path = module
        try:
            return self.enter_function(func, pos, kw, starred)
        finally:
            self.lines, self.path = saved

    def enter_function(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        node = func.node
        scope = Scope(parent=func.scope)
        self.bind_params(node.args, func, pos, kw, starred, scope)  # type: ignore[attr-defined]
        saved_cond = self.cond_depth
        self.depth += 1
        self.cond_depth = 0  # conditions are relative to the function being run
        try:
            if isinstance(node, ast.Lambda):
                return self.eval(node.body, scope)
            returns: List[Value] = []
            scope.names["<returns>"] = returns
            self.exec_block(node.body, scope)  # type: ignore[attr-defined]
            if not returns:
                return Const(None)
            result = returns[0]
            for other in returns[1:]:
                result = merge(result, other)
            return result
        finally:
            self.depth -= 1
            self.cond_depth = saved_cond

    def bind_params(self, params: ast.arguments, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool, scope: Scope) -> None:
        positional = list(getattr(params, "posonlyargs", [])) + list(params.args)
        values = list(pos)
        if func.bound_self is not None and positional:
            scope.names[positional[0].arg] = func.bound_self
            positional = positional[1:]
        defaults = [None] * (len(positional) - len(params.defaults)) + list(params.defaults)
        for index, param in enumerate(positional):
            if index < len(values):
                scope.names[param.arg] = values[index]
            elif param.arg in kw:
                scope.names[param.arg] = kw[param.arg]
            elif starred:
                scope.names[param.arg] = UNKNOWN
            elif defaults[index] is not None:
                scope.names[param.arg] = self.eval(defaults[index], func.scope)
            else:
                scope.names[param.arg] = UNKNOWN
        for param, default in zip(params.kwonlyargs, params.kw_defaults):
            if param.arg in kw:
                scope.names[param.arg] = kw[param.arg]
            elif default is not None and not starred:
                scope.names[param.arg] = self.eval(default, func.scope)
            else:
                scope.names[param.arg] = UNKNOWN
        if params.vararg:
            scope.names[params.vararg.arg] = UNKNOWN
        if params.kwarg:
            scope.names[params.kwarg.arg] = UNKNOWN

    # ----- helpers ---------------------------------------------------------------------------
    @staticmethod
    def truth(value: Value) -> Optional[bool]:
        v = const_of(value)
        if v is UNKNOWN:
            return None
        try:
            return bool(v)
        except Exception:
            return None

    def model_output(self, model: Value) -> Value:
        """What a model returns when called: its output tensor(s), or UNKNOWN."""
        return self.frameworks.model_output(self, model)


def interpret(tree: ast.Module, lines: List[str], path: str = "", resolve_external: Optional[Callable[[str], Optional[Value]]] = None) -> Tuple[Events, "Interpreter"]:
    interpreter = Interpreter(tree, lines, path)
    interpreter.resolve_external = resolve_external
    return interpreter.run(), interpreter


__all__ = ["Args", "Interpreter", "interpret", "ModelVal", "Tensor"]
