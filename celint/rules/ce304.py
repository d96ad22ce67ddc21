"""CE304: multi-hot (multi-label) targets trained with softmax + categorical cross-entropy."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    BINARY,
    CATEGORICAL,
    LINEAR,
    MULTI_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    Array,
    DemoKit,
    DemoOutcome,
    Framework,
    Hit,
    LossUse,
    Scenario,
)

from . import _scenario, _targets
from ._numbers import accuracies, final, known
from .rule import Demo, Rule, case


def multi_hot_into_softmax(use: LossUse) -> Optional[Hit]:
    targets = use.targets
    if targets is None or targets.encoding != MULTI_HOT or _targets.single_unit(use):
        return None
    softmax_loss = use.kind == CATEGORICAL or (use.probability_targets and targets.dtype_float is True)
    if not softmax_loss or (use.head is not None and use.head.activation == SIGMOID):
        return None  # a sigmoid head under a categorical loss is CE204's finding
    message = (
        f"{use.name} trains the multi-hot {_targets.source(targets, use)} as exclusive classes; "
        "use sigmoid + binary cross-entropy"
    )
    flagged = _targets.scenario(use, targets, kind=CATEGORICAL)
    # sigmoid + binary cross-entropy, on the same width; a logits loss keeps taking the raw scores
    fixed = _scenario.fixed(flagged, loss=BINARY, activation=SIGMOID if flagged.expects == PROBS else LINEAR)
    return Hit(
        code="CE304", at=use.at, message=message, related=_targets.related(use), scenario=flagged, fixed=fixed, use=use
    )


def _recall(outcome: DemoOutcome, labels: Array) -> float:
    """Of the labels that are on, the share predicted above 0.5."""
    return float(((final(outcome) > 0.5) & (labels == 1)).sum() / (labels == 1).sum())


def numbers(kit: DemoKit) -> Dict[str, float]:
    v, tf = kit.pick("keras-torch/jax"), kit.pick("keras-tensorflow")
    labels = kit.dataset(v.flagged_scenario.classes, True).labels
    return {
        "flagged_recall": _recall(v.flagged, labels),
        "fixed_recall": _recall(v.fixed, labels),
        "tf_flagged_recall": _recall(tf.flagged, labels),
        "tf_flagged_accuracy": known(tf.flagged.accuracy_end),
        **accuracies(v),
    }


RULE = Rule(
    code="CE304",
    name="multi-hot-into-softmax",
    summary="multi-hot (multi-label) targets trained with softmax + categorical cross-entropy",
    checks=(multi_hot_into_softmax,),
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=5,
                    loss=CATEGORICAL,
                    expects=PROBS,
                    targets=MULTI_HOT,
                    classes=5,
                ),
                label="Dense(5, softmax) + categorical_crossentropy on multi-hot targets",
                activation=SIGMOID,
                loss=BINARY,
            ),
        ),
        headline="Softmax splits probability mass between the active labels: per-label recall {flagged_recall} "
        "against {fixed_recall} with sigmoid + BCE (exact-match accuracy {flagged_accuracy} vs "
        "{fixed_accuracy}; keras-tensorflow, whose fused op back-propagates softmax - y for rows summing "
        "to more than 1: recall {tf_flagged_recall}, accuracy {tf_flagged_accuracy})",
        numbers=numbers,
    ),
    doc="rules/CE304.md",
)
