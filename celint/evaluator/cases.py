"""The canonical flagged / fixed configuration pairs, one list per rule code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOG_PROBS,
    LOG_SOFTMAX,
    LOGITS,
    MULTI_HOT,
    NLL,
    ONE_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Scenario,
)

from .objectives import Options

CE103_INPUT_SCALE = 40.0  # unnormalised inputs: logit gaps beyond float32's exp range
CE104_GROUPS = 32  # z viewed as (batch=32, seq=8, classes)


@dataclass(frozen=True)
class Case:
    flagged: Scenario
    fixed: Scenario
    flagged_opts: Options = Options()
    fixed_opts: Options = Options()
    label: str = ""  # says what the case shows when a code has several


def S(fw: str, act: str, width: int, loss: str, expects: str, targets: str = INTEGER, classes: int = 2) -> Scenario:
    return Scenario(fw, act, width, loss, expects, targets, classes)


CASES: Dict[str, Tuple[Case, ...]] = {
    "CE101": (
        Case(S("keras", SOFTMAX, 4, SPARSE, LOGITS, INTEGER, 4),
             S("keras", LINEAR, 4, SPARSE, LOGITS, INTEGER, 4),
             label="Dense(4, softmax) + SparseCategoricalCrossentropy(from_logits=True)"),
        Case(S("pytorch", SOFTMAX, 4, SPARSE, LOGITS, INTEGER, 4),
             S("pytorch", LINEAR, 4, SPARSE, LOGITS, INTEGER, 4),
             label="CrossEntropyLoss on softmax outputs"),
        Case(S("optax", SIGMOID, 1, BINARY, LOGITS), S("optax", LINEAR, 1, BINARY, LOGITS),
             label="sigmoid_binary_cross_entropy on sigmoid outputs"),
        Case(S("tf", SOFTMAX, 4, CATEGORICAL, LOGITS, ONE_HOT, 4), S("tf", LINEAR, 4, CATEGORICAL, LOGITS, ONE_HOT, 4),
             label="tf.nn.softmax_cross_entropy_with_logits on tf.nn.softmax outputs"),
    ),
    "CE102": (
        Case(S("pytorch", LINEAR, 4, NLL, LOG_PROBS, INTEGER, 4),
             S("pytorch", LOG_SOFTMAX, 4, NLL, LOG_PROBS, INTEGER, 4),
             label="NLLLoss on raw scores"),
        Case(S("keras", LINEAR, 1, BINARY, PROBS), S("keras", LINEAR, 1, BINARY, LOGITS),
             label="binary_crossentropy (from_logits=False) on a linear Dense(1)"),
        Case(S("pytorch", LINEAR, 1, BINARY, PROBS), S("pytorch", LINEAR, 1, BINARY, LOGITS),
             label="BCELoss on raw scores"),
    ),
    "CE103": (
        Case(S("pytorch", SOFTMAX, 4, NLL, LOG_PROBS, INTEGER, 4),
             S("pytorch", LOG_SOFTMAX, 4, NLL, LOG_PROBS, INTEGER, 4),
             Options(naive_log=True, input_scale=CE103_INPUT_SCALE), Options(input_scale=CE103_INPUT_SCALE),
             label="torch.log(softmax(z)) + NLLLoss, unnormalised inputs (x40)"),
    ),
    "CE104": (
        Case(S("pytorch", LOG_SOFTMAX, 4, NLL, LOG_PROBS, INTEGER, 4),
             S("pytorch", LOG_SOFTMAX, 4, NLL, LOG_PROBS, INTEGER, 4),
             Options(batch_axis_groups=CE104_GROUPS),
             label="log_softmax without dim= on a (32, 8, 4) tensor: dim 0 is the batch"),
    ),
    "CE105": (
        Case(S("keras", LINEAR, 1, BINARY, LOGITS),
             S("keras", LINEAR, 1, BINARY, LOGITS), Options(threshold=0.5),
             label="BinaryAccuracy (threshold 0.5) on logits"),
        Case(S("pytorch", LINEAR, 1, BINARY, LOGITS),
             S("pytorch", LINEAR, 1, BINARY, LOGITS), Options(threshold=0.5),
             label="(logits > 0.5) as the prediction"),
    ),
    "CE201": (
        Case(S("keras", SOFTMAX, 1, BINARY, PROBS), S("keras", SIGMOID, 1, BINARY, PROBS),
             label="Dense(1, softmax) + binary_crossentropy"),
        Case(S("pytorch", SOFTMAX, 1, BINARY, PROBS), S("pytorch", SIGMOID, 1, BINARY, PROBS),
             label="softmax(dim=1) over one column + BCELoss"),
    ),
    "CE202": (
        Case(S("keras", SIGMOID, 1, CATEGORICAL, PROBS), S("keras", SIGMOID, 1, BINARY, PROBS),
             label="Dense(1, sigmoid) + categorical_crossentropy"),
        Case(S("pytorch", LINEAR, 1, CATEGORICAL, LOGITS), S("pytorch", LINEAR, 1, BINARY, LOGITS),
             label="CrossEntropyLoss on one column, float targets (N, 1)"),
        Case(S("pytorch", LINEAR, 1, SPARSE, LOGITS), S("pytorch", LINEAR, 1, BINARY, LOGITS),
             label="CrossEntropyLoss on one column, class-index targets {0, 1}"),
    ),
    "CE203": (
        Case(S("keras", SOFTMAX, 4, BINARY, PROBS, ONE_HOT, 4),
             S("keras", SOFTMAX, 4, CATEGORICAL, PROBS, ONE_HOT, 4),
             label="Dense(4, softmax) + binary_crossentropy"),
    ),
    "CE204": (
        Case(S("keras", SIGMOID, 4, CATEGORICAL, PROBS, ONE_HOT, 4),
             S("keras", SOFTMAX, 4, CATEGORICAL, PROBS, ONE_HOT, 4),
             label="Dense(4, sigmoid) + categorical_crossentropy"),
    ),
    "CE301": (
        Case(S("keras", SOFTMAX, 4, SPARSE, PROBS, ONE_HOT, 4),
             S("keras", SOFTMAX, 4, CATEGORICAL, PROBS, ONE_HOT, 4),
             label="sparse_categorical_crossentropy with to_categorical targets"),
        Case(S("pytorch", LINEAR, 4, SPARSE, LOGITS, ONE_HOT, 4),
             S("pytorch", LINEAR, 4, SPARSE, LOGITS, INTEGER, 4),
             label="CrossEntropyLoss with F.one_hot (Long) targets"),
    ),
    "CE302": (
        Case(S("keras", SOFTMAX, 4, CATEGORICAL, PROBS, INTEGER, 4),
             S("keras", SOFTMAX, 4, SPARSE, PROBS, INTEGER, 4),
             label="categorical_crossentropy with integer labels"),
        Case(S("optax", LINEAR, 4, CATEGORICAL, LOGITS, INTEGER, 4),
             S("optax", LINEAR, 4, SPARSE, LOGITS, INTEGER, 4),
             label="optax.softmax_cross_entropy(logits, labels[:, None])"),
    ),
    "CE303": (
        Case(S("keras", SOFTMAX, 10, CATEGORICAL, PROBS, ONE_HOT, 5),
             S("keras", SOFTMAX, 5, CATEGORICAL, PROBS, ONE_HOT, 5),
             label="to_categorical(y, 5) into Dense(10, softmax)"),
        Case(S("keras", SOFTMAX, 10, SPARSE, PROBS, INTEGER, 5),
             S("keras", SOFTMAX, 5, SPARSE, PROBS, INTEGER, 5),
             label="Dense(10, softmax) on 5 classes, sparse labels"),
    ),
    "CE304": (
        Case(S("keras", SOFTMAX, 5, CATEGORICAL, PROBS, MULTI_HOT, 5),
             S("keras", SIGMOID, 5, BINARY, PROBS, MULTI_HOT, 5),
             label="Dense(5, softmax) + categorical_crossentropy on multi-hot targets"),
    ),
}
