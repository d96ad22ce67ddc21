"""CE301-CE304 and the sigmoid half of CE203: the targets' encoding against the loss and the head."""

from __future__ import annotations

from typing import Optional

from celint.checks._text import head_phrase, line_of
from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    MULTI_HOT,
    NLL,
    ONE_HOT,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Head,
    Hit,
    LossUse,
    Scenario,
    Targets,
)

# What to use instead, per (framework, kind) of the loss that received the wrong encoding.
_FIX_FOR_ONE_HOT = {
    "keras": "use categorical_crossentropy",
    "tf": "use softmax_cross_entropy_with_logits",
    "optax": "use optax.softmax_cross_entropy",
    "pytorch": "pass class indices",
}
_FIX_FOR_INTEGER = {
    "keras": "use sparse_categorical_crossentropy",
    "tf": "use sparse_softmax_cross_entropy_with_logits",
    "optax": "use softmax_cross_entropy_with_integer_labels",
}


def _source(targets: Targets, use: LossUse) -> str:
    """`to_categorical(y, 5) (line 20; fit line 37)`: where the targets are made and reach the loss."""
    path = use.at.path
    where = line_of(targets.encoded_at, path)
    if targets.reached_at is not None and targets.reached_at.line != use.at.line:
        where += f"; {targets.via or 'fit'} {line_of(targets.reached_at, path)}"
    return f"{targets.how} ({where})"


def _activation(head: Optional[Head], use: LossUse) -> str:
    if head is not None and head.activation in (SOFTMAX, SIGMOID):
        return head.activation
    return LINEAR if use.expects == LOGITS else SOFTMAX


def _scenario(use: LossUse, targets: Targets, kind: str = "", encoding: str = "", width: int = 0,
              activation: str = "") -> Scenario:
    classes = targets.classes or (use.head.width if use.head and use.head.width else 4)
    head_width = use.head.width if use.head and use.head.width else classes
    return Scenario(use.framework, activation or _activation(use.head, use), width or head_width, kind or use.kind,
                    use.expects, encoding or targets.encoding or INTEGER, classes)


def one_hot_into_sparse_loss(use: LossUse) -> Optional[Hit]:
    """CE301: a loss that expects class indices receives one-hot targets."""
    targets = use.targets
    if targets is None or targets.encoding != ONE_HOT or use.kind not in (SPARSE, NLL) or _single_unit(use):
        return None
    if use.framework == "pytorch" and use.kind == SPARSE and targets.dtype_float is not False:
        return None  # float one-hot rows are valid class probabilities for CrossEntropyLoss
    head = use.head
    if targets.binary_as_one_column and head is not None and head.width is not None and head.width <= 2:
        return None  # LabelBinarizer gives two classes one 0/1 column: valid class indices
    message = (f"{use.name} expects class indices, gets one-hot {_source(targets, use)}; "
               f"{_FIX_FOR_ONE_HOT.get(use.framework, 'pass class indices')}")
    fixed = (_scenario(use, targets, encoding=INTEGER) if use.framework == "pytorch"
             else _scenario(use, targets, kind=CATEGORICAL))
    return Hit("CE301", use.at, message, _related(use), _scenario(use, targets), fixed)


def indices_into_one_hot_loss(use: LossUse) -> Optional[Hit]:
    """CE302: a loss that expects one-hot targets receives integer class indices."""
    targets = use.targets
    if targets is None or targets.encoding != INTEGER or use.kind != CATEGORICAL or _single_unit(use):
        return None
    message = (f"{use.name} expects one-hot targets, gets class indices {_source(targets, use)}; "
               f"{_FIX_FOR_INTEGER.get(use.framework, 'one-hot encode the labels')}")
    return Hit("CE302", use.at, message, _related(use), _scenario(use, targets),
               _scenario(use, targets, kind=SPARSE))


def multi_hot_into_softmax(use: LossUse) -> Optional[Hit]:
    """CE304: softmax + categorical cross-entropy on multi-hot (multi-label) targets."""
    targets = use.targets
    if targets is None or targets.encoding != MULTI_HOT or _single_unit(use):
        return None
    softmax_loss = use.kind == CATEGORICAL or (use.framework == "pytorch" and use.kind == SPARSE
                                               and targets.dtype_float is True)
    if not softmax_loss or (use.head is not None and use.head.activation == SIGMOID):
        return None  # a sigmoid head under a categorical loss is CE204's finding
    message = (f"{use.name} trains the multi-hot {_source(targets, use)} as exclusive classes; "
               "use sigmoid + binary cross-entropy")
    flagged = _scenario(use, targets, kind=CATEGORICAL, activation=SOFTMAX)
    fixed = _scenario(use, targets, kind=BINARY, activation=SIGMOID)
    return Hit("CE304", use.at, message, _related(use), flagged, fixed)


def binary_loss_on_single_label_one_hot(use: LossUse) -> Optional[Hit]:
    """CE203 (targets half): sigmoid + binary cross-entropy over >2 units on single-label one-hot targets."""
    targets, head = use.targets, use.head
    if targets is None or targets.encoding != ONE_HOT or use.kind != BINARY or head is None:
        return None
    sigmoid = head.activation == SIGMOID or (head.activation == LINEAR and use.expects == LOGITS)
    units = head.width or targets.classes
    if not sigmoid or units is None or units <= 2:
        return None  # without one-hot evidence a multi-unit sigmoid is multi-label, which is right
    message = (f"{use.name} on {head_phrase(head, use.at.path)}, but {_source(targets, use)} is single-label "
               "one-hot; use softmax + categorical cross-entropy")
    flagged = _scenario(use, targets, kind=BINARY, activation=SIGMOID, width=units)
    fixed = _scenario(use, targets, kind=CATEGORICAL, activation=SOFTMAX, width=units)
    return Hit("CE203", use.at, message, _related(use), flagged, fixed)


def class_count_mismatch(use: LossUse) -> Optional[Hit]:
    """CE303: the head's width differs from the number of classes the targets carry."""
    targets, head = use.targets, use.head
    if targets is None or targets.classes is None or head is None or head.width is None or head.width <= 1:
        return None
    if use.kind not in (CATEGORICAL, SPARSE, NLL):
        return None
    # one-hot rows must match the head exactly; class indices only need to fit in it
    wrong = head.width < targets.classes if targets.encoding == INTEGER else head.width != targets.classes
    if not wrong:
        return None
    carry = "need" if targets.encoding == INTEGER else "carry"
    message = (f"the head has {head.width} units but the {targets.encoding} targets {_source(targets, use)} "
               f"{carry} {targets.classes} classes")
    at = head.width_at or use.at
    fixed = _scenario(use, targets, width=targets.classes)
    return Hit("CE303", at, message, (use.at,), _scenario(use, targets), fixed)


def _single_unit(use: LossUse) -> bool:
    """A one-unit head under a categorical loss is CE201 / CE202's root cause; the labels follow from it."""
    return use.head is not None and use.head.width == 1


def _related(use: LossUse) -> tuple:
    targets = use.targets
    places = [targets.encoded_at if targets else None, targets.reached_at if targets else None,
              use.head.at if use.head else None]
    return tuple(p for p in places if p is not None)
