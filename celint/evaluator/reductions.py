"""How per-sample losses become one number in each framework."""

from __future__ import annotations

from typing import Any, Optional, Union

import numpy as np

Reduced = Union[np.ndarray, "np.floating[Any]"]  # the per-value losses, or one number


def keras_reduce(
    values: np.ndarray, sample_weight: Optional[np.ndarray] = None, reduction: Optional[str] = "sum_over_batch_size"
) -> Reduced:
    """keras/src/losses/loss.py:reduce_weighted_values. The default divides by the
    number of values, not by the sum of the weights; "mean" is the same thing."""
    weighted = values if sample_weight is None else values * sample_weight
    if reduction in (None, "none"):
        return weighted
    total: np.floating[Any] = np.sum(weighted)
    if reduction == "sum":
        return total
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        by_weight: np.floating[Any] = total / np.sum(sample_weight)
        return by_weight
    if reduction in ("sum_over_batch_size", "mean", "mean_with_sample_weight"):
        by_count: np.floating[Any] = total / values.size
        return by_count
    raise ValueError(f"unknown Keras reduction {reduction!r}")


def torch_reduce(
    values: np.ndarray,
    reduction: str = "mean",
    class_weight: Optional[np.ndarray] = None,
    targets: Optional[np.ndarray] = None,
) -> Reduced:
    """torch.nn.functional losses: with a class ``weight`` and index targets the mean
    divides by ``Σ weight[t_n]`` (LossNLL.cpp), not by N."""
    if class_weight is not None and targets is not None:
        w = class_weight[targets]
        values = values * w
        if reduction == "mean":
            by_weight: np.floating[Any] = np.sum(values) / np.sum(w)
            return by_weight
    if reduction == "none":
        return values
    reduced: np.floating[Any] = np.sum(values) if reduction == "sum" else np.mean(values)
    return reduced


def optax_reduce(values: np.ndarray) -> np.floating[Any]:
    """optax returns per-example losses; the usual reduction is the caller's ``.mean()``."""
    mean: np.floating[Any] = np.mean(values)
    return mean
