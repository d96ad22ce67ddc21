"""Targets followed from where labels are encoded to where they reach the loss (CE301-CE304, CE203)."""

from __future__ import annotations

import textwrap
from typing import List, Set, Tuple

import pytest

from celint.engine import check_source, parse
from celint.extract import extract
from celint.facts import (
    BINARY,
    CATEGORICAL,
    INTEGER,
    LOGITS,
    MULTI_HOT,
    ONE_HOT,
    PROBS,
    SIGMOID,
    SOFTMAX,
    SPARSE,
    Head,
    LossUse,
    Targets,
    Where,
)
from celint.interpreter import interpret
from celint.rules.ce203 import binary_loss_on_single_label_one_hot
from celint.rules.ce301 import one_hot_into_sparse_loss
from celint.rules.ce302 import indices_into_one_hot_loss
from celint.rules.ce303 import class_count_mismatch
from celint.rules.ce304 import multi_hot_into_softmax

KERAS_HEAD = """
from tensorflow import keras
from tensorflow.keras.utils import to_categorical
import numpy as np
model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense({width}, activation="{act}")])
"""


def _findings(source: str) -> Set[Tuple[int, str]]:
    result = check_source(textwrap.dedent(source), "prog.py")
    assert result.error is None
    return {(f.line, f.code) for f in result.findings}


def _codes(source: str) -> Set[str]:
    return {code for _, code in _findings(source)}


def _uses(source: str) -> List[LossUse]:
    text = textwrap.dedent(source)
    events, interp = interpret(parse(text, "prog.py"), text.splitlines(), "prog.py")
    return extract(events, interp).uses


def _keras(body: str, width: int = 10, act: str = "softmax") -> str:
    return KERAS_HEAD.format(width=width, act=act) + textwrap.dedent(body)


# ----- following the labels ---------------------------------------------------------------------------
def test_to_categorical_reaches_compile_through_split_and_fit() -> None:
    src = _keras("""
        from sklearn.model_selection import train_test_split
        y = to_categorical(np.load("y.npy"), 10)
        x_tr, x_te, y_tr, y_te = train_test_split(np.load("x.npy"), y, test_size=0.2)
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(x_tr, y_tr[:1000], validation_data=(x_te, y_te))
    """)
    [use] = _uses(src)
    assert use.targets is not None
    assert (use.targets.encoding, use.targets.classes, use.targets.via) == (ONE_HOT, 10, "fit")
    assert use.targets.encoded_at is not None and use.targets.encoded_at.line == 8


def test_sparse_loss_with_to_categorical_targets_names_both_places() -> None:
    src = _keras("""
        y = to_categorical(np.load("y.npy"), 10)
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), y)
    """)
    [finding] = check_source(src, "prog.py").findings
    assert finding.code == "CE301"
    assert "line 7" in finding.message and "fit line 9" in finding.message
    hit = finding.hit
    assert hit is not None and hit.scenario is not None and hit.fixed is not None
    assert (hit.scenario.targets, hit.scenario.classes, hit.scenario.loss) == (ONE_HOT, 10, SPARSE)
    assert hit.fixed.loss == CATEGORICAL


def test_rebinding_after_argmax_makes_labels_integer_again() -> None:
    src = _keras("""
        y = to_categorical(np.load("y.npy"), 10)
        y = y.argmax(axis=1)
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), y)
    """)
    assert _codes(src) == set()


def test_conflicting_fits_of_one_model_say_nothing() -> None:
    src = _keras("""
        y = np.load("y.npy")
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), to_categorical(y, 10))
        model.fit(np.load("x.npy"), y.argmax(1))
    """)
    assert _codes(src) == set()


def test_dataset_map_makes_targets_unknown() -> None:
    src = _keras("""
        import tensorflow as tf
        y = to_categorical(np.load("y.npy"), 10)
        ds = tf.data.Dataset.from_tensor_slices((np.load("x.npy"), y)).map(lambda a, b: (a, b)).batch(32)
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(ds)
    """)
    assert _codes(src) == set()


def test_dataset_of_one_hot_labels_reaches_the_sparse_loss() -> None:
    src = _keras("""
        import tensorflow as tf
        y = tf.one_hot(np.load("y.npy"), depth=10)
        ds = tf.data.Dataset.from_tensor_slices((np.load("x.npy"), y)).shuffle(100).batch(32).prefetch(2)
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(ds, epochs=3)
    """)
    assert _codes(src) == {"CE301"}


# ----- precision: look-alikes that stay silent ------------------------------------------------------------
def test_label_binarizer_with_a_two_unit_head_is_one_column_of_indices() -> None:
    src = _keras(
        """
        from sklearn.preprocessing import LabelBinarizer
        y = LabelBinarizer().fit_transform(np.load("y.npy", allow_pickle=True))
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), y)
    """,
        width=2,
    )
    assert _codes(src) == set()


