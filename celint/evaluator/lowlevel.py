"""optax and tf.nn objectives: no clipping; the reduction is the user's ``.mean()``."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from celint.facts import BINARY, CATEGORICAL, INTEGER, NLL, PROBS, SPARSE, ReplayOptions, Scenario

from . import errors as E
from . import primitives as P
from . import settings
from .data import Dataset
from .objectives import Built, _built, _index_check, _safe_one_hot, _smoothed, encode_targets

# --- optax (no clipping, no reduction: the user's .mean()) and tf.nn -----------------------


def _broadcast_labels(labels: np.ndarray, n: int, w: int) -> np.ndarray:
    try:
        full = np.broadcast_shapes(labels.shape, (n, w))
    except ValueError:
        full = None
    if full != (n, w):
        raise E.FrameworkError(E.optax_broadcast(labels.shape, (n, w)))
    return np.broadcast_to(labels, (n, w))


def _by_hand(sc: Scenario, tgt: np.ndarray, opts: ReplayOptions, n: int, w: int) -> Built:
    """NLL written by hand on log-probabilities: ``-sum(y * x, axis=-1)`` with one-hot y (jnp / tf
    arithmetic broadcasts like numpy), or ``-x[n, t_n]`` with class indices."""
    if tgt.ndim == 1:
        t = tgt.astype(np.int64)
        _index_check(t, w, "numpy")
        return _built(sc, opts, P.nll, t)
    y = _broadcast_labels(tgt.astype(np.float64), n, w)

    def manual(onehot: np.ndarray, x: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        with np.errstate(invalid="ignore"):
            return -np.sum(onehot * x, axis=1), -onehot  # 0 * log(0) is nan, as in TF and jnp

    return _built(sc, opts, manual, y)


def optax(sc: Scenario, data: Dataset, opts: ReplayOptions) -> Built:
    n, w = len(data.labels), sc.width
    tgt = encode_targets(data, sc.targets, sc.classes)
    if sc.loss == NLL:
        return _by_hand(sc, tgt, opts, n, w)
    if sc.loss == SPARSE:
        if tgt.ndim == 2:
            raise E.FrameworkError(E.OPTAX_INTEGER_DTYPE)
        t = tgt.astype(np.int64)
        t = np.where(t < 0, t % w, t)  # -1 wraps to the last class
        y = _safe_one_hot(t, w)
        missing = ~((t >= 0) & (t < w))  # take_along_axis fills NaN, silently

        def sparse_loss(onehot: np.ndarray, out: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
            # logsumexp(z) - take_along_axis(z, t): the NaN fill passes no gradient, the
            # logsumexp does, so a row with an out-of-range label still pulls by softmax(z)
            per, grad = P.cce_logits(onehot, out)
            return np.where(missing, np.nan, per), grad + missing[:, None] * P.softmax(out)

        return _built(sc, opts, sparse_loss, y)
    labels = tgt.astype(np.float64)
    if labels.ndim == 1:
        labels = labels[:, None]  # the silent (N,1) case: labels[:, None]
    y = _broadcast_labels(labels, n, w)
    return _built(sc, opts, P.cce_logits if sc.loss == CATEGORICAL else P.bce_logits, y)


def _tf_softmax_cross_entropy(sc: Scenario, opts: ReplayOptions, y: np.ndarray, n: int, w: int) -> Built:
    """The kernel broadcasts labels against logits, (N,) labels taken as [1, N]. (N, K) labels on one unit
    broadcast the logits instead: the loss is log K, and its gradient fails to reshape back to (N, 1)."""
    labels = y[None, :] if y.ndim == 1 else y
    try:
        full = np.broadcast_shapes(labels.shape, (n, w))
    except ValueError:
        full = None
    if full is None or full[0] != n:
        raise E.FrameworkError(E.tf_not_broadcastable((n, w), y.shape))
    if full != (n, w):
        raise E.FrameworkError(E.tf_reshape(n * full[1], n * w))
    return _built(sc, opts, P.cce_logits_fused, np.broadcast_to(labels, full))


def tf_nn(sc: Scenario, data: Dataset, opts: ReplayOptions) -> Built:
    n, w = len(data.labels), sc.width
    tgt = encode_targets(data, sc.targets, sc.classes)
    if sc.loss == NLL:
        return _by_hand(sc, tgt, opts, n, w)
    if sc.loss == SPARSE:
        t = tgt.astype(np.int64)
        if t.ndim != 1:
            raise E.FrameworkError(E.tf_sparse_labels_rank(t.shape, (n, w)))
        _index_check(t, w, "tf")
        return _built(sc, opts, P.cce_logits, P.one_hot(t, w))
    y = tgt.astype(np.float64)
    if y.ndim == 1 and w == 1 and sc.targets == INTEGER:
        y = y[:, None]
    if y.shape == (n, w):
        y = _smoothed(y, settings.read(sc).label_smoothing, sc.loss, w)  # tf.compat.v1.losses(label_smoothing=)
    if sc.loss == CATEGORICAL:
        return _tf_softmax_cross_entropy(sc, opts, y, n, w)
    if y.shape != (n, w):
        raise E.FrameworkError(E.tf_logits_labels_shape((n, w), y.shape))
    if sc.loss == BINARY and sc.expects == PROBS:  # tf.compat.v1.losses.log_loss, on probabilities
        return _built(sc, opts, P.log_loss_tf, y)
    return _built(sc, opts, P.bce_logits, y)


def hand_bce(sc: Scenario, data: Dataset, opts: ReplayOptions) -> Built:
    """Binary cross-entropy written out, ``-(y*log(p) + (1-y)*log(1-p))`` with p a float32 sigmoid and no clip
    (the same arithmetic in numpy, tf, torch and jnp): once p rounds to 1, log(1-p) is -inf, and the
    backward pass multiplies inf by the sigmoid's zero slope: nan, as autograd gives."""
    n, w = len(data.labels), sc.width
    y = encode_targets(data, sc.targets, sc.classes).astype(np.float64).reshape(n, -1)
    if y.shape != (n, w):
        raise E.FrameworkError(E.optax_broadcast(y.shape, (n, w)))

    def evaluate(z: np.ndarray) -> Tuple[float, np.ndarray, np.ndarray]:
        p = P.sigmoid_float32(z)
        with np.errstate(all="ignore"):
            per = -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
            count = per.size
            dp = (-y / count) / p + ((1.0 - y) / count) / (1.0 - p)
            return float(np.sum(per) / count), dp * p * (1.0 - p), p

    return Built(evaluate)
