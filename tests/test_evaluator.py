"""The NumPy evaluator on its own: hand-computed values, demo invariants, the output contract."""

from __future__ import annotations

import importlib.util
import json
import math
import string

import numpy as np
import pytest

from celint.demo import CODES, demonstrate
from celint.evaluator import BACKENDS, demonstrate_cases, plot, render_text, to_json
from celint.evaluator import primitives as P
from celint.evaluator.data import Dataset, make_dataset
from celint.evaluator.headlines import fill
from celint.evaluator.kit import shown_backends
from celint.evaluator.training import TIE, accuracy, predict
from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LINEAR,
    LOGITS,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Framework,
    ReplayOptions,
    Scenario,
)
from celint.rules import ALL_RULES, RULES_BY_CODE

SIXTEEN = 16.118095  # -log(float32(1e-7))
FIFTEEN = 15.942385  # -log(2**-23)
TINY = 1.1920929e-07  # -log(1 - 2**-23)


def _variant(demo, backend, index=0):
    """By a backend's name: "keras-torch/jax" is the variant that shows keras-torch, with jax or apart."""
    wanted = shown_backends(backend)[0]
    return [v for v in demo.variants if wanted in shown_backends(v.backend)][index]


# --- primitives against hand-computed values ------------------------------------------


def test_clip_bounds_are_the_float32_ones() -> None:
    assert P.CLIP_HIGH == 1 - 2.0**-23
    assert P.CLIP_LOW == pytest.approx(1e-7, rel=1e-7)


def test_saturated_keras_bce_values_are_asymmetric() -> None:
    loss, _ = P.bce_clipped(np.array([1.0, 0.0, 1.0]), np.array([0.0, 1.0, 1.0]))
    assert loss == pytest.approx([SIXTEEN, FIFTEEN, TINY], rel=1e-6)


def test_torch_bce_clamps_the_log_at_minus_100() -> None:
    loss, _ = P.bce_torch(np.array([1.0, 0.0]), np.array([0.0, 1.0]))
    assert loss.tolist() == [100.0, 100.0]


def test_numpy_backend_caps_bce_from_logits_where_the_others_do_not() -> None:
    y, z = np.array([1.0, 0.0]), np.array([-30.0, 30.0])
    assert P.bce_logits_numpy_backend(y, z)[0] == pytest.approx([SIXTEEN, FIFTEEN], rel=1e-6)
    assert P.bce_logits(y, z)[0] == pytest.approx([30.0, 30.0], rel=1e-9)


@pytest.mark.parametrize("k", [4, 10])
def test_softmax_twice_has_the_floor_log_1_plus_k_minus_1_over_e(k: int) -> None:
    z = np.full((1, k), -50.0)
    z[0, 0] = 50.0  # confident and correct
    loss, _ = P.cce_logits(P.one_hot(np.array([0]), k), P.softmax(z))
    assert loss[0] == pytest.approx(math.log(1 + (k - 1) / math.e), rel=1e-9)


def test_renormalisation_makes_a_single_sigmoid_unit_cost_tiny() -> None:
    loss, grad = P.cce_clipped(np.array([[1.0]]), np.array([[0.3]]))
    assert loss[0] == pytest.approx(TINY, rel=1e-6)
    assert grad[0, 0] == 0.0


def test_nll_has_no_log_inside() -> None:
    loss, _ = P.nll(np.array([1]), np.array([[0.5, 7.0]]))
    assert loss.tolist() == [-7.0]


def _numeric_grad(fn, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        g[i] = (fn(up).sum() - fn(down).sum()) / (2 * h)
    return g


@pytest.mark.parametrize(
    "name, fn",
    [
        ("bce_logits", lambda y, x: P.bce_logits(y, x)),
        ("bce_clipped", lambda y, x: P.bce_clipped(y, P.sigmoid(x) * 0.98 + 0.01)),
        ("cce_logits", lambda y, x: P.cce_logits(y, x)),
        ("cce_clipped", lambda y, x: P.cce_clipped(y, P.sigmoid(x))),
    ],
)
def test_analytic_gradients_match_finite_differences(name: str, fn) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, 4))
    y = P.one_hot(np.array([0, 2, 3]), 4)
    if name == "bce_clipped":  # gradient w.r.t. the probability itself
        p = P.sigmoid(x) * 0.98 + 0.01
        analytic = P.bce_clipped(y, p)[1]
        numeric = _numeric_grad(lambda q: P.bce_clipped(y, q)[0], p)
    elif name == "cce_clipped":
        p = P.sigmoid(x)
        analytic = P.cce_clipped(y, p)[1]
        numeric = _numeric_grad(lambda q: P.cce_clipped(y, q)[0], p)
    else:
        analytic = fn(y, x)[1]
        numeric = _numeric_grad(lambda q: fn(y, q)[0], x)
    assert analytic == pytest.approx(numeric, abs=1e-6)


