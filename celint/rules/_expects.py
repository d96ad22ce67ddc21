"""What CE101 and CE102 share: the scenario a head / loss mismatch is replayed with."""

from __future__ import annotations

from celint.records import replace
from typing import Optional

from celint.facts import (
    BINARY,
    LINEAR,
    LOG_SOFTMAX,
    LOGITS,
    SIGMOID,
    SOFTMAX,
    LossUse,
    Scenario,
)


def scenario(use: LossUse) -> Optional[Scenario]:
    head = use.head
    if head is None or head.activation is None:
        return None
    activation = head.activation if head.activation in (SOFTMAX, SIGMOID, LOG_SOFTMAX) else LINEAR
    width = head.width or (1 if use.kind == BINARY else 4)
    return Scenario(framework=use.framework, activation=activation, width=width, loss=use.kind,
                    expects=use.expects, classes=max(2, width))


def fixed_scenario(use: LossUse) -> Optional[Scenario]:
    """After the fix: raw scores into a loss that expects logits; otherwise the flagged scenario unchanged."""
    flagged = scenario(use)
    if flagged is None or use.expects != LOGITS:
        return flagged
    return replace(flagged, activation=LINEAR)
