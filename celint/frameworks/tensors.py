"""Shared tensor semantics: how activation functions change a tensor's head, and reading arguments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Tuple

from celint.facts import LINEAR, LOG_SOFTMAX, SOFTMAX, Activation, ActivationApplied, AxisKind, Head, Where
from celint.knowledge.activations import ACTIVATION_FUNCTIONS, ACTIVATION_STRINGS, ActivationFn
from celint.records import replace
from celint.values import UNKNOWN, Const, Literal, Ref, Seq, Tensor, Value, const_of, int_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

UNKNOWN_HEAD = Head(None, None)
INPUT = Tensor(UNKNOWN_HEAD)


def head_of(value: Optional[Value]) -> Head:
    return value.head if isinstance(value, Tensor) else UNKNOWN_HEAD


def activation_name(value: Optional[Value]) -> Optional[Activation]:
    """The activation an `activation=` argument names, or None when unknown."""
    if value is None:
        return LINEAR
    raw = const_of(value)
    if raw is None and isinstance(value, (Const, Literal)):
        return LINEAR
    if isinstance(raw, str):
        return ACTIVATION_STRINGS.get(raw)
    if isinstance(value, Ref):
        fn = ACTIVATION_FUNCTIONS.get(value.qualname)
        return fn.activation if fn else None
    return None


def axis_kind(given: bool, axis: Optional[Value], class_axes: Tuple[int, ...]) -> AxisKind:
    """LAST for a default or -1 axis, CLASS for torch's dim=1, OTHER for anything else."""
    if not given:
        return AxisKind.LAST
    raw = const_of(axis)
    if raw == -1:
        return AxisKind.LAST
    if isinstance(raw, int) and raw in class_axes:
        return AxisKind.CLASS
    return AxisKind.OTHER


def over_batch_axis(keyword: str, given: bool, axis: Optional[Value]) -> str:
    """`dim=0` when an explicit axis argument is 0, the batch axis of a batch of samples; else ""."""
    return f"{keyword}=0" if given and int_of(axis) == 0 else ""


def with_activation(
    interp: Machine,
    previous: Head,
    activation: Optional[Activation],
    at: Where,
    source: str = "",
    axis: AxisKind = AxisKind.LAST,
    guessed_axis: bool = False,
    name: Optional[str] = None,
    over_batch: str = "",
) -> Tensor:
    """The tensor after applying `activation` over its class axis (or over an axis we cannot follow)."""
    if axis == AxisKind.OTHER:
        # a softmax over another axis (attention over time steps) says nothing about the head; over the
        # batch axis it is kept aside, for a logits loss that would receive these probabilities
        wrong = (
            replace(
                previous,
                activation=activation,
                activation_at=at,
                activation_source=source,
                activation_axis=over_batch,
                name=name or previous.name,
            )
            if over_batch
            else None
        )
        return Tensor(Head(None, None, name=name), over_batch=wrong)
    head = replace(
        previous, activation=activation, activation_at=at, activation_source=source, name=name or previous.name
    )
    if activation in (SOFTMAX, LOG_SOFTMAX):
        interp.events.activations.append(ActivationApplied(head, guessed_axis, at, axis))
    return Tensor(head)


def identity(x: Optional[Value]) -> Tensor:
    """A linear activation applied to a tensor (`Activation('linear', dtype='float32')`, a mixed-precision
    cast): the values are unchanged, so it still holds what the layer before made (a softmax stays one)."""
    return x if isinstance(x, Tensor) else Tensor(UNKNOWN_HEAD)


def reshaped(tensor: Tensor, width: Optional[int]) -> Tensor:
    """The same values in another shape: what they are (scores, probabilities) is kept; the last axis is
    `width` wide (None: not known)."""
    if width == tensor.head.width:
        return tensor
    return replace(tensor, head=replace(tensor.head, width=width))


def reshaped_width(name: str, tensor: Tensor, args: Args) -> Optional[int]:
    """The last axis's width after `tensor.<name>(...)` moved or removed axes, when the call proves it.

    `.view(-1, K)` / `.reshape(n, K)` end in a K-wide axis; `.squeeze()` removes only one-wide axes, so a
    last axis wider than one stays; `.unsqueeze(0)` adds a leading axis. Anything else: unknown."""
    width = tensor.head.width
    if name in ("view", "reshape") and args.pos and not args.starred:
        shape = args.pos[0].items if len(args.pos) == 1 and isinstance(args.pos[0], Seq) else tuple(args.pos)
        last = int_of(shape[-1]) if shape else None
        return last if last is not None and last > 0 else None
    if name == "squeeze" and width is not None and width > 1:
        return width
    if name == "unsqueeze" and const_of(args.get("dim", 0)) == 0:
        return width
    return None


def first_arg(args: Args, keywords: Tuple[str, ...]) -> Value:
    """The first of `keywords` given, else the first positional argument."""
    for keyword in keywords:
        if keyword in args.kw:
            return args.kw[keyword]
    return args.pos[0] if args.pos else UNKNOWN


def first_tensor_arg(args: Args) -> Value:
    return first_arg(args, ("input", "x", "logits", "features", "inputs"))


def activation_named(interp: Machine, ref: Ref, args: Args) -> Value:
    """The call handler for every row of the activation tables: `tf.nn.softmax(x)`, `jax.nn.sigmoid(x)`."""
    return call_activation(interp, ACTIVATION_FUNCTIONS[ref.qualname], args)


def call_activation(interp: Machine, fn: ActivationFn, args: Args) -> Value:
    """`tf.nn.softmax(x)`, `F.softmax(x, dim=1)`, `jax.nn.sigmoid(x)`, applied to a tensor."""
    x = first_tensor_arg(args)
    if fn.activation == LINEAR:
        return identity(x)
    previous = head_of(x)
    if not fn.axis_kw:
        result = with_activation(interp, previous, fn.activation, interp.where(args.node), interp.source(args.node))
        return carry_constant(x, result)
    return carry_constant(x, activation_over_axis(interp, fn, previous, args))


def is_constant(value: Optional[Value]) -> bool:
    """A tensor computed from constants only, or a number."""
    if isinstance(value, Tensor):
        return value.constant
    raw = const_of(value)
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


def carry_constant(source: Optional[Value], result: Tensor) -> Tensor:
    """`result` made from `source` alone: computed from constants when `source` is."""
    return replace(result, constant=True) if isinstance(source, Tensor) and source.constant else result


def activation_over_axis(interp: Machine, fn: ActivationFn, previous: Head, args: Args) -> Tensor:
    """`fn` applied over the axis the call's `fn.axis_kw` argument names (its default when absent)."""
    given = args.given(fn.axis_kw, fn.axis_pos)
    axis = args.get(fn.axis_kw, fn.axis_pos, None)
    kind = axis_kind(given, axis, fn.class_axes)
    return with_activation(
        interp,
        previous,
        fn.activation,
        interp.where(args.node),
        interp.source(args.node),
        axis=kind,
        guessed_axis=fn.guesses_axis and not given,
        over_batch=over_batch_axis(fn.axis_kw, given, axis),
    )
