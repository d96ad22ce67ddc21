"""Every rule's demonstration, replayed in the real frameworks: the evaluator's numbers are the frameworks'.

For each canonical case of each rule (`RULES_BY_CODE[code].demo.cases`), on each backend the evaluator
shows it on (`evaluator/demos.py: BACKENDS`; the fixed side where `run_case` runs it), the run is done
again by the framework itself in tests/crosscheck/replay_worker.py: the same dataset and initial
weights, a real dense layer, the real activation and loss, full-batch SGD at the same rate for the same
number of steps, in float32. A Keras flagged side with a softmax or sigmoid head also runs on TensorFlow
spelled `activation=tf.nn.softmax` / `tf.nn.sigmoid` (no `_keras_logits` tag). Compared with the
evaluator (which computes in float64 around float32 activations):

- the error text (TensorFlow's InvalidArgumentError: the stable sentence, see test_evaluator_crosscheck)
  and the step it is raised at; the warnings (UserWarning, SyntaxWarning);
- the loss curve and the gradient norms, within float32 tolerance (CURVE_RTOL), unless the run is in
  CHAOTIC: runs where float32 and float64 part ways, checked on what the demonstration claims instead;
- the accuracies at the start and the end, computed from the framework's outputs as the evaluator
  computes them from its own (`training.predict`, top outputs tied within float32 rounding counted as a
  tie); one sample may fall on the other side of a threshold.

Keras needs one process per backend (KERAS_BACKEND is read at import); the other frameworks share the
process that imports them anyway (PROCESSES), two processes at a time (two cores). keras-numpy cannot
train (Keras' fit raises on it, and numpy has no autodiff): it follows the evaluator's logits and
compares losses, warnings, errors and accuracies at each step. One case per Keras backend that trains
also runs `model.fit`, to show that the worker's training step is fit's.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple

import numpy as np
import pytest
from test_evaluator_crosscheck import same_error

from celint.evaluator import objectives
from celint.evaluator.data import make_dataset
from celint.evaluator.demos import BACKENDS, _fixed_backend
from celint.evaluator.errors import FrameworkError
from celint.evaluator.objectives import build
from celint.evaluator.training import Outcome, accuracy, predict, train
from celint.facts import MULTI_HOT, Case, ReplayOptions, Scenario
from celint.records import replace
from celint.rules import RULES_BY_CODE

pytestmark = pytest.mark.crosscheck

WORKER = Path(__file__).parent / "crosscheck" / "replay_worker.py"
INSTALL = "pip install 'celint[crosscheck]'"
NEEDS = {
    "keras-tensorflow": ("keras", "tensorflow"),
    "keras-torch": ("keras", "torch"),
    "keras-jax": ("keras", "jax"),
    "keras-numpy": ("keras", "jax", "scipy"),
    "pytorch": ("torch",),
    "optax": ("jax", "optax"),
    "tf": ("tensorflow",),
}
# One worker process per Keras backend (KERAS_BACKEND is read at import), each also running the backends
# that import the same framework; PARALLEL at a time.
PROCESSES = {
    "tensorflow": ("keras-tensorflow", "tf"),
    "torch": ("keras-torch", "pytorch"),
    "jax": ("keras-jax", "optax"),
    "numpy": ("keras-numpy",),
}
PARALLEL = 2
# one thread each: the arrays are tiny, and the workers share two cores
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
}
CURVE_RTOL = 1e-4  # float32 against float64: relative, on losses and gradient norms
LOSS_ATOL = 1e-6  # a loss of 5e-8 (CE202) is float32 rounding of a clip, not a number to match to 1e-4
FLOAT32_TIE = 1e-6  # top two outputs closer than this times the largest output: a tie (a few float32 ulps)
FIT_CASE = ("CE101", 0, "fixed")  # compared with model.fit on each Keras backend that trains ...
FIT_EPOCHS = 20  # ... for its first steps (fit on TensorFlow costs 0.1 s an epoch)


UNTAGGED = "flagged, spelled tf.nn"


class Job(NamedTuple):
    code: str
    case: int
    side: str  # "flagged" / "fixed", or UNTAGGED: the flagged side on keras-tensorflow with a tf.nn activation
    shown_on: str  # the backend the variant is shown for
    backend: str  # the backend this side runs on
    scenario: Scenario
    options: ReplayOptions
    data: Tuple[int, bool, float]  # make_dataset's arguments

    @property
    def name(self) -> str:
        return f"{self.code}[{self.case}] {self.side} on {self.backend}"


def _data_args(case: Case, side: str) -> Tuple[int, bool, float]:
    """As demos.run_case picks the dataset of each side."""
    multilabel = MULTI_HOT in (case.flagged.targets, case.fixed.targets)
    classes = max(case.flagged.classes, 2)
    if side == "fixed" and case.fixed_opts.input_scale != case.flagged_opts.input_scale:
        return max(case.fixed.classes, 2), multilabel, case.fixed_opts.input_scale
    return classes, multilabel, case.flagged_opts.input_scale


def demo_jobs() -> List[Job]:
    jobs = []
    for code, rule in sorted(RULES_BY_CODE.items()):
        for index, case in enumerate(rule.demo.cases if rule.demo else ()):
            if not (BACKENDS.get(case.flagged.framework) and BACKENDS.get(case.fixed.framework)):
                continue
            for shown in BACKENDS[case.flagged.framework]:
                fixed_on = _fixed_backend(case.fixed, shown.name)
                for side, sc, opts, backend in (
                    ("flagged", case.flagged, case.flagged_opts, shown.name),
                    ("fixed", case.fixed, case.fixed_opts, fixed_on),
                ):
                    jobs.append(Job(code, index, side, shown.name, backend, sc, opts, _data_args(case, side)))
                if shown.name == "keras-tensorflow" and case.flagged.activation.is_probability:
                    # the same head spelled activation=tf.nn.softmax / tf.nn.sigmoid: no _keras_logits tag
                    untagged = replace(case.flagged, tagged=False)
                    data = _data_args(case, "flagged")
                    jobs.append(Job(code, index, UNTAGGED, shown.name, shown.name, untagged, case.flagged_opts, data))
    return jobs


def run_key(job: Job) -> Tuple[Any, ...]:
    """Jobs with the same key are the same run (many fixed sides are)."""
    return (job.backend, job.scenario, job.options, job.data)


def evaluator_run(job: Job) -> Tuple[Outcome, np.ndarray]:
    """demos.run_one, keeping the logits the evaluator trained through (keras-numpy follows them)."""
    data = make_dataset(*job.data)
    logits: List[np.ndarray] = []
    try:
        built = build(job.scenario, job.backend, data, job.options)
    except FrameworkError as exc:
        return Outcome(error=str(exc), error_step=0), np.zeros((0, len(data.labels), job.scenario.width))

    def recorded(z: np.ndarray) -> Any:
        logits.append(z.copy())
        return built.objective(z)

    outcome = train(recorded, job.scenario, data, job.options, built.warnings)
    return outcome, np.array(logits)


# --- running the workers ------------------------------------------------------------------------------


def _missing(backend: str) -> List[str]:
    return [m for m in NEEDS[backend] if importlib.util.find_spec(m) is None]


def run_workers(by_backend: Dict[str, List[Dict[str, Any]]], tmp: Path) -> Dict[str, Dict[str, Any]]:
    """PARALLEL processes at a time; backend -> {job key: result}, or {"skip": why}."""
    results: Dict[str, Dict[str, Any]] = {}
    pending = []
    for keras_backend, backends in PROCESSES.items():
        jobs = []
        for backend in backends:
            missing = _missing(backend)
            if missing:
                results[backend] = {"skip": f"{backend} needs {', '.join(missing)} ({INSTALL})"}
            else:
                jobs += by_backend.get(backend, [])
        if jobs:
            (tmp / f"{keras_backend}.jobs.pkl").write_bytes(pickle.dumps(jobs))
            pending.append(keras_backend)
    running: Dict[str, Tuple[subprocess.Popen, Path, float]] = {}
    timings = {}
    while pending or running:
        while pending and len(running) < PARALLEL:
            keras_backend = pending.pop(0)
            env = dict(os.environ, KERAS_BACKEND=keras_backend, PYTHONWARNINGS="ignore", TF_CPP_MIN_LOG_LEVEL="3")
            env.update(ONE_THREAD)
            out = tmp / f"{keras_backend}.results.pkl"
            cmd = [sys.executable, str(WORKER), str(tmp / f"{keras_backend}.jobs.pkl"), str(out)]
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            running[keras_backend] = (proc, out, time.monotonic())
        time.sleep(0.2)
        for keras_backend, (proc, out, started) in list(running.items()):
            if proc.poll() is None:
                continue
            _, err = proc.communicate()
            del running[keras_backend]
            if proc.returncode != 0:
                for p, _, _ in running.values():
                    p.kill()
                raise AssertionError(f"the {keras_backend} worker failed:\n{err[-5000:]}")
            for backend in PROCESSES[keras_backend]:
                results.setdefault(backend, {})
            for key, result in pickle.loads(out.read_bytes()).items():
                results[key[0]][key] = result
            timings[keras_backend] = time.monotonic() - started
    print("\nworker seconds: " + ", ".join(f"{b} {s:.1f}" for b, s in sorted(timings.items())))
    return results


class Replayed(NamedTuple):
    job: Job
    evaluator: Outcome
    real: Dict[str, Any]  # the worker's result


@pytest.fixture(scope="module")
def replayed(tmp_path_factory) -> List[Replayed]:
    jobs = demo_jobs()
    evaluated = {run_key(job): evaluator_run(job) for job in jobs}
    by_backend: Dict[str, List[Dict[str, Any]]] = {}
    keys: Dict[Tuple[Any, ...], Tuple[str, int]] = {}
    for job in jobs:
        key = run_key(job)
        if key in keys:
            continue
        keys[key] = (job.backend, len(keys))
        spec = {"key": keys[key], "backend": job.backend, "scenario": job.scenario, "options": job.options}
        spec.update(data=job.data, follow=evaluated[key][1] if job.backend == "keras-numpy" else None)
        spec["fit"] = FIT_EPOCHS if (job.code, job.case, job.side) == FIT_CASE and job.backend != "keras-numpy" else 0
        by_backend.setdefault(job.backend, []).append(spec)
    results = run_workers(by_backend, tmp_path_factory.mktemp("replay"))
    out = []
    for job in jobs:
        got = results[job.backend]
        real = got if "skip" in got else got[keys[run_key(job)]]
        out.append(Replayed(job, evaluated[run_key(job)][0], real))
    print(report(out))  # shown with -s, or with a failure
    return out


# --- comparing ----------------------------------------------------------------------------------------


def float32_ties(out: np.ndarray) -> np.ndarray:
    """Rows whose top two outputs are within float32 rounding of the outputs' scale, made exact ties: the
    evaluator's argmax counts a tie as no class (training.TIE), and where it finds every logit equal
    (CE302 on optax) float32 leaves them a few ulps apart, for argmax to pick from."""
    if out.ndim != 2 or out.shape[1] < 2 or not np.isfinite(out).all():
        return out
    order = np.argsort(out, axis=1)
    rows, top, second = np.arange(len(out)), order[:, -1], order[:, -2]
    near = out[rows, top] - out[rows, second] <= FLOAT32_TIE * np.max(np.abs(out))
    tied = out.copy()
    tied[rows[near], second[near]] = tied[rows[near], top[near]]
    return tied


def real_accuracies(r: Replayed) -> Tuple[Optional[float], Optional[float]]:
    """As the evaluator computes its accuracies from its outputs (`training.predict`)."""
    data = make_dataset(*r.job.data)
    found = []
    for key in ("out_start", "out_end"):
        out = r.real[key]
        found.append(
            None if out is None else accuracy(predict(float32_ties(out), r.job.scenario, data, r.job.options), data)
        )
    return found[0], found[1]


def first_divergence(a: Any, b: Any, atol: float) -> Optional[int]:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        far = ~((np.abs(a - b) <= CURVE_RTOL * np.abs(b) + atol) | (np.isnan(a) & np.isnan(b)) | (a == b))
    return int(np.argmax(far)) if far.any() else None


def _grad_atol(real: Dict[str, Any]) -> float:
    """The evaluator sets a norm below 1e-12 of the first to 0; float32 leaves about 1e-7 of it."""
    norms = real["grad_norm"]
    return 1e-6 * norms[0] if norms else 0.0


def mismatches(r: Replayed, chaotic: bool) -> List[str]:
    ev, real, name = r.evaluator, r.real, r.job.name
    found = []
    if ev.error or real["error"]:
        if not (ev.error and same_error(ev.error, real["error"])):
            found.append(f"{name}: error {ev.error!r} != {real['error']!r}")
        elif ev.error_step != real["error_step"]:
            found.append(f"{name}: error at step {ev.error_step} != {real['error_step']}")
    if sorted(ev.warnings) != sorted(real["warnings"]):
        found.append(f"{name}: warnings {list(ev.warnings)} != {real['warnings']}")
    if chaotic:
        return found
    n = len(real["loss"])
    if len(ev.loss_curve) != n:
        return [*found, f"{name}: {len(ev.loss_curve)} losses != {n}"]
    step = first_divergence(ev.loss_curve, real["loss"], LOSS_ATOL)
    if step is not None:
        found.append(f"{name}: loss at step {step} {ev.loss_curve[step]!r} != {real['loss'][step]!r}")
    if real["grad_norm"]:  # keras-numpy has none
        step = first_divergence(ev.grad_norms, real["grad_norm"], _grad_atol(real))
        if step is not None:
            found.append(f"{name}: grad norm at step {step} {ev.grad_norms[step]!r} != {real['grad_norm'][step]!r}")
    one_sample = 1.0 / make_dataset(*r.job.data).labels.shape[0]
    for what, mine, theirs in zip(("start", "end"), (ev.accuracy_start, ev.accuracy_end), real_accuracies(r)):
        if (mine is None) != (theirs is None) or (mine is not None and abs(mine - theirs) > one_sample + 1e-12):
            found.append(f"{name}: accuracy at the {what} {mine} != {theirs}")
    return found


# Runs where float32 and float64 part ways. Measured (evaluator float64 vs the framework's float32):
# the first step where the loss differs by more than CURVE_RTOL, and the two ends. Checked instead: the
# qualitative claim of the demonstration, as a predicate of the real run.
Claim = Callable[[Dict[str, Any], Tuple[Optional[float], Optional[float]]], bool]


def _does_not_learn(real: Dict[str, Any], acc: Tuple[Optional[float], Optional[float]]) -> bool:
    """The loss ends above where it started and accuracy well below the fixed run's 0.977."""
    return real["loss"][-1] > real["loss"][0] and acc[1] is not None and acc[1] < 0.8


