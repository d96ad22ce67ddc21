"""CE202: categorical or sparse loss on a single-unit head: the loss is constant."""

from __future__ import annotations

import math
from typing import Dict, Optional

from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    PROBS,
    SIGMOID,
    SPARSE,
    DemoKit,
    Framework,
    Hit,
    LossUse,
    Scenario,
)
from celint.records import replace

from . import _scenario
from ._numbers import known, positive_rate
from ._text import head_phrase, head_related
from .rule import Demo, Rule, case


def categorical_loss_on_one_unit(use: LossUse) -> Optional[Hit]:
    head = use.head
    if use.kind not in (CATEGORICAL, SPARSE) or head is None or head.width != 1:
        return None
    repair = (
        "use BCEWithLogitsLoss" if use.framework == Framework.PYTORCH else "use binary cross-entropy with a sigmoid"
    )
    message = f"{use.name} over {head_phrase(head, use.at.path)} is constant (one class); {repair}"
    flagged = _scenario.from_use(use)
    if use.targets is None or use.targets.encoding is None:
        # the targets are not read from the code: take the ones the loss is silently constant on (a float
        # 0/1 column in torch; 0/1 labels, as (N,) or (N,1), in Keras), not the ones that raise
        flagged = replace(
            flagged,
            targets=INTEGER,
            target_float=use.framework == Framework.PYTORCH or None,
            assumed=(
                *(a for a in flagged.assumed if not a.startswith("targets")),
                "targets: a float 0/1 column (N, 1)" if use.framework == Framework.PYTORCH else "targets: 0/1 labels",
            ),
        )
    fixed = _scenario.fixed(
        flagged, activation=SIGMOID if use.expects == PROBS else LINEAR, loss=BINARY, targets=INTEGER, classes=2
    )
    return Hit(
        code="CE202", at=use.at, message=message, related=head_related(head), scenario=flagged, fixed=fixed, use=use
    )


def numbers(kit: DemoKit) -> Dict[str, float]:
    pi = positive_rate(kit)
    torch_float = kit.pick("pytorch", 0)
    tf = kit.pick("keras-tensorflow")
    return {
        "constant_loss": pi * -math.log(kit.clip_high),
        "pytorch_loss": known(torch_float.flagged.loss_end),
        "tf_loss_end": known(tf.flagged.loss_end),
        "tf_grad_norm_end": known(tf.flagged.grad_norm_end),
    }


RULE = Rule(
    code="CE202",
    name="categorical-loss-on-one-unit",
    summary="categorical or sparse loss on a single-unit head: the loss is constant",
    checks=(categorical_loss_on_one_unit,),
    demo=Demo(
        cases=(
            case(
                Scenario(framework=Framework.KERAS, activation=SIGMOID, width=1, loss=CATEGORICAL, expects=PROBS),
                label="Dense(1, sigmoid) + categorical_crossentropy",
                loss=BINARY,
            ),
            case(
                Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=CATEGORICAL, expects=LOGITS),
                label="CrossEntropyLoss on one column, float targets (N, 1)",
                loss=BINARY,
            ),
            case(
                Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=SPARSE, expects=LOGITS),
                label="CrossEntropyLoss on one column, class-index targets {0, 1}",
                loss=BINARY,
            ),
        ),
        headline="A categorical loss on one unit learns nothing: everywhere but keras-tensorflow it is constant "
        "({constant_loss} = pi*2**-23 in Keras, {pytorch_loss} for torch CrossEntropyLoss on a float "
        "column; class indices raise) with exactly zero gradient; keras-tensorflow's fused op back-propagates softmax - y = 1 - y, so its loss stays "
        "{tf_loss_end} while the weights drift (gradient norm {tf_grad_norm_end} after 100 steps)",
        numbers=numbers,
    ),
    doc="rules/CE202.md",
)
