"""The configuration a finding is replayed with, read from the finding's own facts.

Every rule builds its flagged scenario here and its fixed one by overriding what its fix changes, so a
demonstration replays the user's framework, head, loss, targets and class count. What the code does not
say takes a documented default, and the scenario names it in `assumed` (the demonstration prints it).
"""

from __future__ import annotations

from typing import List, Optional

from celint.facts import (
    BINARY,
    INTEGER,
    LINEAR,
    LOG_PROBS,
    LOG_SOFTMAX,
    LOGITS,
    MULTI_HOT,
    NLL,
    ONE_HOT,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Activation,
    Encoding,
    Expects,
    Framework,
    Head,
    LossKind,
    LossUse,
    Scenario,
)
from celint.records import replace

DEFAULT_CLASSES = 4  # a multi-class head whose width and targets the code does not give
# Spellings whose output carries no `_keras_logits` tag (a non-Keras function such as
# `activation=tf.nn.softmax`, or the activation applied by hand): the TF backend undoes them only in a
# traced graph, from the op (`Scenario.traced`). `tf.keras.backend.softmax` tags; its sigmoid does not.
UNTAGGED_SPELLINGS = ("tf.nn.", "tf.math.", "tensorflow.", "tf.sigmoid", "tf.keras.backend.sigmoid", "tf.exp")


# The policy casts the head's float16 output to float32 before the loss: the cast tensor carries no tag.
MIXED_PRECISION_NOTE = (
    "the mixed-precision policy's float16 rounding (the replay computes in float32; the cast before the loss,"
    " which keeps Keras's TensorFlow backend from undoing the activation, is replayed)"
)


def tagged(head: Optional[Head]) -> bool:
    """Keras's own activations tag their output; `activation=tf.nn.softmax` does not."""
    source = head.activation_source if head is not None else ""
    return not any(spelling in source for spelling in UNTAGGED_SPELLINGS)


def _activation(use: LossUse, assumed: List[str]) -> Activation:
    head = use.head
    if head is not None and head.activation is not None:
        return head.activation if head.activation in (SOFTMAX, SIGMOID, LOG_SOFTMAX) else LINEAR
    guess = {LOGITS: LINEAR, LOG_PROBS: LOG_SOFTMAX}.get(use.expects, SIGMOID if use.kind == BINARY else SOFTMAX)
    assumed.append(f"head activation: {guess}")
    return guess


def _default_encoding(kind: LossKind, width: int, activation: Activation) -> Encoding:
    if kind in (SPARSE, NLL) or (kind == BINARY and width == 1):
        return INTEGER  # class ids; a 0/1 column for one unit
    if kind == BINARY and activation == SIGMOID:
        return MULTI_HOT
    return ONE_HOT


def _float_default(framework: Framework, kind: LossKind) -> bool:
    """Index targets are integers except for a torch binary loss, which needs float 0/1 (`y.float()`)."""
    return framework == Framework.PYTORCH and kind == BINARY


def from_use(
    use: LossUse,
    kind: Optional[LossKind] = None,
    expects: Optional[Expects] = None,
    activation: Optional[Activation] = None,
    width: int = 0,
    encoding: Optional[Encoding] = None,
    width_default: int = 0,
) -> Scenario:
    """The use's configuration; the keywords override what the finding's fix (or view) changes."""
    assumed: List[str] = []
    kind = kind or use.kind
    targets = use.targets
    head_width = use.head.width if use.head is not None else None
    target_classes = targets.classes if targets is not None else None
    # a binary loss on class ids takes them as one 0/1 column: two classes, one unit
    target_width = 1 if kind == BINARY and targets is not None and targets.encoding == INTEGER else target_classes
    if not width:
        width = head_width or target_width or width_default or (1 if kind == BINARY else DEFAULT_CLASSES)
        if head_width is None:
            assumed.append(f"head width: {width} units")
    act = activation or _activation(use, assumed)
    found = encoding or (targets.encoding if targets is not None else None)
    if found is None:
        found = _default_encoding(kind, width, act)
        assumed.append(f"targets: {_encoding_phrase(found, width)}")
    classes = target_classes or (width if width > 1 else 2)
    dtype = targets.dtype_float if targets is not None and encoding is None else None
    not_modelled = [
        f"{option.written}: its value is not known statically" for option in use.options if not option.known
    ]
    head_activation = use.head.activation if use.head is not None else None
    if activation is None and head_activation is not None and act == LINEAR != head_activation:
        not_modelled.append(f"the head's {head_activation} (replayed as a linear head: raw scores either way)")
    if use.mixed_precision:
        not_modelled.append(MIXED_PRECISION_NOTE)
    if use.framework == Framework.KERAS and use.traced is None and act in (SOFTMAX, SIGMOID) and not tagged(use.head):
        assumed.append(
            "the loss runs eagerly (no model.fit or @tf.function seen): TensorFlow cannot undo the activation"
        )
    return Scenario(
        framework=use.framework,
        activation=act,
        width=width,
        loss=kind,
        expects=expects or use.expects,
        targets=found,
        classes=classes,
        target_float=dtype,
        tagged=tagged(use.head) and not use.mixed_precision,
        traced=bool(use.traced) and not use.mixed_precision,  # the policy's cast hides the op
        options=tuple((option.name, option.value) for option in use.options if option.known),
        metrics=tuple(metric.by_name for metric in use.metrics if metric.by_name),
        assumed=tuple(assumed),
        not_modelled=tuple(not_modelled),
    )


def _encoding_phrase(encoding: Encoding, width: int) -> str:
    if encoding == INTEGER:
        return "a 0/1 column" if width == 1 else "class indices"
    return str(encoding)


def fixed(flagged: Scenario, **changes: object) -> Scenario:
    """The flagged scenario with the fix applied; the assumptions carry over."""
    return replace(flagged, **changes)  # type: ignore[arg-type]
