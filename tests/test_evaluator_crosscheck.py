"""The evaluator's objectives against real Keras 3, PyTorch and optax on the same float32 arrays.

Loss values and gradients w.r.t. the pre-activation logits must satisfy
|ref - fw| <= 1e-6 + 1e-6*|fw|; error and warning texts must be identical. Inputs include
saturated values (probabilities at exactly 0 and 1, logits of ±30) so a wrong
epsilon or a missing clamp shows. Keras runs in one subprocess per backend
(tensorflow, torch, jax, numpy: the backend is fixed at the first import); gradients
come from `tf.GradientTape`, torch autograd and `jax.grad`, the numpy backend has no
autodiff and is compared on values, warnings and error texts. On TensorFlow each case
also runs inside a `tf.function`, the graph `model.fit` traces. tf.nn runs in a
subprocess too (TensorFlow and torch in one process is asking for trouble); optax runs
in process under `jax.grad`. A test skips only when a package it needs is not
installed, and says which.

TensorFlow's InvalidArgumentError texts carry a prefix naming the device or the graph
node (`{{function_node ...}}` eagerly, `Graph execution error: Detected at node ...`
in a graph) and end with the label values and the op; there the evaluator's text is
the stable sentence between them, and the check is that the framework's text contains it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import pytest

from celint.evaluator import errors as E
from celint.evaluator import primitives as P
from celint.evaluator.data import Dataset
from celint.evaluator.errors import FrameworkError
from celint.evaluator.objectives import build
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
    Scenario,
)
from celint.facts import ReplayOptions as Options
from celint.records import replace

pytestmark = pytest.mark.crosscheck

WORKER = Path(__file__).parent / "crosscheck" / "keras_worker.py"
N, K = 12, 4
INSTALL = "pip install 'celint[crosscheck]'"


def _inputs() -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    z1 = (rng.normal(size=(N, 1)) * 2).astype(np.float32)
    z1[:4, 0] = [30.0, -30.0, 30.0, -30.0]  # right and wrong, both confident
    y1 = (rng.random(N) > 0.5).astype(np.float32)
    y1[:4] = [1, 0, 0, 1]
    z1[4:7, 0] = [9.0, 12.0, 15.0]  # 1 - σ(z) has few float32 bits left: float64 is off by 0.16 at 15
    y1[4:7] = 0
    p1 = rng.uniform(0.05, 0.95, size=(N, 1)).astype(np.float32)
    p1[:4, 0] = [0.0, 1.0, 1.0, 1.0]  # 16.118, 15.942 and 1.19e-7 for y=[1,0,0,1]
    zk = (rng.normal(size=(N, K)) * 2).astype(np.float32)
    zk[0] = [30, -30, 0, 1]
    zk[1] = [-30, 30, 2, 0]
    pk = rng.uniform(0.0, 1.0, size=(N, K)).astype(np.float32)  # unnormalised on purpose
    pk[0] = [1, 0, 0, 0]
    pk[1] = [0, 1, 0, 0]
    t = rng.integers(0, K, size=N)
    t[:2] = [0, 0]  # row 1 is confidently wrong
    t_k, t_neg = t.copy(), t.copy()
    t_k[2], t_neg[2] = K, -1  # labels 1..K: one label == K, or a -1 padding label
    return {
        "z1": z1,
        "y1": y1,
        "p1": p1,
        "zK": zk,
        "pK": pk,
        "t": t,
        "oh": np.eye(K, dtype=np.float32)[t],
        "t_k": t_k,
        "t_neg": t_neg,
        "mh": np.maximum(
            np.eye(K, dtype=np.float32)[t], np.eye(K, dtype=np.float32)[(t + 1) % K] * (np.arange(N) % 2)[:, None]
        ),
        # both wrong and confident: 30.0 each from logits, but 16.118 / 15.942 on the numpy backend
        "z_sat": np.float32([[-30.0], [30.0]]),
        "y_sat": np.float32([1.0, 0.0]),
    }


INPUTS = _inputs()
SATURATED_NUMPY = (16.118095 + 15.942385) / 2  # -log(float32(1e-7)) and -log(2**-23), averaged


def S(fw: str, act: str, width: int, loss: str, expects: str, targets: str = INTEGER) -> Scenario:
    return Scenario(fw, act, width, loss, expects, targets, K if width > 1 else 2)


# name -> (scenario, input key, label key); must mirror tests/crosscheck/keras_worker.py:CASES
KERAS_CASES: Dict[str, Tuple[Scenario, str, str]] = {
    "bce_probs": (S("keras", LINEAR, 1, BINARY, PROBS), "p1", "y1"),
    "bce_logits": (S("keras", LINEAR, 1, BINARY, LOGITS), "z1", "y1"),
    "bce_logits_saturated": (S("keras", LINEAR, 1, BINARY, LOGITS), "z_sat", "y_sat"),
    "bce_raw": (S("keras", LINEAR, 1, BINARY, PROBS), "z1", "y1"),
    "bce_sigmoid": (S("keras", SIGMOID, 1, BINARY, PROBS), "z1", "y1"),
    "bce_double_sigmoid": (S("keras", SIGMOID, 1, BINARY, LOGITS), "z1", "y1"),
    "bce_softmax1": (S("keras", SOFTMAX, 1, BINARY, PROBS), "z1", "y1"),
    "cce_sigmoid1": (S("keras", SIGMOID, 1, CATEGORICAL, PROBS), "z1", "y1"),
    "cce_probs": (S("keras", LINEAR, K, CATEGORICAL, PROBS, ONE_HOT), "pK", "t"),
    "cce_logits": (S("keras", LINEAR, K, CATEGORICAL, LOGITS, ONE_HOT), "zK", "t"),
    "cce_softmax": (S("keras", SOFTMAX, K, CATEGORICAL, PROBS, ONE_HOT), "zK", "t"),
    "cce_sigmoid": (S("keras", SIGMOID, K, CATEGORICAL, PROBS, ONE_HOT), "zK", "t"),
    "cce_raw": (S("keras", LINEAR, K, CATEGORICAL, PROBS, ONE_HOT), "zK", "t"),
    "scce_probs": (S("keras", LINEAR, K, SPARSE, PROBS), "pK", "t"),
    "scce_logits": (S("keras", LINEAR, K, SPARSE, LOGITS), "zK", "t"),
    "scce_softmax": (S("keras", SOFTMAX, K, SPARSE, PROBS), "zK", "t"),
    "scce_double": (S("keras", SOFTMAX, K, SPARSE, LOGITS), "zK", "t"),
    "bce_softmaxK": (S("keras", SOFTMAX, K, BINARY, PROBS, ONE_HOT), "zK", "t"),
    "err_scce_onehot": (S("keras", SOFTMAX, K, SPARSE, PROBS, ONE_HOT), "zK", "t"),
    "err_cce_int": (S("keras", SOFTMAX, K, CATEGORICAL, PROBS, INTEGER), "zK", "t"),
    "scce_logits_label_k": (S("keras", LINEAR, K, SPARSE, LOGITS), "zK", "t_k"),
    "scce_softmax_label_k": (S("keras", SOFTMAX, K, SPARSE, PROBS), "zK", "t_k"),
    "scce_logits_label_neg": (S("keras", LINEAR, K, SPARSE, LOGITS), "zK", "t_neg"),
    "scce_softmax_label_neg": (S("keras", SOFTMAX, K, SPARSE, PROBS), "zK", "t_neg"),
}


def _reference(sc: Scenario, backend: str, xkey: str, lkey: Optional[str] = None, opts: Optional[Options] = None):
    """{"value", "grad", "warnings"} from the evaluator, or {"error"}."""
    labels = INPUTS[lkey or ("y1" if sc.width == 1 else "t")]
    data = Dataset(np.zeros((len(labels), 1)), labels.astype(np.int64), sc.classes)
    try:
        built = build(sc, backend, data, opts or Options())
        loss, grad, _ = built.objective(INPUTS[xkey].astype(np.float64))
    except FrameworkError as exc:
        return {"error": str(exc)}
    return {"value": loss, "grad": grad, "warnings": list(built.warnings)}


def same_error(ref: str, got: Optional[str]) -> bool:
    """Identical texts, or for TensorFlow's InvalidArgumentError the evaluator's stable sentence
    inside the framework's text (see the module docstring)."""
    if got is None or ref == got:
        return ref == got
    kind, _, stable = ref.partition(": ")
    return kind == "InvalidArgumentError" and got.startswith(f"{kind}: ") and stable in got


