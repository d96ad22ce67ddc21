"""The key numbers of each demonstration and the one-sentence headline built from them."""

from __future__ import annotations

import math
from typing import Callable, Dict, Optional, Sequence

import numpy as np

from . import primitives as P
from .data import initial_weights, make_dataset
from .training import Outcome

Facts = Dict[str, float]


def _pick(variants: Sequence, backend: str, index: int = 0):
    found = [v for v in variants if v.backend == backend]
    return found[index] if len(found) > index else variants[0]


def _f(x: Optional[float]) -> str:
    if x is None:
        return "n/a"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.4f}" if x == 0 or abs(x) >= 1e-3 else f"{x:.3e}"


def _error_of(variants: Sequence) -> str:
    return next((v.flagged.error for v in variants if v.flagged.error), "")


def _positive_rate() -> float:
    return float(np.mean(make_dataset(2).labels))


def _ce101(variants: Sequence) -> Facts:
    k = variants[0].flagged_scenario.width
    v = _pick(variants, "keras-torch/jax")
    return {
        "loss_floor": math.log(1 + (k - 1) / math.e),
        "classes": k,
        "flagged_loss_end": v.flagged.loss_end,
        "fixed_loss_end": v.fixed.loss_end,
        "grad_ratio_start": v.flagged.grad_norm_start / v.fixed.grad_norm_start,
    }


def _ce102(variants: Sequence) -> Facts:
    nll = _pick(variants, "pytorch")
    data = make_dataset(2)
    w, b = initial_weights(1)
    z = data.x @ w + b
    stuck = (z < P.CLIP_LOW) | (z > P.CLIP_HIGH)
    return {
        "nll_loss_start": nll.flagged.loss_start,
        "nll_loss_end": nll.flagged.loss_end,
        "keras_zero_grad_fraction_start": float(np.mean(stuck)),
    }


def _confident_wrong(gap: float) -> Dict[str, float]:
    """Per-sample loss when the true class trails the top logit by ``gap`` (4 classes)."""
    z = np.array([[gap, 0.0, 0.0, 0.0]])
    p32 = P.softmax(z.astype(np.float32)).astype(np.float64)
    with np.errstate(divide="ignore"):
        naive = float(-np.log(p32[0, 1]))
    fused = float(-P.log_softmax(z)[0, 1])
    keras = float(P.cce_clipped(np.array([[0.0, 1.0, 0.0, 0.0]]), p32)[0][0])
    return {"naive": naive, "fused": fused, "keras_clipped": keras}


def _ce103(variants: Sequence) -> Facts:
    facts: Facts = {}
    for gap in (10, 50, 100, 200):
        for key, value in _confident_wrong(gap).items():
            facts[f"gap{gap}_{key}"] = value
    v = variants[0]
    nan_step = next((i for i, g in enumerate(v.flagged.grad_norms) if not math.isfinite(g)), -1)
    facts.update(fixed_loss_start=v.fixed.loss_start, fixed_loss_end=v.fixed.loss_end, nan_step=nan_step)
    return facts


def _accuracies(v) -> Facts:
    return {"flagged_accuracy": v.flagged.accuracy_end, "fixed_accuracy": v.fixed.accuracy_end}


def _row_sum_facts(sums: np.ndarray, v) -> Facts:
    """How far the flagged outputs' rows are from summing to 1, and both accuracies."""
    return {"row_sum_min": float(sums.min()), "row_sum_max": float(sums.max()), **_accuracies(v)}


def _row_sums(o: Outcome) -> np.ndarray:
    return np.exp(o.final).sum(axis=1) if o.final is not None else np.array([math.nan])


def _ce104(variants: Sequence) -> Facts:
    v = variants[0]
    return _row_sum_facts(_row_sums(v.flagged), v)


