"""Synthetic, seeded, linearly separable tasks (the reference document's setup)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Tuple

import numpy as np

N_SAMPLES = 256
N_FEATURES = 10


@dataclass(frozen=True)
class Dataset:
    x: np.ndarray  # (N, D) float64
    labels: np.ndarray  # (N,) int class ids, or (N, K) 0/1 for multi-label
    classes: int
    multilabel: bool = False

    @property
    def prior(self) -> float:
        """Accuracy of always predicting the most common class (or label set)."""
        if self.multilabel:
            _, counts = np.unique(self.labels, axis=0, return_counts=True)
        else:
            counts = np.bincount(self.labels, minlength=self.classes)
        return float(counts.max() / len(self.labels))


@lru_cache(maxsize=None)
def make_dataset(classes: int, multilabel: bool = False, scale: float = 1.0) -> Dataset:
    """Binary: ``x0 + 0.5·x1 > 0``; K classes: argmax of a random projection;
    multi-label: each of K random projections above 0.5 (about 1.5 labels a row)."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(N_SAMPLES, N_FEATURES))
    if multilabel:
        proj = rng.normal(size=(N_FEATURES, classes))
        labels = (x @ proj / np.sqrt(N_FEATURES) > 0.5).astype(np.int64)
    elif classes <= 2:
        labels = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(np.int64)
    else:
        proj = rng.normal(size=(N_FEATURES, classes))
        labels = np.argmax(x @ proj, axis=1)
    x = x * scale
    x.setflags(write=False)
    labels.setflags(write=False)
    return Dataset(x, labels, classes, multilabel)


def initial_weights(width: int) -> Tuple[np.ndarray, np.ndarray]:
    """torch.nn.Linear's default init, U(±1/√D), from a fresh default_rng(0), so
    the flagged and fixed runs of the same width start from the same point."""
    rng = np.random.default_rng(0)
    bound = 1.0 / np.sqrt(N_FEATURES)
    w = rng.uniform(-bound, bound, size=(N_FEATURES, width))
    b = rng.uniform(-bound, bound, size=width)
    return w, b
