"""NumPy reference primitives: activations, cross-entropies and their gradients.

Everything is computed in float64. The only float32 detail kept is the one that
changes numbers visibly: Keras clips float32 tensors with the Python floats
1e-7 and 1 - 1e-7, so the bounds that apply are float32(1e-7) and
float32(1 - 1e-7) == 1 - 2**-23 (framework-semantics.md, section 0).

Loss functions return ``(per_element_loss, d loss / d input)``: the gradient is
of the *sum* of the returned values, so a caller that averages divides by the
count itself (see ``objectives._built``).
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

Array = np.ndarray
Pair = Tuple[np.ndarray, np.ndarray]

EPSILON = 1e-7  # keras/src/backend/config.py:_EPSILON
CLIP_LOW = float(np.float32(EPSILON))
CLIP_HIGH = float(np.float32(1.0 - EPSILON))  # == 1 - 2**-23, not 1 - 1e-7
TORCH_LOG_FLOOR = -100.0  # aten Loss.cpp: log clamped at -100
TORCH_BCE_GRAD_EPS = 1e-12  # aten binary_cross_entropy_backward denominator floor


# --- activations ------------------------------------------------------------


def softmax(z: Array, axis: int = -1) -> Array:
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    p: Array = e / np.sum(e, axis=axis, keepdims=True)
    return p


def log_softmax(z: Array, axis: int = -1) -> Array:
    shifted = z - np.max(z, axis=axis, keepdims=True)
    logp: Array = shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
    return logp


def sigmoid(z: Array) -> Array:
    z = np.asarray(z, dtype=np.float64)
    # Two branches so exp never overflows.
    ez = np.exp(-np.abs(z))
    s: Array = np.where(z >= 0, 1.0 / (1.0 + ez), ez / (1.0 + ez))
    return s


def log_sigmoid(z: Array) -> Array:
    return -np.logaddexp(0.0, -np.asarray(z, dtype=np.float64))


def sigmoid_float32(z: Array) -> Array:
    """Keras numpy backend's sigmoid, evaluated in float32 as it is there."""
    z32 = np.asarray(z, dtype=np.float32)
    one = np.float32(1.0)
    with np.errstate(over="ignore"):
        p: Array = (one / (one + np.exp(-z32))).astype(np.float64)
    return p


def softmax_vjp(p: Array, g: Array, axis: int = -1) -> Array:
    gz: Array = p * (g - np.sum(g * p, axis=axis, keepdims=True))
    return gz


def log_softmax_vjp(logp: Array, g: Array, axis: int = -1) -> Array:
    gz: Array = g - np.exp(logp) * np.sum(g, axis=axis, keepdims=True)
    return gz


def sigmoid_vjp(s: Array, g: Array) -> Array:
    gz: Array = g * s * (1.0 - s)
    return gz


# --- building blocks ----------------------------------------------------------


def keras_clip(p: Array) -> Pair:
    """Clip to the float32 bounds; the mask is where the clip passes gradient."""
    clipped = np.clip(p, CLIP_LOW, CLIP_HIGH)
    mask = ((p >= CLIP_LOW) & (p <= CLIP_HIGH)).astype(np.float64)
    return clipped, mask


def renormalise(p: Array, axis: int = -1) -> Tuple[Array, Array]:
    """Keras' ``p / sum(p)``; returns the result and the sum for the backward pass."""
    total = np.sum(p, axis=axis, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return p / total, total


def renormalise_vjp(q: Array, total: Array, gq: Array, axis: int = -1) -> Array:
    with np.errstate(divide="ignore", invalid="ignore"):
        gp: Array = (gq - np.sum(gq * q, axis=axis, keepdims=True)) / total
    return gp


def one_hot(t: Array, classes: int) -> Array:
    out = np.zeros((*t.shape, classes))
    np.put_along_axis(out, t.astype(np.int64)[..., None], 1.0, axis=-1)
    return out


# --- binary cross-entropy -------------------------------------------------------


def bce_clipped(y: Array, p: Array) -> Pair:
    """Keras ``from_logits=False``: clip to [1e-7, 1-2**-23], then the plain formula."""
    c, mask = keras_clip(p)
    loss = -(y * np.log(c) + (1.0 - y) * np.log(1.0 - c))
    grad = mask * (-y / c + (1.0 - y) / (1.0 - c))
    return loss, grad


def bce_logits(y: Array, z: Array) -> Pair:
    """Stable ``-(y·logσ(z) + (1-y)·logσ(-z))``: torch, jax, TF, optax, tf.nn."""
    loss = -(y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))
    return loss, sigmoid(z) - y