def _learns_to_perfection(real: Dict[str, Any], acc: Tuple[Optional[float], Optional[float]]) -> bool:
    return real["loss"][-1] < 1e-5 and acc[1] == 1.0


# The clipped BCE on raw scores (CE102 in Keras): an output within float32 rounding of the clip bounds is in
# or out of the clip, and a kept one near 1e-7 has a gradient of 1/p; grad norms part at step 3 (1.7% on
# TensorFlow and JAX, 0.1% on torch), losses at step 5 or 6.
_CE102 = "loss > 1e-4 apart from step {}; ends {} (acc {}) against the evaluator's 6.0722 (0.621)"
CHAOTIC: Dict[Tuple[str, int, str, str], Tuple[str, Claim]] = {
    ("CE102", 1, "flagged", "keras-tensorflow"): (_CE102.format(5, 3.7509, 0.766), _does_not_learn),
    ("CE102", 1, "flagged", "keras-torch"): (_CE102.format(6, 6.0158, 0.617), _does_not_learn),
    ("CE102", 1, "flagged", "keras-jax"): (_CE102.format(5, 5.3725, 0.664), _does_not_learn),
    # Inputs x40 make logits in the hundreds and steps of norm 34: float32's rounding of them grows to a
    # 1.1% loss difference at step 13, and shrinks to 1.1e-4 at the end (2.0981e-06 against 2.0983e-06).
    ("CE103", 0, "fixed", "pytorch"): ("loss > 1e-4 apart from step 11, at most 1.1% (step 13)", _learns_to_perfection),
    # the same inputs through sigmoid_cross_entropy_with_logits: gradient norms 1e-3 apart at step 13
    ("CE103", 1, "fixed", "tf"): ("grad norm 0.03183 against 0.03186 at step 13", _learns_to_perfection),
}