def _close(ref, fw) -> bool:
    ref, fw = np.asarray(ref, dtype=np.float64), np.asarray(fw, dtype=np.float64)
    same_special = (np.isnan(ref) & np.isnan(fw)) | (np.isinf(ref) & (ref == fw))
    with np.errstate(invalid="ignore"):
        ok = np.abs(ref - fw) <= 1e-6 + 1e-6 * np.abs(fw)
    return bool(np.all(ok | same_special))


def _compare(name: str, ref: dict, fw: dict) -> Optional[str]:
    """None when they agree, else a short description of the mismatch. Warnings are compared where
    the framework's run recorded them (the Keras workers)."""
    if "error" in ref or "error" in fw:
        return None if same_error(ref.get("error", ""), fw.get("error")) else f"{name}: {ref} != {fw.get('error')!r}"
    if not _close(ref["value"], fw["value"]):
        return f"{name}: loss {ref['value']!r} != {fw['value']!r}"
    if "grad" in fw and not _close(ref["grad"], fw["grad"]):
        return f"{name}: grad differs by {np.nanmax(np.abs(ref['grad'] - np.asarray(fw['grad']))):.3g}"
    if "warnings" in fw and ref["warnings"] != fw["warnings"]:
        return f"{name}: warnings {ref['warnings']} != {fw['warnings']}"
    return None


