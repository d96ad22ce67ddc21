"""The evaluator's objectives against real Keras 3 and PyTorch on the same float32 arrays.

Loss values and gradients w.r.t. the pre-activation logits must satisfy
|ref - fw| <= 1e-6 + 1e-6*|fw|; error texts must be identical. Inputs include
saturated values (probabilities at exactly 0 and 1, logits of ±30) so a wrong
epsilon or a missing clamp shows. Keras runs in one subprocess per backend.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Dict, Optional, Tuple

import numpy as np
import pytest

from celint.evaluator import primitives as P
from celint.evaluator.data import Dataset
from celint.evaluator.errors import FrameworkError
from celint.evaluator.objectives import Options, build
from celint.facts import (
    BINARY, CATEGORICAL, INTEGER, LINEAR, LOG_PROBS, LOG_SOFTMAX, LOGITS, NLL, ONE_HOT, PROBS, SIGMOID,
    SOFTMAX, SPARSE, Scenario,
)

pytestmark = pytest.mark.crosscheck

WORKER = Path(__file__).parent / "crosscheck" / "keras_worker.py"
N, K = 12, 4


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
    return {"z1": z1, "y1": y1, "p1": p1, "zK": zk, "pK": pk, "t": t, "oh": np.eye(K, dtype=np.float32)[t]}


INPUTS = _inputs()


def S(fw: str, act: str, width: int, loss: str, expects: str, targets: str = INTEGER) -> Scenario:
    return Scenario(fw, act, width, loss, expects, targets, K if width > 1 else 2)


# name -> (scenario, input key); must mirror tests/crosscheck/keras_worker.py:CASES
KERAS_CASES: Dict[str, Tuple[Scenario, str]] = {
    "bce_probs": (S("keras", LINEAR, 1, BINARY, PROBS), "p1"),
    "bce_logits": (S("keras", LINEAR, 1, BINARY, LOGITS), "z1"),
    "bce_raw": (S("keras", LINEAR, 1, BINARY, PROBS), "z1"),
    "bce_sigmoid": (S("keras", SIGMOID, 1, BINARY, PROBS), "z1"),
    "bce_double_sigmoid": (S("keras", SIGMOID, 1, BINARY, LOGITS), "z1"),
    "bce_softmax1": (S("keras", SOFTMAX, 1, BINARY, PROBS), "z1"),
    "cce_sigmoid1": (S("keras", SIGMOID, 1, CATEGORICAL, PROBS), "z1"),
    "cce_probs": (S("keras", LINEAR, K, CATEGORICAL, PROBS, ONE_HOT), "pK"),
    "cce_logits": (S("keras", LINEAR, K, CATEGORICAL, LOGITS, ONE_HOT), "zK"),
    "cce_softmax": (S("keras", SOFTMAX, K, CATEGORICAL, PROBS, ONE_HOT), "zK"),
    "cce_sigmoid": (S("keras", SIGMOID, K, CATEGORICAL, PROBS, ONE_HOT), "zK"),
    "cce_raw": (S("keras", LINEAR, K, CATEGORICAL, PROBS, ONE_HOT), "zK"),
    "scce_probs": (S("keras", LINEAR, K, SPARSE, PROBS), "pK"),
    "scce_logits": (S("keras", LINEAR, K, SPARSE, LOGITS), "zK"),
    "scce_softmax": (S("keras", SOFTMAX, K, SPARSE, PROBS), "zK"),
    "scce_double": (S("keras", SOFTMAX, K, SPARSE, LOGITS), "zK"),
    "bce_softmaxK": (S("keras", SOFTMAX, K, BINARY, PROBS, ONE_HOT), "zK"),
    "err_scce_onehot": (S("keras", SOFTMAX, K, SPARSE, PROBS, ONE_HOT), "zK"),
    "err_cce_int": (S("keras", SOFTMAX, K, CATEGORICAL, PROBS, INTEGER), "zK"),
}


def _reference(sc: Scenario, backend: str, xkey: str, opts: Options = Options()):
    """(loss, dloss/dz) from the evaluator, or the error text."""
    labels = INPUTS["y1"] if sc.width == 1 else INPUTS["t"]
    data = Dataset(np.zeros((N, 1)), labels.astype(np.int64), sc.classes)
    try:
        built = build(sc, backend, data, opts)
        loss, grad, _ = built.objective(INPUTS[xkey].astype(np.float64))
    except FrameworkError as exc:
        return str(exc)
    return loss, grad


def _close(ref, fw) -> bool:
    ref, fw = np.asarray(ref, dtype=np.float64), np.asarray(fw, dtype=np.float64)
    same_special = (np.isnan(ref) & np.isnan(fw)) | (np.isinf(ref) & (ref == fw))
    with np.errstate(invalid="ignore"):
        ok = np.abs(ref - fw) <= 1e-6 + 1e-6 * np.abs(fw)
    return bool(np.all(ok | same_special))


def _compare(name: str, ref, fw: dict) -> Optional[str]:
    """None when they agree, else a short description of the mismatch."""
    if isinstance(ref, str) or "error" in fw:
        return None if ref == fw.get("error") else f"{name}: {ref!r} != {fw.get('error')!r}"
    loss, grad = ref
    if not _close(loss, fw["value"]):
        return f"{name}: loss {loss!r} != {fw['value']!r}"
    if "grad" in fw and not _close(grad, fw["grad"]):
        return f"{name}: grad differs by {np.nanmax(np.abs(grad - np.asarray(fw['grad']))):.3g}"
    return None


def _start_worker(backend: str, tmp: Path) -> Tuple[subprocess.Popen, Path]:
    inputs, out = tmp / "inputs.npz", tmp / f"keras-{backend}.json"
    if not inputs.exists():
        np.savez(inputs, **INPUTS)
    env = dict(os.environ, KERAS_BACKEND=backend, PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, str(WORKER), str(inputs), str(out)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, out


@pytest.fixture(scope="module")
def keras_results(tmp_path_factory) -> Dict[str, dict]:
    """Both backends in parallel; a backend whose dependencies are absent maps to its reason."""
    if importlib.util.find_spec("keras") is None:
        pytest.skip("keras is not installed (pip install 'celint[crosscheck]')")
    tmp = tmp_path_factory.mktemp("keras")
    procs = {b: _start_worker(b, tmp) for b in ("torch", "numpy")}
    results: Dict[str, dict] = {}
    for backend, (proc, out) in procs.items():
        _, err = proc.communicate(timeout=120)
        if proc.returncode == 0:
            results[backend] = json.loads(out.read_text(encoding="utf-8"))
        elif "ModuleNotFoundError" in err:
            missing = err.strip().splitlines()[-1]
            results[backend] = {"skip": f"keras {backend} backend cannot import: {missing}"}
        else:
            raise AssertionError(f"keras {backend} worker failed:\n{err}")
    return results


@pytest.mark.parametrize("backend", ["torch", "numpy"])
def test_keras_losses_and_gradients_match(keras_results: Dict[str, dict], backend: str) -> None:
    results = keras_results[backend]
    if "skip" in results:
        pytest.skip(results["skip"])  # keras 3.15's numpy backend imports jax, which is not installed
    mismatches = [
        m for name, (sc, xkey) in KERAS_CASES.items()
        if (m := _compare(name, _reference(sc, f"keras-{backend}", xkey), results[name]))
    ]
    assert not mismatches, "\n".join(mismatches)


def test_a_wrong_epsilon_is_caught(keras_results: Dict[str, dict], monkeypatch) -> None:
    results = keras_results["torch"]
    if "skip" in results:
        pytest.skip(results["skip"])
    monkeypatch.setattr(P, "CLIP_HIGH", 1 - 1e-7)  # the float64 bound: off by 0.176 when saturated
    sc, xkey = KERAS_CASES["bce_probs"]
    assert _compare("bce_probs", _reference(sc, "keras-torch", xkey), results["bce_probs"]) is not None


def _numpy_backend_source() -> Dict[str, Callable]:
    """The Keras numpy backend's own loss functions, compiled from its source file.

    keras 3.15's numpy backend cannot be imported without jax and scipy (its math
    and linalg modules import them), so its nn.py functions are extracted and run
    with numpy; this still checks the real code, e.g. its capped BCE from logits.
    """
    spec = importlib.util.find_spec("keras")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("keras is not installed (pip install 'celint[crosscheck]')")
    path = Path(list(spec.submodule_search_locations)[0]) / "src" / "backend" / "numpy" / "nn.py"
    wanted = {"sigmoid", "softmax", "log_softmax", "one_hot", "binary_crossentropy",
              "categorical_crossentropy", "sparse_categorical_crossentropy"}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in wanted]
    namespace: Dict[str, object] = {
        "np": np,
        "backend": SimpleNamespace(epsilon=lambda: 1e-7),
        "convert_to_tensor": lambda x, dtype=None: np.asarray(x, dtype=dtype),
    }
    exec(compile(ast.Module(body=body, type_ignores=[]), str(path), "exec"), namespace)  # noqa: S102
    return namespace  # type: ignore[return-value]


def _keras_numpy_value(ns: Dict[str, Callable], act: Optional[str], loss: str, from_logits: bool,
                       xkey: str, ykey: str) -> dict:
    """What keras.losses.<Loss>()(y, act(x)) returns: same-rank fix, per-sample loss, mean."""
    x = INPUTS[xkey].astype(np.float32)
    pred = ns[act](x) if act else x
    y = INPUTS[ykey].astype(np.int64 if ykey == "t" else np.float32)
    if y.ndim == 1 and pred.shape[-1] == 1:
        y = y[:, None]  # losses/loss.py:squeeze_or_expand_to_same_rank
    try:
        values = ns[loss](y, pred, from_logits=from_logits)
    except (ValueError, IndexError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    if loss == "binary_crossentropy":
        values = np.mean(values, axis=-1)  # losses.binary_crossentropy averages the last axis
    return {"value": float(np.mean(values))}


NUMPY_CALLS = {  # name -> (activation, loss function, from_logits, target key)
    "bce_probs": (None, "binary_crossentropy", False, "y1"),
    "bce_logits": (None, "binary_crossentropy", True, "y1"),
    "bce_raw": (None, "binary_crossentropy", False, "y1"),
    "bce_sigmoid": ("sigmoid", "binary_crossentropy", False, "y1"),
    "bce_double_sigmoid": ("sigmoid", "binary_crossentropy", True, "y1"),
    "bce_softmax1": ("softmax", "binary_crossentropy", False, "y1"),
    "cce_sigmoid1": ("sigmoid", "categorical_crossentropy", False, "y1"),
    "cce_probs": (None, "categorical_crossentropy", False, "oh"),
    "cce_logits": (None, "categorical_crossentropy", True, "oh"),
    "cce_softmax": ("softmax", "categorical_crossentropy", False, "oh"),
    "cce_sigmoid": ("sigmoid", "categorical_crossentropy", False, "oh"),
    "cce_raw": (None, "categorical_crossentropy", False, "oh"),
    "scce_probs": (None, "sparse_categorical_crossentropy", False, "t"),
    "scce_logits": (None, "sparse_categorical_crossentropy", True, "t"),
    "scce_softmax": ("softmax", "sparse_categorical_crossentropy", False, "t"),
    "scce_double": ("softmax", "sparse_categorical_crossentropy", True, "t"),
    "bce_softmaxK": ("softmax", "binary_crossentropy", False, "oh"),
    "err_scce_onehot": ("softmax", "sparse_categorical_crossentropy", False, "oh"),
    "err_cce_int": ("softmax", "categorical_crossentropy", False, "t"),
}


def test_keras_numpy_backend_source_matches_including_capped_bce_from_logits() -> None:
    ns = _numpy_backend_source()
    assert set(NUMPY_CALLS) == set(KERAS_CASES)
    mismatches = []
    for name, (act, loss, logits, ykey) in NUMPY_CALLS.items():
        sc, xkey = KERAS_CASES[name]
        fw = _keras_numpy_value(ns, act, loss, logits, xkey, ykey)
        mismatch = _compare(name, _reference(sc, "keras-numpy", xkey), fw)
        if mismatch:
            mismatches.append(mismatch)
    assert not mismatches, "\n".join(mismatches)
    # The cap itself: z=-30 with y=1 costs 16.118095 here and 30.0 on every other backend.
    capped = ns["binary_crossentropy"](np.float32([[1.0]]), np.float32([[-30.0]]), from_logits=True)
    assert float(capped[0, 0]) == pytest.approx(16.118095, rel=1e-6)


# --- PyTorch, in process ---------------------------------------------------------------------


def _torch_cases():
    torch = pytest.importorskip("torch", reason="torch is not installed (pip install torch==2.13.0)")
    F = torch.nn.functional
    t = torch.tensor(INPUTS["t"])
    y1 = torch.tensor(INPUTS["y1"])[:, None]
    return torch, {
        "ce": (S("pytorch", LINEAR, K, SPARSE, LOGITS), "zK", lambda z: F.cross_entropy(z, t)),
        "ce_softmax": (S("pytorch", SOFTMAX, K, SPARSE, LOGITS), "zK", lambda z: F.cross_entropy(F.softmax(z, 1), t)),
        "ce_prob": (S("pytorch", LINEAR, K, CATEGORICAL, LOGITS, ONE_HOT), "zK",
                    lambda z: F.cross_entropy(z, torch.tensor(INPUTS["oh"]))),
        "ce_1col": (S("pytorch", LINEAR, 1, CATEGORICAL, LOGITS), "z1", lambda z: F.cross_entropy(z, y1)),
        "nll_raw": (S("pytorch", LINEAR, K, NLL, LOG_PROBS), "zK", lambda z: F.nll_loss(z, t)),
        "nll_log_softmax": (S("pytorch", LOG_SOFTMAX, K, NLL, LOG_PROBS), "zK",
                            lambda z: F.nll_loss(F.log_softmax(z, 1), t)),
        "bce_probs": (S("pytorch", LINEAR, 1, BINARY, PROBS), "p1", lambda p: F.binary_cross_entropy(p, y1)),
        "bce_sigmoid": (S("pytorch", SIGMOID, 1, BINARY, PROBS), "z1",
                        lambda z: F.binary_cross_entropy(torch.sigmoid(z), y1)),
        "bce_softmax1": (S("pytorch", SOFTMAX, 1, BINARY, PROBS), "z1",
                         lambda z: F.binary_cross_entropy(F.softmax(z, 1), y1)),
        "bce_logits": (S("pytorch", LINEAR, 1, BINARY, LOGITS), "z1",
                       lambda z: F.binary_cross_entropy_with_logits(z, y1)),
        "bce_double_sigmoid": (S("pytorch", SIGMOID, 1, BINARY, LOGITS), "z1",
                               lambda z: F.binary_cross_entropy_with_logits(torch.sigmoid(z), y1)),
        "err_1col_index": (S("pytorch", LINEAR, 1, SPARSE, LOGITS), "z1",
                           lambda z: F.cross_entropy(z, torch.tensor(INPUTS["y1"]).long())),
        "err_long_one_hot": (S("pytorch", LINEAR, K, SPARSE, LOGITS, ONE_HOT), "zK",
                             lambda z: F.cross_entropy(z, F.one_hot(t, K))),
        "err_bce_raw": (S("pytorch", LINEAR, 1, BINARY, PROBS), "z1", lambda z: F.binary_cross_entropy(z, y1)),
        "err_float_index": (S("pytorch", LINEAR, K, CATEGORICAL, LOGITS), "zK",
                            lambda z: F.cross_entropy(z, t.float())),
        "err_bce_logits_size": (S("pytorch", LINEAR, K, BINARY, LOGITS), "zK",
                                lambda z: F.binary_cross_entropy_with_logits(z, t.float())),
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
        m for name, (sc, xkey, fn) in cases.items()
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


def test_pytorch_class_weighted_mean_matches() -> None:
    torch, _ = _torch_cases()
    from celint.evaluator.reductions import torch_reduce

    weight = np.array([1.0, 3.0, 0.5, 2.0])
    fw = torch.nn.functional.cross_entropy(torch.tensor(INPUTS["zK"]), torch.tensor(INPUTS["t"]),
                                           weight=torch.tensor(weight, dtype=torch.float32))
    per, _ = P.cce_logits(P.one_hot(INPUTS["t"], K), INPUTS["zK"].astype(np.float64))
    assert _close(torch_reduce(per, "mean", weight, INPUTS["t"]), float(fw))


def test_a_missing_clamp_is_caught(monkeypatch) -> None:
    torch, cases = _torch_cases()
    sc, xkey, fn = cases["bce_probs"]
    monkeypatch.setattr(P, "TORCH_LOG_FLOOR", -np.inf)
    assert _compare("bce_probs", _reference(sc, "pytorch", xkey), _torch_run(torch, fn, INPUTS[xkey])) is not None
