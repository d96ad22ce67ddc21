"""CE202: categorical or sparse loss on a single-unit head: the loss is constant."""

from __future__ import annotations

import math
from typing import Dict, Optional

from celint.facts import (
    BINARY,
    CATEGORICAL,
    LINEAR,
    LOGITS,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Case,
    DemoKit,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from ._numbers import known, positive_rate
from ._text import head_phrase, head_related
from .rule import Demo, Rule


def categorical_loss_on_one_unit(use: LossUse) -> Optional[Hit]:
    head = use.head
    if use.kind not in (CATEGORICAL, SPARSE) or head is None or head.width != 1:
        return None
    repair = "use BCEWithLogitsLoss" if use.framework == Framework.PYTORCH else "use binary cross-entropy with a sigmoid"
    message = f"{use.name} over {head_phrase(head, use.at.path)} is constant (one class); {repair}"
    activation = head.activation if head.activation in (SIGMOID, SOFTMAX) else LINEAR
    flagged = Scenario(framework=use.framework, activation=activation, width=1, loss=use.kind, expects=use.expects)
    fixed = Scenario(framework=use.framework, activation=SIGMOID if use.expects == PROBS else LINEAR, width=1,
                     loss=BINARY, expects=use.expects)
    return Hit(code="CE202", at=use.at, message=message, related=head_related(head), scenario=flagged, fixed=fixed,
               use=use)


def numbers(kit: DemoKit) -> Dict[str, float]:
    pi = positive_rate(kit)
    torch_float = kit.pick("pytorch", 0)
    return {"constant_loss": pi * -math.log(kit.clip_high), "pytorch_loss": known(torch_float.flagged.loss_end)}


RULE = Rule(
    code="CE202",
    name="categorical-loss-on-one-unit",
    summary="categorical or sparse loss on a single-unit head: the loss is constant",
    checks=(categorical_loss_on_one_unit,),
    demo=Demo(
        cases=(
            Case(flagged=Scenario(framework=Framework.KERAS, activation=SIGMOID, width=1, loss=CATEGORICAL,
                                  expects=PROBS),
                 fixed=Scenario(framework=Framework.KERAS, activation=SIGMOID, width=1, loss=BINARY, expects=PROBS),
                 label="Dense(1, sigmoid) + categorical_crossentropy"),
            Case(flagged=Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=CATEGORICAL,
                                  expects=LOGITS),
                 fixed=Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=BINARY,
                                expects=LOGITS),
                 label="CrossEntropyLoss on one column, float targets (N, 1)"),
            Case(flagged=Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=SPARSE,
                                  expects=LOGITS),
                 fixed=Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=BINARY,
                                expects=LOGITS),
                 label="CrossEntropyLoss on one column, class-index targets {0, 1}"),
        ),
        headline="A categorical loss on one unit is constant ({constant_loss} = pi*2**-23 in Keras, "
                 "{pytorch_loss} for torch CrossEntropyLoss) with exactly zero gradient",
        numbers=numbers,
    ),
    doc="rules/CE202.md",
)
