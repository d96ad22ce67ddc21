"""Loss options in demonstrations (issue 13): read from the code, replayed where the evaluator models
them (checked against the real frameworks in tests/test_options_crosscheck.py), named where not."""

from __future__ import annotations

from pathlib import Path

import pytest

from celint.demo import demonstrate_finding
from celint.evaluator.settings import read
from celint.facts import BINARY, LINEAR, LOGITS, SIGMOID, SOFTMAX, SPARSE, Framework, Scenario
from celint.records import replace
from celint.runner import CheckOptions, check_file

TORCH_CE = Scenario(Framework.PYTORCH, LINEAR, 4, SPARSE, LOGITS, classes=4)


def _with(sc: Scenario, **options: object) -> Scenario:
    return replace(sc, options=tuple(options.items()))  # type: ignore[arg-type]


def test_modelled_options_are_read_and_said() -> None:
    st = read(_with(TORCH_CE, weight=(1.0, 2.0, 3.0, 4.0), label_smoothing=0.1, reduction="sum", ignore_index=3))
    assert st.weight is not None and st.weight.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert (st.label_smoothing, st.reduction, st.ignore_index) == (0.1, "sum", 3)
    assert "replayed as the code sets it: label_smoothing=0.1" in st.notes


def test_torch_index_losses_ignore_minus_100_by_default() -> None:
    assert read(TORCH_CE).ignore_index == -100
    assert read(replace(TORCH_CE, loss=BINARY, width=1)).ignore_index is None


@pytest.mark.parametrize(
    "options, why",
    [
        ({"weight": (1.0, 2.0)}, "not a list of 4 numbers, one per class"),
        ({"label_smoothing": 2.0}, "not a number in [0, 1]"),
        ({"reduction": "batchmean"}, "not a reduction this framework names"),
        ({"pos_weight": (3.0,)}, "not replayed for pytorch sparse losses"),
    ],
)
def test_options_that_cannot_be_replayed_are_named_with_why(options: dict, why: str) -> None:
    (note,) = [n for n in read(_with(TORCH_CE, **options)).notes if n.startswith("not modelled")]
    assert note.endswith(why)


def test_an_unreduced_torch_loss_is_assumed_to_be_averaged_next() -> None:
    st = read(_with(TORCH_CE, reduction="none"))
    assert st.reduction == "none"
    assert "assumed (not read from the code): reduction='none' is followed by a .mean()" in st.notes


def _finding(tmp_path: Path, source: str, code: str):
    path = tmp_path / "train.py"
    path.write_text(source, encoding="utf-8")
    (finding,) = [f for f in check_file(str(path), CheckOptions()).findings if f.code == code]
    return finding


KERAS_SMOOTHED = """\
import numpy as np
from tensorflow import keras

x = np.random.rand(512, 20).astype("float32")
y = np.random.randint(0, 3, size=512)
model = keras.Sequential([
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(
    optimizer="adam",
    loss=keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1),
    metrics=["accuracy"],
)
model.fit(x, keras.utils.to_categorical(y, 3), epochs=10, class_weight={0: 1.0, 1: 2.5, 2: 1.0})
"""


def test_keras_label_smoothing_and_fit_class_weight_reach_the_replay(tmp_path: Path) -> None:
    finding = _finding(tmp_path, KERAS_SMOOTHED, "CE101")
    options = dict(finding.hit.scenario.options)
    assert options == {"label_smoothing": 0.1, "class_weight": ((0, 1.0), (1, 2.5), (2, 1.0))}
    assert dict(finding.hit.fixed.options) == options  # the fix keeps the user's options
    demo = demonstrate_finding(finding)
    assert "replayed as the code sets it: class_weight=((0, 1.0), (1, 2.5), (2, 1.0))" in demo.notes
    plain = demonstrate_finding(
        replace(finding, hit=replace(finding.hit, scenario=replace(finding.hit.scenario, options=())))
    )
    assert demo.variants[-1].flagged.loss_end != plain.variants[-1].flagged.loss_end


TORCH_WEIGHTED = """\
import torch
import torch.nn as nn

class_weights = compute_weights(train_labels)  # known only when it runs


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(128, 4)

    def forward(self, x):
        return torch.softmax(self.fc(x), dim=1)


model = Net()
criterion = nn.CrossEntropyLoss(weight={weight}, label_smoothing=0.05)


def train_step(x, y):
    loss = criterion(model(x), y)
    loss.backward()
"""


def test_torch_weight_written_as_a_tensor_literal_is_replayed(tmp_path: Path) -> None:
    finding = _finding(tmp_path, TORCH_WEIGHTED.format(weight="torch.tensor([1.0, 2.0, 2.0, 0.5])"), "CE101")
    assert dict(finding.hit.scenario.options) == {"weight": (1.0, 2.0, 2.0, 0.5), "label_smoothing": 0.05}
    assert not finding.hit.scenario.not_modelled


