"""Low-level TensorFlow names that shape a head, keyed by canonical name."""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional, Tuple


class DenseFn(NamedTuple):
    """A TF1 functional dense layer: `tf.layers.dense(inputs, units, activation=None)`."""

    units: Tuple[str, int]
    activation: Tuple[str, int]
    default_activation: Optional[str]  # what a missing activation means


DENSE_FUNCTIONS: Dict[str, DenseFn] = {
    "tensorflow.layers.dense": DenseFn(("units", 1), ("activation", 2), "linear"),
    "tensorflow.compat.v1.layers.dense": DenseFn(("units", 1), ("activation", 2), "linear"),
    # contrib's default activation_fn is relu, not linear
    "tensorflow.contrib.layers.fully_connected": DenseFn(("num_outputs", 1), ("activation_fn", 2), "relu"),
    "tensorflow.contrib.layers.linear": DenseFn(("num_outputs", 1), ("activation_fn", -1), "linear"),
}

# TF1 layer classes that behave like the Keras Dense layer.
DENSE_CLASSES = ("tensorflow.layers.Dense", "tensorflow.compat.v1.layers.Dense")
