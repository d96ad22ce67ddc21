"""CE105: a metric that thresholds at 0.5 on a single-logit head trained with from_logits=True."""

from __future__ import annotations

from typing import Dict, Iterator

from celint.facts import (
    BINARY,
    LINEAR,
    LOGITS,
    DemoKit,
    Framework,
    Hit,
    LossUse,
    ReplayOptions,
    Scenario,
    is_raw,
)

from . import _scenario
from ._numbers import known
from ._text import head_phrase, head_related
from .rule import Demo, Rule, case


def threshold_metric_on_logits(use: LossUse) -> Iterator[Hit]:
    head = use.head
    if use.kind != BINARY or use.expects != LOGITS or head is None:
        return
    if head.width != 1 or not is_raw(head.activation):
        return
    for metric in use.metrics:
        if metric.threshold_at_half:
            message = (
                f"{metric.name} thresholds at 0.5 but {head_phrase(head, use.at.path)} outputs logits; "
                f"use {_logit_metric(metric.name)}"
            )
            # the same training; what the fix changes is the metric's threshold (the case's ReplayOptions)
            scenario = _scenario.from_use(use)
            yield Hit(
                code="CE105",
                at=metric.at,
                message=message,
                related=head_related(head),
                scenario=scenario,
                fixed=scenario,
                use=use,
            )


def _logit_metric(name: str) -> str:
    if name.startswith("AUC"):
        return "AUC(from_logits=True)"
    if name.startswith(("Precision", "Recall")):
        return name[:-2] + "(thresholds=0.0)"
    return "BinaryAccuracy(threshold=0.0)"


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.pick("keras-torch/jax")  # the fixed side reports the true accuracy (threshold 0 on logits)
    return {
        "reported_start": known(v.flagged.accuracy_start),
        "true_start": known(v.fixed.accuracy_start),
        "reported_end": known(v.flagged.accuracy_end),
        "true_end": known(v.fixed.accuracy_end),
    }


KERAS_LOGIT = Scenario(framework=Framework.KERAS, activation=LINEAR, width=1, loss=BINARY, expects=LOGITS)
PYTORCH_LOGIT = Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=BINARY, expects=LOGITS)

RULE = Rule(
    code="CE105",
    name="threshold-metric-on-logits",
    summary="a metric that thresholds at 0.5 on a single-logit head trained with from_logits=True",
    checks=(threshold_metric_on_logits,),
    demo=Demo(
        cases=(
            case(
                KERAS_LOGIT, label="BinaryAccuracy (threshold 0.5) on logits", flagged_opts=ReplayOptions(threshold=0.5)
            ),
            case(PYTORCH_LOGIT, label="(logits > 0.5) as the prediction", flagged_opts=ReplayOptions(threshold=0.5)),
        ),
        headline="Thresholding logits at 0.5 misreports accuracy: {reported_start} reported vs {true_start} true at "
        "the start, {reported_end} vs {true_end} after training",
        numbers=numbers,
    ),
    doc="rules/CE105.md",
)
