"""Names bound without being named: star imports from framework modules, Keras snippets without imports,
and values that differ only in where they were written."""

from __future__ import annotations

import ast

from celint.facts import Where
from celint.frameworks.defaults import DEFAULT_ADAPTERS
from celint.frameworks.dispatch import dispatch_for
from celint.implicit import implicit_keras, star_members
from celint.values import UNKNOWN, Ref, merge

DISPATCH = dispatch_for(DEFAULT_ADAPTERS)


def test_a_star_import_binds_the_members_the_tables_know() -> None:
    layers = star_members(DISPATCH, "tensorflow.keras.layers")
    assert layers["Dense"] == "keras.layers.Dense"
    assert layers["Input"] == "keras.Input"  # an alias spelling
    assert star_members(DISPATCH, "keras.models")["Sequential"] == "keras.Sequential"
    torch_nn = star_members(DISPATCH, "torch.nn")
    assert torch_nn["CrossEntropyLoss"] == "torch.nn.CrossEntropyLoss" and torch_nn["Module"] == "torch.nn.Module"
    assert "Conv2D" not in layers  # no table row: stays unknown, as before


def test_a_star_import_from_a_module_that_is_not_a_framework_binds_nothing() -> None:
    assert star_members(DISPATCH, "numpy") == {}
    assert star_members(DISPATCH, "mylayers") == {}
    assert star_members(DISPATCH, "scipy.special") == {}


SNIPPET = """
model = Sequential()
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy")
"""


def _implicit(source: str) -> dict:
    return implicit_keras(ast.parse(source), DISPATCH)


def test_a_keras_snippet_without_imports_reads_as_keras() -> None:
    names = _implicit(SNIPPET)
    assert names["Sequential"] == "keras.Sequential" and names["Dense"] == "keras.layers.Dense"
    assert _implicit("import numpy as np\n" + SNIPPET)["Dense"] == "keras.layers.Dense"
    assert _implicit("x = Sequential([Dense(2)]).compile(loss='mse')\n")  # built and compiled on the spot


def test_no_keras_without_evidence_or_with_another_reading() -> None:
    assert _implicit("out = Dense(10)(x)\n") == {}  # no model built and compiled or added to
    assert _implicit("import torch\n" + SNIPPET) == {}  # another framework with such names
    assert _implicit("from utils import *\n" + SNIPPET) == {}  # may define them all
    assert _implicit("class Sequential:\n    pass\n" + SNIPPET) == {}  # its own Sequential
    assert "Dense" not in _implicit("def Dense(n, activation=None):\n    return n\n" + SNIPPET)


def test_values_differing_only_in_where_they_were_written_merge() -> None:
    first, second = Ref("keras", Where(3)), Ref("keras", Where(5))
    assert merge(first, second) is first
    assert merge(first, Ref("torch", Where(5))) is UNKNOWN
