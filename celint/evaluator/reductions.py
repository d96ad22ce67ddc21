"""How per-sample losses become one number in each framework."""

from __future__ import annotations

from typing import Optional

import numpy as np


def keras_reduce(values: np.ndarray, sample_weight: Optional[np.ndarray] = None,
                 reduction: Optional[str] = "sum_over_batch_size") -> np.ndarray:
    """keras/src/losses/loss.py:reduce_weighted_values. The default divides by the
    number of values, not by the sum of the weights; "mean" is the same thing."""
    weighted = values if sample_weight is None else values * sample_weight
    if reduction in (None, "none"):
        return weighted
    total = np.sum(weighted)
    if reduction == "sum":
        return total
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return total / np.sum(sample_weight)
    if reduction in ("sum_over_batch_size", "mean", "mean_with_sample_weight"):
        return total / values.size
    raise ValueError(f"unknown Keras reduction {reduction!r}")


def torch_reduce(values: np.ndarray, reduction: str = "mean", class_weight: Optional[np.ndarray] = None,
                 targets: Optional[np.ndarray] = None) -> np.ndarray:
    """torch.nn.functional losses: with a class ``weight`` and index targets the mean
    divides by ``Σ weight[t_n]`` (LossNLL.cpp), not by N."""
    if class_weight is not None and targets is not None:
        w = class_weight[targets]
        values = values * w
        if reduction == "mean":
            return np.sum(values) / np.sum(w)
    if reduction == "none":
        return values
    return np.sum(values) if reduction == "sum" else np.mean(values)


def optax_reduce(values: np.ndarray) -> np.ndarray:
    """optax returns per-example losses; the usual reduction is the caller's ``.mean()``."""
    return np.mean(values)