def bce_logits_pos_weight(y: Array, z: Array, pos_weight: Array) -> Pair:
    """torch BCEWithLogitsLoss(pos_weight=): the positive term weighed, ``-(w·y·logσ(z) + (1-y)·logσ(-z))``."""
    loss = -(pos_weight * y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))
    s = sigmoid(z)
    return loss, s * (pos_weight * y + 1.0 - y) - pos_weight * y


def bce_logits_numpy_backend(y: Array, z: Array) -> Pair:
    """Keras numpy backend: σ in float32, then the clip path, so capped at 16.118."""
    s = sigmoid_float32(z)
    loss, gs = bce_clipped(y, s)
    return loss, sigmoid_vjp(s, gs)


TF_LOG_LOSS_EPSILON = 1e-7  # tf.compat.v1.losses.log_loss(epsilon=1e-7)


def log_loss_tf(y: Array, p: Array) -> Pair:
    """``tf.compat.v1.losses.log_loss``: ``-(y·log(p+ε) + (1-y)·log(1-p+ε))``, no clip: an output below
    -ε or above 1+ε (raw scores) gives nan."""
    eps = TF_LOG_LOSS_EPSILON
    with np.errstate(invalid="ignore", divide="ignore"):
        loss = -(y * np.log(p + eps) + (1.0 - y) * np.log(1.0 - p + eps))
        grad = -y / (p + eps) + (1.0 - y) / (1.0 - p + eps)
    return loss, grad


def bce_torch(y: Array, p: Array) -> Pair:
    """``torch.nn.functional.binary_cross_entropy``: no clip, log clamped at -100."""
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), TORCH_LOG_FLOOR)
        log_q = np.maximum(np.log(1.0 - p), TORCH_LOG_FLOOR)
    loss = -(y * log_p + (1.0 - y) * log_q)
    grad = (p - y) / np.maximum(p * (1.0 - p), TORCH_BCE_GRAD_EPS)
    return loss, grad


# --- categorical cross-entropy ----------------------------------------------------


def cce_clipped(y: Array, p: Array, axis: int = -1) -> Pair:
    """Keras ``from_logits=False``: renormalise, clip, ``-Σ y·log p``."""
    q, total = renormalise(p, axis)
    c, mask = keras_clip(q)
    loss = -np.sum(y * np.log(c), axis=axis)
    gq = -mask * y / c
    return loss, renormalise_vjp(q, total, gq, axis)


def cce_logits(y: Array, z: Array, axis: int = -1) -> Pair:
    """``-Σ y·log_softmax(z)``; the true gradient is ``softmax·Σy - y``."""
    logp = log_softmax(z, axis)
    loss = -np.sum(y * logp, axis=axis)
    return loss, log_softmax_vjp(logp, -y, axis)


def cce_logits_fused(y: Array, z: Array, axis: int = -1) -> Pair:
    """``tf.nn.softmax_cross_entropy_with_logits``: TF's kernel back-propagates
    ``softmax - y``, which is the true gradient only when each row of y sums to 1."""
    loss, _ = cce_logits(y, z, axis)
    return loss, softmax(z, axis) - y


def scce_clipped_tf(y: Array, p: Array) -> Pair:
    """Keras TF backend SCCE on probabilities (``y`` the one-hot of the labels): clip,
    log, then a sparse softmax cross-entropy, so the renormalisation comes after the clip."""
    c, mask = keras_clip(p)
    logc = np.log(c)
    loss, glog = cce_logits(y, logc)
    return loss, mask * glog / c


def nll(t: Array, x: Array) -> Pair:
    """``torch.nn.functional.nll_loss`` per sample: ``-x[n, t_n]``, no log inside."""
    t = np.asarray(t, dtype=np.int64)
    picked = np.take_along_axis(x, t[:, None], axis=1)[:, 0]  # no 0·inf from a one-hot product
    return -picked, -one_hot(t, x.shape[1])