# --- demonstrations ----------------------------------------------------------------------


def test_single_unit_softmax_has_constant_loss_zero_gradient_and_prior_accuracy() -> None:
    demo = demonstrate("CE201")
    pi = float(np.mean(make_dataset(2).labels))
    other = _variant(demo, "keras-torch/jax").flagged
    assert other.loss_curve == (other.loss_curve[0],) * len(other.loss_curve)
    assert other.loss_start == pytest.approx((1 - pi) * FIFTEEN + pi * 2.0**-23, rel=1e-6)
    assert set(other.grad_norms) == {0.0}
    assert other.accuracy_end == pi
    assert other.outputs == "every prediction is 1"
    tf = _variant(demo, "keras-tensorflow").flagged
    assert tf.loss_end < tf.loss_start / 2  # trains z as a sigmoid logit ...
    assert tf.accuracy_end == pi  # ... while predict() still says 1.0
    assert _variant(demo, "pytorch").flagged.loss_start == pytest.approx((1 - pi) * 100.0)


def test_categorical_loss_on_one_unit_is_constant_or_raises() -> None:
    demo = demonstrate("CE202")
    pi = float(np.mean(make_dataset(2).labels))
    keras = _variant(demo, "keras-torch/jax").flagged
    assert keras.loss_end == pytest.approx(pi * TINY, rel=1e-6)
    assert keras.grad_norm_end == 0.0
    assert _variant(demo, "pytorch", 0).flagged.loss_end == 0.0
    assert _variant(demo, "pytorch", 1).flagged.error == "IndexError: Target 1 is out of bounds."


def test_binary_accuracy_of_all_zeros_is_k_minus_1_over_k() -> None:
    assert demonstrate("CE203").facts["all_zeros_binary_accuracy"] == 0.75


def test_nll_on_raw_scores_goes_negative_and_keeps_falling() -> None:
    nll = _variant(demonstrate("CE102"), "pytorch").flagged
    assert nll.loss_end < -10 < nll.loss_start
    assert all(b < a for a, b in zip(nll.loss_curve, nll.loss_curve[1:]))


def test_sparse_loss_with_one_hot_targets_quotes_the_keras_error() -> None:
    demo = demonstrate("CE301")
    assert _variant(demo, "keras-torch/jax").flagged.error == (
        "ValueError: Arguments `target` and `output` must have the same shape up until the last "
        "dimension: target.shape=torch.Size([256, 4]), output.shape=torch.Size([256, 4])"
    )
    assert _variant(demo, "pytorch").flagged.error == (
        "RuntimeError: Expected floating point type for target with class probabilities, got Long"
    )


def _visible_failure(v) -> bool:
    f, x = v.flagged, v.fixed
    if f.error:
        return True
    if f.loss_end is None or not math.isfinite(f.loss_end) or f.loss_end < 0:
        return True
    if f.grad_norm_end == 0.0 or f.accuracy_end < x.accuracy_end - 0.01:
        return True
    return "not 1" in f.outputs or "every prediction" in f.outputs


@pytest.mark.parametrize("code", CODES)
def test_every_code_shows_a_failure_and_the_fix_learns(code: str) -> None:
    demo = demonstrate(code)
    assert any(_visible_failure(v) for v in demo.variants), code
    for v in demo.variants:
        assert v.fixed.error is None
        assert v.fixed.accuracy_end > demo.prior + 0.25, (code, v.backend)


