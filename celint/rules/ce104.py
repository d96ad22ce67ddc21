"""CE104: a PyTorch softmax / log_softmax without `dim` (torch guesses from the rank: dim 0 for 0-, 1- and
3-D input, dim 1 otherwise)."""

from __future__ import annotations

from typing import Dict, Iterator

from celint.facts import (
    INTEGER,
    LOG_PROBS,
    LOG_SOFTMAX,
    NLL,
    DemoKit,
    FileFacts,
    Framework,
    Hit,
    ReplayOptions,
    Scenario,
)

from ._numbers import final, row_sums
from .rule import Demo, Rule, case

GROUPS = 32  # z viewed as (batch=32, seq=8, classes)
BATCH_AXIS_RANKS = (0, 1, 3)  # torch.nn.functional._get_softmax_dim: dim 0 for these ranks, else dim 1


def softmax_without_dim(facts: FileFacts) -> Iterator[Hit]:
    for event in facts.activations:
        if not event.guessed_axis:
            continue
        if event.rank in BATCH_AXIS_RANKS:
            guess = f"on this {event.rank}-D input PyTorch picks dim=0 (the batch axis)"
        else:
            guess = (
                "the implicit dim is deprecated and depends on the input's rank: PyTorch picks dim=0 for "
                "0-, 1- and 3-D inputs (the batch axis of a (batch, time, classes) output), dim=1 for 2-D "
                "and 4-D or more"
            )
        yield Hit(
            code="CE104", at=event.at, message=f"{event.head.activation} without dim: {guess}; pass dim=-1 (or dim=1)"
        )


def numbers(kit: DemoKit) -> Dict[str, float]:
    v = kit.variants[0]
    return row_sums(kit.exp(final(v.flagged)).sum(axis=1), v)  # the outputs are log-probabilities


LOG_SOFTMAX_NLL = Scenario(
    framework=Framework.PYTORCH,
    activation=LOG_SOFTMAX,
    width=4,
    loss=NLL,
    expects=LOG_PROBS,
    targets=INTEGER,
    classes=4,
)

RULE = Rule(
    code="CE104",
    name="softmax-without-dim",
    summary="PyTorch softmax / log_softmax without an explicit dim",
    checks=(softmax_without_dim,),
    demo=Demo(
        cases=(
            case(
                LOG_SOFTMAX_NLL,
                label="log_softmax without dim= on a (32, 8, 4) tensor: dim 0 is the batch",
                flagged_opts=ReplayOptions(batch_axis_groups=GROUPS),
            ),
        ),
        headline="softmax without dim= on a 3-D tensor normalises over the batch: class probabilities sum to "
        "{row_sum_min}..{row_sum_max} instead of 1, accuracy {flagged_accuracy} against {fixed_accuracy}",
        numbers=numbers,
    ),
    doc="rules/CE104.md",
)
