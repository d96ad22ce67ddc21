"""CE101: a loss that expects logits receives softmax / sigmoid output."""

from __future__ import annotations

import math
from typing import Dict, Optional

from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    ONE_HOT,
    PROBABILITY_ACTIVATIONS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    DemoKit,
    Edit,
    EditKind,
    Fix,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from . import _expects
from ._numbers import known
from ._text import head_phrase, head_related
from .rule import Demo, Rule, case


def probabilities_into_logits_loss(use: LossUse) -> Optional[Hit]:
    head = use.head
    if use.expects != LOGITS or head is None or head.activation not in PROBABILITY_ACTIVATIONS:
        return None
    if use.framework == Framework.KERAS:
        repair = f"drop the {head.activation} or set from_logits=False"
    elif use.framework == Framework.PYTORCH:
        layer = _activation_layer(head.activation_source)
        repair = f"remove the {layer} layer" if layer else "return raw scores from forward"
    else:
        repair = f"pass the logits from before the {head.activation}"
    axis = ""
    if head.activation_axis:  # a softmax over the batch axis is twice wrong
        axis = f", whose {head.activation} is over {head.activation_axis}: the batch axis, not the classes"
    message = f"{use.name} expects logits but gets {head_phrase(head, use.at.path)}{axis}; {repair}"
    return Hit(
        code="CE101",
        at=use.from_logits_at or use.at,
        message=message,
        related=head_related(head),
        scenario=_expects.scenario(use),
        fixed=_expects.fixed_scenario(use),
        use=use,
    )


def _activation_layer(source: str) -> str:
    """`nn.Softmax(dim=1)` when the activation is a layer (an `nn.Sequential` has no forward to edit)."""
    name = source.split("(", 1)[0].rsplit(".", 1)[-1]
    return source if name[:1].isupper() and "(" in source else ""


def from_logits_false(hit: Hit, use: LossUse) -> Optional[Fix]:
    """The head already outputs probabilities: tell the loss so (KerasHub derives from_logits from the
    activation the same way). A loss object other heads use too is not edited (it would break them);
    `from_logits=FROM_LOGITS` set to a literal leaves the constant behind, so that fix is unsafe.
    Removing a PyTorch model's softmax changes its outputs for every caller, so that fix is unsafe."""
    head = use.head
    if use.framework == Framework.KERAS and use.from_logits_at is not None and head is not None:
        if use.serves > 1 or (head.activation == SIGMOID and use.kind != BINARY):
            return None  # breaks the loss's other heads; a multi-label sigmoid head needs another loss (CE204)
        return Fix(
            description=f"set from_logits=False to match the {head.activation} head",
            safe=use.from_logits_literal,
            edits=(Edit(kind=EditKind.SET_ARGUMENT, at=use.from_logits_at, value="False"),),
        )
    # the call removed must be the activation itself, not a function held in a variable (`self.act(x)`)
    spelled = head is not None and str(head.activation).lower() in head.activation_source.lower()
    if use.framework == Framework.PYTORCH and head is not None and head.activation_at is not None and spelled:
        if head.serves > 1:
            return None
        return Fix(
            description=f"remove the {head.activation} so the model returns logits (changes inference outputs)",
            safe=False,
            edits=(Edit(kind=EditKind.UNWRAP_CALL, at=head.activation_at),),
        )
    return None


def numbers(kit: DemoKit) -> Dict[str, float]:
    k = kit.variants[0].flagged_scenario.width
    v = kit.pick("keras-torch/jax")
    return {
        "loss_floor": math.log(1 + (k - 1) / math.e),
        "classes": k,
        "flagged_loss_end": known(v.flagged.loss_end),
        "fixed_loss_end": known(v.fixed.loss_end),
        "grad_ratio_start": known(v.flagged.grad_norm_start) / known(v.fixed.grad_norm_start),
    }


RULE = Rule(
    code="CE101",
    name="probabilities-into-logits-loss",
    summary="a loss that expects logits receives softmax / sigmoid output",
    checks=(probabilities_into_logits_loss,),
    fix=from_logits_false,
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=4,
                    loss=SPARSE,
                    expects=LOGITS,
                    targets=INTEGER,
                    classes=4,
                ),
                label="Dense(4, softmax) + SparseCategoricalCrossentropy(from_logits=True)",
                activation=LINEAR,
            ),
            case(
                Scenario(
                    framework=Framework.PYTORCH,
                    activation=SOFTMAX,
                    width=4,
                    loss=SPARSE,
                    expects=LOGITS,
                    targets=INTEGER,
                    classes=4,
                ),
                label="CrossEntropyLoss on softmax outputs",
                activation=LINEAR,
            ),
            case(
                Scenario(framework=Framework.OPTAX, activation=SIGMOID, width=1, loss=BINARY, expects=LOGITS),
                label="sigmoid_binary_cross_entropy on sigmoid outputs",
                activation=LINEAR,
            ),
            case(
                Scenario(
                    framework=Framework.TF,
                    activation=SOFTMAX,
                    width=4,
                    loss=CATEGORICAL,
                    expects=LOGITS,
                    targets=ONE_HOT,
                    classes=4,
                ),
                label="tf.nn.softmax_cross_entropy_with_logits on tf.nn.softmax outputs",
                activation=LINEAR,
            ),
        ),
        headline="Softmax applied twice: the loss cannot fall below log(1+(K-1)/e) = {loss_floor} for K={classes}; "
        "after 100 steps it is {flagged_loss_end} against {fixed_loss_end}, with {grad_ratio_start}x the "
        "initial gradient (keras-tensorflow silently undoes a tagged softmax)",
        numbers=numbers,
    ),
    doc="rules/CE101.md",
)
