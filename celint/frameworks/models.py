"""Shared model semantics: what a model returns, whichever framework built it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from celint.frameworks.layers import apply_layer
from celint.frameworks.tensors import INPUT
from celint.values import UNKNOWN, DictVal, FuncVal, Instance, Layer, ModelVal, Seq, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.machine import Machine

_OUTPUT_CACHE_KEY = "<output>"


def is_model(value: Value) -> bool:
    """A layer-stack or functional model, or an instance of a framework's model class."""
    return isinstance(value, ModelVal) or (isinstance(value, Instance) and value.cls.family is not None)


def model_output(interp: Machine, model: Value) -> Value:
    """The tensor(s) a model returns: its functional outputs, its layer stack folded, or its forward."""
    if isinstance(model, ModelVal):
        if model.uncertain:
            return UNKNOWN
        if model.outputs is not None:
            return model.outputs
        x: Value = INPUT
        for layer in model.layers:
            if isinstance(layer, Layer):
                x = apply_layer(interp, layer, x)
            elif isinstance(layer, (ModelVal, Instance)):
                x = model_output(interp, layer)
            else:
                x = Tensor(INPUT.head)
        return x
    if isinstance(model, Instance) and model.cls.family is not None:
        if _OUTPUT_CACHE_KEY not in model.attrs:
            model.attrs[_OUTPUT_CACHE_KEY] = UNKNOWN  # guards against forward calling itself
            for name in model.cls.family.forward:
                method = interp.find_method(model.cls, name)
                if method is not None:
                    func = FuncVal(method, model.cls.scope, bound_self=model)
                    model.attrs[_OUTPUT_CACHE_KEY] = interp.call_function(func, [INPUT], {}, starred=False)
                    break
        return model.attrs[_OUTPUT_CACHE_KEY]
    return UNKNOWN


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
