"""Compute Keras 3 losses (and, where the backend differentiates, gradients) for the crosscheck tests.

Usage: KERAS_BACKEND=<torch|jax|numpy> python keras_worker.py inputs.npz results.json
The backend is fixed at the first `import keras`, hence one process per backend.
Gradients w.r.t. the input come from torch autograd or `jax.grad`; the numpy
backend has no autodiff, so it reports values and error texts only.
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


def _error(exc: Exception) -> dict:
    return {"error": f"{type(exc).__name__}: {exc}"}


def _torch_case(act, loss, x_np, y_np) -> dict:
    import torch

    x = torch.tensor(x_np, requires_grad=True)
    pred = getattr(keras.activations, act)(x) if act else x
    value = loss(torch.tensor(y_np), pred)
    value.backward()
    return {"value": float(value), "grad": x.grad.double().numpy().tolist()}


def _jax_case(act, loss, x_np, y_np) -> dict:
    import jax

    def f(x):
        return loss(y_np, getattr(keras.activations, act)(x) if act else x)

    value, grad = jax.value_and_grad(f)(x_np)
    return {"value": float(value), "grad": np.asarray(grad, dtype=np.float64).tolist()}


def _numpy_case(act, loss, x_np, y_np) -> dict:
    pred = getattr(keras.activations, act)(x_np) if act else x_np
    return {"value": float(np.asarray(loss(y_np, pred)))}


def run(inputs: dict) -> dict:
    backend = keras.backend.backend()
    case = {"torch": _torch_case, "jax": _jax_case, "numpy": _numpy_case}[backend]
    out: dict = {"backend": backend}
    for name, act, loss, xkey, ykey in CASES:
        x_np, y_np = inputs[xkey].astype("float32"), inputs[ykey]
        y_np = y_np.astype("int64") if ykey.startswith("t") else y_np.astype("float32")
        try:
            out[name] = case(act, loss, x_np, y_np)
        except Exception as exc:  # the text is what the test compares
            out[name] = _error(exc)
    return out


if __name__ == "__main__":
    data = dict(np.load(sys.argv[1]))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(run(data), fh)
