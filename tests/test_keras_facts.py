"""Facts the Keras adapter extracts: heads (activation, width, name) and loss uses, per writing style."""

from __future__ import annotations

import ast
import textwrap
from typing import List, Tuple

import pytest

from celint.engine import check_source
from celint.extract import extract
from celint.interpreter import interpret


def uses(source: str) -> List[Tuple[str, str, str, object, object, object]]:
    """(loss, kind, expects, activation, width, head name) for every loss use in `source`."""
    source = textwrap.dedent(source)
    events, interp = interpret(ast.parse(source), source.splitlines())
    facts = extract(events, interp)
    rows = []
    for use in facts.uses:
        head = use.head
        rows.append(
            (use.name, use.kind, use.expects, head and head.activation, head and head.width, head and head.name)
        )
    return rows


def codes(source: str) -> List[Tuple[int, str]]:
    result = check_source(textwrap.dedent(source), "t.py")
    assert result.error is None
    return [(f.line, f.code) for f in result.findings]


def test_sequential_list_with_module_constant_width_and_string_loss() -> None:
    assert uses("""
        import keras
        K = 10
        m = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(K, activation="softmax")])
        m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    """) == [("sparse_categorical_crossentropy", "sparse", "probabilities", "softmax", 10, None)]


def test_sequential_add_with_conditional_hidden_layers_keeps_the_unconditional_head() -> None:
    assert uses("""
        from tensorflow.keras.models import Sequential
        from tensorflow.keras.layers import Dense, Dropout
        import sys
        m = Sequential()
        if len(sys.argv) > 2:
            m.add(Dense(32))
        m.add(Dense(3, activation="sigmoid"))
        m.add(Dropout(0.5))
        m.compile(loss="binary_crossentropy")
    """) == [("binary_crossentropy", "binary", "probabilities", "sigmoid", 3, None)]


def test_a_conditionally_added_head_is_unknown() -> None:
    assert (
        uses("""
        import tensorflow as tf
        import sys
        m = tf.keras.Sequential([tf.keras.layers.Dense(8)])
        if sys.argv[1] == "binary":
            m.add(tf.keras.layers.Dense(1, activation="sigmoid"))
        else:
            m.add(tf.keras.layers.Dense(5, activation="softmax"))
        m.compile(loss="categorical_crossentropy")
    """)
        == []
    )


def test_functional_dict_outputs_are_matched_to_dict_losses_by_name() -> None:
    rows = uses("""
        import keras
        from keras import layers
        inp = keras.Input((16,))
        h = layers.Dense(32, activation="relu")(inp)
        a = layers.Dense(4, activation="softmax", name="kind")(h)
        b = layers.Dense(1, name="price")(h)
        m = keras.Model(inputs=inp, outputs={"kind": a, "price": b})
        m.compile(loss={"kind": "categorical_crossentropy", "price": keras.losses.BinaryCrossentropy(from_logits=True)})
    """)
    assert sorted(rows) == [
        ("BinaryCrossentropy()", "binary", "logits", "linear", 1, "price"),
        ("categorical_crossentropy", "categorical", "probabilities", "softmax", 4, "kind"),
    ]


def test_function_built_model_carries_arguments_and_defaults() -> None:
    source = """
        import tensorflow as tf
        def build(num_classes, activation="softmax", hidden=64):
            m = tf.keras.Sequential()
            m.add(tf.keras.layers.Dense(hidden, activation="relu"))
            m.add(tf.keras.layers.Dense(num_classes - 1, activation=activation))
            return m
        model = build(num_classes=2)
        model.compile(loss="binary_crossentropy")
    """
    assert uses(source) == [("binary_crossentropy", "binary", "probabilities", "softmax", 1, None)]
    assert codes(source) == [(6, "CE201")]


def test_subclassed_model_call_returns_layer_from_init() -> None:
    assert uses("""
        import tensorflow as tf
        class Net(tf.keras.Model):
            def __init__(self, classes=5):
                super().__init__()
                self.hidden = tf.keras.layers.Dense(32, activation="relu")
                self.out = tf.keras.layers.Dense(classes)
            def call(self, x, training=False):
                h = self.hidden(x)
                return tf.nn.softmax(self.out(h))
        net = Net()
        net.compile(loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True))
    """) == [("CategoricalCrossentropy()", "categorical", "logits", "softmax", 5, None)]


def test_activation_reference_and_separate_activation_layer() -> None:
    rows = uses("""
        from tensorflow import keras
        import tensorflow as tf
        m = keras.Sequential([keras.layers.Dense(3, activation=tf.nn.sigmoid)])
        m.compile(loss=keras.losses.categorical_crossentropy)
        n = keras.Sequential([keras.layers.Dense(3), keras.layers.Activation(keras.activations.softmax)])
        n.compile(loss="binary_crossentropy")
    """)
    assert rows == [
        ("categorical_crossentropy", "categorical", "probabilities", "sigmoid", 3, None),
        ("binary_crossentropy", "binary", "probabilities", "softmax", 3, None),
    ]


