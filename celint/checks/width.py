"""CE2xx: output width and final activation against the loss family."""

from __future__ import annotations

from typing import Iterator, Optional

from celint.checks._text import head_phrase, head_related, line_of
from celint.extract import FileFacts
from celint.facts import BINARY, CATEGORICAL, LINEAR, PROBS, SIGMOID, SOFTMAX, SPARSE, Head, Hit, LossUse, Scenario, Where


def single_unit_softmax_head(head: Head, loss_at: Optional[Where] = None) -> Optional[Hit]:
    """CE201: softmax over one unit is constantly 1.0."""
    if head.activation != SOFTMAX or head.width != 1 or head.activation_at is None:
        return None
    suffix = f" (loss {line_of(loss_at, head.activation_at.path)})" if loss_at else ""
    message = f"softmax over a single unit always outputs 1.0; use sigmoid for one unit{suffix}"
    flagged = Scenario("keras", SOFTMAX, 1, BINARY, PROBS)
    return Hit("CE201", head.activation_at, message, (loss_at,) if loss_at else (), flagged,
               Scenario("keras", SIGMOID, 1, BINARY, PROBS))


def single_unit_softmax_anywhere(facts: FileFacts) -> Iterator[Hit]:
    """CE201 for every softmax over a last axis known to hold one unit, head or not."""
    for event in facts.activations:
        if event.axis_kind == "last":
            hit = single_unit_softmax_head(event.head)
            if hit:
                yield hit
    for head in facts.heads:
        hit = single_unit_softmax_head(head)
        if hit:
            yield hit


def categorical_loss_on_one_unit(use: LossUse) -> Optional[Hit]:
    """CE202: categorical / sparse loss on a single-unit head: the loss is constant."""
    head = use.head
    if use.kind not in (CATEGORICAL, SPARSE) or head is None or head.width != 1:
        return None
    fix = "use BCEWithLogitsLoss" if use.framework == "pytorch" else "use binary cross-entropy with a sigmoid"
    message = f"{use.name} over {head_phrase(head, use.at.path)} is constant (one class); {fix}"
    act = head.activation if head.activation in (SIGMOID, SOFTMAX) else LINEAR
    flagged = Scenario(use.framework, act, 1, use.kind, use.expects)
    fixed = Scenario(use.framework, SIGMOID if use.expects == PROBS else LINEAR, 1, BINARY, use.expects)
    return Hit("CE202", use.at, message, head_related(head), flagged, fixed)


def binary_loss_on_softmax(use: LossUse) -> Optional[Hit]:
    """CE203: binary cross-entropy on a softmax head of more than two units."""
    head = use.head
    if use.kind != BINARY or head is None or head.activation != SOFTMAX or head.width is None or head.width <= 2:
        return None
    accuracy = any(m.name.strip("'\"") in ("accuracy", "acc") for m in use.metrics)
    note = ""
    if accuracy and use.api_version == "tf.compat.v1":
        note = "; tf.compat.v1 graph mode also inflates 'accuracy'"
    elif accuracy and use.api_version == "keras":
        note = "; Keras <= 2.3 also inflates 'accuracy'"
    message = (f"{use.name} on {head_phrase(head, use.at.path)} trains exclusive classes as independent; "
               f"use categorical cross-entropy{note}")
    flagged = Scenario(use.framework, SOFTMAX, head.width, BINARY, use.expects, "one-hot", head.width)
    fixed = Scenario(use.framework, SOFTMAX, head.width, CATEGORICAL, use.expects, "one-hot", head.width)
    return Hit("CE203", use.at, message, head_related(head), flagged, fixed)


def categorical_loss_on_sigmoid(use: LossUse) -> Optional[Hit]:
    """CE204: categorical cross-entropy on a sigmoid head of several units."""
    head = use.head
    if use.kind not in (CATEGORICAL, SPARSE) or use.expects != PROBS or head is None:
        return None
    if head.activation != SIGMOID or head.width is None or head.width < 2:
        return None
    message = (f"{use.name} on {head_phrase(head, use.at.path)}, whose outputs do not sum to 1; "
               "use softmax, or BCE if multi-label")
    flagged = Scenario(use.framework, SIGMOID, head.width, use.kind, PROBS, classes=head.width)
    fixed = Scenario(use.framework, SOFTMAX, head.width, use.kind, PROBS, classes=head.width)
    return Hit("CE204", use.at, message, head_related(head), flagged, fixed)

