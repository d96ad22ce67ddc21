"""Keras 3 losses configured with options (label smoothing, ignore_class, reductions, class weights), for
tests/test_options_crosscheck.py.

Usage: KERAS_BACKEND=<tensorflow|torch|jax|numpy> python keras_options_worker.py inputs.npz results.json
Gradients w.r.t. the input come from tf.GradientTape, torch autograd or `jax.grad`; the numpy backend
has no autodiff and reports values only.
"""

from __future__ import annotations

import json
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")

import keras  # noqa: E402
from keras.src.trainers.data_adapters.data_adapter_utils import class_weight_to_sample_weights  # noqa: E402

L = keras.losses
CLASS_WEIGHT = {0: 1.0, 1: 3.0, 3: 0.5}  # class 2 unnamed: weight 1
# name, activation, loss, input key, target key, class_weight (mirrored in test_options_crosscheck.py)
CASES = [
    ("bce_ls", "sigmoid", L.BinaryCrossentropy(label_smoothing=0.2), "z1", "y1", None),
    ("bce_logits_ls", None, L.BinaryCrossentropy(from_logits=True, label_smoothing=0.2), "z1", "y1", None),
    ("bce_multi_sum", "sigmoid", L.BinaryCrossentropy(reduction="sum"), "zK", "oh", None),
    ("cce_ls", "softmax", L.CategoricalCrossentropy(label_smoothing=0.1), "zK", "oh", None),
    ("cce_logits_ls", None, L.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1), "zK", "oh", None),
    ("cce_sum", "softmax", L.CategoricalCrossentropy(reduction="sum"), "zK", "oh", None),
    ("scce_ignore", "softmax", L.SparseCategoricalCrossentropy(ignore_class=2), "zK", "t", None),
    ("scce_logits_ignore", None, L.SparseCategoricalCrossentropy(from_logits=True, ignore_class=2), "zK", "t", None),
    ("scce_class_weight", "softmax", L.SparseCategoricalCrossentropy(), "zK", "t", CLASS_WEIGHT),
    ("cce_class_weight_ls", "softmax", L.CategoricalCrossentropy(label_smoothing=0.1), "zK", "oh", CLASS_WEIGHT),
    ("bce_class_weight", "sigmoid", L.BinaryCrossentropy(), "z1", "y1", {0: 1.0, 1: 4.0}),
]


def _call(loss, act, x, y, weights):
    pred = getattr(keras.activations, act)(x) if act else x
    return loss(y, pred, sample_weight=weights)


def _case(backend: str, act, loss, x_np, y_np, weights) -> dict:
    if backend == "tensorflow":
        import tensorflow as tf

        x = tf.Variable(x_np)
        with tf.GradientTape() as tape:
            value = _call(loss, act, x, y_np, weights)
        return {"value": float(value), "grad": np.asarray(tape.gradient(value, x), dtype=np.float64).tolist()}
    if backend == "torch":
        import torch

        x = torch.tensor(x_np, requires_grad=True)
        value = _call(loss, act, x, torch.tensor(y_np), None if weights is None else torch.tensor(weights))
        value.backward()
        return {"value": float(value), "grad": x.grad.double().numpy().tolist()}
    if backend == "jax":
        import jax

        value, grad = jax.value_and_grad(lambda x: _call(loss, act, x, y_np, weights))(x_np)
        return {"value": float(value), "grad": np.asarray(grad, dtype=np.float64).tolist()}
    return {"value": float(np.asarray(_call(loss, act, x_np, y_np, weights)))}


def run(inputs: dict) -> dict:
    backend = keras.backend.backend()
    out: dict = {"backend": backend}
    for name, act, loss, xkey, ykey, class_weight in CASES:
        x_np, y_np = inputs[xkey].astype("float32"), inputs[ykey]
        y_np = y_np.astype("int64") if ykey.startswith("t") else y_np.astype("float32")
        weights = None if class_weight is None else class_weight_to_sample_weights(y_np, class_weight)
        try:
            out[name] = _case(backend, act, loss, x_np, y_np, weights)
        except Exception as exc:  # the text is what the test compares
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


if __name__ == "__main__":
    data = dict(np.load(sys.argv[1]))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(run(data), fh)
