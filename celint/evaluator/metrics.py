"""What Keras 3 reports for `metrics=["accuracy"]`: the metric it picks from the shapes of the targets and
the outputs (keras/src/trainers/compile_utils.py: get_metric), not from the loss."""

from __future__ import annotations

from typing import Callable

import numpy as np

from celint.facts import INTEGER, Scenario

from .data import Dataset

ACCURACY_NAMES = ("accuracy", "acc")


def keras_accuracy_metric(sc: Scenario) -> str:
    """One output column: BinaryAccuracy; targets of a lower rank (class ids): SparseCategoricalAccuracy;
    otherwise CategoricalAccuracy, which compares the argmax of each target row (a multi-hot row's first label)."""
    if sc.width == 1:
        return "BinaryAccuracy"
    return "SparseCategoricalAccuracy" if sc.targets == INTEGER else "CategoricalAccuracy"


def keras_accuracy(
    out: np.ndarray, sc: Scenario, data: Dataset, top_class: Callable[[np.ndarray], np.ndarray]
) -> float:
    """The metric's value on the outputs; `top_class` gives each row's argmax (-1 on a tie, counted wrong)."""
    metric = keras_accuracy_metric(sc)
    if metric == "BinaryAccuracy":  # threshold 0.5 whatever the output is (CE105)
        labels = np.asarray(data.labels).reshape(len(out), -1)[:, :1]
        return float(np.mean((out[:, :1] > 0.5) == (labels > 0.5)))
    labels = np.asarray(data.labels)
    truth = np.argmax(labels, axis=1) if labels.ndim == 2 else labels
    return float(np.mean(top_class(out) == truth))