# --- Keras 3, one subprocess per backend ---------------------------------------------------


def U(act: str, width: int, loss: str, expects: str, targets: str = INTEGER) -> Scenario:
    """`activation=tf.nn.softmax` / `tf.nn.sigmoid`: no `_keras_logits` tag."""
    return replace(S("keras", act, width, loss, expects, targets), tagged=False)


# TensorFlow only, mirroring keras_worker.py:TF_CASES. In a graph Keras reads the logits back from the
# op when it is the one the loss looks for (Softmax for CCE and SCCE, Sigmoid for BCE); eagerly it never does.
KERAS_TF_CASES: Dict[str, Tuple[Scenario, str, str]] = {
    "untagged_scce_softmax": (U(SOFTMAX, K, SPARSE, PROBS), "zK", "t"),
    "untagged_scce_double": (U(SOFTMAX, K, SPARSE, LOGITS), "zK", "t"),
    "untagged_cce_softmax": (U(SOFTMAX, K, CATEGORICAL, PROBS, ONE_HOT), "zK", "t"),
    "untagged_bce_sigmoid": (U(SIGMOID, 1, BINARY, PROBS), "z1", "y1"),
    "untagged_bce_double_sigmoid": (U(SIGMOID, 1, BINARY, LOGITS), "z1", "y1"),
    "untagged_bce_softmaxK": (U(SOFTMAX, K, BINARY, PROBS, ONE_HOT), "zK", "t"),
    "untagged_cce_sigmoid": (U(SIGMOID, K, CATEGORICAL, PROBS, ONE_HOT), "zK", "t"),
}

# What each backend imports besides keras (keras 3.15's numpy backend imports jax and scipy).
BACKEND_NEEDS = {"tensorflow": ("tensorflow",), "torch": ("torch",), "jax": ("jax",), "numpy": ("jax", "scipy")}
AUTODIFF = ("tensorflow", "torch", "jax")


def _missing(modules) -> List[str]:
    return [m for m in modules if importlib.util.find_spec(m) is None]


def _start(script: Path, name: str, tmp: Path, env: Dict[str, str]) -> Tuple[subprocess.Popen, Path]:
    inputs, out = tmp / "inputs.npz", tmp / f"{name}.json"
    if not inputs.exists():
        np.savez(inputs, **INPUTS)
    env = dict(os.environ, PYTHONWARNINGS="ignore", TF_CPP_MIN_LOG_LEVEL="3", **env)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(inputs), str(out)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, out


@pytest.fixture(scope="module")
def worker_results(tmp_path_factory) -> Dict[str, dict]:
    """Keras on each backend, and tf.nn, all in parallel; a worker whose packages are absent maps to a
    skip reason."""
    tmp = tmp_path_factory.mktemp("workers")
    workers = {f"keras-{b}": (WORKER, ("keras", *needs), {"KERAS_BACKEND": b}) for b, needs in BACKEND_NEEDS.items()}
    workers["tf.nn"] = (TF_WORKER, ("tensorflow",), {})
    results: Dict[str, dict] = {}
    procs = {}
    for name, (script, needs, env) in workers.items():
        missing = _missing(needs)
        if missing:
            results[name] = {"skip": f"{name} needs {', '.join(missing)} ({INSTALL})"}
        else:
            procs[name] = _start(script, name, tmp, env)
    for name, (proc, out) in procs.items():
        _, err = proc.communicate(timeout=300)
        if proc.returncode != 0:
            raise AssertionError(f"the {name} worker failed:\n{err}")
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    return results


