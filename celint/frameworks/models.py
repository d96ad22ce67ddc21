"""Shared model semantics: what a model returns, whichever framework built it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from celint.frameworks.layers import apply_layer
from celint.frameworks.tensors import INPUT
from celint.values import UNKNOWN, FuncVal, Instance, Layer, ModelVal, Tensor, Value

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
            elif isinstance(layer, FuncVal):  # a Lambda layer's function
                x = interp.call_function(layer, [x], {}, starred=False)
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
