"""`celint check --demo` replays each finding's own configuration (issue 13).

On examples/: stdout is one JSON document (SARIF too) whose findings carry `demo`, the object
`celint demo CODE --format json` prints; the flagged scenario is read from the finding's facts, the fixed
one is the proposed fix applied (same framework, never the flagged one); no fixed run raises and every
fixed run learns; what the code does not say is named in the notes.
"""

from __future__ import annotations

import json
import math
from typing import Any, Dict, List

import pytest
from clitools import REPO, celint

from celint.demo import demonstrate_finding
from celint.runner import CheckOptions, check_file

EXAMPLES = REPO / "examples"
# CE104 replays its canonical case (dim=0 on a 3-D tensor); CE105's flagged and fixed runs are the same
# training read by two metrics (the threshold lives in the case's replay options, not in the scenario)
SAME_SCENARIO = {"CE104", "CE105"}


@pytest.fixture(scope="module")
def report() -> Dict[str, Any]:
    result = celint("check", "--demo", "--format", "json", ".", cwd=EXAMPLES)
    assert result.returncode == 1, result.stderr
    parsed: Dict[str, Any] = json.loads(result.stdout)  # one document, nothing after it
    return parsed


def _findings(report: Dict[str, Any], name: str) -> List[Dict[str, Any]]:
    return [f for f in report["findings"] if f["path"].endswith(name)]


def test_every_finding_carries_its_demonstration(report: Dict[str, Any]) -> None:
    assert report["findings"]
    for finding in report["findings"]:
        demo = finding["demo"]
        assert demo["code"] == finding["code"]
        assert {"code", "prior", "variants", "headline", "notes"} <= set(demo)
        assert demo["variants"], finding


def test_fixed_runs_train_and_keep_the_framework(report: Dict[str, Any]) -> None:
    for finding in report["findings"]:
        for variant in finding["demo"]["variants"]:
            flagged, fixed = variant["flagged"], variant["fixed"]
            where = (finding["path"], finding["line"], variant["backend"])
            assert fixed["error"] is None, where
            assert fixed["loss_end"] < fixed["loss_start"], where
            assert fixed["scenario"]["framework"] == flagged["scenario"]["framework"], where
            if finding["code"] not in SAME_SCENARIO:
                assert fixed["scenario"] != flagged["scenario"], where


def _scenario(report: Dict[str, Any], name: str, side: str = "flagged") -> Dict[str, Any]:
    (finding,) = _findings(report, name)
    scenario: Dict[str, Any] = finding["demo"]["variants"][0][side]["scenario"]
    return scenario


def test_tf_one_hot_labels_are_replayed_as_one_hot(report: Dict[str, Any]) -> None:
    flagged = _scenario(report, "tf2_custom_loop_softmax_into_with_logits.py")
    assert (flagged["framework"], flagged["targets"], flagged["classes"]) == ("tf", "one-hot", 10)
    (finding,) = _findings(report, "tf2_custom_loop_softmax_into_with_logits.py")
    assert finding["demo"]["variants"][0]["flagged"]["error"] is None
    assert finding["demo"]["variants"][0]["label"] == "your code: softmax_cross_entropy_with_logits"


def test_tf1_manual_log_stays_tensorflow_and_goes_nan(report: Dict[str, Any]) -> None:
    (finding,) = _findings(report, "tf1_mnist_softmax_regression_manual_log.py")
    (variant,) = finding["demo"]["variants"]
    assert variant["backend"] == "tf"
    assert variant["fixed"]["scenario"]["framework"] == "tf"
    assert variant["flagged"]["nonfinite"]  # the hand-written log reaches -inf: nan loss


def test_categorical_label_mode_is_one_hot(report: Dict[str, Any]) -> None:
    flagged = _scenario(report, "keras_skin_lesion_sigmoid_head_categorical.py")
    assert (flagged["targets"], flagged["width"]) == ("one-hot", 7)


def test_churn_float_column_is_constant_not_an_index_error(report: Dict[str, Any]) -> None:
    (finding,) = _findings(report, "pytorch_churn_single_column_cross_entropy.py")
    (variant,) = finding["demo"]["variants"]
    flagged = variant["flagged"]
    assert flagged["error"] is None and flagged["loss_start"] == flagged["loss_end"] == 0.0
    assert any("float 0/1 column" in note for note in finding["demo"]["notes"])


def test_optax_one_hot_is_not_the_broadcast_failure(report: Dict[str, Any]) -> None:
    flagged = _scenario(report, "jax_optax_mlp_softmax_into_optax_loss.py")
    assert (flagged["framework"], flagged["targets"]) == ("optax", "one-hot")


@pytest.mark.parametrize("name", ["keras_credit_default_linear_head_bce.py", "pytorch_news_nll_loss_on_logits.py"])
def test_the_fix_is_applied(report: Dict[str, Any], name: str) -> None:
    assert _scenario(report, name) != _scenario(report, name, "fixed")


def test_sarif_carries_the_demonstration_in_properties() -> None:
    result = celint("check", "--demo", "--format", "sarif", "keras_credit_default_linear_head_bce.py", cwd=EXAMPLES)
    (entry,) = json.loads(result.stdout)["runs"][0]["results"]
    assert entry["properties"]["demo"]["code"] == "CE102"