def test_a_weight_computed_at_run_time_is_named_not_guessed(tmp_path: Path) -> None:
    finding = _finding(tmp_path, TORCH_WEIGHTED.format(weight="class_weights"), "CE101")
    assert dict(finding.hit.scenario.options) == {"label_smoothing": 0.05}
    assert finding.hit.scenario.not_modelled == ("weight=class_weights: its value is not known statically",)
    demo = demonstrate_finding(finding)
    assert (
        "not modelled (the replay leaves it out): weight=class_weights: its value is not known statically" in demo.notes
    )


MIXED = """\
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import mixed_precision

mixed_precision.set_global_policy({policy})

model = keras.Sequential([
    keras.layers.Dense(32, activation="relu", input_shape=(10,)),
    keras.layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
"""


@pytest.mark.parametrize("policy", ['"mixed_float16"', 'mixed_precision.Policy("mixed_float16")', "'mixed_bfloat16'"])
def test_a_mixed_precision_policy_keeps_the_tf_backend_from_undoing_the_softmax(tmp_path: Path, policy: str) -> None:
    finding = _finding(tmp_path, MIXED.format(policy=policy), "CE201")
    assert finding.hit.scenario.tagged is False
    demo = demonstrate_finding(finding)
    tf = demo.variants[0]
    assert tf.backend.startswith("keras-tensorflow")
    assert tf.flagged.loss_start == tf.flagged.loss_end and tf.flagged.grad_norm_start == 0  # constant, no gradient
    assert any("mixed-precision" in note for note in demo.notes)


def test_a_float32_policy_changes_nothing(tmp_path: Path) -> None:
    finding = _finding(tmp_path, MIXED.format(policy='"float32"'), "CE201")
    assert finding.hit.scenario.tagged is True


def test_scenarios_without_options_get_no_option_notes() -> None:
    sc = Scenario(Framework.KERAS, SIGMOID, 1, BINARY, LOGITS)
    assert read(sc).notes == () and read(replace(sc, activation=SOFTMAX)).notes == ()


MULTI_LABEL = """\
import numpy as np
from sklearn.preprocessing import MultiLabelBinarizer
from tensorflow import keras

tags = [["cat", "outdoor"], ["dog"], ["cat", "dog", "indoor"]] * 300
y = MultiLabelBinarizer().fit_transform(tags)
x = np.random.rand(len(y), 64).astype("float32")
model = keras.Sequential([
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics={metrics})
model.fit(x, y, epochs=5)
"""


def test_keras_accuracy_is_reported_as_the_metric_keras_picks(tmp_path: Path) -> None:
    """Keras 3 picks CategoricalAccuracy for (N, 4) multi-hot targets, with softmax + CCE and with the fix
    alike: it compares each row's first label with the top output, so it cannot show what the fix gains
    (the exact-match accuracy can)."""
    from celint.evaluator import to_json

    demo = demonstrate_finding(_finding(tmp_path, MULTI_LABEL.format(metrics='["accuracy"]'), "CE304"))
    for variant in demo.variants:
        assert variant.flagged.metric == variant.fixed.metric == "CategoricalAccuracy"
        assert variant.fixed.accuracy_end > variant.flagged.accuracy_end  # exact match: the fix wins
        assert abs(variant.fixed.metric_end - variant.flagged.metric_end) < 0.1  # Keras' metric: about even
    side = to_json(demo)["variants"][0]["flagged"]
    assert side["metric"]["keras_metric"] == "CategoricalAccuracy"


def test_without_an_accuracy_metric_none_is_reported(tmp_path: Path) -> None:
    demo = demonstrate_finding(_finding(tmp_path, MULTI_LABEL.format(metrics='["AUC"]'), "CE304"))
    assert all(not v.flagged.metric for v in demo.variants)


@pytest.mark.parametrize(
    "width, targets, metric",
    [
        (1, "integer", "BinaryAccuracy"),
        (3, "integer", "SparseCategoricalAccuracy"),
        (3, "one-hot", "CategoricalAccuracy"),
    ],
)
def test_keras_picks_the_accuracy_metric_from_the_shapes(width: int, targets: str, metric: str) -> None:
    from celint.evaluator.metrics import keras_accuracy_metric

    sc = Scenario(Framework.KERAS, SOFTMAX, width, SPARSE, LOGITS, targets=targets)  # type: ignore[arg-type]
    assert keras_accuracy_metric(sc) == metric


