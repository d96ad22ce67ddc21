"""Canonical qualified names, and the words the prefilter looks for."""

from __future__ import annotations

from typing import Dict

# Longest prefix first: every spelling of Keras becomes `keras.`, of TensorFlow `tensorflow.`.
_PREFIXES = (
    ("tensorflow.compat.v1.keras.", "keras."),
    ("tensorflow.compat.v2.keras.", "keras."),
    ("tensorflow.python.keras.", "keras."),
    ("tensorflow.keras.", "keras."),
    ("tensorflow.compat.v2.", "tensorflow."),
    ("tf_keras.", "keras."),
    ("keras.api._v2.keras.", "keras."),
    ("keras.api.", "keras."),
    ("keras.src.", "keras."),
    ("keras._tf_keras.keras.", "keras."),
)

# Sub-module spellings of the same public object.
_ALIASES = {
    "keras.models.Sequential": "keras.Sequential",
    "keras.models.Model": "keras.Model",
    "keras.engine.sequential.Sequential": "keras.Sequential",
    "keras.engine.training.Model": "keras.Model",
    "keras.layers.Input": "keras.Input",
    "keras.layers.core.Dense": "keras.layers.Dense",
    "keras.layers.core.Activation": "keras.layers.Activation",
    "keras.layers.core.Dropout": "keras.layers.Dropout",
    "keras.layers.core.Flatten": "keras.layers.Flatten",
    "keras.utils.np_utils.to_categorical": "keras.utils.to_categorical",
    "keras.np_utils.to_categorical": "keras.utils.to_categorical",
    "tensorflow.math.sigmoid": "tensorflow.sigmoid",
    "tensorflow.nn.sigmoid": "tensorflow.sigmoid",
    "tensorflow.math.log": "tensorflow.log",
    "tensorflow.math.log_softmax": "tensorflow.nn.log_softmax",
    "tensorflow.math.softmax": "tensorflow.nn.softmax",
    "tensorflow.math.tanh": "tensorflow.tanh",
    "tensorflow.nn.tanh": "tensorflow.tanh",
    "tensorflow.math.reduce_sum": "tensorflow.reduce_sum",
    "tensorflow.math.reduce_mean": "tensorflow.reduce_mean",
    "torch.nn.modules.loss.CrossEntropyLoss": "torch.nn.CrossEntropyLoss",
    "torch.nn.modules.loss.NLLLoss": "torch.nn.NLLLoss",
    "torch.nn.modules.loss.BCELoss": "torch.nn.BCELoss",
    "torch.nn.modules.loss.BCEWithLogitsLoss": "torch.nn.BCEWithLogitsLoss",
    "torch.special.log_softmax": "torch.log_softmax",
    "torch.special.softmax": "torch.softmax",
    "torch.special.expit": "torch.sigmoid",
    "flax.nnx.softmax": "flax.linen.softmax",
    "flax.nnx.sigmoid": "flax.linen.sigmoid",
    "flax.nnx.log_softmax": "flax.linen.log_softmax",
}


# Top-level packages whose `from M import *` celint follows through its tables (celint.implicit).
FRAMEWORK_PACKAGES = frozenset({"keras", "tensorflow", "torch", "jax", "flax", "optax"})


def aliases() -> Dict[str, str]:
    """Sub-module spelling -> the canonical name of the same public object."""
    return dict(_ALIASES)


def canonical(qualname: str) -> str:
    """The one spelling the tables use for a dotted name (`tf.keras.layers.Dense` -> `keras.layers.Dense`)."""
    name = qualname + "."
    for prefix, replacement in _PREFIXES:
        if name.startswith(prefix):
            name = replacement + name[len(prefix) :]
            break
    name = name[:-1]
    return _ALIASES.get(name, name)


# The prefilter: a file whose text contains none of these cannot hold a finding. Every rule needs
# either a loss (all named below) or a softmax / sigmoid / log-softmax activation.
TRIGGER_WORDS = (
    "crossentropy",
    "cross_entropy",
    "nll",  # NLLLoss, nll_loss
    "bceloss",
    "bcewithlogits",
    "log_loss",  # tf.losses.log_loss
    "softmax",
    "sigmoid",
    "expit",
    "categorical",  # to_categorical, loss strings
)
