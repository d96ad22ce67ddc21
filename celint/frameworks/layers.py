"""Shared layer semantics: a layer object from its table row and arguments, and applying it to a tensor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.facts import LINEAR, AxisKind, Head, Where
from celint.frameworks.tensors import (
    activation_name,
    axis_kind,
    head_of,
    identity,
    over_batch_axis,
    reshaped,
    with_activation,
)
from celint.knowledge.rows import LayerSpec
from celint.records import replace
from celint.values import Layer, Ref, Seq, Tensor, Value, const_of, int_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine


def make_layer(interp: Machine, ref: Ref, spec: LayerSpec, args: Args) -> Layer:
    """`Dense(10, activation="softmax")`, `nn.Linear(64, 10)`, `nn.Softmax(dim=1)`: the layer, not yet applied."""
    at = interp.where(args.node)
    name = const_of(args.get("name"))
    name = name if isinstance(name, str) else None
    if spec.effect == "preserve":
        return Layer(ref.qualname, "preserve", at=at, name=name)
    if spec.effect == "reshape":  # Reshape((10,)): the target shape's last dimension, when written
        shape = args.get(*spec.width_arg) if spec.width_arg is not None else None
        last = int_of(shape.items[-1]) if isinstance(shape, Seq) and shape.items else None
        return Layer(ref.qualname, "reshape", width=last if last is not None and last > 0 else None, at=at, name=name)
    width: Optional[int] = None
    if spec.width_arg is not None:
        width = int_of(args.get(*spec.width_arg))
    activation = spec.fixed_activation
    activation_at = at
    source = interp.source(args.node)
    if spec.activation_arg is not None:
        value = args.get(*spec.activation_arg)
        activation = activation_name(value)
        node = args.arg_node(*spec.activation_arg)
        if node is not None:
            activation_at = interp.where(node)
            source = interp.source(node)
    explicit, kind, over_batch = True, AxisKind.LAST, ""
    if spec.axis_arg is not None:
        explicit = args.given(*spec.axis_arg)
        class_axes = (1, -1) if spec.guesses_axis else (-1,)
        kind = axis_kind(explicit, args.get(*spec.axis_arg), class_axes)
        over_batch = over_batch_axis(spec.axis_arg[0], explicit, args.get(*spec.axis_arg))
    return Layer(
        ref.qualname,
        spec.effect,
        width=width,
        activation=activation,
        at=at,
        activation_at=activation_at,
        source=source,
        axis_kind=kind,
        guessed_axis=spec.guesses_axis and not explicit,
        name=name,
        over_batch=over_batch,
    )


def apply_layer(interp: Machine, layer: Layer, x: Optional[Value]) -> Tensor:
    previous = head_of(x)
    at = layer.at or Where(1)
    if layer.effect == "dense":
        dense = Head(None, layer.width, name=layer.name, width_at=at)
        return with_activation(
            interp, dense, layer.activation, layer.activation_at or at, layer.source, name=layer.name
        )
    if layer.effect == "activation" and layer.activation == LINEAR:
        return identity(x)
    if layer.effect == "activation":
        return with_activation(
            interp,
            previous,
            layer.activation,
            at,
            layer.source,
            axis=layer.axis_kind,
            guessed_axis=layer.guessed_axis,
            name=layer.name,
            over_batch=layer.over_batch,
        )
    if layer.effect == "preserve":
        marker = x.marker if isinstance(x, Tensor) else None  # dropout keeps a hand-written step what it is
        return Tensor(replace(previous, name=layer.name or previous.name), marker=marker)
    if layer.effect == "reshape" and isinstance(x, Tensor):
        return reshaped(replace(x, head=replace(previous, name=layer.name or previous.name)), layer.width)
    return Tensor(Head(None, None, name=layer.name))