@pytest.fixture(scope="module")
def keras_results(worker_results: Dict[str, dict]) -> Dict[str, dict]:
    results = {b: worker_results[f"keras-{b}"] for b in BACKEND_NEEDS}
    assert all(r.get("backend", b) == b for b, r in results.items() if "skip" not in r)
    return results


def _backend(keras_results: Dict[str, dict], backend: str) -> dict:
    results = keras_results[backend]
    if "skip" in results:
        pytest.skip(results["skip"])
    return results


def _expected_names(backend: str) -> set:
    if backend != "tensorflow":
        return set(KERAS_CASES)
    names = set(KERAS_CASES) | set(KERAS_TF_CASES)
    return names | {f"{name}@graph" for name in names}


@pytest.mark.parametrize("backend", ["tensorflow", "torch", "jax", "numpy"])
def test_keras_losses_gradients_and_errors_match(keras_results: Dict[str, dict], backend: str) -> None:
    """Every case on every backend; on TensorFlow also in a graph, which is what the evaluator models."""
    results = _backend(keras_results, backend)
    assert set(results) - {"backend"} == _expected_names(backend)
    if backend in AUTODIFF:  # gradients are compared, not silently left out
        assert all("grad" in r for r in results.values() if isinstance(r, dict) and "value" in r)
    runs = [""] if backend != "tensorflow" else ["", "@graph"]
    cases = dict(KERAS_CASES, **(KERAS_TF_CASES if backend == "tensorflow" else {}))
    mismatches = [
        m
        for name, (sc, xkey, lkey) in cases.items()
        for run in runs
        if not (run == "" and name in KERAS_TF_CASES)  # eager untagged: the next test
        if (m := _compare(name + run, _reference(sc, f"keras-{backend}", xkey, lkey), results[name + run]))
    ]
    assert not mismatches, "\n".join(mismatches)


# TensorFlow's float32 sigmoid (Eigen's) is not 1/(1+exp(-z)) in float32 as numpy's, torch's and jax's are: it
# differs by up to 6 ulp and is 1.0 from z = 16.6356 on. The evaluator keeps the common one; it shows only where
# a clipped BCE reads 1 - sigmoid(z) of a nearly saturated, untagged tf.nn.sigmoid eagerly (z1 has z = 9, 12, 15
# with y = 0: 5.8304 against TensorFlow's 5.8464); in a graph and after a Keras sigmoid the loss reads z.
TF_SIGMOID_ROUNDING = ("untagged_bce_sigmoid",)


def test_keras_tensorflow_eagerly_reads_only_the_tag(keras_results: Dict[str, dict]) -> None:
    """Run eagerly (`run_eagerly=True`, or a training step without tf.function) an untagged
    `tf.nn.softmax` is not undone: the evaluator's objective for an untraced scenario matches."""
    results = _backend(keras_results, "tensorflow")
    mismatches = [
        m
        for name, (sc, xkey, lkey) in KERAS_TF_CASES.items()
        if name not in TF_SIGMOID_ROUNDING
        if (m := _compare(name, _reference(replace(sc, traced=False), "keras-tensorflow", xkey, lkey), results[name]))
    ]
    assert not mismatches, "\n".join(mismatches)
    for name in TF_SIGMOID_ROUNDING:
        sc, xkey, lkey = KERAS_TF_CASES[name]
        assert _reference(replace(sc, traced=False), "keras-tensorflow", xkey, lkey)["value"] == pytest.approx(
            results[name]["value"], rel=1e-2
        )
    # and the difference is real: the graph undoes the softmax, eagerly the double softmax stays
    assert results["untagged_scce_double"]["value"] < results["untagged_scce_double@graph"]["value"] / 2


def test_keras_numpy_backend_caps_bce_from_logits(keras_results: Dict[str, dict]) -> None:
    """The cap is real: z=-30, y=1 costs 16.118 on numpy and 30.0 on torch and jax."""
    assert _backend(keras_results, "numpy")["bce_logits_saturated"]["value"] == pytest.approx(SATURATED_NUMPY, rel=1e-6)
    for backend in AUTODIFF:
        if "skip" not in keras_results[backend]:
            assert keras_results[backend]["bce_logits_saturated"]["value"] == pytest.approx(30.0, rel=1e-6)