def test_unknown_code_raises_key_error() -> None:
    with pytest.raises(KeyError):
        demonstrate("CE999")


def test_every_template_is_filled_from_its_rules_numbers() -> None:
    """A template naming a number its rule does not compute is an error, not a generic line."""
    for rule in ALL_RULES:
        if rule.demo is None or rule.demo.headline is None:
            continue
        demo = demonstrate(rule.code)
        names = {name for _, name, _, _ in string.Formatter().parse(rule.demo.headline) if name}
        assert names <= set(demo.facts), rule.code
        assert demo.headline == fill(rule.demo.headline, demo.facts)


def test_a_template_naming_a_missing_number_raises() -> None:
    case = RULES_BY_CODE["CE201"].demo.cases[0]
    with pytest.raises(KeyError):
        demonstrate_cases("CE201", (case,), "the loss is {no_such_number}", lambda kit: {"loss": 1.0})


def test_every_framework_has_a_backend() -> None:
    assert set(BACKENDS) == set(Framework)
    assert all(BACKENDS.values())


def test_a_framework_without_a_backend_gets_no_demonstration(monkeypatch) -> None:
    monkeypatch.delitem(BACKENDS, Framework.OPTAX)
    demo = demonstrate("CE302", Scenario(Framework.OPTAX, LINEAR, 4, CATEGORICAL, LOGITS, INTEGER, 4))
    assert demo.headline == "no demonstration for this framework" and demo.variants == ()
    assert render_text(demo).startswith("CE302: no demonstration for this framework\n")


def test_a_tie_between_the_top_outputs_counts_as_wrong() -> None:
    data = Dataset(np.zeros((3, 1)), np.array([0, 0, 1]), 3)
    out = np.array([[2.0, 2.0, 0.0], [1.0, 1.0 - 1e-12, 0.0], [0.0, 3.0, 1.0]])
    pred = predict(out, Scenario(Framework.KERAS, LINEAR, 3, SPARSE, LOGITS), data, ReplayOptions())
    assert pred.tolist() == [-1, -1, 1]
    assert accuracy(pred, data) == pytest.approx(1 / 3)


def test_optax_integer_labels_into_the_one_hot_loss_end_with_every_logit_tied() -> None:
    """What rules/CE302.md says of its optax run: argmax there would be decided by float rounding."""
    final = _variant(demonstrate("CE302"), "optax").flagged.final
    top_two = np.sort(final, axis=1)[:, -2:]
    assert np.all(top_two[:, 1] - top_two[:, 0] <= TIE * np.abs(top_two[:, 1]))


def test_custom_scenarios_replace_the_canonical_pair() -> None:
    flagged = Scenario("pytorch", SOFTMAX, 1, BINARY, PROBS)
    fixed = Scenario("pytorch", SIGMOID, 1, BINARY, PROBS)
    demo = demonstrate("CE201", flagged, fixed)
    assert [v.backend for v in demo.variants] == ["pytorch"]
    assert demo.variants[0].flagged.grad_norm_end == 0.0


def test_bce_loss_on_raw_scores_quotes_the_torch_error() -> None:
    demo = demonstrate(
        "CE102", Scenario("pytorch", LINEAR, 1, BINARY, PROBS), Scenario("pytorch", LINEAR, 1, BINARY, LOGITS)
    )
    assert demo.variants[0].flagged.error == "RuntimeError: all elements of input should be between 0 and 1"


# --- output contract ------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_json_contract_keys_and_strict_json(code: str) -> None:
    data = to_json(demonstrate(code))
    assert {"code", "prior", "variants"} <= set(data)
    for variant in data["variants"]:
        assert {"backend", "flagged", "fixed"} <= set(variant)
        for side in (variant["flagged"], variant["fixed"]):
            assert {"loss_start", "loss_end", "grad_norm_end", "accuracy_end", "error"} <= set(side)
    json.dumps(data, allow_nan=False)  # nan / inf became null


def test_nonfinite_numbers_become_null_and_are_named() -> None:
    side = to_json(demonstrate("CE103"))["variants"][0]["flagged"]
    assert side["loss_end"] is None
    assert side["nonfinite"]["loss_end"] == "nan"


