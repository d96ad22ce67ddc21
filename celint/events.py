"""What the interpreter observed while walking a module: the raw material for facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from celint.facts import Head, Where
from celint.values import Value


@dataclass
class CompileEvent:
    """`model.compile(loss=..., metrics=...)` on a Keras model (or a subclass instance)."""

    model: Value
    loss: Value
    metrics: Value
    at: Where


@dataclass
class LossApplication:
    """A loss applied to predictions: `criterion(out, y)`, `F.cross_entropy(...)`, `optax...(logits, y)`."""

    loss: Value  # LossObj
    predictions: Value
    targets: Value
    at: Where


@dataclass
class FitEvent:
    """`model.fit(x, y, validation_data=...)`: targets reaching a compiled model."""

    model: Value
    targets: Tuple[Value, ...]
    at: Where


@dataclass
class ActivationEvent:
    """A softmax / log-softmax applied somewhere, with what is known of the tensor it applies to."""

    head: Head  # the resulting head (activation and width of the tensor after it)
    guessed_axis: bool  # torch softmax without dim
    at: Where
    axis_kind: str = "last"  # "last": certainly the last axis; "class": torch dim=1


@dataclass
class LogOfProbabilities:
    """`log(softmax(z))`, `log(sigmoid(z))` or `log(p)` of probabilities without clipping (CE103)."""

    activation: str
    at: Where
    source_at: Optional[Where]


@dataclass
class Events:
    compiles: List[CompileEvent] = field(default_factory=list)
    applications: List[LossApplication] = field(default_factory=list)
    fits: List[FitEvent] = field(default_factory=list)
    activations: List[ActivationEvent] = field(default_factory=list)
    logs: List[LogOfProbabilities] = field(default_factory=list)
    models: List[Value] = field(default_factory=list)  # every model created, for heads of uncompiled ones
    keras_flavours: set = field(default_factory=set)  # "keras", "tf.keras", "tf_keras", "tf.compat.v1"

