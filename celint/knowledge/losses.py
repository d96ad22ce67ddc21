"""Every cross-entropy loss celint knows, keyed by canonical name.

A row says what kind of cross-entropy it is, what it expects to receive (probabilities, logits or
log-probabilities) and how `from_logits` is passed, so that a new loss is one new row. The tables are
grouped by framework, each registered by that framework's adapter; `LOSSES` joins them for reading
loss strings, references and objects whatever made them.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional

from celint.facts import BINARY, CATEGORICAL, LOG_PROBS, LOGITS, NLL, PROBS, SPARSE, Expects, Framework, LossKind


class LossSpec(NamedTuple):
    kind: LossKind
    framework: Framework
    expects: Expects  # what it expects when `from_logits` is not given
    is_class: bool = False  # must be instantiated, then called / compiled
    from_logits_pos: Optional[int] = None  # positional index of from_logits in the constructor/call
    has_from_logits: bool = False
    pred_pos: int = 1  # position of the predictions argument when the loss is applied
    pred_kw: str = "y_pred"
    target_pos: int = 0
    target_kw: str = "y_true"
    from_logits_kw: str = "from_logits"  # how the keyword is spelled (MLX: with_logits)
    # a class-index loss that also takes float rows of class probabilities (torch CrossEntropyLoss)
    probability_targets: bool = False


def _keras_class(kind: LossKind, from_logits_pos: Optional[int] = 0) -> LossSpec:
    return LossSpec(
        kind=kind,
        framework=Framework.KERAS,
        expects=PROBS,
        is_class=True,
        from_logits_pos=from_logits_pos,
        has_from_logits=True,
    )


def _keras_fn(kind: LossKind, pred_kw: str = "y_pred", target_kw: str = "y_true") -> LossSpec:
    # keras.losses.binary_crossentropy(y_true, y_pred, from_logits=False, ...)
    return LossSpec(
        kind=kind,
        framework=Framework.KERAS,
        expects=PROBS,
        from_logits_pos=2,
        has_from_logits=True,
        pred_kw=pred_kw,
        target_kw=target_kw,
    )


KERAS_LOSSES: Dict[str, LossSpec] = {
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
    "keras.backend.binary_crossentropy": _keras_fn(BINARY, pred_kw="output", target_kw="target"),
    "keras.backend.categorical_crossentropy": _keras_fn(CATEGORICAL, pred_kw="output", target_kw="target"),
    "keras.backend.sparse_categorical_crossentropy": _keras_fn(SPARSE, pred_kw="output", target_kw="target"),
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


def _torch(kind: LossKind, expects: Expects, is_class: bool) -> LossSpec:
    # module losses take (input, target); functional ones the same
    return LossSpec(
        kind=kind,
        framework=Framework.PYTORCH,
        expects=expects,
        is_class=is_class,
        pred_pos=0,
        pred_kw="input",
        target_pos=1,
        target_kw="target",
    )


TORCH_LOSSES: Dict[str, LossSpec] = {
    "torch.nn.CrossEntropyLoss": _torch(SPARSE, LOGITS, is_class=True)._replace(probability_targets=True),
    "torch.nn.NLLLoss": _torch(NLL, LOG_PROBS, is_class=True),
    "torch.nn.BCELoss": _torch(BINARY, PROBS, is_class=True),
    "torch.nn.BCEWithLogitsLoss": _torch(BINARY, LOGITS, is_class=True),
    "torch.nn.functional.cross_entropy": _torch(SPARSE, LOGITS, is_class=False)._replace(probability_targets=True),
    "torch.nn.functional.nll_loss": _torch(NLL, LOG_PROBS, is_class=False),
    "torch.nn.functional.binary_cross_entropy": _torch(BINARY, PROBS, is_class=False),
    "torch.nn.functional.binary_cross_entropy_with_logits": _torch(BINARY, LOGITS, is_class=False),
}


def _tf(kind: LossKind, target_kw: str = "labels") -> LossSpec:
    # keyword-first APIs (labels=, logits=)
    return LossSpec(
        kind=kind,
        framework=Framework.TF,
        expects=LOGITS,
        pred_pos=1,
        pred_kw="logits",
        target_pos=0,
        target_kw=target_kw,
    )


TF_LOSSES: Dict[str, LossSpec] = {
    "tensorflow.nn.softmax_cross_entropy_with_logits": _tf(CATEGORICAL),
    "tensorflow.nn.softmax_cross_entropy_with_logits_v2": _tf(CATEGORICAL),
    "tensorflow.nn.sparse_softmax_cross_entropy_with_logits": _tf(SPARSE),
    "tensorflow.nn.sigmoid_cross_entropy_with_logits": _tf(BINARY),
    "tensorflow.compat.v1.nn.softmax_cross_entropy_with_logits": _tf(CATEGORICAL),
    "tensorflow.compat.v1.nn.softmax_cross_entropy_with_logits_v2": _tf(CATEGORICAL),
    "tensorflow.compat.v1.nn.sparse_softmax_cross_entropy_with_logits": _tf(SPARSE),
    "tensorflow.compat.v1.nn.sigmoid_cross_entropy_with_logits": _tf(BINARY),
    # tf.compat.v1.losses.*(labels/onehot_labels/multi_class_labels, logits)
    "tensorflow.compat.v1.losses.softmax_cross_entropy": _tf(CATEGORICAL, "onehot_labels"),
    "tensorflow.compat.v1.losses.sparse_softmax_cross_entropy": _tf(SPARSE),
    "tensorflow.compat.v1.losses.sigmoid_cross_entropy": _tf(BINARY, "multi_class_labels"),
    "tensorflow.losses.softmax_cross_entropy": _tf(CATEGORICAL, "onehot_labels"),
    "tensorflow.losses.sparse_softmax_cross_entropy": _tf(SPARSE),
    "tensorflow.losses.sigmoid_cross_entropy": _tf(BINARY, "multi_class_labels"),
    # log_loss(labels, predictions): binary cross-entropy on probabilities, no logits mode
    "tensorflow.losses.log_loss": _tf(BINARY)._replace(expects=PROBS, pred_kw="predictions"),
    "tensorflow.compat.v1.losses.log_loss": _tf(BINARY)._replace(expects=PROBS, pred_kw="predictions"),
}


def _optax(kind: LossKind) -> LossSpec:
    # (logits, labels), no clipping
    return LossSpec(
        kind=kind,
        framework=Framework.OPTAX,
        expects=LOGITS,
        pred_pos=0,
        pred_kw="logits",
        target_pos=1,
        target_kw="labels",
    )


OPTAX_LOSSES: Dict[str, LossSpec] = {
    "optax.softmax_cross_entropy": _optax(CATEGORICAL),
    "optax.softmax_cross_entropy_with_integer_labels": _optax(SPARSE),
    "optax.sigmoid_binary_cross_entropy": _optax(BINARY),
    "optax.losses.softmax_cross_entropy": _optax(CATEGORICAL),
    "optax.losses.softmax_cross_entropy_with_integer_labels": _optax(SPARSE),
    "optax.losses.sigmoid_binary_cross_entropy": _optax(BINARY),
}

LOSSES: Dict[str, LossSpec] = {**KERAS_LOSSES, **TORCH_LOSSES, **TF_LOSSES, **OPTAX_LOSSES}

# Keywords that change what a cross-entropy computes, kept on the loss use so a demonstration can say
# which of them it replays (celint/evaluator) and which it leaves out.
LOSS_OPTIONS = frozenset(
    {
        "label_smoothing",
        "weight",
        "ignore_index",
        "pos_weight",
        "reduction",
        "axis",
        "ignore_class",
        "sample_weight",
        "weights",
        "class_weight",
        "dim",
    }
)