def _ce105(variants: Sequence) -> Facts:
    v = _pick(variants, "keras-torch/jax")
    return {"reported_start": v.flagged.accuracy_start, "true_start": v.fixed.accuracy_start,
            "reported_end": v.flagged.accuracy_end, "true_end": v.fixed.accuracy_end}


def _ce201(variants: Sequence) -> Facts:
    pi = _positive_rate()
    tail = 1 - P.CLIP_HIGH  # 2**-23: Keras clips the constant 1.0 to 1 - tail; -log(1 - tail) ~ tail
    return {"positive_rate": pi, "constant_loss": (1 - pi) * -math.log(tail) + pi * tail,
            "pytorch_constant_loss": (1 - pi) * -P.TORCH_LOG_FLOOR}


def _ce202(variants: Sequence) -> Facts:
    pi = _positive_rate()
    torch_float = _pick(variants, "pytorch", 0)
    return {"constant_loss": pi * -math.log(P.CLIP_HIGH),
            "pytorch_loss": torch_float.flagged.loss_end}


def _binary_accuracy(o: Outcome, onehot: np.ndarray) -> float:
    return float(np.mean((o.final > 0.5) == onehot)) if o.final is not None else math.nan


def _ce203(variants: Sequence) -> Facts:
    v = _pick(variants, "keras-torch/jax")
    k = v.flagged_scenario.width
    onehot = P.one_hot(make_dataset(k).labels, k)
    return {"all_zeros_binary_accuracy": (k - 1) / k,
            "flagged_binary_accuracy": _binary_accuracy(v.flagged, onehot), **_accuracies(v)}


def _ce204(variants: Sequence) -> Facts:
    v = _pick(variants, "keras-torch/jax")
    return _row_sum_facts(v.flagged.final.sum(axis=1), v)


def _ce302(variants: Sequence) -> Facts:
    v = _pick(variants, "optax")
    return {"optax_accuracy": v.flagged.accuracy_end, "fixed_accuracy": v.fixed.accuracy_end}


def _ce303(variants: Sequence) -> Facts:
    v = _pick(variants, "keras-torch/jax", 1)
    k, w = v.flagged_scenario.classes, v.flagged_scenario.width
    data = make_dataset(k)
    w0, b0 = initial_weights(w)
    start = P.softmax(data.x @ w0 + b0)[:, k:].sum(axis=1).mean()
    end = v.flagged.final[:, k:].sum(axis=1).mean()
    return {"unused_mass_start": float(start), "unused_mass_end": float(end),
            "flagged_accuracy_start": v.flagged.accuracy_start, "fixed_accuracy_start": v.fixed.accuracy_start}


def _recall(o: Outcome, labels: np.ndarray) -> float:
    return float(np.sum((o.final > 0.5) & (labels == 1)) / np.sum(labels == 1))


def _ce304(variants: Sequence) -> Facts:
    v = _pick(variants, "keras-torch/jax")
    labels = make_dataset(v.flagged_scenario.classes, True).labels
    return {"flagged_recall": _recall(v.flagged, labels), "fixed_recall": _recall(v.fixed, labels),
            **_accuracies(v)}


FACTS: Dict[str, Callable[[Sequence], Facts]] = {
    "CE101": _ce101, "CE102": _ce102, "CE103": _ce103, "CE104": _ce104, "CE105": _ce105,
    "CE201": _ce201, "CE202": _ce202, "CE203": _ce203, "CE204": _ce204, "CE302": _ce302,
    "CE303": _ce303, "CE304": _ce304,
}

