"""Replay demonstration scenarios in a real framework, for tests/test_demo_crosscheck.py.

Usage: KERAS_BACKEND=<tensorflow|torch|jax|numpy> python replay_worker.py jobs.pkl results.pkl

A job is a dict with "key", "backend" (one of the evaluator's, celint/evaluator/demos.py: BACKENDS:
keras-tensorflow, keras-torch, keras-jax, keras-numpy, pytorch, optax, tf), "scenario", "options"
(ReplayOptions), "data" (make_dataset's arguments), "fit" (Keras: also run model.fit for that many
epochs) and "follow" (keras-numpy: the evaluator's logits at each step). Keras jobs must be on
KERAS_BACKEND, read once at import; the others may share the process (tf with TensorFlow, pytorch with
torch, optax with JAX), which saves importing a framework twice.

Each job is the evaluator's run (celint/evaluator/training.py) done by the framework: make_dataset's
inputs and labels, initial_weights, a real dense layer with the real activation and loss, full-batch SGD
with the same learning rate and number of steps, in float32. Recorded before each update and at the end:
the loss, the norm of the gradient w.r.t. (W, b), the outputs at the start and the end, the warnings
the framework gave, or the error it raised and at which step.

Keras runs its trainer's step: on TensorFlow a tf.function without autograph (as model.fit traces it),
on JAX a jitted `compute_loss_and_updates`, on torch eagerly; the loss is `model.compute_loss`, the
compiled loss model.fit uses. Keras cannot train on the numpy backend (fit raises NotImplementedError)
and numpy has no autodiff: there the job follows the evaluator's logits and the framework computes the
activation, the loss, the warnings and errors at each of them.

Scenario -> real model is one function per framework (`keras_model`, `torch_model`, `optax_model`,
`tf_nn_model`). A scenario or option value a function does not handle raises NotImplementedError, which
the worker does not catch: a new field must be replayed, not ignored.
"""

from __future__ import annotations

import os
import pickle
import sys
import warnings
from typing import Any, Callable, Dict, List, NamedTuple, Optional

import numpy as np

from celint.evaluator.data import initial_weights, make_dataset
from celint.evaluator.training import LEARNING_RATE, STEPS
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
    Framework,
    ReplayOptions,
    Scenario,
)
from celint.records import field_names

KEPT_WARNINGS = (UserWarning, SyntaxWarning)  # not Deprecation/FutureWarning: those are about the libraries

# Fields the mapping functions read; descriptive fields change nothing in a run.
REPLAYED = {
    Scenario: {"framework", "activation", "width", "loss", "expects", "targets", "classes", "target_float", "tagged"},
    ReplayOptions: {"naive_log", "batch_axis_groups", "threshold", "input_scale"},
}
DESCRIPTIVE = {"assumed", "not_modelled"}


def unsupported(what: str) -> NotImplementedError:
    return NotImplementedError(
        f"the real-framework replay does not handle {what}; add it to tests/crosscheck/replay_worker.py"
    )


def require_known_fields(*records: Any) -> None:
    """A field this worker does not know, set to anything but its default, fails the run."""
    for record in records:
        kind = type(record)
        for name in field_names(record):
            if name in REPLAYED[kind] or name in DESCRIPTIVE:
                continue
            if getattr(record, name) != getattr(kind, name, object()):
                raise unsupported(f"{kind.__name__}.{name}={getattr(record, name)!r}")


def labels_as_classes(sc: Scenario, data: Any) -> np.ndarray:
    """The dataset's labels as the scenario's encoding: class ids (N,), or one row per sample (N, K)."""
    if sc.targets == MULTI_HOT or data.multilabel:
        return np.array(data.labels, dtype=np.float32)  # a writable copy: torch.from_numpy warns on read-only
    if sc.targets == ONE_HOT:
        return np.eye(sc.classes, dtype=np.float32)[data.labels]
    if sc.targets == INTEGER:
        return np.array(data.labels, dtype=np.int64)
    raise unsupported(f"targets={sc.targets!r}")


def with_dtype(y: np.ndarray, sc: Scenario, usual_float: bool) -> np.ndarray:
    as_float = usual_float if sc.target_float is None else sc.target_float
    return y.astype(np.float32) if as_float else y.astype(np.int64)


# --- Scenario -> real model, one function per framework ----------------------------------------------


class KerasModel(NamedTuple):
    model: Any  # a compiled Sequential([Input, Dense(width, activation)]) holding initial_weights
    y: np.ndarray