# Labels 1..K (one label == K) and a -1 label: the error, or None where the row silently costs 0.
OUT_OF_RANGE = {
    "tensorflow": (E.label_out_of_range(4, K, "tensorflow"), E.label_out_of_range(-1, K, "tensorflow")),
    "torch": ("IndexError: Target 4 is out of bounds.", "IndexError: Target -1 is out of bounds."),
    "numpy": ("IndexError: index 4 is out of bounds for axis 1 with size 4", None),
    "jax": (None, None),
}


@pytest.mark.parametrize("backend", list(OUT_OF_RANGE))
def test_keras_out_of_range_labels_are_backend_dependent(keras_results: Dict[str, dict], backend: str) -> None:
    results = _backend(keras_results, backend)
    logp = INPUTS["zK"].astype(np.float64) - np.log(np.exp(INPUTS["zK"].astype(np.float64)).sum(1, keepdims=True))
    per = -logp[np.arange(N), INPUTS["t"]]
    per[2] = 0.0  # the row whose label is out of range
    for lkey, expected in zip(("t_k", "t_neg"), OUT_OF_RANGE[backend]):
        got = results[f"scce_logits_label_{lkey[2:]}"]
        if expected:
            assert same_error(expected, got.get("error")), got
        else:
            assert got["value"] == pytest.approx(per.mean(), rel=1e-6)


@pytest.mark.parametrize("backend", ["tensorflow", "torch", "numpy"])
def test_a_wrong_epsilon_is_caught(keras_results: Dict[str, dict], backend: str, monkeypatch) -> None:
    results = _backend(keras_results, backend)
    monkeypatch.setattr(P, "CLIP_HIGH", 1 - 1e-7)  # the float64 bound: off by 0.176 when saturated
    sc, xkey, lkey = KERAS_CASES["bce_probs"]
    assert _compare("bce_probs", _reference(sc, f"keras-{backend}", xkey, lkey), results["bce_probs"]) is not None


def test_a_missing_numpy_backend_cap_is_caught(keras_results: Dict[str, dict], monkeypatch) -> None:
    results = _backend(keras_results, "numpy")
    monkeypatch.setattr(P, "bce_logits_numpy_backend", P.bce_logits)
    sc, xkey, lkey = KERAS_CASES["bce_logits_saturated"]
    ref = _reference(sc, "keras-numpy", xkey, lkey)
    assert _compare("bce_logits_saturated", ref, results["bce_logits_saturated"]) is not None


# --- tf.nn, in a subprocess -------------------------------------------------------------------

TF_WORKER = Path(__file__).parent / "crosscheck" / "tf_worker.py"


def T(act: str, width: int, loss: str, expects: str = LOGITS, targets: str = INTEGER, classes: int = 0) -> Scenario:
    return Scenario("tf", act, width, loss, expects, targets, classes or (K if width > 1 else 2))


# name -> (scenario, input key, label key); mirrors tests/crosscheck/tf_worker.py:CASES
TF_NN_CASES: Dict[str, Tuple[Scenario, str, str]] = {
    "sce": (T(LINEAR, K, CATEGORICAL, targets=ONE_HOT), "zK", "t"),
    "sce_softmax": (T(SOFTMAX, K, CATEGORICAL, targets=ONE_HOT), "zK", "t"),
    "sce_multi_hot": (T(LINEAR, K, CATEGORICAL, targets=MULTI_HOT), "zK", "mh"),  # the kernel's gradient: softmax - y
    "sce_int_labels": (T(LINEAR, K, CATEGORICAL), "zK", "t"),
    "sce_one_column": (T(LINEAR, 1, CATEGORICAL), "z1", "y1"),
    "sce_one_unit_one_hot": (T(LINEAR, 1, CATEGORICAL, targets=ONE_HOT, classes=K), "z1", "t"),
    "ssce": (T(LINEAR, K, SPARSE), "zK", "t"),
    "ssce_softmax": (T(SOFTMAX, K, SPARSE), "zK", "t"),
    "ssce_label_k": (T(LINEAR, K, SPARSE), "zK", "t_k"),
    "ssce_label_neg": (T(LINEAR, K, SPARSE), "zK", "t_neg"),
    "ssce_one_hot": (T(LINEAR, K, SPARSE, targets=ONE_HOT), "zK", "t"),
    "ssce_one_unit": (T(LINEAR, 1, SPARSE), "z1", "y1"),
    "sbce": (T(LINEAR, 1, BINARY), "z1", "y1"),
    "sbce_saturated": (T(LINEAR, 1, BINARY), "z_sat", "y_sat"),
    "sbce_sigmoid": (T(SIGMOID, 1, BINARY), "z1", "y1"),
    "sbce_multi": (T(LINEAR, K, BINARY, targets=ONE_HOT), "zK", "t"),
    "sbce_vector_labels": (T(LINEAR, K, BINARY), "zK", "t"),
    "nll_one_hot": (T(LOG_SOFTMAX, K, NLL, LOG_PROBS, ONE_HOT), "zK", "t"),
}