def _skip_if_absent(rs: List[Replayed]) -> List[Replayed]:
    present = [r for r in rs if "skip" not in r.real]
    if not present:
        pytest.skip(rs[0].real["skip"] if rs else "no demonstration")
    return present


def _key(job: Job) -> Tuple[str, int, str, str]:
    return (job.code, job.case, job.side, job.backend)


def test_every_demonstration_is_replayed(replayed: List[Replayed]) -> None:
    """Every rule with cases and every backend of their frameworks, each flagged and fixed side."""
    codes = {code for code, rule in RULES_BY_CODE.items() if rule.demo and rule.demo.cases}
    assert {r.job.code for r in replayed} == codes
    assert {r.job.backend for r in replayed} == {b.name for backends in BACKENDS.values() for b in backends}
    assert set(CHAOTIC) <= {_key(r.job) for r in replayed}, "a CHAOTIC entry names no run"


@pytest.mark.parametrize("backend", sorted(NEEDS))
def test_demonstrations_match_the_real_framework(replayed: List[Replayed], backend: str) -> None:
    runs = _skip_if_absent([r for r in replayed if r.job.backend == backend])
    found = [m for r in runs for m in mismatches(r, _key(r.job) in CHAOTIC)]
    assert not found, "\n".join(dict.fromkeys(found))


