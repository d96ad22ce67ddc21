"""Shared model semantics: what a model returns, whichever framework built it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, List, Optional

from celint.frameworks.layers import apply_layer
from celint.frameworks.tensors import INPUT
from celint.values import UNKNOWN, DictVal, FuncVal, Instance, Layer, ModelVal, Seq, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.machine import Machine


def is_model(value: Value) -> bool:
    """A layer-stack or functional model, or an instance of a framework's model class."""
    return isinstance(value, ModelVal) or (isinstance(value, Instance) and value.cls.family is not None)


def model_output(interp: Machine, model: Value) -> Value:
    """The tensor(s) a model returns: its functional outputs, its layer stack folded, or its forward.

    Folds are kept per interpreter (one checked file), by identity: a model reused inside another, or
    called once per line, is folded once, and a stack that grew by `add` is folded from where it stopped.
    Each folded layer costs a step of the file's budget.
    """
    if isinstance(model, ModelVal):
        if model.uncertain:
            return UNKNOWN
        if model.outputs is not None:
            return model.outputs
        return _fold(interp, model)
    if isinstance(model, Instance) and model.cls.family is not None:
        found = interp.model_outputs.get(id(model))
        if found is not None and found[0] is model:
            return found[1]
        interp.model_outputs[id(model)] = (model, UNKNOWN)  # guards against forward calling itself
        output: Value = UNKNOWN
        for name in model.cls.family.forward:
            method = interp.find_method(model.cls, name)
            if method is not None:
                output = interp.call_function(
                    FuncVal(method, model.cls.scope, bound_self=model), [INPUT], {}, starred=False
                )
                break
        interp.model_outputs[id(model)] = (model, output)
        return output
    return UNKNOWN


def _fold(interp: Machine, model: ModelVal) -> Value:
    """The layer stack applied to the model's input, continuing the fold kept for this very list."""
    layers: List[Value] = model.layers
    done = 0
    x: Value = INPUT
    found = interp.model_outputs.get(id(model))
    if found is not None and found[0] is model and isinstance(found[1], _Folded):
        folded = found[1]
        if folded.running:
            return UNKNOWN  # a model inside itself
        if folded.layers is layers and folded.count <= len(layers):  # the same list, perhaps grown by add
            done, x = folded.count, folded.output
    if done and done == len(layers):
        return x
    folded = _Folded(layers, done, x)
    interp.model_outputs[id(model)] = (model, folded)
    for layer in layers[done:]:
        interp.tick()
        if isinstance(layer, Layer):
            x = apply_layer(interp, layer, x)
        elif isinstance(layer, (ModelVal, Instance)):
            x = model_output(interp, layer)
        elif isinstance(layer, FuncVal):  # a Lambda layer's function
            x = interp.call_function(layer, [x], {}, starred=False)
        else:
            x = Tensor(INPUT.head)
    folded.count, folded.output, folded.running = len(layers), x, False
    return x


class _Folded(Value):
    """How far a layer stack was folded: its list (a replaced list starts again), the layers done, the output."""

    __slots__ = ("count", "layers", "output", "running")

    def __init__(self, layers: List[Value], count: int, output: Value):
        self.layers, self.count, self.output, self.running = layers, count, output, True


def same_head_model(interp: Machine, first: Value, second: Value) -> Optional[Value]:
    """`net = NetA(...) if cond else NetB(...)`: two different models whose outputs end the same way
    (each output's activation and width, wherever they are written) stand for either, and `first` is
    kept (its head is the one a finding names). None when they differ or either is not known."""
    if not (is_model(first) and is_model(second)):
        return None
    shape = _head_shape(model_output(interp, first))
    if shape is None or shape != _head_shape(model_output(interp, second)):
        return None
    return first


def _head_shape(outputs: Value) -> Optional[Hashable]:
    """What a loss can tell apart in a model's outputs; None when some output is not a known tensor."""
    if isinstance(outputs, Tensor):
        head = outputs.head
        return head.activation, head.width, head.name, outputs.marker, outputs.targets is not None
    if isinstance(outputs, Seq):
        items = tuple(_head_shape(item) for item in outputs.items)
        return None if None in items else ("seq", items)
    if isinstance(outputs, DictVal):
        pairs = tuple((const_of(key), _head_shape(item)) for key, item in outputs.items)
        return None if any(shape is None or not isinstance(key, str) for key, shape in pairs) else ("dict", pairs)
    return None
