"""CE103: `log(softmax(z))` / `log(sigmoid(z))` written by hand instead of the fused, stable op."""

from __future__ import annotations

import math
from typing import Dict, Iterator

from celint.facts import (
    BINARY,
    INTEGER,
    LINEAR,
    LOG_PROBS,
    LOG_SOFTMAX,
    LOGITS,
    NLL,
    ONE_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    Activation,
    DemoKit,
    FileFacts,
    Framework,
    Hit,
    LogOfProbabilities,
    ReplayOptions,
    Scenario,
)
from celint.records import replace

from ._numbers import known
from ._text import line_of
from .rule import Demo, Rule, case

INPUT_SCALE = 40.0  # unnormalised inputs: logit gaps beyond float32's exp range


def log_of_probabilities(facts: FileFacts) -> Iterator[Hit]:
    for log in facts.logs:
        softmax = log.activation == SOFTMAX
        op = (
            "log_softmax / softmax_cross_entropy_with_logits"
            if softmax
            else "log_sigmoid / sigmoid_cross_entropy_with_logits"
        )
        message = (
            f"log of a {log.activation} ({line_of(log.source_at, log.at.path)}) underflows to -inf for "
            f"confident outputs; use {op}"
        )
        related = tuple(where for where in (log.source_at, log.call_site) if where is not None)
        yield Hit(
            code="CE103",
            at=log.at,
            message=message,
            related=related,
            scenario=_scenario_of(log),
            fixed=_fixed_of(log),
        )


def _scenario_of(log: LogOfProbabilities) -> Scenario:
    """The hand-written loss around the log, in the log's framework (numpy's and math's: replayed as tf)."""
    framework = log.framework or Framework.TF
    assumed = [] if log.framework else ["framework: tf (the log is numpy's or math's)"]
    if log.activation == SIGMOID:
        assumed.append("the loss: -(y*log(p) + (1-y)*log(1-p)) on a 0/1 column, averaged")
    else:
        assumed.append("head width: 4 units")
        torch = framework == Framework.PYTORCH
        assumed.append("targets: class indices into nll_loss" if torch else "targets: one-hot, -sum(y * log(p))")
    return replace(hand_written(framework, log.activation), assumed=tuple(assumed))


def hand_written(framework: Framework, activation: Activation) -> Scenario:
    """`-(y*log(p) + (1-y)*log(1-p))` of a sigmoid on a 0/1 column, or `-sum(y * log(softmax(z)))` over 4
    classes (one-hot targets; torch: `nll_loss(log(p), t)` on class indices)."""
    if activation == SIGMOID:
        return Scenario(
            framework=framework, activation=SIGMOID, width=1, loss=BINARY, expects=PROBS, targets=INTEGER, classes=2
        )
    torch = framework == Framework.PYTORCH
    return Scenario(
        framework=framework,
        activation=SOFTMAX,
        width=4,
        loss=NLL,
        expects=LOG_PROBS,
        targets=INTEGER if torch else ONE_HOT,
        classes=4,
    )


def _fixed_of(log: LogOfProbabilities) -> Scenario:
    """log_softmax, or the framework's binary cross-entropy on logits (log_sigmoid)."""
    flagged = _scenario_of(log)
    if flagged.activation == SIGMOID:
        return replace(flagged, activation=LINEAR, expects=LOGITS)
    return replace(flagged, activation=LOG_SOFTMAX)


def _confident_wrong(kit: DemoKit, gap: float) -> Dict[str, float]:
    """Per-sample loss when the true class trails the top logit by `gap` (4 classes)."""
    z = kit.array([[gap, 0.0, 0.0, 0.0]])
    p32 = kit.softmax_float32(z)
    return {
        "naive": float(-kit.log(p32)[0, 1]),
        "fused": float(-kit.log_softmax(z)[0, 1]),
        "keras_clipped": float(kit.cce_clipped(kit.array([[0.0, 1.0, 0.0, 0.0]]), p32)[0][0]),
    }


def numbers(kit: DemoKit) -> Dict[str, float]:
    found: Dict[str, float] = {}
    for gap in (10, 50, 100, 200):
        for key, value in _confident_wrong(kit, gap).items():
            found[f"gap{gap}_{key}"] = value
    v = kit.variants[0]
    nan_step = next((i for i, g in enumerate(v.flagged.grad_norms) if not math.isfinite(g)), -1)
    found.update(fixed_loss_start=known(v.fixed.loss_start), fixed_loss_end=known(v.fixed.loss_end), nan_step=nan_step)
    sig = kit.variants[1]  # BCE written from log(sigmoid(z)) and log(1 - sigmoid(z))
    found.update(
        sigmoid_nan_step=next((i for i, x in enumerate(sig.flagged.loss_curve) if not math.isfinite(x)), -1),
        sigmoid_fixed_loss_end=known(sig.fixed.loss_end),
    )
    return found


RULE = Rule(
    code="CE103",
    name="hand-written-log-of-probabilities",
    summary="log of a softmax / sigmoid written by hand instead of the fused, stable op",
    checks=(log_of_probabilities,),
    demo=Demo(
        cases=(
            case(
                hand_written(Framework.PYTORCH, SOFTMAX),
                label="torch.log(softmax(z)) + NLLLoss, unnormalised inputs (x40)",
                flagged_opts=ReplayOptions(naive_log=True, input_scale=INPUT_SCALE),
                fixed_opts=ReplayOptions(input_scale=INPUT_SCALE),
                activation=LOG_SOFTMAX,
            ),
            case(
                hand_written(Framework.TF, SIGMOID),
                label="-(y*log(tf.sigmoid(z)) + (1-y)*log(1 - tf.sigmoid(z))), unnormalised inputs (x40)",
                flagged_opts=ReplayOptions(naive_log=True, input_scale=INPUT_SCALE),
                fixed_opts=ReplayOptions(input_scale=INPUT_SCALE),
                activation=LINEAR,
                expects=LOGITS,
            ),
        ),
        headline="log(softmax(z)) underflows in float32: a confident wrong prediction 200 logits off costs "
        "{gap200_naive} (Keras clips to {gap200_keras_clipped}) instead of {gap200_fused}; training from "
        "unnormalised inputs (x40) gets a nan gradient at step {nan_step} and every weight turns nan, "
        "while log_softmax goes {fixed_loss_start} -> {fixed_loss_end}; binary cross-entropy written from "
        "log(sigmoid(z)) and log(1 - sigmoid(z)) is nan from step {sigmoid_nan_step} (a sigmoid rounded to 1 "
        "gives log(0)), while sigmoid_cross_entropy_with_logits goes to {sigmoid_fixed_loss_end}",
        numbers=numbers,
    ),
    doc="rules/CE103.md",
)
