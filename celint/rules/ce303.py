"""CE303: the head's width differs from the number of classes the targets carry."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    NLL,
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
from celint.records import replace

from . import _targets
from ._numbers import final, known
from .rule import Demo, Rule, case


def class_count_mismatch(use: LossUse) -> Optional[Hit]:
    if use.kind == BINARY:
        return _binary_width_mismatch(use)
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
    message = (
        f"the head has {head.width} units but the {targets.encoding} targets {_targets.source(targets, use)} "
        f"{carry} {targets.classes} classes"
    )
    return Hit(
        code="CE303",
        at=head.width_at or use.at,
        message=message,
        related=(use.at,),
        scenario=_targets.scenario(use, targets),
        fixed=_targets.scenario(use, targets, width=targets.classes),
        use=use,
    )


# The loss that takes one column of class ids over several outputs, per framework.
_SPARSE_LOSS: Dict[Framework, str] = {
    Framework.KERAS: "sparse_categorical_crossentropy",
    Framework.PYTORCH: "CrossEntropyLoss",
    Framework.TF: "sparse_softmax_cross_entropy_with_logits",
    Framework.OPTAX: "softmax_cross_entropy_with_integer_labels",
}


def _multi_class_repair(use: LossUse, classes: int, sparse: bool) -> str:
    if use.framework == Framework.KERAS:
        loss = "sparse_categorical_crossentropy" if sparse else "categorical_crossentropy"
        return f"use Dense({classes}, activation='softmax') with {loss}"
    if use.framework == Framework.PYTORCH:
        return f"use {classes} outputs with CrossEntropyLoss"
    return f"use {classes} outputs with a softmax cross-entropy"


def _binary_width_mismatch(use: LossUse) -> Optional[Hit]:
    """Binary cross-entropy wants one output per target column: one 0/1 column needs one unit."""
    targets, head = use.targets, use.head
    if targets is None or head is None or head.width is None:
        return None
    if head.width >= 2 and targets.encoding == INTEGER:
        # one column of class ids against several outputs: Keras 3 raises on the shapes (N,) vs (N, 2)
        if targets.classes == 2:
            column, repair = "one 0/1 column", "use one sigmoid unit"
        else:
            column, repair = "one column of class ids", f"use {_SPARSE_LOSS.get(use.framework, 'a sparse loss')}"
        message = (
            f"{use.name} on a {head.width}-unit head, but the targets {_targets.source(targets, use)} are "
            f"{column}; {repair}"
        )
        width = 1
    elif head.width == 1 and targets.classes is not None and targets.classes > 2 and targets.encoding == INTEGER:
        # labels 0..K-1 into one sigmoid unit: targets above 1 are not probabilities
        message = (
            f"{use.name} on a 1-unit head, but the integer targets {_targets.source(targets, use)} need "
            f"{targets.classes} classes; {_multi_class_repair(use, targets.classes, sparse=True)}"
        )
        width = targets.classes
    elif (
        head.width == 1
        and targets.classes is not None
        and targets.classes >= 2
        and targets.encoding == ONE_HOT
        and not targets.binary_as_one_column
    ):
        message = (
            f"{use.name} on a 1-unit head, but the one-hot targets {_targets.source(targets, use)} carry "
            f"{targets.classes} columns; {_multi_class_repair(use, targets.classes, sparse=False)}"
        )
        width = targets.classes
    else:
        return None
    classes = targets.classes or 2
    encoding = targets.encoding or INTEGER
    flagged = Scenario(
        framework=use.framework,
        activation=LINEAR if use.expects == LOGITS else SIGMOID,
        width=head.width,
        loss=BINARY,
        expects=use.expects,
        targets=encoding,
        classes=classes,
    )
    if width == 1:
        fixed = replace(flagged, width=1)
    else:  # softmax over the classes; outside Keras the losses take logits
        keras = use.framework == Framework.KERAS
        fixed = replace(
            flagged,
            activation=SOFTMAX if keras else LINEAR,
            width=width,
            expects=PROBS if keras else LOGITS,
            loss=CATEGORICAL if encoding == ONE_HOT else SPARSE,
        )
    return Hit(
        code="CE303",
        at=head.width_at or use.at,
        message=message,
        related=(use.at,),
        scenario=flagged,
        fixed=fixed,
        use=use,
    )


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.pick("keras-torch/jax", 1)  # the sparse case: Keras raises on the one-hot one
    k, w = v.flagged_scenario.classes, v.flagged_scenario.width
    data = kit.dataset(k)
    w0, b0 = kit.initial_weights(w)
    start = kit.softmax(data.x @ w0 + b0)[:, k:].sum(axis=1).mean()  # the mass on units past the classes
    end = final(v.flagged)[:, k:].sum(axis=1).mean()
    return {
        "unused_mass_start": float(start),
        "unused_mass_end": float(end),
        "flagged_accuracy_start": known(v.flagged.accuracy_start),
        "fixed_accuracy_start": known(v.fixed.accuracy_start),
    }


RULE = Rule(
    code="CE303",
    name="class-count-mismatch",
    summary="head width differs from the number of classes the targets carry",
    checks=(class_count_mismatch,),
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=10,
                    loss=CATEGORICAL,
                    expects=PROBS,
                    targets=ONE_HOT,
                    classes=5,
                ),
                label="to_categorical(y, 5) into Dense(10, softmax)",
                width=5,
            ),
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=10,
                    loss=SPARSE,
                    expects=PROBS,
                    targets=INTEGER,
                    classes=5,
                ),
                label="Dense(10, softmax) on 5 classes, sparse labels",
                width=5,
            ),
        ),
        headline="Keras raises for to_categorical(y, 5) into Dense(10); with sparse labels the 5 extra units hold "
        "{unused_mass_start} of the probability mass at the start ({unused_mass_end} after training)",
        numbers=numbers,
    ),
    doc="rules/CE303.md",
)
