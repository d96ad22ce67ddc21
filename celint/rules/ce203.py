"""CE203: binary cross-entropy on exclusive classes. Found two ways: on a softmax head of more than two
units, and (the targets half) on a multi-unit sigmoid head trained on single-label one-hot targets."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import (
    BINARY,
    CATEGORICAL,
    LINEAR,
    LOGITS,
    ONE_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    Array,
    DemoKit,
    DemoOutcome,
    Framework,
    Hit,
    KerasApi,
    LossUse,
    Scenario,
)

from . import _scenario, _targets
from ._numbers import accuracies, final, known
from ._text import head_phrase, head_related
from .rule import Demo, Rule, case


def binary_loss_on_softmax(use: LossUse) -> Optional[Hit]:
    head = use.head
    if use.kind != BINARY or head is None or head.activation != SOFTMAX or head.width is None or head.width <= 2:
        return None
    accuracy = any(m.by_name in ("accuracy", "acc") for m in use.metrics)
    note = ""
    if accuracy and use.api_version == KerasApi.TF_COMPAT_V1:
        note = "; tf.compat.v1 graph mode also inflates 'accuracy'"
    elif accuracy and use.api_version == KerasApi.KERAS:
        note = "; Keras <= 2.3 also inflates 'accuracy'"
    message = (
        f"{use.name} on {head_phrase(head, use.at.path)} trains exclusive classes as independent; "
        f"use categorical cross-entropy{note}"
    )
    flagged = _scenario.from_use(use, encoding=None if use.targets else ONE_HOT)
    fixed = _scenario.fixed(flagged, loss=CATEGORICAL)
    return Hit(
        code="CE203", at=use.at, message=message, related=head_related(head), scenario=flagged, fixed=fixed, use=use
    )


def binary_loss_on_single_label_one_hot(use: LossUse) -> Optional[Hit]:
    """Sigmoid + binary cross-entropy over more than two units on single-label one-hot targets."""
    targets, head = use.targets, use.head
    if targets is None or targets.encoding != ONE_HOT or use.kind != BINARY or head is None:
        return None
    sigmoid = head.activation == SIGMOID or (head.activation == LINEAR and use.expects == LOGITS)
    units = head.width or targets.classes
    if not sigmoid or units is None or units <= 2:
        return None  # without one-hot evidence a multi-unit sigmoid is multi-label, which is right
    message = (
        f"{use.name} on {head_phrase(head, use.at.path)}, but {_targets.source(targets, use)} is "
        "single-label one-hot; use softmax + categorical cross-entropy"
    )
    flagged = _targets.scenario(use, targets, kind=BINARY, activation=SIGMOID, width=units)
    fixed = _targets.scenario(use, targets, kind=CATEGORICAL, activation=SOFTMAX, width=units)
    return Hit(
        code="CE203", at=use.at, message=message, related=_targets.related(use), scenario=flagged, fixed=fixed, use=use
    )


def _binary_accuracy(outcome: DemoOutcome, onehot: Array) -> float:
    """What Keras' binary_accuracy reports: every output thresholded at 0.5 against the one-hot row."""
    return float(((final(outcome) > 0.5) == onehot).mean())


def numbers(kit: DemoKit) -> Dict[str, float]:
    v, tf = kit.pick("keras-torch/jax"), kit.pick("keras-tensorflow")
    k = v.flagged_scenario.width
    onehot = kit.one_hot(kit.dataset(k).labels, k)
    return {
        "all_zeros_binary_accuracy": (k - 1) / k,
        "flagged_binary_accuracy": _binary_accuracy(v.flagged, onehot),
        "tf_flagged_binary_accuracy": _binary_accuracy(tf.flagged, onehot),
        "tf_flagged_accuracy": known(tf.flagged.accuracy_end),
        **accuracies(v),
    }


RULE = Rule(
    code="CE203",
    name="binary-loss-on-exclusive-classes",
    summary="binary cross-entropy on exclusive classes (a softmax head of more than two units)",
    checks=(binary_loss_on_softmax, binary_loss_on_single_label_one_hot),
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.KERAS,
                    activation=SOFTMAX,
                    width=4,
                    loss=BINARY,
                    expects=PROBS,
                    targets=ONE_HOT,
                    classes=4,
                ),
                label="Dense(4, softmax) + binary_crossentropy",
                loss=CATEGORICAL,
            ),
        ),
        headline="binary_accuracy of the all-zeros predictor is already (K-1)/K = {all_zeros_binary_accuracy}; "
        "BCE on a softmax reports {flagged_binary_accuracy} while its real accuracy is "
        "{flagged_accuracy} (CCE: {fixed_accuracy}); keras-tensorflow, which applies BCE to the softmax's "
        "logits, reports {tf_flagged_binary_accuracy} for a real {tf_flagged_accuracy}",
        numbers=numbers,
    ),
    doc="rules/CE203.md",
)
