"""Loss options the evaluator replays, against real PyTorch and Keras 3 (every backend installed).

Each case sets options on a scenario (`Scenario.options`, as celint reads them from the code) and
compares the evaluator's loss and gradient w.r.t. the pre-activation logits with the framework's, to
|ref - fw| <= 1e-6 + 1e-6*|fw| (tests/test_evaluator_crosscheck.py has the inputs and the comparison).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

import numpy as np
import pytest
from test_evaluator_crosscheck import INPUTS, INSTALL, K, S, _compare, _missing, _reference

from celint.evaluator.data import Dataset
from celint.evaluator.objectives import build
from celint.facts import (
    BINARY,
    CATEGORICAL,
    LINEAR,
    LOG_PROBS,
    LOG_SOFTMAX,
    LOGITS,
    NLL,
    ONE_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    ReplayOptions,
    Scenario,
)
from celint.records import replace

pytestmark = pytest.mark.crosscheck

WORKER = Path(__file__).parent / "crosscheck" / "keras_options_worker.py"
WEIGHT = (1.0, 3.0, 0.5, 2.0)
CLASS_WEIGHT = ((0, 1.0), (1, 3.0), (3, 0.5))  # as celint reads {0: 1.0, 1: 3.0, 3: 0.5}


def _with(sc: Scenario, **options: Any) -> Scenario:
    return replace(sc, options=tuple(options.items()))


def _padded_labels() -> np.ndarray:
    t = INPUTS["t"].copy()
    t[3:5] = -100  # torch's default ignore_index
    return t


def _torch_cases() -> Tuple[Any, Dict[str, Tuple[Scenario, str, Any, Callable[[Any], Any]]]]:
    torch = pytest.importorskip("torch", reason="torch is not installed (pip install torch==2.13.0)")
    F = torch.nn.functional
    t = torch.tensor(INPUTS["t"])
    padded = _padded_labels()
    oh = torch.tensor(INPUTS["oh"])
    y1 = torch.tensor(INPUTS["y1"])[:, None]
    w = torch.tensor(WEIGHT)
    ce = S("pytorch", LINEAR, K, SPARSE, LOGITS)
    nll = S("pytorch", LOG_SOFTMAX, K, NLL, LOG_PROBS)
    bce1 = replace(S("pytorch", LINEAR, 1, BINARY, LOGITS), target_float=True)
    bce_k = S("pytorch", LINEAR, K, BINARY, LOGITS, ONE_HOT)
    # name -> (scenario, input key, labels, loss of z)
    return torch, {
        "ce_weight": (_with(ce, weight=WEIGHT), "zK", None, lambda z: F.cross_entropy(z, t, weight=w)),
        "ce_smoothing": (
            _with(ce, label_smoothing=0.1),
            "zK",
            None,
            lambda z: F.cross_entropy(z, t, label_smoothing=0.1),
        ),
        "ce_weight_smoothing_ignore": (
            _with(ce, weight=WEIGHT, label_smoothing=0.2, ignore_index=2),
            "zK",
            None,
            lambda z: F.cross_entropy(z, t, weight=w, label_smoothing=0.2, ignore_index=2),
        ),
        "ce_default_ignore_index": (ce, "zK", padded, lambda z: F.cross_entropy(z, torch.tensor(padded))),
        "ce_default_ignore_smoothing": (
            _with(ce, label_smoothing=0.3),
            "zK",
            padded,
            lambda z: F.cross_entropy(z, torch.tensor(padded), label_smoothing=0.3),
        ),
        "ce_sum": (_with(ce, reduction="sum"), "zK", None, lambda z: F.cross_entropy(z, t, reduction="sum")),
        "ce_none_then_mean": (
            _with(ce, reduction="none", weight=WEIGHT),
            "zK",
            None,
            lambda z: F.cross_entropy(z, t, reduction="none", weight=w).mean(),
        ),
        "ce_probabilities_weight_smoothing": (
            _with(S("pytorch", LINEAR, K, CATEGORICAL, LOGITS, ONE_HOT), weight=WEIGHT, label_smoothing=0.1),
            "zK",
            None,
            lambda z: F.cross_entropy(z, oh, weight=w, label_smoothing=0.1),
        ),
        "nll_weight_ignore": (
            _with(nll, weight=WEIGHT, ignore_index=1),
            "zK",
            None,
            lambda z: F.nll_loss(F.log_softmax(z, 1), t, weight=w, ignore_index=1),
        ),
        "nll_sum": (
            _with(nll, reduction="sum"),
            "zK",
            None,
            lambda z: F.nll_loss(F.log_softmax(z, 1), t, reduction="sum"),
        ),
        "bce_weight": (
            _with(replace(bce1, activation=SIGMOID, expects=PROBS), weight=(2.0,)),
            "z1",
            None,
            lambda z: F.binary_cross_entropy(torch.sigmoid(z), y1, weight=torch.tensor([2.0])),
        ),
        "bce_logits_pos_weight": (
            _with(bce1, pos_weight=(3.0,)),
            "z1",
            None,
            lambda z: F.binary_cross_entropy_with_logits(z, y1, pos_weight=torch.tensor([3.0])),
        ),
        "bce_logits_columns_weight_pos_weight_sum": (
            _with(bce_k, weight=WEIGHT, pos_weight=(2.0, 1.0, 0.5, 4.0), reduction="sum"),
            "zK",
            None,
            lambda z: F.binary_cross_entropy_with_logits(
                z, oh, weight=w, pos_weight=torch.tensor([2.0, 1.0, 0.5, 4.0]), reduction="sum"
            ),
        ),
    }


def _reference_with_labels(sc: Scenario, backend: str, xkey: str, labels: np.ndarray) -> Any:
    data = Dataset(np.zeros((len(labels), 1)), labels.astype(np.int64), sc.classes)
    loss, grad, _ = build(sc, backend, data, ReplayOptions()).objective(INPUTS[xkey].astype(np.float64))
    return {"value": loss, "grad": grad}


def test_pytorch_options_match() -> None:
    torch, cases = _torch_cases()
    mismatches = []
    for name, (sc, xkey, labels, fn) in cases.items():
        z = torch.tensor(INPUTS[xkey], requires_grad=True)
        value = fn(z)
        value.backward()
        fw = {"value": float(value.detach()), "grad": z.grad.double().numpy()}
        ref = _reference(sc, "pytorch", xkey) if labels is None else _reference_with_labels(sc, "pytorch", xkey, labels)
        mismatch = _compare(name, ref, fw)
        if mismatch:
            mismatches.append(mismatch)
    assert not mismatches, "\n".join(mismatches)


def test_a_dropped_option_is_caught() -> None:
    """The comparison above fails if the evaluator ignores an option: label smoothing changes the loss."""
    _, cases = _torch_cases()
    sc, xkey, _, _ = cases["ce_smoothing"]
    smoothed = _reference(sc, "pytorch", xkey)["value"]
    plain = _reference(replace(sc, options=()), "pytorch", xkey)["value"]
    assert abs(smoothed - plain) > 1e-3


# --- Keras 3, one subprocess per backend ---------------------------------------------------

_cce = S("keras", SOFTMAX, K, CATEGORICAL, PROBS, ONE_HOT)
_scce = S("keras", SOFTMAX, K, SPARSE, PROBS)
_bce1 = S("keras", SIGMOID, 1, BINARY, PROBS)
# name -> (scenario, input key, label key); must mirror tests/crosscheck/keras_options_worker.py:CASES
KERAS_CASES: Dict[str, Tuple[Scenario, str, str]] = {
    "bce_ls": (_with(_bce1, label_smoothing=0.2), "z1", "y1"),
    "bce_logits_ls": (_with(replace(_bce1, activation=LINEAR, expects=LOGITS), label_smoothing=0.2), "z1", "y1"),
    "bce_multi_sum": (_with(S("keras", SIGMOID, K, BINARY, PROBS, ONE_HOT), reduction="sum"), "zK", "t"),
    "cce_ls": (_with(_cce, label_smoothing=0.1), "zK", "t"),
    "cce_logits_ls": (_with(replace(_cce, activation=LINEAR, expects=LOGITS), label_smoothing=0.1), "zK", "t"),
    "cce_sum": (_with(_cce, reduction="sum"), "zK", "t"),
    "scce_ignore": (_with(_scce, ignore_class=2), "zK", "t"),
    "scce_logits_ignore": (_with(replace(_scce, activation=LINEAR, expects=LOGITS), ignore_class=2), "zK", "t"),
    "scce_class_weight": (_with(_scce, class_weight=CLASS_WEIGHT), "zK", "t"),
    "cce_class_weight_ls": (_with(_cce, class_weight=CLASS_WEIGHT, label_smoothing=0.1), "zK", "t"),
    "bce_class_weight": (_with(_bce1, class_weight=((0, 1.0), (1, 4.0))), "z1", "y1"),
}
BACKEND_NEEDS = {"tensorflow": ("tensorflow",), "torch": ("torch",), "jax": ("jax",), "numpy": ("jax", "scipy")}


@pytest.fixture(scope="module")
def keras_option_results(tmp_path_factory: Any) -> Dict[str, dict]:
    if _missing(["keras"]):
        pytest.skip(f"keras is not installed ({INSTALL})")
    tmp = tmp_path_factory.mktemp("keras-options")
    inputs = tmp / "inputs.npz"
    np.savez(inputs, **INPUTS)
    results: Dict[str, dict] = {}
    for backend, needs in BACKEND_NEEDS.items():  # one at a time: the machine may have two cores
        missing = _missing(needs)
        if missing:
            results[backend] = {"skip": f"keras {backend} backend needs {', '.join(missing)} ({INSTALL})"}
            continue
        out = tmp / f"{backend}.json"
        env = dict(os.environ, KERAS_BACKEND=backend, PYTHONWARNINGS="ignore", TF_CPP_MIN_LOG_LEVEL="3")
        proc = subprocess.run(
            [sys.executable, str(WORKER), str(inputs), str(out)], env=env, capture_output=True, text=True, timeout=300
        )
        if proc.returncode != 0:
            raise AssertionError(f"keras {backend} worker failed:\n{proc.stderr}")
        results[backend] = json.loads(out.read_text(encoding="utf-8"))
    return results


@pytest.mark.parametrize("backend", list(BACKEND_NEEDS))
def test_keras_options_match(keras_option_results: Dict[str, dict], backend: str) -> None:
    results = keras_option_results[backend]
    if "skip" in results:
        pytest.skip(results["skip"])
    assert results["backend"] == backend
    assert set(results) - {"backend"} == set(KERAS_CASES)
    mismatches = [
        m
        for name, (sc, xkey, lkey) in KERAS_CASES.items()
        if (m := _compare(name, _reference(sc, f"keras-{backend}", xkey, lkey), results[name]))
    ]
    assert not mismatches, "\n".join(mismatches)


def test_tf_log_loss_on_raw_scores_matches() -> None:
    """tf.compat.v1.losses.log_loss has no clip: raw scores outside [0, 1] give a nan loss, yet a finite
    gradient (d log x = 1/x), which is what the CE102 replay of a TF1 graph shows."""
    tf = pytest.importorskip("tensorflow", reason=f"tensorflow is not installed ({INSTALL})")
    sc = S("tf", LINEAR, 1, BINARY, PROBS)
    scores = INPUTS["z1"].copy()
    scores[:3, 0] = [0.3, 0.0, 1.0]
    x = tf.Variable(scores)
    with tf.GradientTape() as tape:
        value = tf.compat.v1.losses.log_loss(INPUTS["y1"][:, None], x)
    grad = tape.gradient(value, x).numpy()
    data = Dataset(np.zeros((len(scores), 1)), INPUTS["y1"].astype(np.int64), 2)
    loss, ref_grad, _ = build(sc, "tf", data, ReplayOptions()).objective(scores.astype(np.float64))
    assert np.isnan(loss) and np.isnan(float(value))
    assert np.allclose(ref_grad, grad, rtol=1e-5, atol=1e-6)
