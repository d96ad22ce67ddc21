"""CE303: the head's width differs from the number of classes the targets carry."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    CATEGORICAL,
    INTEGER,
    NLL,
    ONE_HOT,
    PROBS,
    SOFTMAX,
    SPARSE,
    Case,
    DemoKit,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from . import _targets
from ._numbers import final, known
from .rule import Demo, Rule


def class_count_mismatch(use: LossUse) -> Optional[Hit]:
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
    message = (f"the head has {head.width} units but the {targets.encoding} targets {_targets.source(targets, use)} "
               f"{carry} {targets.classes} classes")
    return Hit(code="CE303", at=head.width_at or use.at, message=message, related=(use.at,),
               scenario=_targets.scenario(use, targets), fixed=_targets.scenario(use, targets, width=targets.classes),
               use=use)


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.pick("keras-torch/jax", 1)  # the sparse case: Keras raises on the one-hot one
    k, w = v.flagged_scenario.classes, v.flagged_scenario.width
    data = kit.dataset(k)
    w0, b0 = kit.initial_weights(w)
    start = kit.softmax(data.x @ w0 + b0)[:, k:].sum(axis=1).mean()  # the mass on units past the classes
    end = final(v.flagged)[:, k:].sum(axis=1).mean()
    return {"unused_mass_start": float(start), "unused_mass_end": float(end),
            "flagged_accuracy_start": known(v.flagged.accuracy_start),
            "fixed_accuracy_start": known(v.fixed.accuracy_start)}


RULE = Rule(
    code="CE303",
    name="class-count-mismatch",
    summary="head width differs from the number of classes the targets carry",
    checks=(class_count_mismatch,),
    demo=Demo(
        cases=(
            Case(flagged=Scenario(framework=Framework.KERAS, activation=SOFTMAX, width=10, loss=CATEGORICAL,
                                  expects=PROBS, targets=ONE_HOT, classes=5),
                 fixed=Scenario(framework=Framework.KERAS, activation=SOFTMAX, width=5, loss=CATEGORICAL,
                                expects=PROBS, targets=ONE_HOT, classes=5),
                 label="to_categorical(y, 5) into Dense(10, softmax)"),
            Case(flagged=Scenario(framework=Framework.KERAS, activation=SOFTMAX, width=10, loss=SPARSE, expects=PROBS,
                                  targets=INTEGER, classes=5),
                 fixed=Scenario(framework=Framework.KERAS, activation=SOFTMAX, width=5, loss=SPARSE, expects=PROBS,
                                targets=INTEGER, classes=5),
                 label="Dense(10, softmax) on 5 classes, sparse labels"),
        ),
        headline="Keras raises for to_categorical(y, 5) into Dense(10); with sparse labels the 5 extra units hold "
                 "{unused_mass_start} of the probability mass at the start ({unused_mass_end} after training)",
        numbers=numbers,
    ),
    doc="rules/CE303.md",
)
