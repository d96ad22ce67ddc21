"""Low-level TensorFlow names that shape a head, keyed by canonical name."""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional, Tuple

from celint.facts import LINEAR, Activation
from celint.knowledge.rows import LayerSpec, Transform


class DenseFn(NamedTuple):
    """A TF1 functional dense layer: `tf.layers.dense(inputs, units, activation=None)`."""

    units: Tuple[str, int]
    activation: Tuple[str, int]
    default_activation: Optional[Activation]  # what a missing activation means


DENSE_FUNCTIONS: Dict[str, DenseFn] = {
    "tensorflow.layers.dense": DenseFn(units=("units", 1), activation=("activation", 2), default_activation=LINEAR),
    "tensorflow.compat.v1.layers.dense": DenseFn(units=("units", 1), activation=("activation", 2),
                                                 default_activation=LINEAR),
    # contrib's default activation_fn is relu, not linear
    "tensorflow.contrib.layers.fully_connected": DenseFn(units=("num_outputs", 1), activation=("activation_fn", 2),
                                                         default_activation=Activation.RELU),
    "tensorflow.contrib.layers.linear": DenseFn(units=("num_outputs", 1), activation=("activation_fn", -1),
                                                default_activation=LINEAR),
}

# TF1 layer classes that behave like the Keras Dense layer.
DENSE_CLASSES = ("tensorflow.layers.Dense", "tensorflow.compat.v1.layers.Dense")
DENSE_CLASS = LayerSpec(effect="dense", width_arg=("units", 0), activation_arg=("activation", 1))

TRANSFORMS: Dict[str, Transform] = {"tensorflow.function": Transform(wrapped_kw="func", returns_gradients=False)}