def keras_model(sc: Scenario, opts: ReplayOptions, data: Any) -> KerasModel:
    import keras

    if opts.naive_log or opts.batch_axis_groups:
        raise unsupported("naive_log / batch_axis_groups with Keras")
    on_tf = keras.backend.backend() == "tensorflow"
    if sc.activation in (SOFTMAX, SIGMOID) and not sc.tagged and on_tf:
        import tensorflow as tf

        activation: Any = tf.nn.softmax if sc.activation == SOFTMAX else tf.nn.sigmoid  # no _keras_logits tag
    elif sc.activation in (SOFTMAX, SIGMOID, LOG_SOFTMAX):
        activation = str(sc.activation)  # keras.activations.<name>; only TensorFlow reads a tag
    elif sc.activation == LINEAR:
        activation = None
    else:
        raise unsupported(f"activation={sc.activation!r} in Keras")
    if sc.expects not in (PROBS, LOGITS):
        raise unsupported(f"expects={sc.expects!r} in Keras")
    loss_class = {
        BINARY: keras.losses.BinaryCrossentropy,
        CATEGORICAL: keras.losses.CategoricalCrossentropy,
        SPARSE: keras.losses.SparseCategoricalCrossentropy,
    }.get(sc.loss)
    if loss_class is None:
        raise unsupported(f"loss={sc.loss!r} in Keras")
    y = labels_as_classes(sc, data)
    if sc.targets == ONE_HOT:
        y = keras.utils.to_categorical(data.labels, sc.classes)  # what users call; float64
    elif sc.target_float is not None:
        y = with_dtype(y, sc, usual_float=True)
    model = keras.Sequential([keras.Input((data.x.shape[1],)), keras.layers.Dense(sc.width, activation=activation)])
    w, b = initial_weights(sc.width)
    model.layers[0].set_weights([w.astype(np.float32), b.astype(np.float32)])
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE),
        loss=loss_class(from_logits=sc.expects == LOGITS),
    )
    return KerasModel(model, y)


class Functional(NamedTuple):
    """A dense layer's logits z -> the model's outputs -> one loss value."""

    head: Callable[[Any], Any]
    loss: Callable[[Any, Any], Any]  # (outputs, targets) -> mean loss
    y: Any


def torch_model(sc: Scenario, opts: ReplayOptions, data: Any) -> Functional:
    import torch
    import torch.nn.functional as F

    def head(z: Any) -> Any:
        if opts.naive_log:
            if sc.activation != SOFTMAX:
                raise unsupported(f"naive_log with {sc.activation!r}")
            return torch.log(F.softmax(z, dim=1))
        if opts.batch_axis_groups:  # F.log_softmax(z) on (groups, -1, width): torch picks dim 0, and warns
            z3 = z.reshape(opts.batch_axis_groups, -1, z.shape[-1])
            act = {SOFTMAX: F.softmax, LOG_SOFTMAX: F.log_softmax}.get(sc.activation)
            if act is None:
                raise unsupported(f"batch_axis_groups with {sc.activation!r}")
            return act(z3).reshape(z.shape)
        acts = {SOFTMAX: lambda t: F.softmax(t, dim=1), LOG_SOFTMAX: lambda t: F.log_softmax(t, dim=1)}
        acts.update({SIGMOID: torch.sigmoid, LINEAR: lambda t: t})
        if sc.activation not in acts:
            raise unsupported(f"activation={sc.activation!r} in PyTorch")
        return acts[sc.activation](z)

    index_loss = sc.loss in (SPARSE, NLL)
    y = labels_as_classes(sc, data)
    if sc.targets == ONE_HOT:
        y = F.one_hot(torch.tensor(data.labels), sc.classes).numpy()  # Long, as F.one_hot gives
    y = with_dtype(y, sc, usual_float=not index_loss)
    if y.ndim == 1 and y.dtype == np.float32 and sc.width == 1:
        y = y[:, None]  # the usual y.float().unsqueeze(1)
    losses = {
        (SPARSE, LOGITS): F.cross_entropy,
        (CATEGORICAL, LOGITS): F.cross_entropy,  # probability targets
        (NLL, LOG_PROBS): F.nll_loss,
        (BINARY, PROBS): F.binary_cross_entropy,
        (BINARY, LOGITS): F.binary_cross_entropy_with_logits,
    }
    if (sc.loss, sc.expects) not in losses:
        raise unsupported(f"loss={sc.loss!r} expecting {sc.expects!r} in PyTorch")
    return Functional(head, losses[sc.loss, sc.expects], torch.from_numpy(y))


