"""What the interpreter observed while walking a module: the raw material for facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Set, Tuple

from celint.facts import ActivationApplied, KerasApi, LogOfProbabilities, Where
from celint.values import LossObj, Value


@dataclass
class CompileEvent:
    """`model.compile(loss=..., metrics=...)` on a Keras model (or a subclass instance)."""

    model: Value
    loss: Value
    metrics: Optional[Value]
    at: Where
    via: Optional[Where] = None  # in another module's code: the checked file's call that led there


@dataclass
class LossApplication:
    """A loss applied to predictions: `criterion(out, y)`, `F.cross_entropy(...)`, `optax...(logits, y)`."""

    loss: LossObj
    predictions: Value
    targets: Value
    at: Where
    via: Optional[Where] = None  # in another module's code: the checked file's call that led there


@dataclass
class FitEvent:
    """`model.fit(x, y, validation_data=...)`: targets reaching a compiled model."""

    model: Value
    targets: Tuple[Value, ...]
    at: Where


@dataclass
class Events:
    compiles: List[CompileEvent] = field(default_factory=list)
    applications: List[LossApplication] = field(default_factory=list)
    fits: List[FitEvent] = field(default_factory=list)
    activations: List[ActivationApplied] = field(default_factory=list)
    logs: List[LogOfProbabilities] = field(default_factory=list)
    models: List[Value] = field(default_factory=list)  # every model created, for heads of uncompiled ones
    keras_apis: Set[KerasApi] = field(default_factory=set)  # what the imports and graph-mode calls say
