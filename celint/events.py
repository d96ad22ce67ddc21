"""What the interpreter observed while walking a module: the raw material for facts."""

from __future__ import annotations

from typing import List, Optional, Set, Tuple

from celint.facts import ActivationApplied, KerasApi, LogOfProbabilities, LossOption, Where
from celint.records import field, record
from celint.values import LossObj, Value


@record(frozen=True)
class Moment:
    """When an event happened in the walk: its rank in program order and the loops running around it
    (each loop run has its own number), so a fit later in the same loop also comes after a compile."""

    order: int
    loops: Tuple[int, ...]

    def precedes(self, later: "Moment") -> bool:
        """True when code at `later` can run after code at self: later in order, or in a shared loop."""
        return later.order > self.order or bool(set(self.loops) & set(later.loops))


@record
class CompileEvent:
    """`model.compile(loss=..., metrics=...)` on a Keras model (or a subclass instance)."""

    model: Value
    loss: Value
    metrics: Optional[Value]
    at: Where
    when: Moment = field(default_factory=lambda: Moment(0, ()))
    via: Optional[Where] = None  # in another module's code: the checked file's call that led there
    eager: bool = False  # compile(run_eagerly=True): fit runs its steps eagerly, not as a traced graph


@record
class LossApplication:
    """A loss applied to predictions: `criterion(out, y)`, `F.cross_entropy(...)`, `optax...(logits, y)`."""

    loss: LossObj
    predictions: Value
    targets: Value
    at: Where
    call_site: Optional[Where] = None  # the call of the user function the predictions came in through
    via: Optional[Where] = None  # in another module's code: the checked file's call that led there
    traced: bool = False  # applied inside a @tf.function (or code it calls)


@record
class FitEvent:
    """`model.fit(x, y, validation_data=...)`: targets reaching a compiled model."""

    model: Value
    targets: Tuple[Value, ...]
    at: Where
    when: Moment = field(default_factory=lambda: Moment(0, ()))
    options: Tuple[LossOption, ...] = ()  # class_weight=, sample_weight=


@record
class Events:
    compiles: List[CompileEvent] = field(default_factory=list)
    applications: List[LossApplication] = field(default_factory=list)
    fits: List[FitEvent] = field(default_factory=list)
    activations: List[ActivationApplied] = field(default_factory=list)
    logs: List[LogOfProbabilities] = field(default_factory=list)
    models: List[Value] = field(default_factory=list)  # every model created, for heads of uncompiled ones
    keras_apis: Set[KerasApi] = field(default_factory=set)  # what the imports and graph-mode calls say
    mixed_precision: bool = False  # a Keras mixed_float16 / mixed_bfloat16 global policy was set
    traced_functions: Set[int] = field(default_factory=set)  # id() of functions decorated with @tf.function
    clock: int = 0  # events and loop runs so far: the walk visits code in program order
    running_loops: List[int] = field(default_factory=list)  # the loop runs around the walk's position

    def now(self) -> Moment:
        self.clock += 1
        return Moment(self.clock, tuple(self.running_loops))