def test_chaotic_runs_keep_their_claim(replayed: List[Replayed]) -> None:
    runs = [r for r in _skip_if_absent(replayed) if _key(r.job) in CHAOTIC]
    broken = [r.job.name for r in runs if not CHAOTIC[_key(r.job)][1](r.real, real_accuracies(r))]
    assert not broken, broken


def test_a_wrong_model_is_caught(replayed: List[Replayed], monkeypatch) -> None:
    """The comparison has teeth: the evaluator without Keras-on-TensorFlow's logits rescue disagrees."""
    (r,) = [r for r in _skip_if_absent(replayed) if _key(r.job) == ("CE101", 0, "flagged", "keras-tensorflow")]
    assert not mismatches(r, chaotic=False)
    monkeypatch.setattr(objectives, "keras_tf_reads_logits", lambda sc: False)
    assert mismatches(r._replace(evaluator=evaluator_run(r.job)[0]), chaotic=False)


def test_a_scenario_field_the_replay_does_not_read_fails_loudly(monkeypatch) -> None:
    """A field the worker does not replay, set to anything but its default, stops the run."""
    spec = importlib.util.spec_from_file_location("replay_worker", WORKER)
    assert spec is not None and spec.loader is not None
    worker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(worker)
    demo = RULES_BY_CODE["CE101"].demo
    assert demo is not None
    sc = demo.cases[0].flagged
    monkeypatch.setitem(worker.REPLAYED, Scenario, worker.REPLAYED[Scenario] - {"tagged"})
    worker.require_known_fields(sc, ReplayOptions())  # at its default: nothing to replay
    with pytest.raises(NotImplementedError, match=r"Scenario\.tagged=False"):
        worker.require_known_fields(replace(sc, tagged=False), ReplayOptions())