def test_text_report_is_deterministic_and_has_sparklines() -> None:
    first, second = render_text(demonstrate("CE201")), render_text(demonstrate("CE201"))
    assert first == second
    assert first.startswith(
        "CE201: Softmax over one unit outputs 1.0 for every input, so accuracy stays at P(y=1) = 0.4492 on every "
        "backend; everywhere but keras-tensorflow the loss is constant ((1-pi)*15.942385 = 8.7808 in Keras, "
    )
    assert "loss flagged ████" in first and "▁" in first


def test_plot_needs_matplotlib(tmp_path) -> None:
    demo = demonstrate("CE201")
    target = tmp_path / "ce201.png"
    if importlib.util.find_spec("matplotlib") is None:
        with pytest.raises(RuntimeError, match=r"pip install 'celint\[plot\]'"):
            plot(demo, str(target))
    else:
        plot(demo, str(target))
        assert target.read_bytes()[:4] == b"\x89PNG"


def _loss_at_zero(sc: Scenario, labels: "list[int]") -> float:
    """The objective's loss with every logit 0 (so each sample's unweighted loss is log 2 for 2 classes)."""
    from celint.evaluator.data import Dataset
    from celint.evaluator.objectives import build

    data = Dataset(np.zeros((len(labels), 1)), np.array(labels), 2)
    backend = "keras-torch" if sc.framework == "keras" else str(sc.framework)
    loss, _, _ = build(sc, backend, data, ReplayOptions()).objective(np.zeros((len(labels), sc.width)))
    return loss


@pytest.mark.parametrize(
    "reduction, expected",
    [("sum_over_batch_size", 4 / 2), ("mean_with_sample_weight", 4 / 4), ("sum", 4)],
)
def test_keras_reductions_of_class_weighted_losses(reduction: str, expected: float) -> None:
    sc = Scenario(
        "keras",
        LINEAR,
        2,
        SPARSE,
        LOGITS,
        classes=2,
        options=(("class_weight", ((0, 1.0), (1, 3.0))), ("reduction", reduction)),
    )
    assert _loss_at_zero(sc, [0, 1]) == pytest.approx(expected * np.log(2))


@pytest.mark.parametrize("reduction, expected", [("mean", 4 / 4), ("none", 4 / 2), ("sum", 4)])
def test_torch_weighted_mean_divides_by_the_weights_of_the_targets(reduction: str, expected: float) -> None:
    sc = Scenario(
        "pytorch", LINEAR, 2, SPARSE, LOGITS, classes=2, options=(("weight", (1.0, 3.0)), ("reduction", reduction))
    )
    assert _loss_at_zero(sc, [0, 1]) == pytest.approx(expected * np.log(2))


def test_a_chaotic_run_shows_a_range_not_a_false_exact_figure() -> None:
    """Keras BCE on raw scores (CE102) is steered by float rounding: float32 and float64 part ways after a few
    steps, and so do runs whose initial weights differ by 2**-20. Its end figures are a range; every other
    canonical run ends where its nudged repeats end (no spread), so its exact figures are reproducible."""
    from celint.demo import demonstrate
    from celint.evaluator import render_text, to_json
    from celint.rules import ALL_RULES

    demo = demonstrate("CE102")
    chaotic = [(v.backend, side) for v in demo.variants for side in ("flagged", "fixed") if getattr(v, side).chaotic]
    assert chaotic and all(b.startswith("keras-") and side == "flagged" for b, side in chaotic)
    keras = next(v for v in demo.variants if v.backend.startswith("keras-"))
    low, high = keras.flagged.spread.loss_end
    assert keras.flagged.spread.runs == 5 and low <= keras.flagged.loss_end <= high and low < high
    side = next(v for v in to_json(demo)["variants"] if v["backend"] == keras.backend)["flagged"]
    assert side["chaotic"] and side["loss_end"] is None and side["spread"]["loss_end"] == [low, high]
    assert f"{low:.3g}..{high:.3g}" in render_text(demo)
    others = [
        (rule.code, v.backend)
        for rule in ALL_RULES
        if rule.demo is not None and rule.code != "CE102"
        for v in demonstrate(rule.code).variants
        if v.flagged.chaotic or v.fixed.chaotic
    ]
    assert others == []
