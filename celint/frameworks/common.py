"""Handlers every framework shares: loss names, activation functions, hand-written log-losses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.events import LogOfProbabilities
from celint.facts import SIGMOID, SOFTMAX
from celint.frameworks import METHOD_HANDLERS, REF_HANDLERS
from celint.frameworks import losses as _losses
from celint.frameworks.tensors import call_activation, first_tensor_arg, head_of
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


def _log_handler(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    head = head_of(first_tensor_arg(args))
    if head.activation in (SOFTMAX, SIGMOID):
        interp.events.logs.append(LogOfProbabilities(head.activation, interp.where(args.node), head.activation_at))
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
        from celint.frameworks.tensors import axis_kind, with_activation

        given = args.given(fn.axis_kw, fn.axis_pos)
        kind = axis_kind(given, args.get(fn.axis_kw, fn.axis_pos, None), fn.class_axes)
        return with_activation(interp, method.receiver.head, fn.activation, interp.where(args.node),
                               interp.source(args.node), axis=kind, axis_explicit=given,
                               guessed_axis=fn.guesses_axis and not given)
    if method.name == "log" and method.receiver.head.activation in (SOFTMAX, SIGMOID):
        head = method.receiver.head
        interp.events.logs.append(LogOfProbabilities(head.activation, interp.where(args.node), head.activation_at))
        return UNKNOWN
    return None


for _name in LOSSES:
    REF_HANDLERS[_name] = _loss_handler
for _name in ACTIVATION_FUNCTIONS:
    REF_HANDLERS[_name] = _activation_handler
for _name in LOG_FUNCTIONS:
    REF_HANDLERS[_name] = _log_handler
REF_HANDLERS["functools.partial"] = _partial_handler
METHOD_HANDLERS.append(_tensor_methods)
