"""Adapters are pluggable: the interpreter knows only the adapters it is built with, in their order."""

from __future__ import annotations

import ast
import textwrap
from typing import List, Optional, Tuple

import pytest

import celint.interpreter
from celint.calls import Args
from celint.engine import check_source
from celint.extract import extract
from celint.facts import SOFTMAX, LossUse
from celint.frameworks import jax, keras, labels, manual, tf, torch
from celint.frameworks.adapter import Adapter, CallHandler
from celint.frameworks.defaults import DEFAULT_ADAPTERS
from celint.frameworks.dispatch import dispatch_for
from celint.interpreter import Interpreter, interpret
from celint.machine import Machine
from celint.values import UNKNOWN, Const, Ref, Value

TORCH_MODEL = textwrap.dedent("""
    import torch.nn as nn
    import torch.nn.functional as F

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(16, 10)

        def forward(self, x):
            return F.softmax(self.fc(x), dim=1)

    model = Net()
    criterion = nn.CrossEntropyLoss()
    loss = criterion(model(x), y)
""")

KERAS_LABELS = textwrap.dedent("""
    from tensorflow import keras
    from tensorflow.keras.utils import to_categorical

    model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(x, to_categorical(y, 10))
""")

WITHOUT_TORCH = tuple(a for a in DEFAULT_ADAPTERS if a is not torch.ADAPTER)
WITHOUT_LABELS = tuple(a for a in DEFAULT_ADAPTERS if a is not labels.ADAPTER)


def _codes(source: str, adapters: Tuple[Adapter, ...], monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """The whole pipeline (engine, rules) with an interpreter built from `adapters`."""

    class Chosen(Interpreter):
        def __init__(self, tree: ast.Module, lines: List[str], path: str = "", chosen: object = None):
            super().__init__(tree, lines, path, adapters)  # the test's adapters, not the engine's choice

    monkeypatch.setattr(celint.interpreter, "Interpreter", Chosen)
    result = check_source(source, "prog.py")
    assert result.error is None
    return [finding.code for finding in result.findings]


def _uses(source: str, adapters: Tuple[Adapter, ...]) -> Tuple[LossUse, ...]:
    interp = Interpreter(ast.parse(source), source.splitlines(), "prog.py", adapters)
    return extract(interp.run(), interp).uses


def test_the_default_adapters_are_each_framework_once_with_labels_first() -> None:
    from celint.frameworks.defaults import ADAPTER_MODULES

    assert DEFAULT_ADAPTERS[0] is labels.ADAPTER
    names = [a.name for a in DEFAULT_ADAPTERS]
    assert len(names) == len(set(names)) == len(ADAPTER_MODULES)  # one adapter per module, each once
    assert {keras.ADAPTER, torch.ADAPTER, jax.ADAPTER, tf.ADAPTER, manual.ADAPTER} <= set(DEFAULT_ADAPTERS)


def test_a_torch_model_is_read_only_with_the_torch_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _codes(TORCH_MODEL, DEFAULT_ADAPTERS, monkeypatch) == ["CE101"]
    assert _codes(TORCH_MODEL, WITHOUT_TORCH, monkeypatch) == []


def test_without_the_torch_adapter_torch_names_are_unknown() -> None:
    [use] = _uses(TORCH_MODEL, DEFAULT_ADAPTERS)
    assert use.head is not None and use.head.activation == SOFTMAX and use.head.width == 10
    assert _uses(TORCH_MODEL, WITHOUT_TORCH) == ()  # nn.CrossEntropyLoss is not a loss any more


def test_targets_are_read_only_with_the_labels_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _codes(KERAS_LABELS, DEFAULT_ADAPTERS, monkeypatch) == ["CE301"]
    assert _codes(KERAS_LABELS, WITHOUT_LABELS, monkeypatch) == []
    [use] = _uses(KERAS_LABELS, WITHOUT_LABELS)
    assert use.targets is None and use.head is not None and use.head.width == 10


def test_an_interpreter_with_no_adapter_still_walks_the_code() -> None:
    events, _ = interpret(ast.parse(TORCH_MODEL), TORCH_MODEL.splitlines(), "prog.py", ())
    assert not events.applications and not events.activations


def _answer(value: Optional[Value]) -> CallHandler:
    def handler(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
        return value

    return handler


def test_the_first_adapter_that_answers_a_call_wins() -> None:
    declines = Adapter(name="declines", calls={"lib.f": _answer(None)})
    one = Adapter(name="one", calls={"lib.f": _answer(Const(1))})
    two = Adapter(name="two", calls={"lib.f": _answer(Const(2))})
    source = "import lib\nx = lib.f()\n"

    def x_after(adapters: Tuple[Adapter, ...]) -> Value:
        interp = Interpreter(ast.parse(source), source.splitlines(), "prog.py", adapters)
        interp.run()
        return interp.module_scope.names["x"]

    assert x_after((declines, one, two)) == Const(1)
    assert x_after((two, declines, one)) == Const(2)
    assert x_after((declines,)) is UNKNOWN


def test_the_merged_tables_are_built_once_per_tuple() -> None:
    assert dispatch_for(DEFAULT_ADAPTERS) is dispatch_for(tuple(DEFAULT_ADAPTERS))
    assert dispatch_for(WITHOUT_TORCH) is not dispatch_for(DEFAULT_ADAPTERS)


def test_a_module_alone_loads_the_adapters_of_the_frameworks_it_imports() -> None:
    from celint.frameworks.defaults import adapters_for

    assert [a.name for a in adapters_for(TORCH_MODEL)] == ["labels", "torch", "manual"]
    assert [a.name for a in adapters_for("from tensorflow import keras\n")] == [
        "labels",
        "keras",
        "torch",
        "tf",
        "manual",
    ]
    assert [a.name for a in adapters_for("import os, optax\n")] == ["labels", "torch", "jax", "manual"]
    # no framework imported (a pasted snippet): every adapter
    assert adapters_for("model = Sequential()\n") == DEFAULT_ADAPTERS


def test_a_torch_file_never_loads_the_keras_jax_or_tf_adapters() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nfrom celint.engine import check_source\n"
        f"print(check_source({TORCH_MODEL!r}, 'prog.py').findings[0].code)\n"
        "print(sorted(m for m in sys.modules if m.startswith('celint.frameworks.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    code, loaded = done.stdout.splitlines()
    assert code == "CE101"
    assert not {"celint.frameworks.keras", "celint.frameworks.jax", "celint.frameworks.tf"} & set(
        ast.literal_eval(loaded)
    )