@pytest.mark.parametrize(
    "written, read",
    [
        ("0.1", (True, 0.1)),
        ("'sum'", (True, "sum")),
        ("None", (True, None)),
        ("torch.tensor([1.0, 3.0], device=device)", (True, (1.0, 3.0))),
        ("torch.FloatTensor([1, 5]).to(device)", (True, (1.0, 5.0))),
        ("torch.tensor([1., -2.]).cuda().float()", (True, (1.0, -2.0))),
        ("np.array([0.2, 0.8])", (True, (0.2, 0.8))),
        ("{0: 1, 1: 3.5}", (True, ((0, 1.0), (1, 3.5)))),
        ("class_weights", (False, None)),
        ("torch.tensor(class_weights)", (False, None)),
        ("[1, 'a']", (False, None)),
        ("{'cat': 1.0}", (False, None)),
        ("[1.0] * 3", (False, None)),
    ],
)
def test_option_values_are_read_only_when_written_as_constants(written: str, read: tuple) -> None:
    import ast

    from celint.frameworks.losses import option_value
    from celint.values import UNKNOWN, Const

    node = ast.parse(written, mode="eval").body
    value = Const(ast.literal_eval(written)) if isinstance(node, ast.Constant) else UNKNOWN
    assert option_value(value, node) == read


LOOP = """\
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(4, activation=tf.nn.softmax)])
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam()


def compute_loss(x, y):
    return loss_fn(y, model(x, training=True))


{decorator}
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = compute_loss(x, y)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss
"""


@pytest.mark.parametrize(
    "decorator, traced", [("@tf.function", True), ("@tf.function(jit_compile=True)", True), ("", None)]
)
def test_a_loss_under_tf_function_runs_traced(tmp_path: Path, decorator: str, traced: object) -> None:
    finding = _finding(tmp_path, LOOP.format(decorator=decorator), "CE101")
    assert finding.hit.use.traced is traced
    assert finding.hit.scenario.traced is bool(traced)
    eager_note = "the loss runs eagerly (no model.fit or @tf.function seen): TensorFlow cannot undo the activation"
    assert (eager_note in finding.hit.scenario.assumed) is (traced is None)


COMPILED = """\
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(4, activation=tf.nn.softmax)])
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True){eager})
"""


@pytest.mark.parametrize("eager, traced", [("", True), (", run_eagerly=True", False), (", run_eagerly=False", True)])
def test_model_fit_runs_traced_unless_compiled_to_run_eagerly(tmp_path: Path, eager: str, traced: bool) -> None:
    finding = _finding(tmp_path, COMPILED.format(eager=eager), "CE101")
    assert finding.hit.use.traced is traced and finding.hit.scenario.traced is traced


@pytest.mark.parametrize("decorator, rescued", [("@tf.function", True), ("", False)])
def test_keras_tensorflow_undoes_an_untagged_softmax_only_in_a_traced_step(
    tmp_path: Path, decorator: str, rescued: bool
) -> None:
    """`activation=tf.nn.softmax` into SparseCategoricalCrossentropy(from_logits=True): in a @tf.function the
    TF backend finds the Softmax op and computes the loss from its logits (the run equals the fix); eagerly
    it cannot, and the double softmax trains as on the other backends."""
    demo = demonstrate_finding(_finding(tmp_path, LOOP.format(decorator=decorator), "CE101"))
    tf = demo.variants[0]
    assert tf.backend.startswith("keras-tensorflow")
    assert (tf.flagged.loss_end == pytest.approx(tf.fixed.loss_end)) is rescued


def test_a_relu_head_replayed_as_linear_is_said(tmp_path: Path) -> None:
    source = (
        "import tensorflow as tf\n\n"
        "x = tf.compat.v1.placeholder(tf.float32, [None, 20])\n"
        "y = tf.compat.v1.placeholder(tf.float32, [None, 1])\n"
        "out = tf.compat.v1.layers.dense(x, 1, activation=tf.nn.relu)\n"
        "loss = tf.compat.v1.losses.log_loss(y, out)\n"
    )
    finding = _finding(tmp_path, source, "CE102")
    assert finding.hit.scenario.activation == LINEAR
    assert "the head's relu (replayed as a linear head: raw scores either way)" in finding.hit.scenario.not_modelled


def test_options_bound_by_functools_partial_are_read(tmp_path: Path) -> None:
    source = (
        "import functools\nfrom tensorflow import keras\n\n"
        "model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])\n"
        "loss = functools.partial(keras.losses.categorical_crossentropy, from_logits=True, label_smoothing=0.2)\n"
        "model.compile(optimizer='adam', loss=loss)\n"
    )
    finding = _finding(tmp_path, source, "CE101")
    assert dict(finding.hit.scenario.options) == {"label_smoothing": 0.2}