def test_the_replayed_step_is_model_fit(replayed: List[Replayed]) -> None:
    """The worker's loop equals `model.fit` (one full batch per epoch) on each Keras backend that trains."""
    runs = [r for r in _skip_if_absent(replayed) if "fit_loss" in r.real]
    assert {r.job.backend for r in runs} == {
        b for b in NEEDS if b.startswith("keras-") and b != "keras-numpy" and not _missing(b)
    }
    for r in runs:
        fit = r.real["fit_loss"]
        assert len(fit) == FIT_EPOCHS and np.allclose(fit, r.real["loss"][:FIT_EPOCHS], rtol=1e-5, atol=1e-7), (
            r.job.name
        )


def report(rs: List[Replayed]) -> str:
    """The figures, one line per side: evaluator / real loss start, end and end accuracy (or the error)."""

    def fmt(loss: List[float], acc: Optional[float], error: Optional[str], step: Optional[int]) -> str:
        if error:
            return f"error at step {step}: {error.splitlines()[0][:60]}"
        if not loss or acc is None:
            return f"nothing recorded ({len(loss)} losses)"
        return f"{loss[0]:.6g} -> {loss[-1]:.6g}, acc {acc:.3f}"

    lines = []
    for r in rs:
        if "skip" in r.real:
            continue
        ev, real = r.evaluator, r.real
        mine = fmt(list(ev.loss_curve), ev.accuracy_end, ev.error, ev.error_step)
        theirs = fmt(real["loss"], real_accuracies(r)[1], real["error"], real["error_step"])
        lines.append(f"{r.job.code}[{r.job.case}] {r.job.side:7} {r.job.backend:16} {mine} | {theirs}")
    return "\n".join(lines)