@pytest.fixture(scope="module")
def tf_nn_results(worker_results: Dict[str, dict]) -> Dict[str, dict]:
    return _backend(worker_results, "tf.nn")


def test_tf_nn_losses_gradients_and_errors_match(tf_nn_results: Dict[str, dict]) -> None:
    assert set(tf_nn_results) == set(TF_NN_CASES)
    assert all("grad" in r for r in tf_nn_results.values() if "value" in r)
    mismatches = [
        m
        for name, (sc, xkey, lkey) in TF_NN_CASES.items()
        if (m := _compare(name, _reference(sc, "tf", xkey, lkey), tf_nn_results[name]))
    ]
    assert not mismatches, "\n".join(mismatches)


def test_a_true_gradient_in_tf_nn_is_caught(tf_nn_results: Dict[str, dict], monkeypatch) -> None:
    """TF's fused kernel back-propagates softmax - y; with multi-hot labels that is not the true gradient."""
    monkeypatch.setattr(P, "cce_logits_fused", P.cce_logits)
    sc, xkey, lkey = TF_NN_CASES["sce_multi_hot"]
    assert _compare("sce_multi_hot", _reference(sc, "tf", xkey, lkey), tf_nn_results["sce_multi_hot"]) is not None


# --- PyTorch, in process ---------------------------------------------------------------------


def _torch_cases():
    torch = pytest.importorskip("torch", reason="torch is not installed (pip install torch==2.13.0)")
    F = torch.nn.functional
    t = torch.tensor(INPUTS["t"])
    y1 = torch.tensor(INPUTS["y1"])[:, None]
    return torch, {
        "ce": (S("pytorch", LINEAR, K, SPARSE, LOGITS), "zK", lambda z: F.cross_entropy(z, t)),
        "ce_softmax": (S("pytorch", SOFTMAX, K, SPARSE, LOGITS), "zK", lambda z: F.cross_entropy(F.softmax(z, 1), t)),
        "ce_prob": (
            S("pytorch", LINEAR, K, CATEGORICAL, LOGITS, ONE_HOT),
            "zK",
            lambda z: F.cross_entropy(z, torch.tensor(INPUTS["oh"])),
        ),
        "ce_1col": (S("pytorch", LINEAR, 1, CATEGORICAL, LOGITS), "z1", lambda z: F.cross_entropy(z, y1)),
        "nll_raw": (S("pytorch", LINEAR, K, NLL, LOG_PROBS), "zK", lambda z: F.nll_loss(z, t)),
        "nll_log_softmax": (
            S("pytorch", LOG_SOFTMAX, K, NLL, LOG_PROBS),
            "zK",
            lambda z: F.nll_loss(F.log_softmax(z, 1), t),
        ),
        "bce_probs": (S("pytorch", LINEAR, 1, BINARY, PROBS), "p1", lambda p: F.binary_cross_entropy(p, y1)),
        "bce_sigmoid": (
            S("pytorch", SIGMOID, 1, BINARY, PROBS),
            "z1",
            lambda z: F.binary_cross_entropy(torch.sigmoid(z), y1),
        ),
        "bce_softmax1": (
            S("pytorch", SOFTMAX, 1, BINARY, PROBS),
            "z1",
            lambda z: F.binary_cross_entropy(F.softmax(z, 1), y1),
        ),
        "bce_logits": (
            S("pytorch", LINEAR, 1, BINARY, LOGITS),
            "z1",
            lambda z: F.binary_cross_entropy_with_logits(z, y1),
        ),
        "bce_double_sigmoid": (
            S("pytorch", SIGMOID, 1, BINARY, LOGITS),
            "z1",
            lambda z: F.binary_cross_entropy_with_logits(torch.sigmoid(z), y1),
        ),
        "err_1col_index": (
            S("pytorch", LINEAR, 1, SPARSE, LOGITS),
            "z1",
            lambda z: F.cross_entropy(z, torch.tensor(INPUTS["y1"]).long()),
        ),
        "err_long_one_hot": (
            S("pytorch", LINEAR, K, SPARSE, LOGITS, ONE_HOT),
            "zK",
            lambda z: F.cross_entropy(z, F.one_hot(t, K)),
        ),
        "err_bce_raw": (S("pytorch", LINEAR, 1, BINARY, PROBS), "z1", lambda z: F.binary_cross_entropy(z, y1)),
        "err_float_index": (
            S("pytorch", LINEAR, K, CATEGORICAL, LOGITS),
            "zK",
            lambda z: F.cross_entropy(z, t.float()),
        ),
        "err_bce_logits_size": (
            S("pytorch", LINEAR, K, BINARY, LOGITS),
            "zK",
            lambda z: F.binary_cross_entropy_with_logits(z, t.float()),
        ),
    }


