"""A Scenario on one backend becomes an objective ``z -> (loss, dloss/dz, outputs)``.

``z`` are the model's pre-activation logits, shape (N, width). The objective
applies the head's activation, the framework's loss with that backend's
semantics, and the reduction the framework uses by default. Shape and dtype
mistakes raise :class:`FrameworkError` with the framework's own text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from celint.facts import (
    BINARY,
    CATEGORICAL,
    LOG_SOFTMAX,
    LOGITS,
    MULTI_HOT,
    NLL,
    ONE_HOT,
    PROBABILITY_ACTIVATIONS,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Encoding,
    Framework,
    LossKind,
    ReplayOptions,
    Scenario,
)

from . import errors as E
from . import primitives as P
from . import settings
from .data import Dataset

Objective = Callable[[np.ndarray], Tuple[float, np.ndarray, np.ndarray]]
# A loss: (targets, its input) -> (per-item losses, gradient w.r.t. that input), as in primitives
LossFn = Callable[[np.ndarray, np.ndarray], Tuple[np.ndarray, np.ndarray]]
# The backward pass of an activation: d loss / d output -> d loss / d z
Vjp = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Built:
    objective: Objective
    warnings: Tuple[str, ...] = ()


def encode_targets(data: Dataset, encoding: Encoding, classes: int) -> np.ndarray:
    if data.multilabel or encoding == MULTI_HOT:
        return np.asarray(data.labels, dtype=np.float64)
    if encoding == ONE_HOT:
        return P.one_hot(np.asarray(data.labels), classes)
    return np.asarray(data.labels)


def _activate(sc: Scenario, opts: ReplayOptions, z: np.ndarray) -> Tuple[np.ndarray, Vjp]:
    """Returns the activation output and its vector-Jacobian product."""
    shape = z.shape
    axis = -1
    if opts.batch_axis_groups:
        # torch's implicit dim for a 3-D tensor is 0: the batch axis.
        z = z.reshape(opts.batch_axis_groups, -1, shape[-1])
        axis = 0
    if sc.activation == SOFTMAX and opts.naive_log:
        p = P.softmax(z.astype(np.float32), axis).astype(np.float64)  # underflows to 0
        with np.errstate(divide="ignore"):
            out = np.log(p)

        def vjp(g: np.ndarray) -> np.ndarray:
            with np.errstate(all="ignore"):  # 0 * inf = nan, as autograd gives
                return P.softmax_vjp(p, g.reshape(p.shape) / p, axis).reshape(shape)

        return out.reshape(shape), vjp
    if sc.activation == SOFTMAX:
        # float32 like the frameworks' tensors: 1 - p near saturation depends on it
        out = P.softmax(z.astype(np.float32), axis).astype(np.float32).astype(np.float64)
        return out.reshape(shape), lambda g: P.softmax_vjp(out, g.reshape(out.shape), axis).reshape(shape)
    if sc.activation == LOG_SOFTMAX:
        out = P.log_softmax(z, axis)
        return out.reshape(shape), lambda g: P.log_softmax_vjp(out, g.reshape(out.shape), axis).reshape(shape)
    if sc.activation == SIGMOID:
        out = P.sigmoid_float32(z)
        return out.reshape(shape), lambda g: P.sigmoid_vjp(out, g)
    return z.reshape(shape), lambda g: g


def _built(
    sc: Scenario,
    opts: ReplayOptions,
    loss: LossFn,
    target: np.ndarray,
    on_logits: bool = False,
    warnings: Sequence[str] = (),
    weights: Optional[np.ndarray] = None,
    divisor: Optional[float] = None,
) -> Built:
    """``loss(target, ·)`` of the activation output, or of the logits z themselves when ``on_logits``,
    each item times its weight (per sample, or per element for the binary losses), summed and divided by
    ``divisor`` (default: the number of items, the frameworks' mean)."""

    def evaluate(z: np.ndarray) -> Tuple[float, np.ndarray, np.ndarray]:
        out, vjp = _activate(sc, opts, z)
        with np.errstate(all="ignore"):
            per, grad = loss(target, z if on_logits else out)
            if weights is not None:
                per, grad = per * _spread(weights, per.shape), grad * _spread(weights, grad.shape)
            count = per.size if divisor is None else divisor  # per element for binary losses, per sample otherwise
            value = float(np.sum(per) / count)
            gz = grad / count if on_logits else vjp(grad / count)
        return value, gz, out

    return Built(evaluate, tuple(warnings))


def _spread(weights: np.ndarray, shape: Tuple[int, ...]) -> np.ndarray:
    """Per-sample weights over a row's columns; per-element weights as they are."""
    return weights if weights.shape == shape else weights.reshape(len(weights), *([1] * (len(shape) - 1)))


def _index_check(t: np.ndarray, width: int, backend: str, negative_ok: bool = False) -> None:
    bad = np.flatnonzero((t >= width) | ((t < 0) & (not negative_ok)))
    if bad.size:
        raise E.FrameworkError(E.label_out_of_range(int(t[bad[0]]), width, backend))


def _safe_one_hot(t: np.ndarray, width: int) -> np.ndarray:
    """One-hot that leaves out-of-range rows all zero (jax's and numpy's -1)."""
    ok = (t >= 0) & (t < width)
    y = np.zeros((t.size, width))
    y[np.flatnonzero(ok), t[ok]] = 1.0
    return y


# --- Keras 3 -------------------------------------------------------------------


def _keras_same_rank(y: np.ndarray, n: int, width: int) -> np.ndarray:
    # losses/loss.py:squeeze_or_expand_to_same_rank, for y_true (N,) and y_pred (N,1)
    if y.ndim == 1 and width == 1:
        return y[:, None]
    return y


def _smoothed(y: np.ndarray, smoothing: float, loss: LossKind, width: int) -> np.ndarray:
    """Keras / TF label smoothing: towards 1/2 for a binary loss, towards 1/classes for a categorical one."""
    if not smoothing:
        return y
    return y * (1.0 - smoothing) + smoothing * (0.5 if loss == BINARY else 1.0 / width)


def _keras_class_weights(tgt: np.ndarray, class_weight: Dict[int, float]) -> np.ndarray:
    """fit(class_weight=) as Keras turns it into sample weights: the argmax of a target row (rounded for
    a single column), a class the dict does not name weighing 1 (data_adapter_utils)."""
    classes = np.argmax(tgt, axis=-1) if tgt.ndim > 1 and tgt.shape[-1] != 1 else tgt.reshape(len(tgt))
    ids = np.round(classes).astype(np.int64)
    return np.array([class_weight.get(int(c), 1.0) for c in ids])


def keras_tf_reads_logits(sc: Scenario) -> bool:
    """Whether Keras on TensorFlow computes the loss from the logits behind a softmax / sigmoid output
    (backend/tensorflow/nn.py:_get_logits), whatever `from_logits` says. A Keras activation tags its
    output with them (`_keras_logits`); in a graph (`sc.traced`: `model.fit` unless `run_eagerly=True`, a
    `@tf.function`), an untagged `tf.nn.softmax` / `tf.nn.sigmoid` is read back too when its op is the one
    the loss looks for (Softmax for the categorical losses, Sigmoid for the binary one). Eagerly only the
    tag counts."""
    if sc.activation not in PROBABILITY_ACTIVATIONS:
        return False
    looked_for = SIGMOID if sc.loss == BINARY else SOFTMAX
    return sc.tagged or (sc.traced and sc.activation == looked_for)


def keras(sc: Scenario, backend: str, data: Dataset, opts: ReplayOptions) -> Built:
    """backend: "tensorflow", "torch", "jax" or "numpy"."""
    n, w = len(data.labels), sc.width
    st = settings.read(sc)
    tgt = encode_targets(data, sc.targets, sc.classes)
    shown = "torch" if backend == "torch" else "numpy"
    reads_logits = backend == "tensorflow" and keras_tf_reads_logits(sc)
    warns: List[str] = []
    if sc.activation == SOFTMAX and w == 1 and sc.tagged:  # keras.ops.softmax warns; tf.nn.softmax does not
        warns.append(E.keras_softmax_size_one(n, shown))
    from_logits: LossFn
    clipped: LossFn
    valid = np.ones(n)  # SparseCategoricalCrossentropy(ignore_class=k) masks the rows labelled k
    if sc.loss == SPARSE:
        t = tgt[:, 0] if tgt.ndim == 2 and tgt.shape[1] == 1 else tgt
        if t.shape != (n,):
            raise E.FrameworkError(E.keras_sparse_shape(t.shape, (n, w), backend))
        t = t.astype(np.int64)
        if st.ignore_index is not None:
            valid = (t != st.ignore_index).astype(np.float64)
            t = np.where(valid > 0, t, 0)  # the ignored label becomes 0 before anything is checked
            reads_logits = False  # the masked prediction, ops.where(mask, y_pred, 0), is neither tagged nor the op
        if backend in ("torch", "tensorflow"):
            _index_check(t, w, backend)
        elif backend == "numpy":
            _index_check(t, w, backend, negative_ok=True)
        # jax checks nothing: a label beyond the width one-hots to a zero row, which costs 0
        y = _safe_one_hot(t, w)
        name = "sparse_categorical_crossentropy"
        from_logits = P.cce_logits
        clipped = P.scce_clipped_tf if backend == "tensorflow" else P.cce_clipped
    else:
        y = _keras_same_rank(tgt.astype(np.float64), n, w)
        if y.shape != (n, w):
            raise E.FrameworkError(E.keras_same_shape(y.shape, (n, w), backend))
        y = _smoothed(y, st.label_smoothing, sc.loss, w)
        if sc.loss == CATEGORICAL:
            name = "categorical_crossentropy"
            if w == 1:
                warns.append(E.keras_cce_one_column(n, shown))
            from_logits = P.cce_logits_fused if backend == "tensorflow" else P.cce_logits
            clipped = P.cce_clipped
        elif sc.loss == BINARY:
            name = "binary_crossentropy"
            from_logits = P.bce_logits_numpy_backend if backend == "numpy" else P.bce_logits
            clipped = P.bce_clipped
        else:
            raise ValueError(f"Keras has no {sc.loss!r} loss")
    if reads_logits and sc.expects == LOGITS:
        warns.append(E.keras_tf_logits_warning(name))
    # the tf backend applies its logits loss to z, the tensor behind the activation
    loss = from_logits if reads_logits or sc.expects == LOGITS else clipped
    weights = valid * (_keras_class_weights(tgt, st.class_weight) if st.class_weight is not None else 1.0)
    # a binary loss is the mean over columns per sample; the reduction then sums or averages the samples
    columns = w if sc.loss == BINARY else 1
    if st.reduction == "sum":
        samples = 1.0
    elif st.reduction == "by_weight":  # mean_with_sample_weight
        samples = float(np.sum(np.broadcast_to(weights, (n,))))
    else:  # the mean over the rows a mask keeps
        samples = float(np.sum(valid))
    divisor = columns * samples
    return _built(sc, opts, loss, y, on_logits=reads_logits, warnings=warns, weights=weights, divisor=divisor)


# --- PyTorch (class dim 1) ---------------------------------------------------------


def _torch_index_targets(tgt: np.ndarray, n: int, w: int, ignore: Optional[int]) -> np.ndarray:
    if tgt.ndim == 2:  # F.one_hot(...) is Long
        raise E.FrameworkError(E.TORCH_LONG_ONE_HOT if tgt.shape == (n, w) else E.TORCH_MULTI_TARGET)
    t = tgt.astype(np.int64)
    _index_check(t[t != ignore] if ignore is not None else t, w, "pytorch")
    return t


def _torch_bce(y: np.ndarray, p: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """F.binary_cross_entropy checks its input's range before computing anything."""
    if np.any((p < 0) | (p > 1)):
        raise E.FrameworkError(E.TORCH_BCE_RANGE)
    return P.bce_torch(y, p)


def _torch_divisor(st: settings.Settings, mean: float) -> float:
    """reduction="sum" divides by nothing; "none" is followed by the user's .mean() over the n rows."""
    return 1.0 if st.reduction == "sum" else mean


def _torch_probability_targets(sc: Scenario, opts: ReplayOptions, y: np.ndarray, st: settings.Settings) -> Built:
    """Float targets of the output's shape are class probabilities: -sum_c weight_c * y_c * log p_c, smoothed
    towards 1/classes first, and the mean divides by the rows whatever the weights."""
    n, w = y.shape
    y = y * (1.0 - st.label_smoothing) + st.label_smoothing / w
    if st.weight is not None:
        y = y * st.weight[None, :]
    return _built(sc, opts, P.cce_logits, y, divisor=_torch_divisor(st, float(n)))


def pytorch(sc: Scenario, data: Dataset, opts: ReplayOptions) -> Built:
    built = _pytorch_loss(sc, data, opts)
    if opts.batch_axis_groups:  # F.log_softmax(z) without dim on a 3-D tensor takes dim 0, and says so
        return replace(built, warnings=(*built.warnings, E.torch_implicit_dim(sc.activation)))
    return built


def _pytorch_loss(sc: Scenario, data: Dataset, opts: ReplayOptions) -> Built:
    n, w = len(data.labels), sc.width
    st = settings.read(sc)
    tgt = encode_targets(data, sc.targets, sc.classes)
    if (sc.loss == SPARSE and sc.target_float) or sc.loss == CATEGORICAL:
        # float targets: class probabilities when the shapes are equal (a 0/1 column y.float().unsqueeze(1)
        # against one unit, or a float one-hot), else "expected target dtype to be Long or Byte"
        y = tgt.astype(np.float64)
        if y.ndim == 1 and w == 1:
            y = y[:, None]
        if y.shape != (n, w):
            raise E.FrameworkError(E.TORCH_FLOAT_INDEX if y.ndim == 1 else E.TORCH_MULTI_TARGET)
        return _torch_probability_targets(sc, opts, y, st)
    if sc.loss in (SPARSE, NLL):
        t = _torch_index_targets(tgt, n, w, st.ignore_index)
        valid = (t != st.ignore_index) if st.ignore_index is not None else np.ones(n, dtype=bool)
        t = np.where(valid, t, 0)
        class_weight = st.weight if st.weight is not None else np.ones(w)
        row_weight = class_weight[t] * valid  # the mean divides by their sum (LossNLL.cpp)
        divisor = _torch_divisor(st, float(n) if st.reduction == "none" else float(np.sum(row_weight)))
        if sc.loss == NLL:
            return _built(sc, opts, P.nll, t, weights=row_weight, divisor=divisor)
        # (1 - s) * weighted NLL + s/classes * sum_c weight_c * -log p_c, over the same divisor
        target = (1.0 - st.label_smoothing) * P.one_hot(t, w) * row_weight[:, None]
        target = target + (st.label_smoothing / w) * class_weight[None, :] * valid[:, None]
        return _built(sc, opts, P.cce_logits, target, divisor=divisor)
    y = tgt.astype(np.float64)
    if y.ndim == 1 and w == 1:
        y = y[:, None]  # the usual y.float().unsqueeze(1)
    logits = sc.expects != PROBS
    if y.shape != (n, w):
        raise E.FrameworkError(E.torch_bce_size(y.shape, (n, w), logits))
    loss: LossFn = _torch_bce
    if logits:
        pos_weight = st.pos_weight
        loss = P.bce_logits if pos_weight is None else (lambda y_, z: P.bce_logits_pos_weight(y_, z, pos_weight))
    weights = np.broadcast_to(st.weight, (n, w)) if st.weight is not None else None
    return _built(sc, opts, loss, y, weights=weights, divisor=_torch_divisor(st, float(n * w)))


def build(sc: Scenario, backend: str, data: Dataset, opts: ReplayOptions) -> Built:
    """backend: "keras-tensorflow", "keras-torch", "keras-numpy" (Keras 3 on that backend), "pytorch",
    "optax", "tf": a framework's name, for Keras followed by the backend it runs on."""
    name, _, keras_backend = backend.partition("-")
    framework = next((f for f in Framework if f.value == name), None)
    if framework is None or (framework == Framework.KERAS) != bool(keras_backend):
        raise ValueError(f"unknown backend {backend!r}")
    if framework == Framework.KERAS:
        return keras(sc, keras_backend, data, opts)
    if framework == Framework.PYTORCH and not (opts.naive_log and sc.loss == BINARY):
        return pytorch(sc, data, opts)
    from . import lowlevel  # imports this module's helpers

    if opts.naive_log and sc.loss == BINARY:
        return lowlevel.hand_bce(sc, data, opts)
    if framework == Framework.OPTAX:
        return lowlevel.optax(sc, data, opts)
    return lowlevel.tf_nn(sc, data, opts)
