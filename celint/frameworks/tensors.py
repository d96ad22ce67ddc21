"""Shared tensor semantics: how layers and activation functions change a tensor's head."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional, Tuple

from celint.events import ActivationEvent
from celint.facts import LOG_SOFTMAX, SOFTMAX, Head, Where
from celint.knowledge.activations import ACTIVATION_FUNCTIONS, ACTIVATION_STRINGS, ActivationFn
from celint.values import UNKNOWN, Const, Layer, Literal, Ref, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter

UNKNOWN_HEAD = Head(None, None)
INPUT = Tensor(UNKNOWN_HEAD)


def head_of(value: Value) -> Head:
    return value.head if isinstance(value, Tensor) else UNKNOWN_HEAD


def activation_name(value: Value) -> Optional[str]:
    """The canonical activation an `activation=` argument names, or None when unknown."""
    if value is None:
        return "linear"
    raw = const_of(value)
    if raw is None and isinstance(value, (Const, Literal)):
        return "linear"
    if isinstance(raw, str):
        return ACTIVATION_STRINGS.get(raw)
    if isinstance(value, Ref):
        fn = ACTIVATION_FUNCTIONS.get(value.qualname)
        return fn.activation if fn else None
    return None


def axis_kind(given: bool, axis: Value, class_axes: Tuple[int, ...]) -> str:
    """"last" for a default or -1 axis, "class" for torch's dim=1, "other" for anything else."""
    if not given:
        return "last"
    raw = const_of(axis)
    if raw == -1:
        return "last"
    if isinstance(raw, int) and raw in class_axes:
        return "class"
    return "other"


def with_activation(
    interp: "Interpreter", previous: Head, activation: Optional[str], at: Where, source: str = "",
    axis: str = "last", guessed_axis: bool = False, name: Optional[str] = None,
) -> Tensor:
    """The tensor after applying `activation` over its class axis (or over an axis we cannot follow)."""
    if axis == "other":
        # a softmax over another axis (attention over time steps) says nothing about the head
        return Tensor(Head(None, None, name=name))
    head = replace(previous, activation=activation, activation_at=at, activation_source=source,
                   name=name or previous.name)
    if activation in (SOFTMAX, LOG_SOFTMAX):
        interp.events.activations.append(ActivationEvent(head, guessed_axis, at, axis))
    return Tensor(head)


def apply_layer(interp: "Interpreter", layer: Layer, x: Value) -> Tensor:
    previous = head_of(x)
    at = layer.at or Where(1)
    if layer.effect == "dense":
        dense = Head(None, layer.width, name=layer.name, width_at=at)
        return with_activation(interp, dense, layer.activation, layer.activation_at or at, layer.source,
                               name=layer.name)
    if layer.effect == "activation":
        return with_activation(interp, previous, layer.activation, at, layer.source, axis=layer.axis_kind,
                               guessed_axis=layer.guessed_axis, name=layer.name)
    if layer.effect == "preserve":
        return Tensor(replace(previous, name=layer.name or previous.name))
    return Tensor(Head(None, None, name=layer.name))


def first_arg(args: "Args", keywords: Tuple[str, ...]) -> Value:
    """The first of `keywords` given, else the first positional argument."""
    for keyword in keywords:
        if keyword in args.kw:
            return args.kw[keyword]
    return args.pos[0] if args.pos else UNKNOWN


def first_tensor_arg(args: "Args") -> Value:
    return first_arg(args, ("input", "x", "logits", "features", "inputs"))


def call_activation(interp: "Interpreter", fn: ActivationFn, args: "Args") -> Value:
    """`tf.nn.softmax(x)`, `F.softmax(x, dim=1)`, `jax.nn.sigmoid(x)`, applied to a tensor."""
    previous = head_of(first_tensor_arg(args))
    if not fn.axis_kw:
        return with_activation(interp, previous, fn.activation, interp.where(args.node), interp.source(args.node))
    return activation_over_axis(interp, fn, previous, args)


def activation_over_axis(interp: "Interpreter", fn: ActivationFn, previous: Head, args: "Args") -> Tensor:
    """`fn` applied over the axis the call's `fn.axis_kw` argument names (its default when absent)."""
    given = args.given(fn.axis_kw, fn.axis_pos)
    kind = axis_kind(given, args.get(fn.axis_kw, fn.axis_pos, None), fn.class_axes)
    return with_activation(interp, previous, fn.activation, interp.where(args.node), interp.source(args.node),
                           axis=kind, guessed_axis=fn.guesses_axis and not given)