def _torch_run(torch, fn, x: np.ndarray) -> dict:
    z = torch.tensor(x, requires_grad=True)
    try:
        value = fn(z)
        value.backward()
    except (RuntimeError, ValueError, IndexError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"value": float(value.detach()), "grad": z.grad.double().numpy()}


def test_pytorch_losses_gradients_and_errors_match() -> None:
    torch, cases = _torch_cases()
    mismatches = [
        m
        for name, (sc, xkey, fn) in cases.items()
        if (m := _compare(name, _reference(sc, "pytorch", xkey), _torch_run(torch, fn, INPUTS[xkey])))
    ]
    assert not mismatches, "\n".join(mismatches)


def test_pytorch_naive_log_softmax_gives_the_same_inf_and_nan() -> None:
    torch, _ = _torch_cases()
    F = torch.nn.functional
    big = INPUTS["zK"] * 10  # gaps of hundreds of logits underflow float32 softmax
    fw = _torch_run(torch, lambda z: F.nll_loss(torch.log(F.softmax(z, 1)), torch.tensor(INPUTS["t"])), big)
    sc = S("pytorch", SOFTMAX, K, NLL, LOG_PROBS)
    labels = INPUTS["t"].astype(np.int64)
    built = build(sc, "pytorch", Dataset(np.zeros((N, 1)), labels, K), Options(naive_log=True))
    loss, grad, _ = built.objective(big.astype(np.float64))
    assert np.isinf(loss) and np.isinf(fw["value"])
    assert np.array_equal(np.isnan(grad), np.isnan(fw["grad"]))


def test_a_missing_clamp_is_caught(monkeypatch) -> None:
    torch, cases = _torch_cases()
    sc, xkey, fn = cases["bce_probs"]
    monkeypatch.setattr(P, "TORCH_LOG_FLOOR", -np.inf)
    assert _compare("bce_probs", _reference(sc, "pytorch", xkey), _torch_run(torch, fn, INPUTS[xkey])) is not None


# --- optax under jax.grad, in process ---------------------------------------------------------


def _optax_cases():
    jax = pytest.importorskip("jax", reason=f"jax is not installed ({INSTALL})")
    optax = pytest.importorskip("optax", reason=f"optax is not installed ({INSTALL})")
    jnn, L = jax.nn, optax.losses
    t, oh, y1 = INPUTS["t"], INPUTS["oh"], INPUTS["y1"][:, None]
    sce, sbce = L.softmax_cross_entropy, L.sigmoid_binary_cross_entropy
    isce = L.softmax_cross_entropy_with_integer_labels
    return jax, {  # name -> (scenario, input key, label key, per-example loss of the logits)
        "sce": (S("optax", LINEAR, K, CATEGORICAL, LOGITS, ONE_HOT), "zK", "t", lambda z: sce(z, oh)),
        "sce_softmax": (
            S("optax", SOFTMAX, K, CATEGORICAL, LOGITS, ONE_HOT),
            "zK",
            "t",
            lambda z: sce(jnn.softmax(z), oh),
        ),
        # integer labels (N,1) broadcast silently: loss_i = -t_i * sum_j log p_ij
        "sce_int_column": (
            S("optax", LINEAR, K, CATEGORICAL, LOGITS, INTEGER),
            "zK",
            "t",
            lambda z: sce(z, t[:, None]),
        ),
        "isce": (S("optax", LINEAR, K, SPARSE, LOGITS), "zK", "t", lambda z: isce(z, t)),
        "isce_softmax": (S("optax", SOFTMAX, K, SPARSE, LOGITS), "zK", "t", lambda z: isce(jnn.softmax(z), t)),
        "isce_label_k": (S("optax", LINEAR, K, SPARSE, LOGITS), "zK", "t_k", lambda z: isce(z, INPUTS["t_k"])),
        "isce_label_neg": (S("optax", LINEAR, K, SPARSE, LOGITS), "zK", "t_neg", lambda z: isce(z, INPUTS["t_neg"])),
        "err_isce_one_hot": (S("optax", LINEAR, K, SPARSE, LOGITS, ONE_HOT), "zK", "t", lambda z: isce(z, oh)),
        "sbce": (S("optax", LINEAR, 1, BINARY, LOGITS), "z1", "y1", lambda z: sbce(z, y1)),
        "sbce_saturated": (
            S("optax", LINEAR, 1, BINARY, LOGITS),
            "z_sat",
            "y_sat",
            lambda z: sbce(z, INPUTS["y_sat"][:, None]),
        ),
        "sbce_sigmoid": (S("optax", SIGMOID, 1, BINARY, LOGITS), "z1", "y1", lambda z: sbce(jnn.sigmoid(z), y1)),
        "sbce_multi": (S("optax", LINEAR, K, BINARY, LOGITS, ONE_HOT), "zK", "t", lambda z: sbce(z, oh)),
    }


