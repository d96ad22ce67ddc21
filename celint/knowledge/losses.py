"""Every cross-entropy loss celint knows, keyed by canonical name.

A row says what kind of cross-entropy it is, what it expects to receive (probabilities, logits or
log-probabilities) and how `from_logits` is passed, so that a new loss is one new row.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional

from celint.facts import BINARY, CATEGORICAL, LOG_PROBS, LOGITS, NLL, PROBS, SPARSE


class LossSpec(NamedTuple):
    kind: str
    framework: str
    expects: str  # what it expects when `from_logits` is not given
    is_class: bool = False  # must be instantiated, then called / compiled
    from_logits_pos: Optional[int] = None  # positional index of from_logits in the constructor/call
    has_from_logits: bool = False
    pred_pos: int = 1  # position of the predictions argument when the loss is applied
    pred_kw: str = "y_pred"
    target_pos: int = 0
    target_kw: str = "y_true"


def _keras_class(kind: str, from_logits_pos: Optional[int] = 0) -> LossSpec:
    return LossSpec(kind, "keras", PROBS, True, from_logits_pos, True)


def _keras_fn(kind: str) -> LossSpec:
    # keras.losses.binary_crossentropy(y_true, y_pred, from_logits=False, ...)
    return LossSpec(kind, "keras", PROBS, False, 2, True)


LOSSES: Dict[str, LossSpec] = {
    "keras.losses.BinaryCrossentropy": _keras_class(BINARY),
    "keras.losses.CategoricalCrossentropy": _keras_class(CATEGORICAL),
    "keras.losses.SparseCategoricalCrossentropy": _keras_class(SPARSE),
    "keras.losses.BinaryFocalCrossentropy": _keras_class(BINARY, None),
    "keras.losses.CategoricalFocalCrossentropy": _keras_class(CATEGORICAL, None),
    "keras.losses.binary_crossentropy": _keras_fn(BINARY),
    "keras.losses.categorical_crossentropy": _keras_fn(CATEGORICAL),
    "keras.losses.sparse_categorical_crossentropy": _keras_fn(SPARSE),
    "keras.metrics.binary_crossentropy": _keras_fn(BINARY),
    "keras.metrics.categorical_crossentropy": _keras_fn(CATEGORICAL),
    "keras.metrics.sparse_categorical_crossentropy": _keras_fn(SPARSE),
    "keras.backend.binary_crossentropy": LossSpec(BINARY, "keras", PROBS, False, 2, True, 1, "output", 0, "target"),
    "keras.backend.categorical_crossentropy": LossSpec(CATEGORICAL, "keras", PROBS, False, 2, True, 1, "output", 0, "target"),
    "keras.backend.sparse_categorical_crossentropy": LossSpec(SPARSE, "keras", PROBS, False, 2, True, 1, "output", 0, "target"),
}

# Strings accepted by `compile(loss=...)`; they mean the function with from_logits=False.
LOSS_STRINGS: Dict[str, str] = {
    "binary_crossentropy": "keras.losses.binary_crossentropy",
    "categorical_crossentropy": "keras.losses.categorical_crossentropy",
    "sparse_categorical_crossentropy": "keras.losses.sparse_categorical_crossentropy",
    "BinaryCrossentropy": "keras.losses.BinaryCrossentropy",
    "CategoricalCrossentropy": "keras.losses.CategoricalCrossentropy",
    "SparseCategoricalCrossentropy": "keras.losses.SparseCategoricalCrossentropy",
}

# PyTorch: module losses take (input, target); functional ones the same.
_TORCH = "pytorch"
LOSSES.update(
    {
        "torch.nn.CrossEntropyLoss": LossSpec(SPARSE, _TORCH, LOGITS, True, None, False, 0, "input", 1, "target"),
        "torch.nn.NLLLoss": LossSpec(NLL, _TORCH, LOG_PROBS, True, None, False, 0, "input", 1, "target"),
        "torch.nn.BCELoss": LossSpec(BINARY, _TORCH, PROBS, True, None, False, 0, "input", 1, "target"),
        "torch.nn.BCEWithLogitsLoss": LossSpec(BINARY, _TORCH, LOGITS, True, None, False, 0, "input", 1, "target"),
        "torch.nn.functional.cross_entropy": LossSpec(SPARSE, _TORCH, LOGITS, False, None, False, 0, "input", 1, "target"),
        "torch.nn.functional.nll_loss": LossSpec(NLL, _TORCH, LOG_PROBS, False, None, False, 0, "input", 1, "target"),
        "torch.nn.functional.binary_cross_entropy": LossSpec(BINARY, _TORCH, PROBS, False, None, False, 0, "input", 1, "target"),
        "torch.nn.functional.binary_cross_entropy_with_logits": LossSpec(
            BINARY, _TORCH, LOGITS, False, None, False, 0, "input", 1, "target"
        ),
    }
)

# Low-level TensorFlow: keyword-first APIs (labels=, logits=).
_TF = "tf"
LOSSES.update(
    {
        "tensorflow.nn.softmax_cross_entropy_with_logits": LossSpec(CATEGORICAL, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.nn.softmax_cross_entropy_with_logits_v2": LossSpec(CATEGORICAL, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.nn.sparse_softmax_cross_entropy_with_logits": LossSpec(SPARSE, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.nn.sigmoid_cross_entropy_with_logits": LossSpec(BINARY, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.compat.v1.nn.softmax_cross_entropy_with_logits": LossSpec(CATEGORICAL, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.compat.v1.nn.softmax_cross_entropy_with_logits_v2": LossSpec(CATEGORICAL, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.compat.v1.nn.sparse_softmax_cross_entropy_with_logits": LossSpec(SPARSE, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.compat.v1.nn.sigmoid_cross_entropy_with_logits": LossSpec(BINARY, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        # tf.compat.v1.losses.*(labels/onehot_labels/multi_class_labels, logits)
        "tensorflow.compat.v1.losses.softmax_cross_entropy": LossSpec(CATEGORICAL, _TF, LOGITS, False, None, False, 1, "logits", 0, "onehot_labels"),
        "tensorflow.compat.v1.losses.sparse_softmax_cross_entropy": LossSpec(SPARSE, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.compat.v1.losses.sigmoid_cross_entropy": LossSpec(BINARY, _TF, LOGITS, False, None, False, 1, "logits", 0, "multi_class_labels"),
        "tensorflow.losses.softmax_cross_entropy": LossSpec(CATEGORICAL, _TF, LOGITS, False, None, False, 1, "logits", 0, "onehot_labels"),
        "tensorflow.losses.sparse_softmax_cross_entropy": LossSpec(SPARSE, _TF, LOGITS, False, None, False, 1, "logits", 0, "labels"),
        "tensorflow.losses.sigmoid_cross_entropy": LossSpec(BINARY, _TF, LOGITS, False, None, False, 1, "logits", 0, "multi_class_labels"),
    }
)

# optax: (logits, labels), no clipping.
_OPTAX = "optax"
LOSSES.update(
    {
        "optax.softmax_cross_entropy": LossSpec(CATEGORICAL, _OPTAX, LOGITS, False, None, False, 0, "logits", 1, "labels"),
        "optax.softmax_cross_entropy_with_integer_labels": LossSpec(SPARSE, _OPTAX, LOGITS, False, None, False, 0, "logits", 1, "labels"),
        "optax.sigmoid_binary_cross_entropy": LossSpec(BINARY, _OPTAX, LOGITS, False, None, False, 0, "logits", 1, "labels"),
        "optax.losses.softmax_cross_entropy": LossSpec(CATEGORICAL, _OPTAX, LOGITS, False, None, False, 0, "logits", 1, "labels"),
        "optax.losses.softmax_cross_entropy_with_integer_labels": LossSpec(SPARSE, _OPTAX, LOGITS, False, None, False, 0, "logits", 1, "labels"),
        "optax.losses.sigmoid_binary_cross_entropy": LossSpec(BINARY, _OPTAX, LOGITS, False, None, False, 0, "logits", 1, "labels"),
    }
)