def test_get_dummies_with_drop_first_or_a_whole_frame_is_not_one_hot() -> None:
    for call in ('pd.get_dummies(df["c"], drop_first=True)', "pd.get_dummies(df)", 'pd.get_dummies(df[["a", "b"]])'):
        src = _keras(f"""
            import pandas as pd
            df = pd.read_csv("d.csv")
            y = {call}.values
            model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
            model.fit(np.load("x.npy"), y)
        """)
        assert _codes(src) == set(), call


def test_one_hot_encoder_on_several_columns_is_not_one_hot_rows() -> None:
    src = _keras("""
        import pandas as pd
        from sklearn.preprocessing import OneHotEncoder
        df = pd.read_csv("d.csv")
        y = OneHotEncoder(sparse_output=False).fit_transform(df[["a", "b"]])
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), y)
    """)
    assert _codes(src) == set()


def test_masked_integer_labels_lose_their_class_count() -> None:
    src = _keras(
        """
        (x, y), _ = keras.datasets.mnist.load_data()
        keep = y < 5
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(x[keep], y[keep])
    """,
        width=5,
    )
    assert _codes(src) == set()


def test_integer_labels_into_a_wider_head_are_not_a_mismatch() -> None:
    src = _keras(
        """
        (x, y), _ = keras.datasets.mnist.load_data()
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(x, y)
    """,
        width=12,
    )
    assert _codes(src) == set()


def test_integer_labels_beyond_the_head_are_a_mismatch_at_the_head() -> None:
    src = _keras(
        """
        (x, y), _ = keras.datasets.cifar100.load_data(label_mode="coarse")
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        model.fit(x, y)
    """,
        width=10,
    )
    assert _findings(src) == {(5, "CE303")}


def test_multi_unit_sigmoid_with_multi_hot_targets_stays_silent() -> None:
    src = _keras(
        """
        from sklearn.preprocessing import MultiLabelBinarizer
        y = MultiLabelBinarizer().fit_transform([["a"], ["a", "b"]])
        model.compile(loss="binary_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), y)
    """,
        act="sigmoid",
    )
    assert _codes(src) == set()


# ----- PyTorch dtypes -------------------------------------------------------------------------------------
TORCH = """
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5))
criterion = nn.CrossEntropyLoss()
labels = torch.randint(0, 5, (32,))
"""


def test_torch_float_one_hot_is_a_probability_target_but_long_is_not() -> None:
    assert (
        _codes(TORCH + "loss = criterion(model(torch.randn(32, 20)), F.one_hot(labels, 5).to(torch.float32))\n")
        == set()
    )
    assert _codes(TORCH + "loss = criterion(model(torch.randn(32, 20)), F.one_hot(labels, 5).float().long())\n") == {
        "CE301"
    }
    eye = "y = torch.tensor(np.eye(5)[np.load('y.npy')], dtype=torch.long)\nloss = criterion(model(torch.randn(32, 20)), y)\n"
    assert _codes(TORCH + eye) == {"CE301"}


def test_torch_mixup_of_one_hot_targets_is_unknown() -> None:
    mixup = "t = F.one_hot(labels, 5)\nsoft = 0.7 * t + 0.3 * t.flip(0)\n"
    src = TORCH + mixup + "loss = criterion(model(torch.randn(32, 20)), soft)\n"
    assert _codes(src) == set()


def test_bce_with_logits_on_single_label_one_hot_is_ce203() -> None:
    src = TORCH + "loss = nn.BCEWithLogitsLoss()(model(torch.randn(32, 20)), F.one_hot(labels, 5).float())\n"
    assert _codes(src) == {"CE203"}


# ----- TF1 feed_dict --------------------------------------------------------------------------------------
def test_feed_dict_through_an_op_run_reaches_the_placeholder() -> None:
    src = """
        import tensorflow as tf
        from tensorflow.examples.tutorials.mnist import input_data
        mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
        y_ = tf.placeholder(tf.int64, [None])
        logits = tf.layers.dense(tf.placeholder(tf.float32, [None, 784]), 10)
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_, logits=logits))
        train = tf.train.AdamOptimizer().minimize(loss)
        train.run(feed_dict={y_: mnist.test.labels})
    """
    assert _findings(src) == {(7, "CE301")}


def test_placeholder_never_fed_says_nothing() -> None:
    src = """
        import tensorflow as tf
        y_ = tf.placeholder(tf.float32, [None, 10])
        logits = tf.placeholder(tf.float32, [None, 10])
        loss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=logits)
    """
    assert _codes(src) == set()


