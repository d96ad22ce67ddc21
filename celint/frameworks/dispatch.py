"""The merged handler tables of an ordered tuple of adapters: what the interpreter asks about frameworks.

The tuple's order is the precedence: for a name, method, subscript, operator or loop, the first
adapter whose handler answers (returns something other than None) wins. Values every framework shares
(layers, models, loss objects, transformed functions) are called here directly.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Sequence, Tuple

from celint.frameworks import losses
from celint.frameworks.adapter import (
    Adapter,
    BinopHook,
    CallHandler,
    CallObserver,
    ElementHook,
    ImportObserver,
    MethodHandler,
    ModelFamily,
    SubscriptHook,
)
from celint.frameworks.layers import apply_layer
from celint.frameworks.models import model_output, same_head_model
from celint.frameworks.tensors import first_tensor_arg
from celint.frameworks.transforms import Gradient
from celint.values import UNKNOWN, BoundMethod, Layer, LossObj, ModelVal, Ref, Value, merge

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine


@lru_cache(maxsize=None)
def dispatch_for(adapters: Tuple[Adapter, ...]) -> Dispatch:
    """Built once per tuple of adapters (adapters hash by identity)."""
    return Dispatch(adapters)


class Dispatch:
    def __init__(self, adapters: Sequence[Adapter]):
        self.adapters = tuple(adapters)
        claims: Dict[str, List[CallHandler]] = {}
        for adapter in adapters:
            for name, handler in adapter.calls.items():
                claims.setdefault(name, []).append(handler)
        self.calls: Dict[str, CallHandler] = {name: _first_answer(tuple(found)) for name, found in claims.items()}
        self.methods: Tuple[MethodHandler, ...] = tuple(h for a in adapters for h in a.methods)
        self.subscripts: Tuple[SubscriptHook, ...] = tuple(h for a in adapters for h in a.subscripts)
        self.binops: Tuple[BinopHook, ...] = tuple(h for a in adapters for h in a.binops)
        self.elements: Tuple[ElementHook, ...] = tuple(h for a in adapters for h in a.elements)
        self.call_observers: Tuple[CallObserver, ...] = tuple(h for a in adapters for h in a.call_observers)
        self.import_observers: Tuple[ImportObserver, ...] = tuple(h for a in adapters for h in a.import_observers)
        self.traced_by = frozenset(name for a in adapters for name in a.traced_by)
        self.families: Dict[str, ModelFamily] = {}
        for adapter in reversed(adapters):  # the first adapter's family wins
            self.families.update(adapter.families)

    def call(self, interp: Machine, func: Value, args: Args) -> Value:
        """A call of anything but a user function or class."""
        for observer in self.call_observers:
            observer(interp, args)
        if isinstance(func, Ref):
            handler = self.calls.get(func.qualname)
            result = handler(interp, func, args) if handler is not None else None
            return UNKNOWN if result is None else result
        if isinstance(func, Layer):
            return apply_layer(interp, func, first_tensor_arg(args))
        if isinstance(func, ModelVal):
            return model_output(interp, func)
        if isinstance(func, LossObj) and func.callable_style:
            return losses.apply(interp, func, args)
        if isinstance(func, Gradient):
            interp.call(func.function, args)  # run the function for its events; the result is gradients
            return UNKNOWN
        if isinstance(func, BoundMethod):
            for method_handler in self.methods:
                answer = method_handler(interp, func, args)
                if answer is not None:
                    return answer
        return UNKNOWN

    def subscript(self, interp: Machine, owner: Value, index: Value, node: ast.Subscript) -> Value:
        for hook in self.subscripts:
            result = hook(interp, owner, index, node)
            if result is not None:
                return result
        return UNKNOWN

    def binop(self, interp: Machine, op: ast.operator, left: Value, right: Value) -> Value:
        for hook in self.binops:
            result = hook(interp, op, left, right)
            if result is not None:
                return result
        return UNKNOWN

    def element_of(self, interp: Machine, iterable: Value) -> Value:
        """What a `for` loop over a framework object binds (a tf.data / DataLoader batch), or UNKNOWN."""
        for hook in self.elements:
            result = hook(interp, iterable)
            if result is not None:
                return result
        return UNKNOWN

    def merge(self, interp: Machine, first: Value, second: Value, tick: Optional[Callable[[], None]] = None) -> Value:
        """`merge`, except that two models with the same head stand for either (`NetA() if c else NetB()`)."""
        merged = merge(first, second, tick)
        if merged is UNKNOWN and first is not UNKNOWN and second is not UNKNOWN:
            return same_head_model(interp, first, second) or UNKNOWN
        return merged

    def class_family(self, qualname: str) -> Optional[ModelFamily]:
        return self.families.get(qualname)

    def observe_import(self, interp: Machine, module: str) -> None:
        for observer in self.import_observers:
            observer(interp, module)


def _first_answer(handlers: Tuple[CallHandler, ...]) -> CallHandler:
    """One handler for a name several adapters claim: each in turn until one answers."""
    if len(handlers) == 1:
        return handlers[0]

    def first(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
        for handler in handlers:
            result = handler(interp, ref, args)
            if result is not None:
                return result
        return None

    return first
