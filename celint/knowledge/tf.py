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
    "tensorflow.compat.v1.layers.dense": DenseFn(
        units=("units", 1), activation=("activation", 2), default_activation=LINEAR
    ),
    # contrib's default activation_fn is relu, not linear
    "tensorflow.contrib.layers.fully_connected": DenseFn(
        units=("num_outputs", 1), activation=("activation_fn", 2), default_activation=Activation.RELU
    ),
    "tensorflow.contrib.layers.linear": DenseFn(
        units=("num_outputs", 1), activation=("activation_fn", -1), default_activation=LINEAR
    ),
}

# TF1 layer classes that behave like the Keras Dense layer.
DENSE_CLASSES = ("tensorflow.layers.Dense", "tensorflow.compat.v1.layers.Dense")
DENSE_CLASS = LayerSpec(effect="dense", width_arg=("units", 0), activation_arg=("activation", 1))

TRANSFORMS: Dict[str, Transform] = {"tensorflow.function": Transform(wrapped_kw="func", returns_gradients=False)}

# TF1 graphs written by hand: weight tensors whose shape is written out, and the products that use them.
# (keyword, position) of the shape argument; the last dimension is the width of `matmul(x, W)`.
SHAPED_TENSORS: Dict[str, Tuple[str, int]] = {
    "tensorflow.random_normal": ("shape", 0),
    "tensorflow.random.normal": ("shape", 0),
    "tensorflow.truncated_normal": ("shape", 0),
    "tensorflow.random.truncated_normal": ("shape", 0),
    "tensorflow.random_uniform": ("shape", 0),
    "tensorflow.random.uniform": ("shape", 0),
    "tensorflow.zeros": ("shape", 0),
    "tensorflow.ones": ("shape", 0),
    "tensorflow.get_variable": ("shape", 1),
    "tensorflow.constant": ("shape", 2),  # tf.constant(0.1, shape=[K]): a bias
    "tensorflow.compat.v1.random_normal": ("shape", 0),
    "tensorflow.compat.v1.truncated_normal": ("shape", 0),
    "tensorflow.compat.v1.random_uniform": ("shape", 0),
    "tensorflow.compat.v1.zeros": ("shape", 0),
    "tensorflow.compat.v1.get_variable": ("shape", 1),
}
# `tf.Variable(initial_value)`: the variable has its initial value's shape.
# Keras on TensorFlow reads the logits back from a softmax / sigmoid op in a traced graph (model.fit, or a
# function under one of these decorators), not only from a Keras activation's tag.
TRACING_DECORATORS = ("tensorflow.function", "tensorflow.compat.v1.function")
VARIABLES = ("tensorflow.Variable", "tensorflow.compat.v1.Variable")
# `tf.matmul(x, W)`: raw scores as wide as W's last dimension (unless a transpose flag is given).
MATMULS = ("tensorflow.matmul", "tensorflow.linalg.matmul", "tensorflow.compat.v1.matmul")
MATMUL_FLAGS = ("transpose_a", "transpose_b", "adjoint_a", "adjoint_b")
# `tf.add(a, b)` is `a + b`; `tf.nn.xw_plus_b(x, W, b)` is `matmul(x, W) + b`.
ADDS = ("tensorflow.add", "tensorflow.math.add", "tensorflow.compat.v1.add")
XW_PLUS_B = ("tensorflow.nn.xw_plus_b", "tensorflow.compat.v1.nn.xw_plus_b")