# ----- the rules on hand-built facts ----------------------------------------------------------------------
def _use(kind: str, targets: Targets, head: Head, framework: str = "keras", expects: str = PROBS) -> LossUse:
    # torch's class-index loss (CrossEntropyLoss) also takes float rows of class probabilities
    probability_targets = framework == "pytorch" and kind == SPARSE
    return LossUse(
        framework, kind, expects, "loss", Where(30), head=head, targets=targets, probability_targets=probability_targets
    )


def test_rules_on_facts() -> None:
    one_hot = Targets(ONE_HOT, 5, Where(3), "to_categorical(y, 5)")
    softmax10 = Head(SOFTMAX, 10, width_at=Where(20))
    hit = class_count_mismatch(_use(CATEGORICAL, one_hot, softmax10))
    assert hit is not None and hit.code == "CE303" and hit.at.line == 20
    assert class_count_mismatch(_use(CATEGORICAL, one_hot, Head(SOFTMAX, 5))) is None
    assert one_hot_into_sparse_loss(_use(SPARSE, one_hot, softmax10)) is not None
    assert indices_into_one_hot_loss(_use(CATEGORICAL, Targets(INTEGER, 5), softmax10)) is not None
    multi = Targets(MULTI_HOT, None, Where(3), "MultiLabelBinarizer.fit_transform")
    assert multi_hot_into_softmax(_use(CATEGORICAL, multi, softmax10)) is not None
    assert multi_hot_into_softmax(_use(CATEGORICAL, multi, Head(SIGMOID, 10))) is None  # CE204's
    ce203 = binary_loss_on_single_label_one_hot(_use(BINARY, one_hot, Head(SIGMOID, 5)))
    assert ce203 is not None and ce203.code == "CE203" and ce203.fixed is not None and ce203.fixed.loss == CATEGORICAL
    two = Targets(ONE_HOT, 2, Where(3), "to_categorical(y, 2)")
    assert binary_loss_on_single_label_one_hot(_use(BINARY, two, Head(SIGMOID, 2))) is None
    long_one_hot = Targets(ONE_HOT, 5, Where(3), "F.one_hot(y, 5)", dtype_float=False)
    assert one_hot_into_sparse_loss(_use(SPARSE, long_one_hot, Head("linear", 5), "pytorch", LOGITS))
    float_one_hot = Targets(ONE_HOT, 5, Where(3), "F.one_hot(y, 5).float()", dtype_float=True)
    assert one_hot_into_sparse_loss(_use(SPARSE, float_one_hot, Head("linear", 5), "pytorch", LOGITS)) is None


def test_messages_stay_short() -> None:
    src = _keras("""
        y = to_categorical(np.load("y.npy"), 5)
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        model.fit(np.load("x.npy"), y)
    """)
    [finding] = check_source(src, "prog.py").findings
    assert finding.code == "CE303" and finding.line == 5
    assert len(finding.message) <= 140


def test_randint_matrix_is_not_class_indices() -> None:
    src = _keras("""
        y = np.random.randint(0, 2, size=(100, 10))
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        model.fit(np.random.rand(100, 8), y)
    """)
    assert _codes(src) == set()
    src = src.replace("size=(100, 10)", "size=(100, 1)")
    assert _codes(src) == {"CE302"}


def test_batches_of_a_dataset_carry_their_labels() -> None:
    src = (
        TORCH
        + """
from torch.utils.data import DataLoader, TensorDataset
y = F.one_hot(labels, 5)
loader = DataLoader(TensorDataset(torch.randn(32, 20), y), batch_size=8, shuffle=True)
for xb, yb in loader:
    loss = criterion(model(xb), yb)
"""
    )
    assert _codes(src) == {"CE301"}
    keras_loop = _keras("""
        import tensorflow as tf
        y = tf.one_hot(np.load("y.npy"), depth=10)
        ds = tf.data.Dataset.from_tensor_slices((np.load("x.npy"), y)).batch(32)
        loss_fn = keras.losses.SparseCategoricalCrossentropy()
        for xb, yb in ds:
            loss = loss_fn(yb, model(xb))
    """)
    assert _findings(keras_loop) == {(12, "CE301")}


@pytest.mark.parametrize("width, expected", [(2, []), (3, ["CE301"])])
def test_label_binarizer_two_classes_are_one_index_column_not_one_hot(width: int, expected: list) -> None:
    source = textwrap.dedent(f"""
        import numpy as np
        import keras
        from sklearn.preprocessing import LabelBinarizer
        y = LabelBinarizer().fit_transform(np.array(["a", "b", "a"]))
        m = keras.Sequential([keras.layers.Dense({width}, activation="softmax")])
        m.compile(loss="sparse_categorical_crossentropy")
        m.fit(np.zeros((3, 4)), y)
    """)
    assert [f.code for f in check_source(source, "t.py").findings] == expected
