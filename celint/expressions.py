"""Expression evaluation for the interpreter: names, attributes, containers, arithmetic, comparisons.

A part of `celint.interpreter.Interpreter` (see `celint.machine`); subscripts and operators on values it
cannot fold go to the adapters' dispatch.
"""

from __future__ import annotations

import ast
import operator
from typing import Any, Callable, Dict, List, Optional, Set, Union

from celint.bounds import (
    MAX_BASES_WALKED,
    MAX_CONTAINER_DEPTH,
    MAX_NESTING,
    MAX_STR_CHARS,
    Nesting,
    foldable,
)
from celint.calls import Args
from celint.knowledge.names import canonical
from celint.machine import Machine
from celint.values import (
    UNKNOWN,
    BoundMethod,
    ClassVal,
    Const,
    Deferred,
    DictVal,
    FuncVal,
    Instance,
    Layer,
    Literal,
    LossObj,
    MethodNode,
    Ref,
    Scope,
    Seq,
    Tensor,
    Value,
    const_of,
)

_BINOPS: Dict[type, Callable[[object, object], object]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Div: operator.truediv,
}
_COMPARISONS: Dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}


class Expressions(Machine):
    def eval(self, node: Optional[ast.expr], scope: Scope) -> Value:
        if node is None:
            return UNKNOWN
        self.tick()
        if Nesting.level >= MAX_NESTING:
            return UNKNOWN  # a 1,000-term sum: Python parses it, but we do not recurse that deep
        Nesting.level += 1
        try:
            method: Optional[Callable[[Any, Scope], Value]] = getattr(self, "eval_" + type(node).__name__, None)
            if method is None:
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.expr):
                        self.eval(child, scope)
                return UNKNOWN
            return method(node, scope)
        finally:
            Nesting.level -= 1

    def eval_Constant(self, node: ast.Constant, scope: Scope) -> Value:
        return Literal(node.value, self.where(node))

    def eval_Name(self, node: ast.Name, scope: Scope) -> Value:
        value = scope.lookup(node.id)
        if isinstance(value, Deferred):
            return value.get()
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

    def find_method(self, cls: ClassVal, name: str) -> Optional[MethodNode]:
        """The method `name` of `cls` or of its bases, depth-first, left to right (close to the MRO).

        A loop with its own stack, not recursion: a 1,000-class inheritance chain is legal Python; a base
        cycle (`class A(B)` / `class B(A)`) is walked once, and at most MAX_BASES_WALKED classes are.
        """
        stack: List[ClassVal] = [cls]
        seen: Set[int] = set()
        while stack and len(seen) < MAX_BASES_WALKED:
            current = stack.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            found = methods_of(current.node).get(name)
            if found is not None:
                return found
            bases = [self.eval(base, current.scope) for base in current.node.bases]
            stack.extend(value for value in reversed(bases) if isinstance(value, ClassVal))
        return None

    def eval_Tuple(self, node: ast.Tuple, scope: Scope) -> Value:
        return self.container(Seq(tuple(self.eval(e, scope) for e in node.elts), is_list=False))

    def eval_List(self, node: ast.List, scope: Scope) -> Value:
        return self.container(Seq(tuple(self.eval(e, scope) for e in node.elts), is_list=True))

    def container(self, value: Union[Seq, DictVal]) -> Value:
        """`value`, or UNKNOWN when containers nest too deeply to compare."""
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
        if (
            fn
            and isinstance(a, numeric)
            and isinstance(b, numeric)
            and not isinstance(a, bool)
            and not isinstance(b, bool)
        ):
            if not (foldable(a) and foldable(b)):
                return UNKNOWN
            try:
                result = fn(a, b)
            except (ZeroDivisionError, OverflowError):
                return UNKNOWN
            return Const(result)
        if fn is operator.add and isinstance(a, str) and isinstance(b, str):
            return Const(a + b) if len(a) + len(b) <= MAX_STR_CHARS else UNKNOWN
        return self.dispatch.binop(self, op, left, right)

    def eval_UnaryOp(self, node: ast.UnaryOp, scope: Scope) -> Value:
        operand = self.eval(node.operand, scope)
        value = const_of(operand)
        if isinstance(node.op, ast.USub) and isinstance(value, (int, float)) and not isinstance(value, bool):
            return Const(-value)
        if isinstance(node.op, ast.Not) and value is not UNKNOWN:
            return Const(not value)
        return UNKNOWN

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
        if isinstance(node.ops[0], (ast.Is, ast.IsNot)):
            # `if activation is None:` in a helper given `activation=tf.nn.softmax`
            for value, other in ((left, rights[0]), (rights[0], left)):
                if const_of(other) is None and isinstance(other, (Const, Literal)) and self.is_object(value):
                    return Const(isinstance(node.ops[0], ast.IsNot))
        a, b = const_of(left), const_of(rights[0])
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        fn = _COMPARISONS.get(type(node.ops[0]))
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
        return self.dispatch.merge(self, self.eval(node.body, scope), self.eval(node.orelse, scope), self.tick)

    def eval_Subscript(self, node: ast.Subscript, scope: Scope) -> Value:
        owner = self.eval(node.value, scope)
        index = self.eval(node.slice, scope)
        key = const_of(index)
        if isinstance(owner, Seq) and isinstance(key, int) and not isinstance(key, bool):
            if -len(owner.items) <= key < len(owner.items):
                return owner.items[key]
            return UNKNOWN
        if isinstance(owner, DictVal) and key is not UNKNOWN:
            return owner.get(key)
        return self.dispatch.subscript(self, owner, index, node)

    def eval_Lambda(self, node: ast.Lambda, scope: Scope) -> Value:
        return FuncVal(node, scope)

    def eval_Starred(self, node: ast.Starred, scope: Scope) -> Value:
        self.eval(node.value, scope)
        return UNKNOWN

    def eval_NamedExpr(self, node: ast.NamedExpr, scope: Scope) -> Value:
        value = self.eval(node.value, scope)
        self.bind(node.target, value, scope)
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

    def truth(self, value: Value) -> Optional[bool]:
        v = const_of(value)
        if v is UNKNOWN:
            # a function, class, layer or loss object is true: `if activation:` given tf.nn.relu
            return True if self.is_object(value) and not isinstance(value, (Tensor, Seq, DictVal, Instance)) else None
        try:
            return bool(v)
        except Exception:
            return None

    def is_object(self, value: Value) -> bool:
        """Certainly an object, never None: a function, class, layer, loss, tensor, container, or a
        framework name a table knows (`tf.nn.softmax`)."""
        if isinstance(value, Ref):
            return value.qualname in self.dispatch.calls or value.qualname in self.dispatch.families
        return isinstance(value, (FuncVal, ClassVal, Instance, Layer, LossObj, Tensor, Seq, DictVal))


_METHODS_ATTRIBUTE = "_celint_methods"


def methods_of(node: ast.ClassDef) -> Dict[str, MethodNode]:
    """The methods a class body defines, by name (the first definition of each), indexed once and kept on
    the node like `bounds.BoundNames`: a lookup per call must not rescan a class of thousands of methods."""
    found: Optional[Dict[str, MethodNode]] = getattr(node, _METHODS_ATTRIBUTE, None)
    if found is None:
        found = {}
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.setdefault(item.name, item)
        setattr(node, _METHODS_ATTRIBUTE, found)
    return found
