"""Activation functions and how frameworks spell them."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import LINEAR, LOG_SOFTMAX, SIGMOID, SOFTMAX

# Keras activation strings (`Dense(..., activation="...")`). Everything that is not a probability
# or log-probability is a "raw score" activation for the rules; its own name is kept for messages.
ACTIVATION_STRINGS: Dict[str, str] = {
    "softmax": SOFTMAX,
    "sigmoid": SIGMOID,
    "hard_sigmoid": SIGMOID,
    "log_softmax": LOG_SOFTMAX,
    "linear": LINEAR,
    "relu": "relu",
    "relu6": "relu",
    "leaky_relu": "relu",
    "elu": "elu",
    "selu": "selu",
    "gelu": "gelu",
    "tanh": "tanh",
    "swish": "swish",
    "silu": "swish",
    "softplus": "softplus",
    "softsign": "softsign",
    "exponential": "exponential",
    "mish": "mish",
}

RAW_ACTIVATIONS = frozenset(v for v in ACTIVATION_STRINGS.values() if v not in (SOFTMAX, SIGMOID, LOG_SOFTMAX))


def is_raw(activation: Optional[str]) -> bool:
    """True for activations whose outputs are unnormalised scores (linear, relu, tanh...)."""
    return activation in RAW_ACTIVATIONS


# Function references / calls that apply an activation: canonical name -> (activation, axis keyword,
# position of the axis argument, whether a missing axis is a guess the framework makes).
class ActivationFn:
    def __init__(self, activation: str, axis_kw: str = "", axis_pos: int = -1, guesses_axis: bool = False):
        # torch's class axis is dim 1; elsewhere an explicit axis other than -1 may be a time axis
        self.class_axes = (1, -1) if guesses_axis or axis_kw == "dim" else (-1,)
        self.activation = activation
        self.axis_kw = axis_kw
        self.axis_pos = axis_pos
        self.guesses_axis = guesses_axis  # torch picks dim 0 for some ranks when dim is missing


ACTIVATION_FUNCTIONS: Dict[str, ActivationFn] = {
    # Keras / TensorFlow
    "keras.activations.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "keras.activations.sigmoid": ActivationFn(SIGMOID),
    "keras.activations.hard_sigmoid": ActivationFn(SIGMOID),
    "keras.activations.log_softmax": ActivationFn(LOG_SOFTMAX, "axis", 1),
    "keras.activations.linear": ActivationFn(LINEAR),
    "keras.activations.relu": ActivationFn("relu"),
    "keras.activations.tanh": ActivationFn("tanh"),
    "keras.ops.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "keras.ops.sigmoid": ActivationFn(SIGMOID),
    "keras.ops.log_softmax": ActivationFn(LOG_SOFTMAX, "axis", 1),
    "keras.backend.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "keras.backend.sigmoid": ActivationFn(SIGMOID),
    "tensorflow.nn.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "tensorflow.nn.softmax_v2": ActivationFn(SOFTMAX, "axis", 1),
    "tensorflow.nn.log_softmax": ActivationFn(LOG_SOFTMAX, "axis", 1),
    "tensorflow.sigmoid": ActivationFn(SIGMOID),
    "tensorflow.nn.relu": ActivationFn("relu"),
    "tensorflow.tanh": ActivationFn("tanh"),
    "tensorflow.compat.v1.nn.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "tensorflow.compat.v1.sigmoid": ActivationFn(SIGMOID),
    "tensorflow.compat.v1.nn.sigmoid": ActivationFn(SIGMOID),
    "tensorflow.compat.v1.nn.log_softmax": ActivationFn(LOG_SOFTMAX, "axis", 1),
    # PyTorch: softmax/log_softmax without dim make torch guess (dim 0 for 0-, 1- and 3-D input).
    "torch.nn.functional.softmax": ActivationFn(SOFTMAX, "dim", 1, guesses_axis=True),
    "torch.nn.functional.log_softmax": ActivationFn(LOG_SOFTMAX, "dim", 1, guesses_axis=True),
    "torch.nn.functional.sigmoid": ActivationFn(SIGMOID),
    "torch.nn.functional.relu": ActivationFn("relu"),
    "torch.nn.functional.tanh": ActivationFn("tanh"),
    "torch.softmax": ActivationFn(SOFTMAX, "dim", 1),
    "torch.log_softmax": ActivationFn(LOG_SOFTMAX, "dim", 1),
    "torch.sigmoid": ActivationFn(SIGMOID),
    "torch.relu": ActivationFn("relu"),
    "torch.tanh": ActivationFn("tanh"),
    # JAX / Flax
    "jax.nn.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "jax.nn.log_softmax": ActivationFn(LOG_SOFTMAX, "axis", 1),
    "jax.nn.sigmoid": ActivationFn(SIGMOID),
    "jax.nn.relu": ActivationFn("relu"),
    "jax.numpy.tanh": ActivationFn("tanh"),
    "flax.linen.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "flax.linen.log_softmax": ActivationFn(LOG_SOFTMAX, "axis", 1),
    "flax.linen.sigmoid": ActivationFn(SIGMOID),
    "flax.linen.relu": ActivationFn("relu"),
    "scipy.special.softmax": ActivationFn(SOFTMAX, "axis", 1),
    "scipy.special.expit": ActivationFn(SIGMOID),
}

# Tensor methods that apply an activation (`x.softmax(dim=1)`, `x.sigmoid()`): torch spellings.
TENSOR_METHODS: Dict[str, ActivationFn] = {
    "softmax": ActivationFn(SOFTMAX, "dim", 0, guesses_axis=True),
    "log_softmax": ActivationFn(LOG_SOFTMAX, "dim", 0, guesses_axis=True),
    "sigmoid": ActivationFn(SIGMOID),
    "relu": ActivationFn("relu"),
    "tanh": ActivationFn("tanh"),
}
