"""CE102: a loss that expects probabilities or log-probabilities receives raw scores or probabilities."""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from celint.facts import (
    BINARY,
    INTEGER,
    LINEAR,
    LOG_PROBS,
    LOG_SOFTMAX,
    LOGITS,
    NLL,
    PROBABILITY_ACTIVATIONS,
    PROBS,
    DemoKit,
    Edit,
    EditKind,
    Fix,
    Framework,
    Hit,
    LossUse,
    Scenario,
    is_raw,
)

from . import _expects
from ._numbers import known
from ._text import head_phrase, head_related
from .rule import Demo, Rule, case


def raw_scores_into_probability_loss(use: LossUse) -> Optional[Hit]:
    head = use.head
    if head is None or head.activation is None:
        return None
    if use.expects == PROBS and is_raw(head.activation):
        got = "raw scores" if head.activation == LINEAR else f"{head.activation} outputs"
        if use.framework == Framework.KERAS:
            activation = "sigmoid" if use.kind == BINARY else "softmax"
            repair = f"set from_logits=True or add a {activation}"
        elif use.framework == Framework.TF:
            repair = "apply tf.sigmoid first, or use tf.nn.sigmoid_cross_entropy_with_logits on the raw scores"
        else:
            repair = "use BCEWithLogitsLoss on the raw scores"
        message = f"{use.name} expects probabilities but {head_phrase(head, use.at.path)} gives {got}; {repair}"
    elif use.expects == LOG_PROBS and (is_raw(head.activation) or head.activation in PROBABILITY_ACTIVATIONS):
        got = "probabilities" if head.activation in PROBABILITY_ACTIVATIONS else "raw scores"
        message = (
            f"{use.name} expects log-probabilities but {head_phrase(head, use.at.path)} gives {got} "
            "(the loss goes negative); use log_softmax or CrossEntropyLoss"
        )
    else:
        return None
    return Hit(
        code="CE102",
        at=use.from_logits_at or use.at,
        message=message,
        related=head_related(head),
        scenario=_expects.scenario(use),
        fixed=_expects.fixed_scenario(use),
        use=use,
    )


def probabilities_again(hit: Hit, use: LossUse) -> Optional[Fix]:
    """A linear Keras head into a probability loss. The safe fix gives the head the activation the loss
    expects: `predict` returns probabilities again, as its callers (`> 0.5`, argmax) assume. The other
    repair, `from_logits=True`, leaves the head's outputs logits; it is the unsafe alternative, and
    it moves 0.5-threshold metrics of a one-unit head to 0 with it."""
    head = use.head
    if use.framework != Framework.KERAS or use.expects != PROBS or head is None or head.activation != LINEAR:
        return None
    activation = "sigmoid" if use.kind == BINARY else "softmax"
    written = head.activation_at is None or head.activation_at == head.width_at
    if head.width_at is not None and head.serves == 1 and (written or head.activation_source.startswith("activation")):
        return Fix(
            description=f'add activation="{activation}" to the head: the loss expects probabilities',
            edits=(Edit(kind=EditKind.SET_KEYWORD, at=head.width_at, value=f'"{activation}"', keyword="activation"),),
        )
    return _from_logits_true(use)


def _from_logits_true(use: LossUse) -> Optional[Fix]:
    if use.serves > 1:  # the loss object serves other heads too: setting from_logits breaks them
        return None
    if use.from_logits_at is not None:
        edit = Edit(kind=EditKind.SET_ARGUMENT, at=use.from_logits_at, value="True")
    elif use.name.endswith(")"):  # a loss object constructed here; a string loss has no keyword to set
        edit = Edit(kind=EditKind.SET_KEYWORD, at=use.at, value="True", keyword="from_logits")
    else:
        return None
    metrics = _metrics_for_logits(use) if use.kind == BINARY and use.head and use.head.width == 1 else ()
    if metrics is None:
        return None
    return Fix(
        description="set from_logits=True (the head keeps returning raw scores; changes what "
        "predict() means to its callers)",
        safe=False,
        edits=(edit, *metrics),
    )


def _metrics_for_logits(use: LossUse) -> Optional[Tuple[Edit, ...]]:
    """Each metric that thresholds at 0.5 made to threshold the logits at 0; None when one cannot be."""
    edits = []
    for metric in use.metrics:
        if not metric.threshold_at_half:
            continue
        if metric.by_name:  # "accuracy": Keras would pick BinaryAccuracy at 0.5
            edits.append(
                Edit(
                    kind=EditKind.REPLACE_WITH_CALL,
                    at=metric.at,
                    value="metrics.BinaryAccuracy(threshold=0.0)",
                    like=use.at,
                )
            )
        elif metric.name.startswith("AUC"):
            edits.append(Edit(kind=EditKind.SET_KEYWORD, at=metric.at, value="True", keyword="from_logits"))
        elif metric.name.startswith(("Precision", "Recall")):
            edits.append(Edit(kind=EditKind.SET_KEYWORD, at=metric.at, value="0.0", keyword="thresholds"))
        elif metric.name.startswith("BinaryAccuracy"):
            edits.append(Edit(kind=EditKind.SET_KEYWORD, at=metric.at, value="0.0", keyword="threshold"))
        else:
            return None
    return tuple(edits)


def numbers(kit: DemoKit) -> Dict[str, float]:
    nll = kit.pick("pytorch")
    data = kit.dataset(2)
    w, b = kit.initial_weights(1)
    z = data.x @ w + b
    stuck = (z < kit.clip_low) | (z > kit.clip_high)  # Keras clips these: no gradient passes
    return {
        "nll_loss_start": known(nll.flagged.loss_start),
        "nll_loss_end": known(nll.flagged.loss_end),
        "keras_zero_grad_fraction_start": float(stuck.mean()),
    }


RULE = Rule(
    code="CE102",
    name="scores-into-probability-loss",
    summary="a loss that expects probabilities or log-probabilities receives raw scores or probabilities",
    checks=(raw_scores_into_probability_loss,),
    fix=probabilities_again,
    demo=Demo(
        cases=(
            case(
                Scenario(
                    framework=Framework.PYTORCH,
                    activation=LINEAR,
                    width=4,
                    loss=NLL,
                    expects=LOG_PROBS,
                    targets=INTEGER,
                    classes=4,
                ),
                label="NLLLoss on raw scores",
                activation=LOG_SOFTMAX,
            ),
            case(
                Scenario(framework=Framework.KERAS, activation=LINEAR, width=1, loss=BINARY, expects=PROBS),
                label="binary_crossentropy (from_logits=False) on a linear Dense(1)",
                expects=LOGITS,
            ),
            case(
                Scenario(framework=Framework.PYTORCH, activation=LINEAR, width=1, loss=BINARY, expects=PROBS),
                label="BCELoss on raw scores",
                expects=LOGITS,
            ),
        ),
        headline="NLLLoss on raw scores is -mean z[t]: it goes negative without bound ({nll_loss_start} -> "
        "{nll_loss_end} in 100 steps); Keras clips raw scores, so {keras_zero_grad_fraction_start} of the "
        "samples get exactly zero gradient; torch BCELoss raises",
        numbers=numbers,
    ),
    doc="rules/CE102.md",
)
