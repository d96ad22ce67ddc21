"""CE204: categorical cross-entropy on a sigmoid head of several units."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    CATEGORICAL,
    ONE_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    DemoKit,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from . import _scenario
from ._numbers import final, known, row_sums
from ._text import head_phrase, head_related
from .rule import Demo, Rule, case


def categorical_loss_on_sigmoid(use: LossUse) -> Optional[Hit]:
    head = use.head
    if use.kind not in (CATEGORICAL, SPARSE) or use.expects != PROBS or head is None:
        return None
    if head.activation != SIGMOID or head.width is None or head.width < 2:
        return None
    message = (
        f"{use.name} on {head_phrase(head, use.at.path)}, whose outputs do not sum to 1; "
        "use softmax, or BCE if multi-label"
    )
    flagged = _scenario.from_use(use)
    fixed = _scenario.fixed(flagged, activation=SOFTMAX)
    return Hit(
        code="CE204", at=use.at, message=message, related=head_related(head), scenario=flagged, fixed=fixed, use=use
    )


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.pick("keras-torch/jax")
    tf = kit.pick("keras-tensorflow")
    return {**row_sums(final(v.flagged).sum(axis=1), v), "tf_flagged_accuracy": known(tf.flagged.accuracy_end)}


RULE = Rule(
    code="CE204",
    name="categorical-loss-on-sigmoid",
    summary="categorical cross-entropy on a sigmoid head of several units",
    checks=(categorical_loss_on_sigmoid,),
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SIGMOID,
                    width=4,
                    loss=CATEGORICAL,
                    expects=PROBS,
                    targets=ONE_HOT,
                    classes=4,
                ),
                label="Dense(4, sigmoid) + categorical_crossentropy",
                activation=SOFTMAX,
            ),
        ),
        headline="categorical_crossentropy renormalises sigmoid outputs: on keras-torch/jax/numpy they sum to "
        "{row_sum_min}..{row_sum_max} per row, accuracy {flagged_accuracy} against {fixed_accuracy} with "
        "softmax; keras-tensorflow reads the sigmoid's logits and trains exactly as softmax would "
        "(accuracy {tf_flagged_accuracy}), while predict() still returns sigmoids that do not sum to 1",
        numbers=numbers,
    ),
    doc="rules/CE204.md",
)
