"""Compute tf.nn losses, their gradients (`tf.GradientTape`) and error texts for the crosscheck tests.

Usage: python tf_worker.py inputs.npz results.json
A subprocess of its own: TensorFlow and torch in one process is asking for trouble. Each loss is
reduced by `tf.reduce_mean`, as tf.nn code does; gradients are w.r.t. the pre-activation logits.
"""

from __future__ import annotations

import json
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")

import tensorflow as tf  # noqa: E402

nn = tf.nn


def _nll_one_hot(y, logp):
    return -tf.reduce_sum(y * logp, axis=-1)  # the classic `-tf.reduce_sum(y_ * tf.math.log(y))`


# name -> (activation, per-example loss of (labels, activation output), input key, labels key, labels as
# the user passes them); mirrored in test_evaluator_crosscheck.py:TF_NN_CASES
CASES = {
    "sce": (None, lambda y, z: nn.softmax_cross_entropy_with_logits(labels=y, logits=z), "zK", "oh", "float32"),
    "sce_softmax": (
        "softmax",
        lambda y, z: nn.softmax_cross_entropy_with_logits(labels=y, logits=z),
        "zK",
        "oh",
        "float32",
    ),
    "sce_multi_hot": (
        None,
        lambda y, z: nn.softmax_cross_entropy_with_logits(labels=y, logits=z),
        "zK",
        "mh",
        "float32",
    ),
    "sce_int_labels": (None, lambda y, z: nn.softmax_cross_entropy_with_logits(labels=y, logits=z), "zK", "t", "int64"),
    "sce_one_column": (
        None,
        lambda y, z: nn.softmax_cross_entropy_with_logits(labels=y[:, None], logits=z),
        "z1",
        "y1",
        "float32",
    ),
    "sce_one_unit_one_hot": (
        None,
        lambda y, z: nn.softmax_cross_entropy_with_logits(labels=y, logits=z),
        "z1",
        "oh",
        "float32",
    ),
    "ssce": (None, lambda t, z: nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=z), "zK", "t", "int64"),
    "ssce_softmax": (
        "softmax",
        lambda t, z: nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=z),
        "zK",
        "t",
        "int64",
    ),
    "ssce_label_k": (
        None,
        lambda t, z: nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=z),
        "zK",
        "t_k",
        "int64",
    ),
    "ssce_label_neg": (
        None,
        lambda t, z: nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=z),
        "zK",
        "t_neg",
        "int64",
    ),
    "ssce_one_hot": (
        None,
        lambda t, z: nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=z),
        "zK",
        "oh",
        "int64",
    ),
    "ssce_one_unit": (
        None,
        lambda t, z: nn.sparse_softmax_cross_entropy_with_logits(labels=t, logits=z),
        "z1",
        "y1",
        "int64",
    ),
    "sbce": (
        None,
        lambda y, z: nn.sigmoid_cross_entropy_with_logits(labels=y[:, None], logits=z),
        "z1",
        "y1",
        "float32",
    ),
    "sbce_saturated": (
        None,
        lambda y, z: nn.sigmoid_cross_entropy_with_logits(labels=y[:, None], logits=z),
        "z_sat",
        "y_sat",
        "float32",
    ),
    "sbce_sigmoid": (
        "sigmoid",
        lambda y, z: nn.sigmoid_cross_entropy_with_logits(labels=y[:, None], logits=z),
        "z1",
        "y1",
        "float32",
    ),
    "sbce_multi": (None, lambda y, z: nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z), "zK", "oh", "float32"),
    "sbce_vector_labels": (
        None,
        lambda y, z: nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z),
        "zK",
        "t",
        "float32",
    ),
    "nll_one_hot": ("log_softmax", _nll_one_hot, "zK", "oh", "float32"),
}


def _case(act, loss, x_np, y_np) -> dict:
    x = tf.constant(x_np)
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = getattr(nn, act)(x) if act else x
        value = tf.reduce_mean(loss(tf.constant(y_np), out))
    grad = tape.gradient(value, x)
    return {"value": float(value), "grad": np.asarray(grad, dtype=np.float64).tolist()}


def run(inputs: dict) -> dict:
    out: dict = {}
    for name, (act, loss, xkey, ykey, dtype) in CASES.items():
        try:
            out[name] = _case(act, loss, inputs[xkey].astype("float32"), inputs[ykey].astype(dtype))
        except Exception as exc:  # the text is what the test compares
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


if __name__ == "__main__":
    data = dict(np.load(sys.argv[1]))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(run(data), fh)