def optax_model(sc: Scenario, opts: ReplayOptions, data: Any) -> Functional:
    import jax
    import jax.numpy as jnp
    import optax

    if opts.batch_axis_groups:
        raise unsupported("batch_axis_groups with optax")

    def head(z: Any) -> Any:
        if opts.naive_log:
            return jnp.log(jax.nn.softmax(z))
        acts = {SOFTMAX: jax.nn.softmax, SIGMOID: jax.nn.sigmoid, LOG_SOFTMAX: jax.nn.log_softmax}
        if sc.activation not in acts and sc.activation != LINEAR:
            raise unsupported(f"activation={sc.activation!r} with optax")
        return acts.get(sc.activation, lambda t: t)(z)

    L = optax.losses
    y = labels_as_classes(sc, data)
    if sc.loss == SPARSE:
        y = with_dtype(y, sc, usual_float=False)

        def loss(out: Any, t: Any) -> Any:
            return L.softmax_cross_entropy_with_integer_labels(out, t).mean()
    elif sc.loss == NLL:  # by hand: -x[n, t_n] on class ids, -sum(y * x) on one-hot rows

        def loss(out: Any, t: Any) -> Any:
            if t.ndim == 1:
                return -jnp.take_along_axis(out, t[:, None], axis=1).mean()
            return -jnp.sum(t * out, axis=-1).mean()
    elif sc.loss in (CATEGORICAL, BINARY):
        if y.ndim == 1:
            y = y[:, None]  # labels[:, None]: broadcasts silently against (N, K)
        y = with_dtype(y, sc, usual_float=sc.loss == BINARY or sc.targets != INTEGER)
        fn = L.softmax_cross_entropy if sc.loss == CATEGORICAL else L.sigmoid_binary_cross_entropy

        def loss(out: Any, t: Any) -> Any:
            return fn(out, t).mean()
    else:
        raise unsupported(f"loss={sc.loss!r} with optax")
    if sc.expects != (LOG_PROBS if sc.loss == NLL else LOGITS):
        raise unsupported(f"{sc.loss!r} expecting {sc.expects!r} with optax")
    return Functional(head, loss, jnp.asarray(y))


def tf_nn_model(sc: Scenario, opts: ReplayOptions, data: Any) -> Functional:
    import tensorflow as tf

    if opts.batch_axis_groups:
        raise unsupported("batch_axis_groups with tf.nn")

    def head(z: Any) -> Any:
        if opts.naive_log and sc.activation == SOFTMAX:
            return tf.math.log(tf.nn.softmax(z))
        acts = {SOFTMAX: tf.nn.softmax, SIGMOID: tf.nn.sigmoid, LOG_SOFTMAX: tf.nn.log_softmax}
        if sc.activation not in acts and sc.activation != LINEAR:
            raise unsupported(f"activation={sc.activation!r} with tf.nn")
        return acts.get(sc.activation, lambda t: t)(z)

    nn = tf.nn
    y = labels_as_classes(sc, data)
    if sc.loss == SPARSE:
        y = with_dtype(y, sc, usual_float=False)

        def per_example(out: Any, t: Any) -> Any:
            return nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=out)
    elif sc.loss == NLL:

        def per_example(out: Any, t: Any) -> Any:
            if len(t.shape) == 1:
                return -tf.gather(out, t, batch_dims=1)
            return -tf.reduce_sum(t * out, axis=-1)
    elif sc.loss in (CATEGORICAL, BINARY):
        if y.ndim == 1 and sc.width == 1:
            y = y[:, None]
        y = with_dtype(y, sc, usual_float=True)

        def per_example(out: Any, t: Any) -> Any:
            if sc.loss == CATEGORICAL:
                return nn.softmax_cross_entropy_with_logits(labels=t, logits=out)
            if opts.naive_log:  # CE103: -(y*log(p) + (1-y)*log(1-p)) written out on a sigmoid
                return -(t * tf.math.log(out) + (1.0 - t) * tf.math.log(1.0 - out))
            if sc.expects == PROBS:  # tf.compat.v1.losses.log_loss, no clip
                return tf.compat.v1.losses.log_loss(t, out, reduction=tf.compat.v1.losses.Reduction.NONE)
            return nn.sigmoid_cross_entropy_with_logits(labels=t, logits=out)
    else:
        raise unsupported(f"loss={sc.loss!r} with tf.nn")
    expected = LOG_PROBS if sc.loss == NLL else PROBS if (sc.loss == BINARY and sc.expects == PROBS) else LOGITS
    if sc.expects != expected:
        raise unsupported(f"{sc.loss!r} expecting {sc.expects!r} with tf.nn")
    return Functional(head, lambda out, t: tf.reduce_mean(per_example(out, t)), tf.constant(y))


# --- training loops, one per engine -----------------------------------------------------------------