TEMPLATES: Dict[str, str] = {
    "CE101": "Softmax applied twice: the loss cannot fall below log(1+(K-1)/e) = {loss_floor} for K={classes}; "
             "after 100 steps it is {flagged_loss_end} against {fixed_loss_end}, with {grad_ratio_start}x the "
             "initial gradient (keras-tensorflow silently undoes a tagged softmax)",
    "CE102": "NLLLoss on raw scores is -mean z[t]: it goes negative without bound ({nll_loss_start} -> "
             "{nll_loss_end} in 100 steps); Keras clips raw scores, so {keras_zero_grad_fraction_start} of the "
             "samples get exactly zero gradient; torch BCELoss raises",
    "CE103": "log(softmax(z)) underflows in float32: a confident wrong prediction 200 logits off costs "
             "{gap200_naive} (Keras clips to {gap200_keras_clipped}) instead of {gap200_fused}; training from "
             "unnormalised inputs (x40) gets a nan gradient at step {nan_step} and every weight turns nan, while "
             "log_softmax goes "
             "{fixed_loss_start} -> {fixed_loss_end}",
    "CE104": "softmax without dim= on a 3-D tensor normalises over the batch: class probabilities sum to "
             "{row_sum_min}..{row_sum_max} instead of 1, accuracy {flagged_accuracy} against {fixed_accuracy}",
    "CE105": "Thresholding logits at 0.5 misreports accuracy: {reported_start} reported vs {true_start} true at "
             "the start, {reported_end} vs {true_end} after training",
    "CE201": "Softmax over one unit outputs 1.0 for every input: the loss stays at (1-pi)*15.942385 = "
             "{constant_loss}, the gradient is exactly 0, and accuracy is P(y=1) = {positive_rate}",
    "CE202": "A categorical loss on one unit is constant ({constant_loss} = pi*2**-23 in Keras, "
             "{pytorch_loss} for torch CrossEntropyLoss) with exactly zero gradient",
    "CE203": "binary_accuracy of the all-zeros predictor is already (K-1)/K = {all_zeros_binary_accuracy}; "
             "BCE on a softmax reports {flagged_binary_accuracy} while its real accuracy is "
             "{flagged_accuracy} (CCE: {fixed_accuracy})",
    "CE204": "categorical_crossentropy renormalises sigmoid outputs: they sum to {row_sum_min}..{row_sum_max} "
             "per row, accuracy {flagged_accuracy} against {fixed_accuracy} with softmax",
    "CE302": "Keras raises on integer labels; optax broadcasts them silently (loss_i = -t_i*sum_j log p_ij, "
             "0 for class 0) and reaches accuracy {optax_accuracy} against {fixed_accuracy}",
    "CE303": "Keras raises for to_categorical(y, 5) into Dense(10); with sparse labels the 5 extra units hold "
             "{unused_mass_start} of the probability mass at the start ({unused_mass_end} after training)",
    "CE304": "Softmax splits probability mass between the active labels: per-label recall {flagged_recall} "
             "against {fixed_recall} with sigmoid + BCE (exact-match accuracy {flagged_accuracy} vs {fixed_accuracy})",
}


def facts_for(code: str, variants: Sequence) -> Facts:
    fn = FACTS.get(code)
    try:
        return fn(variants) if fn else {}
    except (AttributeError, TypeError, ValueError, ZeroDivisionError):  # a custom pair lacks a number
        return {}


def _generic(variants: Sequence) -> str:
    error = _error_of(variants)
    if error:
        return f"The flagged configuration raises instead of training: {error}"
    v = variants[0]
    return (f"Flagged: loss {_f(v.flagged.loss_start)} -> {_f(v.flagged.loss_end)}, accuracy "
            f"{_f(v.flagged.accuracy_end)}; fixed: loss {_f(v.fixed.loss_start)} -> {_f(v.fixed.loss_end)}, "
            f"accuracy {_f(v.fixed.accuracy_end)} (prior {_f(v.prior)})")


def headline_for(code: str, variants: Sequence, facts: Facts) -> str:
    """The code's template filled with ``facts``; without them (custom scenarios) a generic line."""
    template = TEMPLATES.get(code)
    if template is None or not facts:
        return _generic(variants)
    try:
        return template.format(**{k: _f(v) if isinstance(v, float) else v for k, v in facts.items()})
    except (KeyError, TypeError):  # custom scenarios may lack a fact
        return _generic(variants)
