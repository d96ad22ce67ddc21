"""Compute Keras 3 losses (and, where the backend differentiates, gradients) for the crosscheck tests.

Usage: KERAS_BACKEND=<tensorflow|torch|jax|numpy> python keras_worker.py inputs.npz results.json
The backend is fixed at the first `import keras`, hence one process per backend.
Gradients w.r.t. the input come from `tf.GradientTape`, torch autograd or `jax.grad`; the numpy
backend has no autodiff, so it reports values and error texts only. On TensorFlow every case runs
twice: eagerly, and inside a `tf.function` (the graph `model.fit` traces), where Keras also recovers
the logits of an untagged `tf.nn.softmax` / `tf.nn.sigmoid` from the graph op.
"""

from __future__ import annotations

import json
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")

import keras  # noqa: E402

L = keras.losses
# name, activation, loss, input key, target key (mirrored in test_evaluator_crosscheck.py)
CASES = [
    ("bce_probs", None, L.BinaryCrossentropy(), "p1", "y1"),
    ("bce_logits", None, L.BinaryCrossentropy(from_logits=True), "z1", "y1"),
    ("bce_logits_saturated", None, L.BinaryCrossentropy(from_logits=True), "z_sat", "y_sat"),
    ("bce_raw", None, L.BinaryCrossentropy(), "z1", "y1"),
    ("bce_sigmoid", "sigmoid", L.BinaryCrossentropy(), "z1", "y1"),
    ("bce_double_sigmoid", "sigmoid", L.BinaryCrossentropy(from_logits=True), "z1", "y1"),
    ("bce_softmax1", "softmax", L.BinaryCrossentropy(), "z1", "y1"),
    ("cce_sigmoid1", "sigmoid", L.CategoricalCrossentropy(), "z1", "y1"),
    ("cce_probs", None, L.CategoricalCrossentropy(), "pK", "oh"),
    ("cce_logits", None, L.CategoricalCrossentropy(from_logits=True), "zK", "oh"),
    ("cce_softmax", "softmax", L.CategoricalCrossentropy(), "zK", "oh"),
    ("cce_sigmoid", "sigmoid", L.CategoricalCrossentropy(), "zK", "oh"),
    ("cce_raw", None, L.CategoricalCrossentropy(), "zK", "oh"),
    ("scce_probs", None, L.SparseCategoricalCrossentropy(), "pK", "t"),
    ("scce_logits", None, L.SparseCategoricalCrossentropy(from_logits=True), "zK", "t"),
    ("scce_softmax", "softmax", L.SparseCategoricalCrossentropy(), "zK", "t"),
    ("scce_double", "softmax", L.SparseCategoricalCrossentropy(from_logits=True), "zK", "t"),
    ("bce_softmaxK", "softmax", L.BinaryCrossentropy(), "zK", "oh"),
    ("err_scce_onehot", "softmax", L.SparseCategoricalCrossentropy(), "zK", "oh"),
    ("err_cce_int", "softmax", L.CategoricalCrossentropy(), "zK", "t"),
    # labels 1..K instead of 0..K-1: backend-dependent (error, silent 0, or wrap)
    ("scce_logits_label_k", None, L.SparseCategoricalCrossentropy(from_logits=True), "zK", "t_k"),
    ("scce_softmax_label_k", "softmax", L.SparseCategoricalCrossentropy(), "zK", "t_k"),
    ("scce_logits_label_neg", None, L.SparseCategoricalCrossentropy(from_logits=True), "zK", "t_neg"),
    ("scce_softmax_label_neg", "softmax", L.SparseCategoricalCrossentropy(), "zK", "t_neg"),
]
# TensorFlow only: `activation=tf.nn.softmax` / `tf.nn.sigmoid` carry no `_keras_logits` tag
TF_CASES = [
    ("untagged_scce_softmax", "tf.nn.softmax", L.SparseCategoricalCrossentropy(), "zK", "t"),
    ("untagged_scce_double", "tf.nn.softmax", L.SparseCategoricalCrossentropy(from_logits=True), "zK", "t"),
    ("untagged_cce_softmax", "tf.nn.softmax", L.CategoricalCrossentropy(), "zK", "oh"),
    ("untagged_bce_sigmoid", "tf.nn.sigmoid", L.BinaryCrossentropy(), "z1", "y1"),
    ("untagged_bce_double_sigmoid", "tf.nn.sigmoid", L.BinaryCrossentropy(from_logits=True), "z1", "y1"),
    ("untagged_bce_softmaxK", "tf.nn.softmax", L.BinaryCrossentropy(), "zK", "oh"),  # op and loss differ
    ("untagged_cce_sigmoid", "tf.nn.sigmoid", L.CategoricalCrossentropy(), "zK", "oh"),
]
KEPT_WARNINGS = (UserWarning, SyntaxWarning)  # what Keras warns about a loss or activation


