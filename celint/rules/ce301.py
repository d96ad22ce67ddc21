"""CE301: one-hot targets into a loss that expects class indices."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    NLL,
    ONE_HOT,
    PROBS,
    SOFTMAX,
    SPARSE,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from . import _scenario, _targets
from .rule import Demo, Rule, case

# What to use instead, per framework of the loss that received one-hot targets.
_REPAIR: Dict[Framework, str] = {
    Framework.KERAS: "use categorical_crossentropy",
    Framework.TF: "use softmax_cross_entropy_with_logits",
    Framework.OPTAX: "use optax.softmax_cross_entropy",
    Framework.PYTORCH: "pass class indices",
}


def one_hot_into_sparse_loss(use: LossUse) -> Optional[Hit]:
    targets = use.targets
    if targets is None or targets.encoding != ONE_HOT or use.kind not in (SPARSE, NLL) or _targets.single_unit(use):
        return None
    if use.probability_targets and targets.dtype_float is not False:
        return None  # float one-hot rows are valid class probabilities for CrossEntropyLoss
    head = use.head
    if targets.binary_as_one_column and head is not None and head.width is not None and head.width <= 2:
        return None  # LabelBinarizer gives two classes one 0/1 column: valid class indices
    message = (
        f"{use.name} expects class indices, gets one-hot {_targets.source(targets, use)}; "
        f"{_REPAIR.get(use.framework, 'pass class indices')}"
    )
    flagged = _targets.scenario(use, targets)
    # torch: pass the class indices; elsewhere the categorical loss that takes the one-hot rows
    fixed = (
        _scenario.fixed(flagged, targets=INTEGER, target_float=None)
        if use.framework == Framework.PYTORCH
        else _scenario.fixed(flagged, loss=CATEGORICAL)
    )
    return Hit(
        code="CE301",
        at=use.at,
        message=message,
        related=_targets.related(use),
        scenario=flagged,
        fixed=fixed,
        use=use,
    )


RULE = Rule(
    code="CE301",
    name="one-hot-into-sparse-loss",
    summary="one-hot targets into a loss that expects class indices",
    checks=(one_hot_into_sparse_loss,),
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=4,
                    loss=SPARSE,
                    expects=PROBS,
                    targets=ONE_HOT,
                    classes=4,
                ),
                label="sparse_categorical_crossentropy with to_categorical targets",
                loss=CATEGORICAL,
            ),
            case(
                Scenario(
                    framework=Framework.PYTORCH,
                    activation=LINEAR,
                    width=4,
                    loss=SPARSE,
                    expects=LOGITS,
                    targets=ONE_HOT,
                    classes=4,
                ),
                label="CrossEntropyLoss with F.one_hot (Long) targets",
                targets=INTEGER,
            ),
        ),
        # no headline: every flagged configuration raises, which the generic line quotes
    ),
    doc="rules/CE301.md",
)
