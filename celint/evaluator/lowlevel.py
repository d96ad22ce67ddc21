"""optax and tf.nn objectives: no clipping; the reduction is the user's ``.mean()``."""

from __future__ import annotations

import numpy as np

from celint.facts import CATEGORICAL, INTEGER, NLL, SPARSE, Scenario

from . import errors as E
from . import primitives as P
from .data import Dataset
from .objectives import Built, Options, _index_check, _objective, _safe_one_hot, encode_targets


# --- optax (no clipping, no reduction: the user's .mean()) and tf.nn -----------------------


def _broadcast_labels(labels: np.ndarray, n: int, w: int) -> np.ndarray:
    try:
        full = np.broadcast_shapes(labels.shape, (n, w))
    except ValueError:
        raise E.FrameworkError(E.optax_broadcast(labels.shape, (n, w))) from None
    if full != (n, w):
        raise E.FrameworkError(E.optax_broadcast(labels.shape, (n, w)))
    return np.broadcast_to(labels, (n, w))


def optax(sc: Scenario, data: Dataset, opts: Options) -> Built:
    n, w = len(data.labels), sc.width
    tgt = encode_targets(data, sc.targets, sc.classes)
    if sc.loss == SPARSE:
        if tgt.ndim == 2:
            raise E.FrameworkError(E.OPTAX_INTEGER_DTYPE)
        t = tgt.astype(np.int64)
        t = np.where(t < 0, t % w, t)  # -1 wraps to the last class
        y = _safe_one_hot(t, w)
        missing = ~((t >= 0) & (t < w))  # take_along_axis fills NaN, silently

        def sparse_step(out: np.ndarray, z: np.ndarray):
            # logsumexp(z) - take_along_axis(z, t): the NaN fill passes no gradient, the
            # logsumexp does, so a row with an out-of-range label still pulls by softmax(z)
            per, grad = P.cce_logits(y, out)
            return np.where(missing, np.nan, per), grad + missing[:, None] * P.softmax(out), False

        return Built(_objective(sc, opts, sparse_step))
    if sc.loss == NLL:
        raise ValueError("optax has no NLL loss")
    labels = tgt.astype(np.float64)
    if labels.ndim == 1:
        labels = labels[:, None]  # the silent (N,1) case: labels[:, None]
    y = _broadcast_labels(labels, n, w)
    if sc.loss == CATEGORICAL:
        return Built(_objective(sc, opts, lambda out, z: P.cce_logits(y, out) + (False,)))
    return Built(_objective(sc, opts, lambda out, z: P.bce_logits(y, out) + (False,)))


def tf_nn(sc: Scenario, data: Dataset, opts: Options) -> Built:
    n, w = len(data.labels), sc.width
    tgt = encode_targets(data, sc.targets, sc.classes)
    if sc.loss == SPARSE:
        t = tgt.astype(np.int64)
        _index_check(t, w, "tf")
        y = P.one_hot(t, w)
        return Built(_objective(sc, opts, lambda out, z: P.cce_logits(y, out) + (False,)))
    y = tgt.astype(np.float64)
    if y.ndim == 1 and w == 1 and sc.targets == INTEGER:
        y = y[:, None]
    if y.shape != (n, w):
        raise E.FrameworkError(
            "ValueError: `logits` and `labels` must have the same shape, "
            f"received ({(n, w)} vs {y.shape})."
        )
    if sc.loss == CATEGORICAL:
        return Built(_objective(sc, opts, lambda out, z: P.cce_logits_fused(y, out) + (False,)))
    return Built(_objective(sc, opts, lambda out, z: P.bce_logits(y, out) + (False,)))
