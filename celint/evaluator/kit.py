"""What a rule's numbers function is given (`celint.facts.DemoKit`): the replayed variants and the
evaluator's NumPy primitives, so rule modules compute their headline numbers without importing numpy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Tuple

import numpy as np

from celint.facts import Array, DemoVariant

from . import primitives as P
from .data import Dataset, initial_weights, make_dataset


@dataclass(frozen=True)
class Kit:
    variants: Tuple[DemoVariant, ...]

    def pick(self, backend: str, index: int = 0) -> DemoVariant:
        """By the name shown; "keras-torch/jax" also finds "keras-torch" when jax is shown apart."""
        found = [v for v in self.variants if v.backend == backend]
        if not found:
            found = [v for v in self.variants if shown_backends(v.backend)[0] == shown_backends(backend)[0]]
        return found[index] if len(found) > index else self.variants[0]

    def dataset(self, classes: int, multilabel: bool = False) -> Dataset:
        return make_dataset(classes, multilabel)

    def initial_weights(self, width: int) -> Tuple[Array, Array]:
        return initial_weights(width)

    def array(self, rows: Sequence[Sequence[float]]) -> Array:
        return np.array(rows, dtype=np.float64)

    def softmax(self, z: Array) -> Array:
        return P.softmax(z)

    def softmax_float32(self, z: Array) -> Array:
        return P.softmax(z.astype(np.float32)).astype(np.float64)

    def log_softmax(self, z: Array) -> Array:
        return P.log_softmax(z)

    def log(self, x: Array) -> Array:
        with np.errstate(divide="ignore"):
            return np.log(x)

    def exp(self, x: Array) -> Array:
        return np.exp(x)

    def one_hot(self, labels: Array, classes: int) -> Array:
        return P.one_hot(labels, classes)

    def cce_clipped(self, y: Array, p: Array) -> Tuple[Array, Array]:
        return P.cce_clipped(y, p)

    @property
    def clip_low(self) -> float:
        return P.CLIP_LOW

    @property
    def clip_high(self) -> float:
        return P.CLIP_HIGH

    @property
    def torch_log_floor(self) -> float:
        return P.TORCH_LOG_FLOOR


def shown_backends(shown: str) -> Tuple[str, ...]:
    """ "keras-torch/jax" -> ("keras-torch", "keras-jax"); "pytorch" -> ("pytorch",)."""
    first, *more = shown.split("/")
    prefix = first.partition("-")[0] + "-" if "-" in first else ""
    return (first, *(prefix + m for m in more))