def _error(exc: Exception) -> dict:
    return {"error": f"{type(exc).__name__}: {exc}"}


def _activate(act, x):
    if act is None:
        return x
    if act.startswith("tf.nn."):
        import tensorflow as tf

        return getattr(tf.nn, act[len("tf.nn.") :])(x)
    return getattr(keras.activations, act)(x)


def _tf_case(act, loss, x_np, y_np, graph: bool = False) -> dict:
    import tensorflow as tf

    def value_and_grad(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            value = loss(y_np, _activate(act, x))
        return value, tape.gradient(value, x)

    # model.fit's step is a tf.function without autograph (errors keep their own text)
    run = tf.function(value_and_grad, autograph=False) if graph else value_and_grad
    value, grad = run(tf.constant(x_np))
    return {"value": float(value), "grad": np.asarray(grad, dtype=np.float64).tolist()}


def _torch_case(act, loss, x_np, y_np) -> dict:
    import torch

    x = torch.tensor(x_np, requires_grad=True)
    value = loss(torch.tensor(y_np), _activate(act, x))
    value.backward()
    return {"value": float(value.detach()), "grad": x.grad.double().numpy().tolist()}


def _jax_case(act, loss, x_np, y_np) -> dict:
    import jax

    def f(x):
        return loss(y_np, _activate(act, x))

    value, grad = jax.value_and_grad(f)(x_np)
    return {"value": float(value), "grad": np.asarray(grad, dtype=np.float64).tolist()}


def _numpy_case(act, loss, x_np, y_np) -> dict:
    return {"value": float(np.asarray(loss(y_np, _activate(act, x_np))))}


def _graph_case(act, loss, x_np, y_np) -> dict:
    return _tf_case(act, loss, x_np, y_np, graph=True)


def _one(case, act, loss, x_np, y_np) -> dict:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = case(act, loss, x_np, y_np)
        except Exception as exc:  # the text is what the test compares
            result = _error(exc)
    texts = [f"{w.category.__name__}: {w.message}" for w in caught if issubclass(w.category, KEPT_WARNINGS)]
    result["warnings"] = list(dict.fromkeys(texts))
    return result


def run(inputs: dict) -> dict:
    backend = keras.backend.backend()
    case = {"tensorflow": _tf_case, "torch": _torch_case, "jax": _jax_case, "numpy": _numpy_case}[backend]
    out: dict = {"backend": backend}
    cases = CASES + TF_CASES if backend == "tensorflow" else CASES
    for name, act, loss, xkey, ykey in cases:
        x_np, y_np = inputs[xkey].astype("float32"), inputs[ykey]
        y_np = y_np.astype("int64") if ykey.startswith("t") else y_np.astype("float32")
        out[name] = _one(case, act, loss, x_np, y_np)
        if backend == "tensorflow":
            out[f"{name}@graph"] = _one(_graph_case, act, loss, x_np, y_np)
    return out


if __name__ == "__main__":
    data = dict(np.load(sys.argv[1]))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(run(data), fh)
