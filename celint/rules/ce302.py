"""CE302: integer class indices into a loss that expects one-hot targets."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    PROBS,
    SOFTMAX,
    SPARSE,
    DemoKit,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from . import _scenario, _targets
from ._numbers import known
from .rule import Demo, Rule, case

# What to use instead, per framework of the loss that received class indices.
_REPAIR: Dict[Framework, str] = {
    Framework.KERAS: "use sparse_categorical_crossentropy",
    Framework.TF: "use sparse_softmax_cross_entropy_with_logits",
    Framework.OPTAX: "use softmax_cross_entropy_with_integer_labels",
}


def indices_into_one_hot_loss(use: LossUse) -> Optional[Hit]:
    targets = use.targets
    if targets is None or targets.encoding != INTEGER or use.kind != CATEGORICAL or _targets.single_unit(use):
        return None
    message = (
        f"{use.name} expects one-hot targets, gets class indices {_targets.source(targets, use)}; "
        f"{_REPAIR.get(use.framework, 'one-hot encode the labels')}"
    )
    flagged = _targets.scenario(use, targets)
    return Hit(
        code="CE302",
        at=use.at,
        message=message,
        related=_targets.related(use),
        scenario=flagged,
        fixed=_scenario.fixed(flagged, loss=SPARSE),
        use=use,
    )


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.pick("optax")
    return {"optax_accuracy": known(v.flagged.accuracy_end), "fixed_accuracy": known(v.fixed.accuracy_end)}


RULE = Rule(
    code="CE302",
    name="indices-into-one-hot-loss",
    summary="integer class indices into a loss that expects one-hot targets",
    checks=(indices_into_one_hot_loss,),
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=4,
                    loss=CATEGORICAL,
                    expects=PROBS,
                    targets=INTEGER,
                    classes=4,
                ),
                label="categorical_crossentropy with integer labels",
                loss=SPARSE,
            ),
            case(
                Scenario(
                    framework=Framework.OPTAX,
                    activation=LINEAR,
                    width=4,
                    loss=CATEGORICAL,
                    expects=LOGITS,
                    targets=INTEGER,
                    classes=4,
                ),
                label="optax.softmax_cross_entropy(logits, labels[:, None])",
                loss=SPARSE,
            ),
        ),
        headline="Keras raises on integer labels; optax broadcasts them silently (loss_i = -t_i*sum_j log p_ij, "
        "0 for class 0) and ends with every class's logit equal: accuracy {optax_accuracy} (a tie counts "
        "as wrong) against {fixed_accuracy}",
        numbers=numbers,
    ),
    doc="rules/CE302.md",
)
