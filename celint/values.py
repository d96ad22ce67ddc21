"""Abstract values: what a name can hold at a point of the program.

`UNKNOWN` is a first-class answer; every operation on it yields `UNKNOWN`.
Values are compared with `==` when branches merge, so the immutable ones are frozen dataclasses
and the mutable ones (models, instances) compare by identity.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from celint.facts import Head, Targets, Where


class _Unknown:
    _instance: Optional["_Unknown"] = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
Value = Any  # one of the classes below, or UNKNOWN


@dataclass(frozen=True)
class Const:
    value: object  # int, float, str, bool or None


@dataclass(frozen=True)
class Literal:
    """A constant together with where it is written (strings used as losses, metrics...)."""

    value: object
    at: Where


@dataclass(frozen=True)
class Seq:
    items: Tuple[Value, ...]
    is_list: bool = True


@dataclass(frozen=True)
class DictVal:
    items: Tuple[Tuple[Value, Value], ...]

    def get(self, key: object) -> Value:
        for k, v in self.items:
            if const_of(k) == key:
                return v
        return UNKNOWN


@dataclass(frozen=True)
class Ref:
    """A resolved, canonical framework name that has not been called yet (`keras.layers.Dense`)."""

    qualname: str
    at: Optional[Where] = None


@dataclass(eq=False)
class Deferred:
    """An import that may name one of the checked tree's own modules, resolved when first used.

    Resolving at the import statement would run every imported module's top level, and theirs in
    turn: a package whose modules all import each other (torch itself) was run whole for every file.
    """

    resolve: Callable[[str], Optional["Value"]]
    qualname: str
    fallback: "Value"  # the Ref to use when the name is not the tree's own
    _value: Optional["Value"] = None
    _resolving: bool = False

    MAX_CHAIN = 32  # re-exports followed through one another (a.x from b, b.x from c, ...)
    _chain = 0  # resolutions in progress, across all Deferred values

    def get(self) -> "Value":
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
class Tensor:
    """A symbolic tensor; `head` describes how its last axis was produced."""

    head: Head
    targets: Optional[Targets] = None  # set when the tensor holds encoded labels


@dataclass(frozen=True)
class Layer:
    """A layer object before it is applied: its effect on a tensor's head."""

    qualname: str
    effect: str  # "dense" | "activation" | "preserve" | "unknown"
    width: Optional[int] = None
    activation: Optional[str] = None
    activation_explicit: bool = True  # False when the activation is the layer's default
    at: Optional[Where] = None
    activation_at: Optional[Where] = None
    source: str = ""
    axis_kind: str = "last"  # "last" (default / -1), "class" (torch dim=1), "other" (attention axes)
    guessed_axis: bool = False  # torch nn.Softmax() without dim: the framework guesses
    name: Optional[str] = None


@dataclass(frozen=True)
class LossObj:
    """A cross-entropy loss: a string, a function reference or a configured object."""

    qualname: str  # canonical name of the table row
    kind: str
    expects: str
    framework: str
    at: Where  # where the user would change it
    name: str  # as written
    callable_style: bool = False  # applied by calling it (criterion(out, y))
    from_logits_at: Optional[Where] = None  # the from_logits argument, when the user wrote one


@dataclass(frozen=True)
class MetricObj:
    name: str
    at: Where
    threshold_at_half: bool


@dataclass(eq=False)
class ModelVal:
    """A model: either a layer stack (Sequential) or fixed outputs (functional / subclassed)."""

    framework: str
    at: Where
    layers: List[Value] = field(default_factory=list)
    outputs: Optional[Value] = None  # Tensor, Seq or DictVal of tensors, for functional models
    uncertain: bool = False  # layers were added conditionally: the head is not known
    depth: int = 0  # conditional depth at creation

    def output(self) -> Value:
        if self.uncertain:
            return UNKNOWN
        if self.outputs is not None:
            return self.outputs
        return None  # layer stack: computed by the interpreter


@dataclass(eq=False)
class FuncVal:
    node: ast.AST  # FunctionDef, AsyncFunctionDef or Lambda
    scope: "Scope"
    bound_self: Value = None


@dataclass(eq=False)
class ClassVal:
    node: ast.ClassDef
    scope: "Scope"
    bases: Tuple[str, ...]  # canonical names of resolvable bases
    family: str  # "keras-model" | "torch-module" | "flax-module" | "" (plain class)


@dataclass(eq=False)
class Instance:
    cls: ClassVal
    attrs: Dict[str, Value] = field(default_factory=dict)
    at: Optional[Where] = None


@dataclass(frozen=True)
class BoundMethod:
    receiver: Value
    name: str


@dataclass(eq=False)
class Scope:
    """Names bound in one function activation (or the module); `parent` is the enclosing scope."""

    names: Dict[str, Value] = field(default_factory=dict)
    parent: Optional["Scope"] = None

    def lookup(self, name: str) -> Optional[Value]:
        scope: Optional[Scope] = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None


def const_of(value: Value) -> object:
    """The Python constant a value holds, or the UNKNOWN sentinel."""
    if isinstance(value, (Const, Literal)):
        return value.value
    return UNKNOWN


def int_of(value: Value) -> Optional[int]:
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