def _jax_run(jax, fn, x: np.ndarray) -> dict:
    """The usual `loss_fn(...).mean()` under `jax.value_and_grad`."""
    try:
        value, grad = jax.value_and_grad(lambda z: fn(z).mean())(x)
    except (TypeError, ValueError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"value": float(value), "grad": np.asarray(grad, dtype=np.float64)}


def test_optax_losses_gradients_and_errors_match() -> None:
    jax, cases = _optax_cases()
    mismatches = [
        m
        for name, (sc, xkey, lkey, fn) in cases.items()
        if (m := _compare(name, _reference(sc, "optax", xkey, lkey), _jax_run(jax, fn, INPUTS[xkey])))
    ]
    assert not mismatches, "\n".join(mismatches)


def test_optax_silent_broadcast_and_out_of_range_labels() -> None:
    """labels (N,1): class-0 rows cost exactly 0; label K: NaN, silently, yet a finite gradient."""
    jax, cases = _optax_cases()
    import optax

    per = np.asarray(optax.losses.softmax_cross_entropy(INPUTS["zK"], INPUTS["t"][:, None]))
    assert np.all(per[INPUTS["t"] == 0] == 0.0) and np.all(per[INPUTS["t"] > 0] > 0)
    fw = _jax_run(jax, cases["isce_label_k"][3], INPUTS["zK"])
    assert np.isnan(fw["value"]) and np.all(np.isfinite(fw["grad"]))


def test_optax_label_shape_and_dtype_errors() -> None:
    """The texts a user sees for (N,) labels in softmax_cross_entropy, and for labels that are
    not an integer vector in the _with_integer_labels variant."""
    _, _ = _optax_cases()
    import optax

    L, z, t = optax.losses, INPUTS["zK"], INPUTS["t"]
    got = {}
    for name, call, expected in [
        ("sce_int_vector", lambda: L.softmax_cross_entropy(z, t), E.optax_broadcast((N,), (N, K))),
        (
            "isce_float_one_hot",
            lambda: L.softmax_cross_entropy_with_integer_labels(z, INPUTS["oh"]),
            E.OPTAX_INTEGER_DTYPE,
        ),
        (
            "isce_int_one_hot",
            lambda: L.softmax_cross_entropy_with_integer_labels(z, INPUTS["oh"].astype(np.int32)),
            E.OPTAX_INDEX_RANK,
        ),
        ("isce_int_column", lambda: L.softmax_cross_entropy_with_integer_labels(z, t[:, None]), E.OPTAX_INDEX_RANK),
    ]:
        try:
            call()
            got[name] = (None, expected)
        except (TypeError, ValueError) as exc:
            got[name] = (f"{type(exc).__name__}: {exc}", expected)
    assert {k: a for k, (a, _) in got.items()} == {k: b for k, (_, b) in got.items()}


def test_a_clip_in_optax_is_caught(monkeypatch) -> None:
    """optax does not clip: a Keras-style clip slipped into the evaluator's optax path must fail."""
    jax, cases = _optax_cases()
    sc, xkey, lkey, fn = cases["sbce_saturated"]
    monkeypatch.setattr(P, "bce_logits", P.bce_logits_numpy_backend)
    assert _compare("sbce_saturated", _reference(sc, "optax", xkey, lkey), _jax_run(jax, fn, INPUTS[xkey])) is not None
