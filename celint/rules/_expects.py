"""What CE101 and CE102 share: the scenario a head / loss mismatch is replayed with, and its fix."""

from __future__ import annotations

from typing import Optional

from celint.facts import (
    LINEAR,
    LOG_PROBS,
    LOG_SOFTMAX,
    LOGITS,
    PROBS,
    Framework,
    LossUse,
    Scenario,
)

from . import _scenario


def scenario(use: LossUse) -> Optional[Scenario]:
    head = use.head
    if head is None or head.activation is None:
        return None
    return _scenario.from_use(use)


def fixed_scenario(use: LossUse) -> Optional[Scenario]:
    """The fix the message proposes, applied: raw scores into a logits loss (or, for Keras with from_logits
    written, from_logits=False: the autofix); a logits loss for raw scores into a probability loss;
    log_softmax for a log-probability loss."""
    flagged = scenario(use)
    if flagged is None:
        return None
    if use.expects == LOGITS:
        if use.framework == Framework.KERAS and use.from_logits_at is not None:
            return _scenario.fixed(flagged, expects=PROBS)
        return _scenario.fixed(flagged, activation=LINEAR)
    if use.expects == LOG_PROBS:
        return _scenario.fixed(flagged, activation=LOG_SOFTMAX)
    return _scenario.fixed(flagged, expects=LOGITS)
