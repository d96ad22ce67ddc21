"""CE104: a PyTorch softmax / log_softmax without `dim` (torch guesses dim 0 for 0-, 1- and 3-D input)."""

from __future__ import annotations

from typing import Dict, Iterator

from celint.facts import (
    INTEGER,
    LOG_PROBS,
    LOG_SOFTMAX,
    NLL,
    Case,
    DemoKit,
    FileFacts,
    Framework,
    Hit,
    ReplayOptions,
    Scenario,
)

from ._numbers import final, row_sums
from .rule import Demo, Rule

GROUPS = 32  # z viewed as (batch=32, seq=8, classes)


def softmax_without_dim(facts: FileFacts) -> Iterator[Hit]:
    for event in facts.activations:
        if event.guessed_axis:
            message = (f"{event.head.activation} without dim: PyTorch picks dim=0 (the batch axis) for 0-, 1- "
                       "and 3-D inputs; pass dim=-1 (or dim=1)")
            yield Hit(code="CE104", at=event.at, message=message)


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.variants[0]
    return row_sums(kit.exp(final(v.flagged)).sum(axis=1), v)  # the outputs are log-probabilities


LOG_SOFTMAX_NLL = Scenario(framework=Framework.PYTORCH, activation=LOG_SOFTMAX, width=4, loss=NLL, expects=LOG_PROBS,
                           targets=INTEGER, classes=4)

RULE = Rule(
    code="CE104",
    name="softmax-without-dim",
    summary="PyTorch softmax / log_softmax without an explicit dim",
    checks=(softmax_without_dim,),
    demo=Demo(
        cases=(
            Case(flagged=LOG_SOFTMAX_NLL, fixed=LOG_SOFTMAX_NLL, flagged_opts=ReplayOptions(batch_axis_groups=GROUPS),
                 label="log_softmax without dim= on a (32, 8, 4) tensor: dim 0 is the batch"),
        ),
        headline="softmax without dim= on a 3-D tensor normalises over the batch: class probabilities sum to "
                 "{row_sum_min}..{row_sum_max} instead of 1, accuracy {flagged_accuracy} against {fixed_accuracy}",
        numbers=numbers,
    ),
    doc="rules/CE104.md",
)