def test_loss_object_stored_in_a_variable_and_positional_compile() -> None:
    assert uses("""
        import tf_keras as keras
        loss_fn = keras.losses.SparseCategoricalCrossentropy(True)
        m = keras.Sequential([keras.layers.Dense(7)])
        m.compile("adam", loss_fn)
    """) == [("SparseCategoricalCrossentropy()", "sparse", "logits", "linear", 7, None)]


def test_unknown_width_activation_and_loss_are_unknown_not_guessed() -> None:
    rows = uses("""
        import keras, json
        cfg = json.load(open("cfg.json"))
        m = keras.Sequential([keras.layers.Dense(cfg["classes"], activation=cfg["act"])])
        m.compile(loss=cfg["loss"])
        m.compile(loss=keras.losses.BinaryCrossentropy(from_logits=cfg["logits"]))
    """)
    assert rows == []


def test_names_that_only_look_like_keras_are_not_keras() -> None:
    assert (
        codes("""
        from mylib.layers import Dense
        import keras
        m = keras.Sequential([Dense(1, activation="softmax")])
        m.compile(loss="categorical_crossentropy")
    """)
        == []
    )


def test_local_class_shadowing_an_import_is_not_keras() -> None:
    assert (
        codes("""
        from keras.layers import Dense
        import keras
        class Dense:
            def __init__(self, units, activation=None):
                self.units = units
        m = keras.Sequential([Dense(1, activation="softmax")])
        m.compile(loss="categorical_crossentropy")
    """)
        == []
    )


@pytest.mark.parametrize(
    "snippet, expected",
    [
        ('layers.Dense(2, activation="softmax")', []),  # two-way softmax + categorical: fine
        ('layers.Dense(1, activation="softmax")', [(5, "CE201")]),
        ('layers.Dense(1, activation="sigmoid")', [(6, "CE202")]),
        ('layers.Dense(6, activation="sigmoid")', [(6, "CE204")]),
        ("layers.Dense(6)", [(6, "CE102")]),
        ('layers.Dense(6, activation="tanh")', [(6, "CE102")]),
    ],
)
def test_categorical_loss_against_each_head(snippet: str, expected: List[Tuple[int, str]]) -> None:
    source = f"""
        import keras
        from keras import layers
        inp = keras.Input((8,))
        out = {snippet}(inp)
        m = keras.Model(inp, out); m.compile(loss="categorical_crossentropy")
    """
    assert codes(source) == expected


def test_attention_softmax_over_time_axis_is_not_a_single_unit_softmax() -> None:
    assert (
        codes("""
        import tensorflow as tf
        from tensorflow.keras import layers
        inp = layers.Input((20, 32))
        score = layers.Dense(1)(inp)
        weights = layers.Softmax(axis=1)(score)
        pooled = layers.Flatten()(layers.Dot(axes=1)([weights, inp]))
        out = layers.Dense(1, activation="sigmoid")(pooled)
        m = tf.keras.Model(inp, out)
        m.compile(loss="binary_crossentropy", metrics=["accuracy"])
    """)
        == []
    )


def test_a_hidden_softmax_is_not_the_head() -> None:
    assert (
        codes("""
        import keras
        m = keras.Sequential([keras.layers.Dense(8, activation="softmax"), keras.layers.Dense(3)])
        m.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    """)
        == []
    )


def test_one_compile_finding_per_root_cause_even_when_compiled_twice() -> None:
    assert codes("""
        import keras
        m = keras.Sequential([keras.layers.Dense(1, activation="softmax")])
        m.compile(loss="binary_crossentropy")
        m.compile(loss="binary_crossentropy", optimizer=keras.optimizers.SGD(1e-4))
    """) == [(3, "CE201")]


@pytest.mark.parametrize(
    "imports, note",
    [
        ("import tensorflow as tf\nkeras = tf.keras", ""),  # tf.keras 2 / Keras 3 pick accuracy by shape
        ("import keras", "; Keras <= 2.3 also inflates 'accuracy'"),
        (
            "import tensorflow as tf\ntf.compat.v1.disable_eager_execution()\nkeras = tf.keras",
            "; tf.compat.v1 graph mode also inflates 'accuracy'",
        ),
        (
            "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\nkeras = tf.keras",
            "; tf.compat.v1 graph mode also inflates 'accuracy'",
        ),
    ],
)
def test_binary_loss_on_softmax_names_the_accuracy_metric_by_keras_version(imports: str, note: str) -> None:
    source = imports + textwrap.dedent("""
        m = keras.Sequential([keras.layers.Dense(5, activation="softmax")])
        m.compile(loss="binary_crossentropy", metrics=["accuracy"])
    """)
    [finding] = check_source(source, "t.py").findings
    assert finding.code == "CE203"
    assert finding.message.endswith("use categorical cross-entropy" + note)
