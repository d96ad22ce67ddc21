"""Full-batch SGD on a single dense layer under one objective, recording what a user sees."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import List, Optional, Tuple

import numpy as np

from celint.facts import (
    LOG_SOFTMAX,
    PROBABILITY_ACTIVATIONS,
    SIGMOID,
    Framework,
    ReplayOptions,
    Scenario,
)

from .data import Dataset, initial_weights
from .errors import FrameworkError
from .metrics import ACCURACY_NAMES, keras_accuracy, keras_accuracy_metric
from .objectives import Objective

STEPS = 100
LEARNING_RATE = 0.5
# Float rounding must not decide a number a document shows: rounding differs between CPUs (BLAS kernels
# sum in different orders). CE302's optax run ends with every class's logit equal, so which one argmax
# picks, and the last digits of the vanishing gradient, would be rounding noise.
TIE = 1e-9  # top two outputs closer than this (relative) are a tie, and a tie predicts no class
GRADIENT_NOISE = 1e-12  # a gradient norm below this fraction of the first one is rounding noise: 0
# A chaotic run (one that float rounding steers: float32 and float64 part ways after a few steps) must not
# show exact end figures. Each run is repeated from initial weights changed by a few float32 roundings;
# end figures that move more than CHAOS_TOLERANCE (relative) are shown as the range over all the nudges.
NUDGES = (2.0**-20, -(2.0**-20), 2.0**-18, -(2.0**-18))  # relative changes of the initial weights
CHAOS_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Spread:
    """The end figures of a chaotic run, as (lowest, highest) over the run and its nudged repeats."""

    runs: int
    loss_end: Tuple[float, float]
    grad_norm_end: Tuple[float, float]
    accuracy_end: Tuple[float, float]


@dataclass(frozen=True)
class Outcome:
    """One configuration trained on one backend. Numbers are None when it raised."""

    loss_curve: Tuple[float, ...] = ()  # STEPS + 1 values: before each update, then at the end
    grad_norms: Tuple[float, ...] = ()  # ‖∇(W, b)‖ at the same points
    accuracy_start: Optional[float] = None
    accuracy_end: Optional[float] = None
    error: Optional[str] = None
    error_step: Optional[int] = None
    outputs: str = ""
    warnings: Tuple[str, ...] = ()
    final: Optional[np.ndarray] = field(default=None, compare=False, repr=False)  # outputs at the end
    spread: Optional[Spread] = None  # set when the run is chaotic: its end figures are not reproducible
    metric: str = ""  # for metrics=["accuracy"]: the metric Keras picks, reported in metric_start / metric_end
    metric_start: Optional[float] = None
    metric_end: Optional[float] = None

    @property
    def chaotic(self) -> bool:
        return self.spread is not None

    @property
    def loss_start(self) -> Optional[float]:
        return self.loss_curve[0] if self.loss_curve else None

    @property
    def loss_end(self) -> Optional[float]:
        return self.loss_curve[-1] if self.loss_curve and self.error is None else None

    @property
    def grad_norm_start(self) -> Optional[float]:
        return self.grad_norms[0] if self.grad_norms else None

    @property
    def grad_norm_end(self) -> Optional[float]:
        return self.grad_norms[-1] if self.grad_norms and self.error is None else None


def _threshold(sc: Scenario, opts: ReplayOptions) -> float:
    if opts.threshold is not None:
        return opts.threshold
    if sc.activation in PROBABILITY_ACTIVATIONS:
        return 0.5
    return float(np.log(0.5)) if sc.activation == LOG_SOFTMAX else 0.0


def predict(out: np.ndarray, sc: Scenario, data: Dataset, opts: ReplayOptions) -> np.ndarray:
    """What the user's prediction code would do with the model's outputs."""
    if data.multilabel:
        return (out > _threshold(sc, opts)).astype(np.int64)
    if out.shape[1] == 1:
        return (out[:, 0] > _threshold(sc, opts)).astype(np.int64)
    return _top_class(out)


def _top_class(out: np.ndarray) -> np.ndarray:
    """argmax over classes; -1 (no class, so wrong) where the top two outputs are finite and tie."""
    top_two = np.sort(out, axis=1)[:, -2:]  # nan sorts last: a row with nan is never a tie
    with np.errstate(invalid="ignore"):
        tied = np.isfinite(top_two).all(axis=1) & (top_two[:, 1] - top_two[:, 0] <= TIE * np.abs(top_two[:, 1]))
    result: np.ndarray = np.where(tied, -1, np.argmax(out, axis=1))
    return result


def accuracy(pred: np.ndarray, data: Dataset) -> float:
    if data.multilabel:
        return float(np.mean(np.all(pred == data.labels, axis=1)))  # exact match
    return float(np.mean(pred == data.labels))


def describe_outputs(out: np.ndarray, sc: Scenario, opts: ReplayOptions) -> str:
    """One phrase for what the predictions look like, with fixed formatting."""
    bad = int(np.sum(~np.isfinite(out)))
    if bad:
        return f"{bad} of {out.size} outputs are nan or inf"
    if float(np.ptp(out)) == 0.0:
        return f"every prediction is {float(out.flat[0]):.6g}"
    if out.shape[1] == 1:
        return f"outputs range from {out.min():.4g} to {out.max():.4g}"
    if sc.activation == SIGMOID:
        sums = out.sum(axis=1)
        return f"independent probabilities: rows sum to {sums.min():.3f}..{sums.max():.3f}"
    if sc.activation in PROBABILITY_ACTIVATIONS or sc.activation == LOG_SOFTMAX:
        probs = np.exp(out) if sc.activation == LOG_SOFTMAX else out
        sums = probs.sum(axis=1)
        if np.allclose(sums, 1.0, atol=1e-6):
            return f"rows sum to 1; mean top probability {probs.max(axis=1).mean():.3f}"
        return f"probabilities over classes sum to {sums.min():.3f}..{sums.max():.3f}, not 1"
    return f"raw scores range from {out.min():.4g} to {out.max():.4g}"


def train(
    objective: Objective,
    sc: Scenario,
    data: Dataset,
    opts: ReplayOptions,
    warnings: Tuple[str, ...] = (),
    steps: int = STEPS,
    lr: float = LEARNING_RATE,
    nudge: float = 0.0,
) -> Outcome:
    """Full-batch SGD from the shared initial weights (times 1 + nudge); a framework error stops training."""
    w, b = (part * (1.0 + nudge) for part in initial_weights(sc.width))
    losses: List[float] = []
    norms: List[float] = []
    acc_start: Optional[float] = None
    metric = keras_accuracy_metric(sc) if _reports_accuracy(sc) else ""
    metric_start: Optional[float] = None
    out = np.zeros((len(data.labels), sc.width))
    for step in range(steps + 1):
        with np.errstate(all="ignore"):
            z = data.x @ w + b
        try:
            loss, gz, out = objective(z)
        except FrameworkError as exc:
            return Outcome(
                tuple(losses),
                tuple(norms),
                acc_start,
                error=str(exc),
                error_step=step,
                outputs=describe_outputs(out, sc, opts) if step else "",
                warnings=warnings,
                metric=metric,
                metric_start=metric_start,
            )
        with np.errstate(all="ignore"):
            gw, gb = data.x.T @ gz, gz.sum(axis=0)
            norm = float(np.sqrt(np.sum(gw * gw) + np.sum(gb * gb)))
        if norms and norm < GRADIENT_NOISE * norms[0]:
            norm = 0.0
        losses.append(loss)
        norms.append(norm)
        if step == 0:
            acc_start = accuracy(predict(out, sc, data, opts), data)
            metric_start = keras_accuracy(out, sc, data, _top_class) if metric else None
        if step < steps:
            with np.errstate(all="ignore"):
                w, b = w - lr * gw, b - lr * gb
    return Outcome(
        tuple(losses),
        tuple(norms),
        acc_start,
        accuracy(predict(out, sc, data, opts), data),
        outputs=describe_outputs(out, sc, opts),
        warnings=warnings,
        final=out,
        metric=metric,
        metric_start=metric_start,
        metric_end=keras_accuracy(out, sc, data, _top_class) if metric else None,
    )


def _reports_accuracy(sc: Scenario) -> bool:
    return sc.framework == Framework.KERAS and any(m in ACCURACY_NAMES for m in sc.metrics)


def _ends(o: Outcome) -> Tuple[Optional[float], ...]:
    return (o.loss_end, o.grad_norm_end, o.accuracy_end)


def _moves(a: Outcome, b: Outcome) -> bool:
    """True when the nudged run b ends elsewhere than a: another error, step or end figure."""
    if (a.error, a.error_step) != (b.error, b.error_step):
        return True
    for x, y in zip(_ends(a), _ends(b)):
        if x is None or y is None or not (np.isfinite(x) and np.isfinite(y)):
            if x != y and not (x is not None and y is not None and np.isnan(x) and np.isnan(y)):
                return True
        elif abs(x - y) > CHAOS_TOLERANCE * max(1.0, abs(x)):
            return True
    return False


def train_robustly(
    objective: Objective, sc: Scenario, data: Dataset, opts: ReplayOptions, warnings: Tuple[str, ...] = ()
) -> Outcome:
    """`train`, repeated from nudged initial weights: a run whose end moves with float rounding gets the
    range of its end figures (`Outcome.spread`) instead of passing one of them off as exact."""
    outcome = train(objective, sc, data, opts, warnings)
    probe = train(objective, sc, data, opts, warnings, nudge=NUDGES[0])
    if not _moves(outcome, probe):
        return outcome
    runs = [outcome, probe, *(train(objective, sc, data, opts, warnings, nudge=n) for n in NUDGES[1:])]
    finished = [r for r in runs if r.error is None]
    if len(finished) < 2:
        return outcome  # the nudges change whether it raises: the first run's error is shown as it is
    ranges = [(min(v), max(v)) for v in zip(*(_ends(r) for r in finished))]
    spread = Spread(len(runs), *ranges)  # finished runs have every end figure
    return replace(outcome, spread=spread)
