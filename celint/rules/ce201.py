"""CE201: softmax over a single unit: the output is constantly 1.0."""

from __future__ import annotations

import math
from typing import Dict, Iterator, Optional

from celint.facts import (
    BINARY,
    INTEGER,
    LINEAR,
    PROBS,
    SIGMOID,
    SOFTMAX,
    AxisKind,
    DemoKit,
    Edit,
    EditKind,
    FileFacts,
    Fix,
    Framework,
    Head,
    Hit,
    LossUse,
    Scenario,
    Where,
)
from celint.records import replace

from . import _scenario
from ._numbers import known, positive_rate
from ._text import line_of
from .rule import Demo, Rule, case


def single_unit_softmax(head: Head, loss_at: Optional[Where] = None) -> Optional[Hit]:
    if head.activation != SOFTMAX or head.width != 1 or head.activation_at is None or head.activation_axis:
        return None  # over the batch axis, a softmax of one unit is not constant
    suffix = f" (loss {line_of(loss_at, head.activation_at.path)})" if loss_at else ""
    message = f"softmax over a single unit always outputs 1.0; use sigmoid for one unit{suffix}"
    flagged = Scenario(
        framework=_framework_of(head),
        activation=SOFTMAX,
        width=1,
        loss=BINARY,
        expects=PROBS,
        tagged=_scenario.tagged(head),
        assumed=("loss: binary cross-entropy on probabilities", "targets: a 0/1 column"),
    )
    return Hit(
        code="CE201",
        at=head.activation_at,
        message=message,
        related=(loss_at,) if loss_at else (),
        scenario=flagged,
        fixed=replace(flagged, activation=SIGMOID),
    )


def _framework_of(head: Head) -> Framework:
    """A head found without its loss: PyTorch when the softmax is spelled the torch way, else Keras."""
    source = head.activation_source
    return (
        Framework.PYTORCH if source.startswith(("F.", "nn.", "torch.")) or ".softmax(dim" in source else Framework.KERAS
    )


def single_unit_softmax_head(use: LossUse) -> Optional[Hit]:
    """On a loss's head, with the loss as the related place (and the fix, which needs the loss): replayed
    with that loss; the fix is a sigmoid for a probability loss, the bare logit for a logits loss."""
    hit = single_unit_softmax(use.head, use.at) if use.head is not None else None
    if hit is None:
        return None
    flagged = _scenario.from_use(use)
    if use.kind != BINARY:  # CE202 also fires: the fix is a one-unit binary loss as well
        fixed = _scenario.fixed(flagged, loss=BINARY, expects=PROBS, activation=SIGMOID, targets=INTEGER, classes=2)
    else:
        fixed = _scenario.fixed(flagged, activation=SIGMOID if use.expects == PROBS else LINEAR)
    return replace(hit, use=use, scenario=flagged, fixed=fixed)


def single_unit_softmax_anywhere(facts: FileFacts) -> Iterator[Hit]:
    """Every softmax over a last axis known to hold one unit, head or not."""
    for event in facts.activations:
        if event.axis_kind == AxisKind.LAST:
            hit = single_unit_softmax(event.head)
            if hit:
                yield hit
    for head in facts.heads:
        hit = single_unit_softmax(head)
        if hit:
            yield hit


def sigmoid_for_one_unit(hit: Hit, use: LossUse) -> Optional[Fix]:
    """With a binary probability loss, sigmoid is the one-unit softmax that was meant. The output was
    constant anyway, so the fix is safe; but not in a definition that also serves wider heads (a head
    factory called for a 1-unit and a 5-unit head), where sigmoid would break the others."""
    head = use.head
    if use.kind != BINARY or use.expects != PROBS or head is None or head.activation != SOFTMAX:
        return None
    if head.serves > 1:
        return None
    if use.framework != Framework.KERAS or head.width != 1 or head.activation_at is None:
        return None
    # only a literal "softmax" string is rewritten; a variable or a Softmax() layer is left to the user
    if not any(f"{q}softmax{q}" in head.activation_source for q in ("'", '"')):
        return None
    return Fix(
        description="use sigmoid for the single-unit head",
        edits=(Edit(kind=EditKind.REPLACE_STRING, at=head.activation_at, value="sigmoid"),),
    )


def numbers(kit: DemoKit) -> Dict[str, float]:
    pi = positive_rate(kit)
    tail = 1 - kit.clip_high  # 2**-23: Keras clips the constant 1.0 to 1 - tail; -log(1 - tail) ~ tail
    tf = kit.pick("keras-tensorflow")
    return {
        "positive_rate": pi,
        "constant_loss": (1 - pi) * -math.log(tail) + pi * tail,
        "pytorch_constant_loss": (1 - pi) * -kit.torch_log_floor,
        "tf_loss_start": known(tf.flagged.loss_start),
        "tf_loss_end": known(tf.flagged.loss_end),
    }


RULE = Rule(
    code="CE201",
    name="single-unit-softmax",
    summary="softmax over a single unit: the output is constantly 1.0",
    checks=(single_unit_softmax_head, single_unit_softmax_anywhere),
    fix=sigmoid_for_one_unit,
    demo=Demo(
        cases=(
            case(
                Scenario(framework=Framework.KERAS, activation=SOFTMAX, width=1, loss=BINARY, expects=PROBS),
                label="Dense(1, softmax) + binary_crossentropy",
                activation=SIGMOID,
            ),
            case(
                Scenario(framework=Framework.PYTORCH, activation=SOFTMAX, width=1, loss=BINARY, expects=PROBS),
                label="softmax(dim=1) over one column + BCELoss",
                activation=SIGMOID,
            ),
        ),
        headline="Softmax over one unit outputs 1.0 for every input, so accuracy stays at P(y=1) = {positive_rate} "
        "on every backend; everywhere but keras-tensorflow the loss is constant ((1-pi)*15.942385 = "
        "{constant_loss} in Keras, {pytorch_constant_loss} in PyTorch) with exactly zero gradient, while "
        "keras-tensorflow undoes the tagged softmax and trains the logit (loss {tf_loss_start} -> "
        "{tf_loss_end}) without changing a prediction",
        numbers=numbers,
    ),
    doc="rules/CE201.md",
)
