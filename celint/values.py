"""Abstract values: what a name can hold at a point of the program.

Every value derives from `Value`; adapters add their own kinds (label datasets, train states) the
same way. `UNKNOWN` is a first-class answer; every operation on it yields `UNKNOWN`.
Values are compared with `==` when branches merge, so the immutable ones are frozen dataclasses
and the mutable ones (models, instances) compare by identity.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, ClassVar, Dict, List, Optional, Tuple, Union

from celint.facts import Activation, AxisKind, Expects, Framework, Head, LossKind, Targets, Where

if TYPE_CHECKING:
    from celint.frameworks.adapter import ModelFamily
    from celint.knowledge.rows import LayerEffect


class Value:
    """What a name can hold: one of the kinds below, an adapter's own kind, or UNKNOWN."""

    __slots__ = ()


class _Unknown(Value):
    _instance: ClassVar[Optional["_Unknown"]] = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class Const(Value):
    value: object  # int, float, str, bool or None


@dataclass(frozen=True)
class Literal(Value):
    """A constant together with where it is written (strings used as losses, metrics...)."""

    value: object
    at: Where


@dataclass(frozen=True)
class Seq(Value):
    items: Tuple[Value, ...]
    is_list: bool = True


@dataclass(frozen=True)
class DictVal(Value):
    items: Tuple[Tuple[Value, Value], ...]

    def get(self, key: object) -> Value:
        for k, v in self.items:
            if const_of(k) == key:
                return v
        return UNKNOWN


@dataclass(frozen=True)
class Ref(Value):
    """A resolved, canonical framework name that has not been called yet (`keras.layers.Dense`)."""

    qualname: str
    at: Optional[Where] = None


@dataclass(eq=False)
class Deferred(Value):
    """An import that may name one of the checked tree's own modules, resolved when first used.

    Resolving at the import statement would run every imported module's top level, and theirs in
    turn: a package whose modules all import each other (torch itself) was run whole for every file.
    """

    resolve: Callable[[str], Optional[Value]]
    qualname: str
    fallback: Value  # the Ref to use when the name is not the tree's own
    _value: Optional[Value] = None
    _resolving: bool = False

    MAX_CHAIN: ClassVar[int] = 32  # re-exports followed through one another (a.x from b, b.x from c, ...)
    _chain: ClassVar[int] = 0  # resolutions in progress, across all Deferred values

    def get(self) -> Value:
        if self._value is None:
            if self._resolving or Deferred._chain >= Deferred.MAX_CHAIN:
                return self.fallback  # a re-export cycle or a very long chain: the name stays a name
            self._resolving = True
            Deferred._chain += 1
            try:
                found = self.resolve(self.qualname)
            finally:
                self._resolving = False
                Deferred._chain -= 1
            self._value = found if found is not None else self.fallback
        return self._value


@dataclass(frozen=True)
class Tensor(Value):
    """A symbolic tensor; `head` describes how its last axis was produced."""

    head: Head
    targets: Optional[Targets] = None  # set when the tensor holds encoded labels
    # A step of an activation written by hand (`exp(z)`, `1 + exp(-z)`), private to the manual-ops
    # adapter; such a tensor's head says nothing about its activation, so rules stay silent on it.
    marker: Optional[str] = None


@dataclass(frozen=True)
class Layer(Value):
    """A layer object before it is applied: its effect on a tensor's head."""

    qualname: str
    effect: LayerEffect
    width: Optional[int] = None
    activation: Optional[Activation] = None
    at: Optional[Where] = None
    activation_at: Optional[Where] = None
    source: str = ""
    axis_kind: AxisKind = AxisKind.LAST
    guessed_axis: bool = False  # torch nn.Softmax() without dim: the framework guesses
    name: Optional[str] = None


@dataclass(frozen=True)
class LossObj(Value):
    """A cross-entropy loss: a string, a function reference or a configured object."""

    qualname: str  # canonical name of the table row
    kind: LossKind
    expects: Expects
    framework: Framework
    at: Where  # where the user would change it
    name: str  # as written
    callable_style: bool = False  # applied by calling it (criterion(out, y))
    from_logits_at: Optional[Where] = None  # the from_logits argument, when the user wrote one


@dataclass(frozen=True)
class MetricObj(Value):
    name: str
    at: Where
    threshold_at_half: bool


@dataclass(eq=False)
class ModelVal(Value):
    """A model: either a layer stack (Sequential) or fixed outputs (functional / subclassed)."""

    framework: Framework
    at: Where
    layers: List[Value] = field(default_factory=list)
    outputs: Optional[Value] = None  # Tensor, Seq or DictVal of tensors, for functional models
    uncertain: bool = False  # layers were added conditionally: the head is not known
    depth: int = 0  # conditional depth at creation


MethodNode = Union[ast.FunctionDef, ast.AsyncFunctionDef]
FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda]


@dataclass(eq=False)
class FuncVal(Value):
    node: FunctionNode
    scope: Scope
    bound_self: Optional[Value] = None


@dataclass(eq=False)
class ClassVal(Value):
    node: ast.ClassDef
    scope: Scope
    bases: Tuple[str, ...]  # canonical names of resolvable bases
    family: Optional[ModelFamily]  # a framework's model base class (an adapter's), or None: a plain class


@dataclass(eq=False)
class Instance(Value):
    cls: ClassVal
    attrs: Dict[str, Value] = field(default_factory=dict)
    at: Optional[Where] = None
    conditions: int = 0  # conditional blocks around its creation, counted across calls (see calls.py)


@dataclass(frozen=True)
class BoundMethod(Value):
    receiver: Value
    name: str


@dataclass(eq=False)
class Scope:
    """Names bound in one function activation (or the module); `parent` is the enclosing scope."""

    names: Dict[str, Value] = field(default_factory=dict)
    parent: Optional[Scope] = None
    returns: Optional[List[Value]] = None  # what the running function's `return`s gave so far

    def lookup(self, name: str) -> Optional[Value]:
        scope: Optional[Scope] = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None


def const_of(value: Optional[Value]) -> object:
    """The Python constant a value holds, or the UNKNOWN sentinel."""
    if isinstance(value, (Const, Literal)):
        return value.value
    return UNKNOWN


def int_of(value: Optional[Value]) -> Optional[int]:
    v = const_of(value)
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    return None


def merge(a: Value, b: Value) -> Value:
    """The value a name holds after two branches: equal values survive, others become UNKNOWN."""
    if a is b or a == b:
        return a
    if isinstance(a, (Const, Literal)) and isinstance(b, (Const, Literal)) and a.value == b.value:
        return Const(a.value)
    return UNKNOWN