class Record:
    def __init__(self) -> None:
        self.loss: List[float] = []
        self.grad_norm: List[float] = []
        self.out_start: Optional[np.ndarray] = None
        self.out_end: Optional[np.ndarray] = None

    def step(self, loss: Any, grads: List[Any], out: Any) -> None:
        self.loss.append(float(np.asarray(loss)))
        self.grad_norm.append(float(np.sqrt(sum(np.sum(np.asarray(g, dtype=np.float64) ** 2) for g in grads))))
        out = np.asarray(out, dtype=np.float64)
        if self.out_start is None:
            self.out_start = out
        self.out_end = out


def _to_numpy(t: Any) -> np.ndarray:
    return t.detach().cpu().numpy() if hasattr(t, "detach") else np.asarray(t)


def train_keras_tensorflow(m: KerasModel, x: np.ndarray, rec: Record) -> None:
    import tensorflow as tf

    model, weights = m.model, m.model.trainable_weights

    def step(xb: Any, yb: Any) -> Any:
        with tf.GradientTape() as tape:
            out = model(xb, training=True)
            loss = model.compute_loss(x=xb, y=yb, y_pred=out)
        return loss, tape.gradient(loss, weights), out

    run = tf.function(step, autograph=False)
    xb, yb = tf.constant(x), tf.constant(m.y)
    for i in range(STEPS + 1):
        loss, grads, out = run(xb, yb)
        rec.step(loss, grads, out)
        if i < STEPS:
            model.optimizer.apply_gradients(zip(grads, weights))


def train_keras_torch(m: KerasModel, x: np.ndarray, rec: Record) -> None:
    import torch

    model, weights = m.model, m.model.trainable_weights
    xb, yb = torch.from_numpy(x), torch.from_numpy(np.asarray(m.y))
    for i in range(STEPS + 1):
        out = model(xb, training=True)
        loss = model.compute_loss(x=xb, y=yb, y_pred=out)
        model.zero_grad()
        loss.backward()
        grads = [v.value.grad for v in weights]
        rec.step(_to_numpy(loss), [_to_numpy(g) for g in grads], _to_numpy(out))
        if i < STEPS:
            with torch.no_grad():
                model.optimizer.apply(grads, weights)


def train_keras_jax(m: KerasModel, x: np.ndarray, rec: Record) -> None:
    import jax

    model = m.model
    out = model(x, training=True)  # builds the compiled loss and the optimizer as fit's first step does
    model.compute_loss(x=x, y=m.y, y_pred=out)
    model.optimizer.build(model.trainable_variables)
    trainable = [v.value for v in model.trainable_variables]
    fixed = [v.value for v in model.non_trainable_variables]
    metrics = [v.value for v in model.metrics_variables]
    opt_state = [v.value for v in model.optimizer.variables]

    def loss_fn(tv: Any, xb: Any, yb: Any) -> Any:
        return model.compute_loss_and_updates(
            tv, fixed, metrics, xb, yb, None, training=True, optimizer_variables=opt_state
        )

    grad_fn = jax.jit(jax.value_and_grad(loss_fn, has_aux=True))
    for i in range(STEPS + 1):
        (loss, aux), grads = grad_fn(trainable, x, m.y)
        rec.step(loss, grads, aux[1])
        if i < STEPS:
            trainable, opt_state = model.optimizer.stateless_apply(opt_state, grads, trainable)


def follow_keras_numpy(m: KerasModel, x: np.ndarray, logits: np.ndarray, rec: Record) -> None:
    """The loss at each of the evaluator's logits (at the initial ones where the evaluator raised before
    training); no gradient, the numpy backend has no autodiff."""
    model = m.model
    activation = model.layers[0].activation
    for z in logits if len(logits) else [x @ model.layers[0].kernel.numpy() + model.layers[0].bias.numpy()]:
        out = activation(z.astype(np.float32))
        loss = model.compute_loss(y=m.y, y_pred=out)
        rec.step(loss, [], out)
    rec.grad_norm = []


def train_torch(f: Functional, sc: Scenario, x: np.ndarray, rec: Record) -> None:
    import torch

    layer = torch.nn.Linear(x.shape[1], sc.width)
    w, b = initial_weights(sc.width)
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(w.T.astype(np.float32)))
        layer.bias.copy_(torch.from_numpy(b.astype(np.float32)))
    optimizer = torch.optim.SGD(layer.parameters(), lr=LEARNING_RATE)
    xb = torch.from_numpy(x)
    for i in range(STEPS + 1):
        optimizer.zero_grad()
        out = f.head(layer(xb))
        loss = f.loss(out, f.y)
        loss.backward()
        rec.step(_to_numpy(loss), [_to_numpy(layer.weight.grad), _to_numpy(layer.bias.grad)], _to_numpy(out))
        if i < STEPS:
            optimizer.step()