def test_the_demo_equals_celint_demo_json_for_the_same_scenarios() -> None:
    """The embedded object has the shape `celint demo CODE --format json` prints."""
    canonical = json.loads(celint("demo", "CE102", "--format", "json").stdout)
    checked = check_file(str(EXAMPLES / "keras_credit_default_linear_head_bce.py"), CheckOptions())
    demo = demonstrate_finding(checked.findings[0])
    assert demo is not None
    from celint.evaluator import to_json

    assert set(to_json(demo)) == set(canonical)


def test_tf_nn_spelled_softmax_is_undone_in_the_graph_model_fit_traces(tmp_path: Any) -> None:
    """`activation=tf.nn.softmax` leaves no `_keras_logits` tag, but `model.fit` runs a graph, where Keras on
    TensorFlow reads the logits from the Softmax op (checked against TensorFlow in the crosscheck tests):
    keras-tensorflow trains as if the softmax were not there, and warns; eagerly it would not."""
    (tmp_path / "m.py").write_text(
        "import tensorflow as tf\n"
        "model = tf.keras.Sequential([tf.keras.layers.Dense(4, activation=tf.nn.softmax)])\n"
        "model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n",
        encoding="utf-8",
    )
    checked = check_file(str(tmp_path / "m.py"), CheckOptions())
    (finding,) = [f for f in checked.findings if f.code == "CE101"]
    demo = demonstrate_finding(finding)
    assert demo is not None
    assert demo.variants[0].backend.startswith("keras-tensorflow")
    assert demo.variants[0].flagged_scenario.tagged is False
    tf, other = demo.variants[0].flagged, demo.variants[1].flagged
    assert tf.loss_end == pytest.approx(demo.variants[0].fixed.loss_end)
    assert tf.loss_end < other.loss_end / 2
    assert [w.split(":")[0] for w in tf.warnings] == ["UserWarning"]  # from_logits=True on a Softmax op


def test_options_the_replay_leaves_out_are_named(tmp_path: Any) -> None:
    (tmp_path / "t.py").write_text(
        "import torch.nn as nn\nimport torch.nn.functional as F\n\n\n"
        "class Net(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(20, 5)\n\n"
        "    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\n\n"
        "model = Net()\ncriterion = nn.CrossEntropyLoss(label_smoothing=0.1)\n\n\n"
        "def step(x, y):\n    return criterion(model(x), y)\n",
        encoding="utf-8",
    )
    (finding,) = check_file(str(tmp_path / "t.py"), CheckOptions()).findings
    demo = demonstrate_finding(finding)
    assert demo is not None
    assert "replayed as the code sets it: label_smoothing=0.1" in demo.notes


# Codes whose finding replays the rule's canonical case rather than its own configuration (CE104's
# implicit dim: the rank is rarely known), or whose flagged and fixed sides are the same training read two
# ways (CE105).
CANONICAL_OR_SAME = {"CE104", "CE105"}


def _shown(side: Any) -> tuple:
    return (side.error, side.loss_end, side.accuracy_end, side.outputs, side.metric_end, side.chaotic)


@pytest.mark.slow
def test_every_corpus_finding_is_demonstrated_in_its_own_configuration() -> None:
    """Every finding of every corpus program (programs written apart from examples/): its demonstration's
    fixed runs do not raise, learn, stay in the flagged framework and differ from the flagged scenario; a
    flagged run either shows something the fixed one does not, or trains exactly like it on the Keras
    TensorFlow backend (which undoes a Keras activation) and the headline says so."""
    corpus = REPO / "tests" / "corpus"
    checked = 0
    for path in sorted(corpus.rglob("*.py")):
        for finding in check_file(str(path), CheckOptions()).findings:
            demo = demonstrate_finding(finding)
            if demo is None:
                continue
            checked += 1
            for v in demo.variants:
                where = (path.name, finding.line, finding.code, v.backend)
                assert v.fixed.error is None, where
                assert v.fixed.loss_end < v.fixed.loss_start, where
                assert v.fixed_scenario.framework == v.flagged_scenario.framework, where
                if finding.code in CANONICAL_OR_SAME:
                    continue
                assert v.fixed_scenario != v.flagged_scenario, where
                if _shown(v.flagged) == _shown(v.fixed):
                    assert v.backend.startswith("keras-tensorflow"), where
                    assert "flagged trains exactly as fixed" in demo.headline, where
    assert checked > 150


def test_a_hand_written_sigmoid_log_is_replayed_in_its_framework() -> None:
    """jnp.log(jax.nn.sigmoid(z)) in a hand-written BCE: optax, nan once a sigmoid rounds to 1 (inputs x40,
    the canonical case's), fixed by optax.sigmoid_binary_cross_entropy."""
    path = REPO / "tests" / "corpus" / "jax" / "jax_logreg_local_sigmoid_log.py"
    for finding in check_file(str(path), CheckOptions()).findings:
        demo = demonstrate_finding(finding)
        assert demo is not None and finding.hit is not None and finding.hit.scenario is not None
        (variant,) = demo.variants
        assert variant.backend == "optax" and variant.flagged_scenario.activation == "sigmoid"
        assert any(not math.isfinite(x) for x in variant.flagged.loss_curve)
        assert variant.fixed.error is None and variant.fixed.loss_end < 1e-3
