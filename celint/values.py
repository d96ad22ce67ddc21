"""Abstract values: what a name can hold at a point of the program.

Every value derives from `Value`; adapters add their own kinds (label datasets, train states) the
same way. `UNKNOWN` is a first-class answer; every operation on it yields `UNKNOWN`.
Values are compared (`same`, part by part) when branches merge, so the immutable ones are frozen records
and the mutable ones (models, instances) compare by identity.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, ClassVar, Dict, List, Optional, Set, Tuple, Union

from celint.facts import Activation, AxisKind, Expects, Framework, Head, LossKind, LossOption, Targets, Where
from celint.records import field, field_names, record

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


@record(frozen=True)
class Const(Value):
    value: object  # int, float, str, bool or None


@record(frozen=True)
class Literal(Value):
    """A constant together with where it is written (strings used as losses, metrics...)."""

    value: object
    at: Where


@record(frozen=True)
class Seq(Value):
    items: Tuple[Value, ...]
    is_list: bool = True


@record(frozen=True)
class DictVal(Value):
    items: Tuple[Tuple[Value, Value], ...]

    def get(self, key: object) -> Value:
        for k, v in self.items:
            if const_of(k) == key:
                return v
        return UNKNOWN


@record(frozen=True)
class Ref(Value):
    """A resolved, canonical framework name that has not been called yet (`keras.layers.Dense`)."""

    qualname: str
    at: Optional[Where] = None


@record(eq=False)
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


@record(frozen=True)
class Tensor(Value):
    """A symbolic tensor; `head` describes how its last axis was produced."""

    head: Head
    targets: Optional[Targets] = None  # set when the tensor holds encoded labels
    # A step of an activation written by hand (`exp(z)`, `1 + exp(-z)`), private to the manual-ops
    # adapter; such a tensor's head says nothing about its activation, so rules stay silent on it.
    marker: Optional[str] = None
    # Computed from constants only (`torch.sigmoid(torch.linspace(-10, 10, 200))`, a formula plotted over a
    # grid): no parameter flows through it, so nothing is trained through what is done to it.
    constant: bool = False
    # A softmax over the batch axis (`F.softmax(z, dim=0)`): `head` says nothing, this is what a logits
    # loss receiving the tensor would get (probabilities, normalised over the wrong axis).
    over_batch: Optional[Head] = None


@record(frozen=True)
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
    over_batch: str = ""  # the axis as written when it is the batch axis: nn.Softmax(dim=0) -> "dim=0"
    name: Optional[str] = None


@record(frozen=True)
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
    options: Tuple[LossOption, ...] = ()  # other options written at the loss, with their constant values


@record(frozen=True)
class MetricObj(Value):
    name: str
    at: Where
    threshold_at_half: bool


@record(eq=False)
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


@record(eq=False)
class FuncVal(Value):
    node: FunctionNode
    scope: Scope
    bound_self: Optional[Value] = None


@record(eq=False)
class ClassVal(Value):
    node: ast.ClassDef
    scope: Scope
    bases: Tuple[str, ...]  # canonical names of resolvable bases
    family: Optional[ModelFamily]  # a framework's model base class (an adapter's), or None: a plain class


@record(eq=False)
class Instance(Value):
    cls: ClassVal
    attrs: Dict[str, Value] = field(default_factory=dict)
    at: Optional[Where] = None
    conditions: int = 0  # conditional blocks around its creation, counted across calls (see calls.py)


@record(frozen=True)
class BoundMethod(Value):
    receiver: Value
    name: str


@record(eq=False)
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


def merge(a: Value, b: Value, tick: Optional[Callable[[], None]] = None) -> Value:
    """The value a name holds after two branches: equal values survive, others become UNKNOWN.
    `tick` is charged once per pair of parts compared (the interpreter's step budget).

    Values that differ only in where they were written are the same value (the first one's positions
    are kept): `try: from tensorflow import keras` / `except ImportError: import keras` names one Keras."""
    if a is b or same(a, b, tick):
        return a
    if isinstance(a, (Const, Literal)) and isinstance(b, (Const, Literal)) and a.value == b.value:
        return Const(a.value)
    if isinstance(a, Deferred) or isinstance(b, Deferred):
        resolved_a = a.get() if isinstance(a, Deferred) else a
        resolved_b = b.get() if isinstance(b, Deferred) else b
        return merge(resolved_a, resolved_b, tick) if (resolved_a, resolved_b) != (a, b) else UNKNOWN
    if same(a, b, tick, positions=False):
        return a
    return UNKNOWN


def _positions(x: object, y: object) -> bool:
    """Both parts say where something was written (or nothing)."""
    return isinstance(x, (Where, type(None))) and isinstance(y, (Where, type(None)))


def same(a: object, b: object, tick: Optional[Callable[[], None]] = None, positions: bool = True) -> bool:
    """`a == b` for values, comparing each pair of parts once: identical parts are equal without a look,
    and a part shared many times (`t = (t, t)` thirty times: 2**30 paths) is compared once, not per path.
    Values that compare by identity (models, instances) are equal only to themselves. With
    `positions=False`, where parts were written (`Where` fields) is left out of the comparison."""
    pending: List[Tuple[object, object]] = [(a, b)]
    seen: Set[Tuple[int, int]] = set()  # both values are alive until this returns, so ids stay unique
    while pending:
        x, y = pending.pop()
        if x is y or (id(x), id(y)) in seen:
            continue
        seen.add((id(x), id(y)))
        if tick is not None:
            tick()
        if isinstance(x, tuple) and isinstance(y, tuple):
            if len(x) != len(y):
                return False
            pending.extend(zip(x, y))
        elif names := field_names(x):  # a record: part by part (Tensor, Layer, and the facts inside them)
            if type(x) is not type(y) or type(x).__eq__ is object.__eq__:
                return False  # different kinds, or compared by identity
            pairs = ((getattr(x, name), getattr(y, name)) for name in names)
            pending.extend(pair for pair in pairs if positions or not _positions(*pair))
        elif x != y:
            return False
    return True
