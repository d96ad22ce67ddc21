"""Activation functions and how frameworks spell them.

The function tables are grouped by the adapter that registers them (Keras, TensorFlow, PyTorch, JAX,
SciPy for the manual-ops adapter); `ACTIVATION_FUNCTIONS` joins them for reading `activation=`
arguments, which may name any framework's function.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Tuple

from celint.facts import LINEAR, LOG_SOFTMAX, SIGMOID, SOFTMAX, Activation

RELU, TANH = Activation.RELU, Activation.TANH

# Keras activation strings (`Dense(..., activation="...")`). Everything that is not a probability
# or log-probability is a "raw score" activation for the rules; its own name is kept for messages.
ACTIVATION_STRINGS: Dict[str, Activation] = {
    "softmax": SOFTMAX,
    "sigmoid": SIGMOID,
    "hard_sigmoid": SIGMOID,
    "log_softmax": LOG_SOFTMAX,
    "linear": LINEAR,
    "relu": RELU,
    "relu6": RELU,
    "leaky_relu": RELU,
    "elu": Activation.ELU,
    "selu": Activation.SELU,
    "gelu": Activation.GELU,
    "tanh": TANH,
    "swish": Activation.SWISH,
    "silu": Activation.SWISH,
    "softplus": Activation.SOFTPLUS,
    "softsign": Activation.SOFTSIGN,
    "exponential": Activation.EXPONENTIAL,
    "mish": Activation.MISH,
}


class ActivationFn(NamedTuple):
    """A function reference / call that applies an activation, and where its axis argument is."""

    activation: Activation
    axis_kw: str = ""  # the axis keyword; "" for elementwise activations
    axis_pos: int = -1  # the axis argument's position
    guesses_axis: bool = False  # torch picks dim 0 for some ranks when dim is missing

    @property
    def class_axes(self) -> Tuple[int, ...]:
        """Axes that certainly hold the classes: torch's dim 1 too; elsewhere another axis may be time."""
        return (1, -1) if self.guesses_axis or self.axis_kw == "dim" else (-1,)


def _elementwise(activation: Activation) -> ActivationFn:
    return ActivationFn(activation=activation)


def _over(activation: Activation, axis_kw: str = "axis", guesses_axis: bool = False) -> ActivationFn:
    """An activation over one axis, given as the call's second argument."""
    return ActivationFn(activation=activation, axis_kw=axis_kw, axis_pos=1, guesses_axis=guesses_axis)


KERAS_ACTIVATIONS: Dict[str, ActivationFn] = {
    "keras.activations.softmax": _over(SOFTMAX),
    "keras.activations.sigmoid": _elementwise(SIGMOID),
    "keras.activations.hard_sigmoid": _elementwise(SIGMOID),
    "keras.activations.log_softmax": _over(LOG_SOFTMAX),
    "keras.activations.linear": _elementwise(LINEAR),
    "keras.activations.relu": _elementwise(RELU),
    "keras.activations.tanh": _elementwise(TANH),
    "keras.ops.softmax": _over(SOFTMAX),
    "keras.ops.sigmoid": _elementwise(SIGMOID),
    "keras.ops.log_softmax": _over(LOG_SOFTMAX),
    "keras.backend.softmax": _over(SOFTMAX),
    "keras.backend.sigmoid": _elementwise(SIGMOID),
}

TF_ACTIVATIONS: Dict[str, ActivationFn] = {
    "tensorflow.nn.softmax": _over(SOFTMAX),
    "tensorflow.nn.softmax_v2": _over(SOFTMAX),
    "tensorflow.nn.log_softmax": _over(LOG_SOFTMAX),
    "tensorflow.sigmoid": _elementwise(SIGMOID),
    "tensorflow.nn.relu": _elementwise(RELU),
    "tensorflow.tanh": _elementwise(TANH),
    "tensorflow.compat.v1.nn.softmax": _over(SOFTMAX),
    "tensorflow.compat.v1.sigmoid": _elementwise(SIGMOID),
    "tensorflow.compat.v1.nn.sigmoid": _elementwise(SIGMOID),
    "tensorflow.compat.v1.nn.log_softmax": _over(LOG_SOFTMAX),
}

TORCH_ACTIVATIONS: Dict[str, ActivationFn] = {
    # softmax / log_softmax without dim make torch guess (dim 0 for 0-, 1- and 3-D input).
    "torch.nn.functional.softmax": _over(SOFTMAX, "dim", guesses_axis=True),
    "torch.nn.functional.log_softmax": _over(LOG_SOFTMAX, "dim", guesses_axis=True),
    "torch.nn.functional.sigmoid": _elementwise(SIGMOID),
    "torch.nn.functional.relu": _elementwise(RELU),
    "torch.nn.functional.tanh": _elementwise(TANH),
    "torch.softmax": _over(SOFTMAX, "dim"),
    "torch.log_softmax": _over(LOG_SOFTMAX, "dim"),
    "torch.sigmoid": _elementwise(SIGMOID),
    "torch.relu": _elementwise(RELU),
    "torch.tanh": _elementwise(TANH),
}

JAX_ACTIVATIONS: Dict[str, ActivationFn] = {
    "jax.nn.softmax": _over(SOFTMAX),
    "jax.nn.log_softmax": _over(LOG_SOFTMAX),
    "jax.nn.sigmoid": _elementwise(SIGMOID),
    "jax.nn.relu": _elementwise(RELU),
    "jax.numpy.tanh": _elementwise(TANH),
    "flax.linen.softmax": _over(SOFTMAX),
    "flax.linen.log_softmax": _over(LOG_SOFTMAX),
    "flax.linen.sigmoid": _elementwise(SIGMOID),
    "flax.linen.relu": _elementwise(RELU),
}

SCIPY_ACTIVATIONS: Dict[str, ActivationFn] = {
    "scipy.special.softmax": _over(SOFTMAX),
    "scipy.special.expit": _elementwise(SIGMOID),
}

ACTIVATION_FUNCTIONS: Dict[str, ActivationFn] = {
    **KERAS_ACTIVATIONS,
    **TF_ACTIVATIONS,
    **TORCH_ACTIVATIONS,
    **JAX_ACTIVATIONS,
    **SCIPY_ACTIVATIONS,
}

# Tensor methods that apply an activation (`x.softmax(dim=1)`, `x.sigmoid()`): torch spellings.
TENSOR_METHODS: Dict[str, ActivationFn] = {
    "softmax": ActivationFn(activation=SOFTMAX, axis_kw="dim", axis_pos=0, guesses_axis=True),
    "log_softmax": ActivationFn(activation=LOG_SOFTMAX, axis_kw="dim", axis_pos=0, guesses_axis=True),
    "sigmoid": _elementwise(SIGMOID),
    "relu": _elementwise(RELU),
    "tanh": _elementwise(TANH),
}