def train_optax(f: Functional, sc: Scenario, x: np.ndarray, rec: Record) -> None:
    import jax
    import jax.numpy as jnp
    import optax

    w, b = initial_weights(sc.width)
    params = (jnp.asarray(w, dtype=jnp.float32), jnp.asarray(b, dtype=jnp.float32))
    optimizer = optax.sgd(LEARNING_RATE)
    state = optimizer.init(params)

    def loss_fn(p: Any) -> Any:
        out = f.head(x @ p[0] + p[1])
        return f.loss(out, f.y), out

    grad_fn = jax.jit(jax.value_and_grad(loss_fn, has_aux=True))
    for i in range(STEPS + 1):
        (loss, out), grads = grad_fn(params)
        rec.step(loss, list(grads), out)
        if i < STEPS:
            updates, state = optimizer.update(grads, state)
            params = optax.apply_updates(params, updates)


def train_tf_nn(f: Functional, sc: Scenario, x: np.ndarray, rec: Record) -> None:
    import tensorflow as tf

    w, b = initial_weights(sc.width)
    weights = [tf.Variable(w.astype(np.float32)), tf.Variable(b.astype(np.float32))]
    xb = tf.constant(x)
    for i in range(STEPS + 1):
        with tf.GradientTape() as tape:
            out = f.head(tf.matmul(xb, weights[0]) + weights[1])
            loss = f.loss(out, f.y)
        grads = tape.gradient(loss, weights)
        rec.step(loss, grads, out)
        if i < STEPS:
            for v, g in zip(weights, grads):
                v.assign_sub(LEARNING_RATE * g)


def fit_history(m: KerasModel, x: np.ndarray, epochs: int) -> List[float]:
    """model.fit itself, one full batch per epoch: the loss before each update."""
    history = m.model.fit(x, m.y, batch_size=len(x), epochs=epochs, shuffle=False, verbose=0)
    return [float(v) for v in history.history["loss"]]


# --- driver ---------------------------------------------------------------------------------------------


def replay(job: Dict[str, Any]) -> Dict[str, Any]:
    backend, sc, opts = job["backend"], job["scenario"], job["options"]
    require_known_fields(sc, opts)
    framework = {"keras": Framework.KERAS, "pytorch": Framework.PYTORCH, "optax": Framework.OPTAX, "tf": Framework.TF}
    if sc.framework != framework[backend.partition("-")[0]]:
        raise unsupported(f"a {sc.framework} scenario on {backend}")
    data = make_dataset(*job["data"])
    x = data.x.astype(np.float32)
    rec = Record()
    result: Dict[str, Any] = {"error": None, "error_step": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if backend.startswith("keras-"):
                m = keras_model(sc, opts, data)
                if backend == "keras-numpy":
                    follow_keras_numpy(m, x, job["follow"], rec)
                else:
                    train = {"tensorflow": train_keras_tensorflow, "torch": train_keras_torch, "jax": train_keras_jax}
                    train[backend.partition("-")[2]](m, x, rec)
                    if job.get("fit"):
                        result["fit_loss"] = fit_history(keras_model(sc, opts, data), x, job["fit"])
            else:
                setup = {"pytorch": torch_model, "optax": optax_model, "tf": tf_nn_model}[backend]
                f = setup(sc, opts, data)
                {"pytorch": train_torch, "optax": train_optax, "tf": train_tf_nn}[backend](f, sc, x, rec)
        except NotImplementedError:
            raise
        except Exception as exc:  # the framework's own error: its text and the step it stopped at
            result["error"] = f"{type(exc).__name__}: {exc}"
            result["error_step"] = len(rec.loss)
    texts = [f"{w.category.__name__}: {w.message}" for w in caught if issubclass(w.category, KEPT_WARNINGS)]
    result.update(
        loss=rec.loss,
        grad_norm=rec.grad_norm,
        out_start=rec.out_start,
        out_end=rec.out_end,
        warnings=list(dict.fromkeys(texts)),
    )
    return result


def main(jobs_path: str, results_path: str) -> None:
    with open(jobs_path, "rb") as fh:
        jobs = pickle.load(fh)
    for job in jobs:
        if job["backend"].startswith("keras-"):
            assert os.environ.get("KERAS_BACKEND") == job["backend"].partition("-")[2], "KERAS_BACKEND must match"
    results = {job["key"]: replay(job) for job in jobs}
    with open(results_path, "wb") as fh:
        pickle.dump(results, fh)


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    main(*sys.argv[1:3])
