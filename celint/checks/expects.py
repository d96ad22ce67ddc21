"""CE1xx: what the loss expects (probabilities, logits, log-probabilities) against what it receives."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Optional

from celint.checks._text import head_phrase, head_related, line_of
from celint.extract import FileFacts
from celint.facts import BINARY, LINEAR, LOG_PROBS, LOG_SOFTMAX, LOGITS, PROBABILITY_ACTIVATIONS, PROBS, SIGMOID, SOFTMAX, Hit, LossUse, Scenario
from celint.knowledge.activations import is_raw


def _scenario(use: LossUse) -> Optional[Scenario]:
    head = use.head
    if head is None or head.activation is None:
        return None
    act = head.activation if head.activation in (SOFTMAX, SIGMOID, LOG_SOFTMAX) else LINEAR
    width = head.width or (1 if use.kind == BINARY else 4)
    return Scenario(use.framework, act, width, use.kind, use.expects, classes=max(2, width))


def probabilities_into_logits_loss(use: LossUse) -> Optional[Hit]:
    """CE101: a loss that expects logits receives softmax / sigmoid output."""
    head = use.head
    if use.expects != LOGITS or head is None or head.activation not in PROBABILITY_ACTIVATIONS:
        return None
    if use.framework == "keras":
        fix = f"drop the {head.activation} or set from_logits=False"
    elif use.framework == "pytorch":
        fix = "return raw scores from forward"
    else:
        fix = f"pass the logits from before the {head.activation}"
    message = f"{use.name} expects logits but gets {head_phrase(head, use.at.path)}; {fix}"
    return Hit("CE101", use.from_logits_at or use.at, message, head_related(head), _scenario(use),
               _fixed(use))


def raw_scores_into_probability_loss(use: LossUse) -> Optional[Hit]:
    """CE102: a loss that expects probabilities / log-probabilities receives something else."""
    head = use.head
    if head is None or head.activation is None:
        return None
    if use.expects == PROBS and is_raw(head.activation):
        got = "raw scores" if head.activation == LINEAR else f"{head.activation} outputs"
        if use.framework == "keras":
            act = "sigmoid" if use.kind == BINARY else "softmax"
            fix = f"set from_logits=True or add a {act}"
        else:
            fix = "use BCEWithLogitsLoss on the raw scores"
        message = f"{use.name} expects probabilities but {head_phrase(head, use.at.path)} gives {got}; {fix}"
    elif use.expects == LOG_PROBS and (is_raw(head.activation) or head.activation in PROBABILITY_ACTIVATIONS):
        got = "probabilities" if head.activation in PROBABILITY_ACTIVATIONS else "raw scores"
        message = (f"{use.name} expects log-probabilities but {head_phrase(head, use.at.path)} gives {got} "
                   "(the loss goes negative); use log_softmax or CrossEntropyLoss")
    else:
        return None
    return Hit("CE102", use.from_logits_at or use.at, message, head_related(head), _scenario(use),
               _fixed(use))


def threshold_metric_on_logits(use: LossUse) -> Iterator[Hit]:
    """CE105: a metric that thresholds at 0.5 on a single-logit head trained from logits."""
    head = use.head
    if use.kind != BINARY or use.expects != LOGITS or head is None:
        return
    if head.width != 1 or not is_raw(head.activation):
        return
    for metric in use.metrics:
        if metric.threshold_at_half:
            message = (f"{metric.name} thresholds at 0.5 but {head_phrase(head, use.at.path)} outputs logits; "
                       f"use {_logit_metric(metric.name)}")
            scenario = Scenario(use.framework, LINEAR, 1, BINARY, LOGITS)
            yield Hit("CE105", metric.at, message, head_related(head), scenario, scenario)


def _logit_metric(name: str) -> str:
    if name.startswith("AUC"):
        return "AUC(from_logits=True)"
    if name.startswith(("Precision", "Recall")):
        return name[:-2] + "(thresholds=0.0)"
    return "BinaryAccuracy(threshold=0.0)"


def log_of_probabilities(facts: FileFacts) -> Iterator[Hit]:
    """CE103: `log(softmax(z))` / `log(sigmoid(z))` written by hand instead of the fused stable op."""
    for log in facts.logs:
        op = "log_softmax / softmax_cross_entropy_with_logits" if log.activation == SOFTMAX else "log_sigmoid / sigmoid_cross_entropy_with_logits"
        message = (f"log of a {log.activation} ({line_of(log.source_at, log.at.path)}) underflows to -inf for "
                   f"confident outputs; use {op}")
        scenario = Scenario("tf", log.activation, 4 if log.activation == SOFTMAX else 1, "categorical" if log.activation == SOFTMAX else BINARY, PROBS)
        yield Hit("CE103", log.at, message, (log.source_at,) if log.source_at else (), scenario, None)


def softmax_without_dim(facts: FileFacts) -> Iterator[Hit]:
    """CE104: a PyTorch softmax / log_softmax without `dim` (torch guesses dim 0 for 3-D input)."""
    for event in facts.activations:
        if event.guessed_axis:
            message = (f"{event.head.activation} without dim: PyTorch picks dim=0 (the batch axis) for 0-, 1- "
                       "and 3-D inputs; pass dim=-1 (or dim=1)")
            yield Hit("CE104", event.at, message, (), None, None)


def _fixed(use: LossUse) -> Optional[Scenario]:
    """After the fix: raw scores into a loss that expects logits; otherwise the flagged scenario unchanged."""
    scenario = _scenario(use)
    if scenario is None or use.expects != LOGITS:
        return scenario
    return replace(scenario, activation=LINEAR)
