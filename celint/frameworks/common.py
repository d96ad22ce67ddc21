"""Handlers every framework shares: loss names, activation functions, hand-written log-losses."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Optional

from celint.events import LogOfProbabilities
from celint.facts import SIGMOID, SOFTMAX, Head
from celint.frameworks import METHOD_HANDLERS, REF_HANDLERS, register
from celint.frameworks import losses as _losses
from celint.frameworks.tensors import activation_over_axis, call_activation, first_tensor_arg, head_of
from celint.knowledge.activations import ACTIVATION_FUNCTIONS, TENSOR_METHODS
from celint.knowledge.losses import LOSSES
from celint.values import UNKNOWN, BoundMethod, LossObj, Ref, Tensor, Value

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter

# log() functions whose argument, when it is a softmax / sigmoid output, makes a hand-written
# cross-entropy that overflows to -inf instead of using the fused, stable op (CE103).
LOG_FUNCTIONS = (
    "tensorflow.log", "tensorflow.compat.v1.log", "tensorflow.compat.v1.math.log", "torch.log",
    "numpy.log", "jax.numpy.log", "keras.ops.log", "keras.backend.log", "math.log",
)


def _loss_handler(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    spec = LOSSES[ref.qualname]
    if spec.is_class:
        return _losses.construct(interp, ref, spec, args)
    return _losses.call_loss_function(interp, ref, spec, args)


def _activation_handler(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    return call_activation(interp, ACTIVATION_FUNCTIONS[ref.qualname], args)


def _log_of(interp: "Interpreter", head: Head, node: ast.AST) -> None:
    """`log(p)`: recorded when `p` is a softmax / sigmoid output."""
    if head.activation in (SOFTMAX, SIGMOID):
        interp.events.logs.append(LogOfProbabilities(head.activation, interp.where(node), head.activation_at))


def _log_handler(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    _log_of(interp, head_of(first_tensor_arg(args)), args.node)
    return UNKNOWN


def _partial_handler(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    """`functools.partial(keras.losses.categorical_crossentropy, from_logits=True)`."""
    if not args.pos or not isinstance(args.pos[0], Ref):
        return UNKNOWN
    target = args.pos[0]
    spec = LOSSES.get(target.qualname)
    if spec is None or spec.is_class:
        return UNKNOWN
    expects = _losses.from_logits_value(spec, _KeywordsOnly(args))
    if expects is None:
        return UNKNOWN
    keyword = args.keyword_node("from_logits")
    return LossObj(target.qualname, spec.kind, expects, spec.framework, interp.where(args.node), interp.source(args.node),
                   callable_style=True, from_logits_at=interp.where(keyword) if keyword is not None else None)


class _KeywordsOnly:
    """partial() arguments: only keywords configure the wrapped loss."""

    def __init__(self, args: "Args"):
        self._args = args

    def given(self, keyword: str, position: int = -1) -> bool:
        return keyword in self._args.kw

    def get(self, keyword: str, position: int = -1, default: Value = None) -> Value:
        return self._args.kw.get(keyword, default)


def _tensor_methods(interp: "Interpreter", method: BoundMethod, args: "Args") -> Optional[Value]:
    """`logits.softmax(dim=1)`, `out.sigmoid()`, `p.log()` on tensors."""
    if not isinstance(method.receiver, Tensor):
        return None
    fn = TENSOR_METHODS.get(method.name)
    if fn is not None:
        return activation_over_axis(interp, fn, method.receiver.head, args)
    if method.name == "log" and method.receiver.head.activation in (SOFTMAX, SIGMOID):
        _log_of(interp, method.receiver.head, args.node)
        return UNKNOWN
    return None


register(_loss_handler, LOSSES)
register(_activation_handler, ACTIVATION_FUNCTIONS)
register(_log_handler, LOG_FUNCTIONS)
REF_HANDLERS["functools.partial"] = _partial_handler
METHOD_HANDLERS.append(_tensor_methods)
