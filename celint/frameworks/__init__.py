"""Framework adapters: what calling a framework name does to the abstract state.

Each adapter module registers handlers here at import time, keyed by canonical qualified name, so
the interpreter knows no framework and a new framework is one new module.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, Dict, Iterable, List, Optional

from celint.values import UNKNOWN, BoundMethod, FuncVal, Instance, Layer, LossObj, ModelVal, Ref, Tensor, Value

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter

RefHandler = Callable[["Interpreter", Ref, "Args"], Value]
MethodHandler = Callable[["Interpreter", BoundMethod, "Args"], Optional[Value]]
ValueHook = Callable[..., Optional[Value]]

REF_HANDLERS: Dict[str, RefHandler] = {}
METHOD_HANDLERS: List[MethodHandler] = []  # each returns None when the method is not its business
SUBSCRIPT_HOOKS: List[ValueHook] = []
BINOP_HOOKS: List[ValueHook] = []
ELEMENT_HOOKS: List[ValueHook] = []
CLASS_FAMILIES: Dict[str, str] = {}  # base class -> "keras-model" | "torch-module" | "flax-module"
# Observers see the arguments of every call that is not a user function, whatever is called: TF1
# `sess.run(..., feed_dict=...)` runs through objects the interpreter cannot name.
CALL_OBSERVERS: List[Callable[["Interpreter", "Args"], None]] = []

FORWARD_METHODS = {
    "keras-model": ("call",),
    "torch-module": ("forward",),
    "flax-module": ("__call__",),
    "": ("__call__",),
}


def register(handler: RefHandler, *names: Iterable[str]) -> None:
    """`handler` for every name of every table or tuple in `names`."""
    for group in names:
        for name in group:
            REF_HANDLERS[name] = handler


def class_family(qualname: str) -> str:
    return CLASS_FAMILIES.get(qualname, "")


def call(interp: "Interpreter", func: Value, args: "Args") -> Value:
    for observer in CALL_OBSERVERS:
        observer(interp, args)
    if isinstance(func, Ref):
        handler = REF_HANDLERS.get(func.qualname)
        return handler(interp, func, args) if handler else UNKNOWN
    if isinstance(func, Layer):
        return apply_layer(interp, func, first_tensor_arg(args))
    if isinstance(func, ModelVal):
        return model_output(interp, func)
    if isinstance(func, LossObj) and func.callable_style:
        return losses.apply(interp, func, args)
    if isinstance(func, BoundMethod):
        for method_handler in METHOD_HANDLERS:
            result = method_handler(interp, func, args)
            if result is not None:
                return result
    return UNKNOWN


_OUTPUT_CACHE_KEY = "<output>"


def model_output(interp: "Interpreter", model: Value) -> Value:
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
    if isinstance(model, Instance) and model.cls.family:
        if _OUTPUT_CACHE_KEY not in model.attrs:
            model.attrs[_OUTPUT_CACHE_KEY] = UNKNOWN  # guards against forward calling itself
            for name in FORWARD_METHODS[model.cls.family]:
                method = interp.find_method(model.cls, name)
                if method is not None:
                    func = FuncVal(method, model.cls.scope, bound_self=model)
                    model.attrs[_OUTPUT_CACHE_KEY] = interp.call_function(func, [INPUT], {}, starred=False)
                    break
        return model.attrs[_OUTPUT_CACHE_KEY]
    return UNKNOWN


def _first(hooks: List[ValueHook], *args: object) -> Optional[Value]:
    for hook in hooks:
        result = hook(*args)
        if result is not None:
            return result
    return None


def subscript(interp: "Interpreter", owner: Value, index: Value, node: ast.Subscript) -> Value:
    result = _first(SUBSCRIPT_HOOKS, interp, owner, index, node)
    return UNKNOWN if result is None else result


def element_of(interp: "Interpreter", iterable: Value) -> Value:
    """What a `for` loop over a framework object binds (a tf.data / DataLoader batch), or UNKNOWN."""
    result = _first(ELEMENT_HOOKS, interp, iterable)
    return UNKNOWN if result is None else result


def binop(interp: "Interpreter", op: ast.operator, left: Value, right: Value) -> Value:
    result = _first(BINOP_HOOKS, interp, op, left, right)
    return UNKNOWN if result is None else result


# Shared semantics (these modules import nothing from this package at import time).
from celint.frameworks import losses  # noqa: E402
from celint.frameworks.tensors import INPUT, apply_layer, first_tensor_arg  # noqa: E402

# Adapters register themselves on import; keep this list explicit and ordered.
from celint.frameworks import keras as _keras  # noqa: E402,F401
from celint.frameworks import torch as _torch  # noqa: E402,F401
from celint.frameworks import jax as _jax  # noqa: E402,F401
from celint.frameworks import tf as _tf  # noqa: E402,F401
from celint.frameworks import manual as _manual  # noqa: E402,F401
from celint.frameworks import common as _common  # noqa: E402,F401
from celint.frameworks import targets as _targets  # noqa: E402,F401
