"""Low-level TensorFlow adapter: TF1 functional layers (`tf.layers.dense`) and layer classes, `tf.nn` /
`tf.compat.v1.losses` losses, `tf.nn` activations, and `tf.function`.

Its loss and activation rows are the TF groups of `celint.knowledge.losses` / `.activations`; the
`tf.keras` names are canonically `keras.` names, so the Keras adapter handles them.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from celint.facts import LINEAR, Head, Where
from celint.frameworks.adapter import Adapter, for_names
from celint.frameworks.layers import apply_layer, make_layer
from celint.frameworks.losses import loss_named, partial_of
from celint.frameworks.tensors import activation_name, activation_named
from celint.frameworks.transforms import transform_calls
from celint.knowledge import tf as TF
from celint.knowledge.activations import TF_ACTIVATIONS
from celint.knowledge.losses import TF_LOSSES
from celint.values import UNKNOWN, Layer, Literal, Ref, Seq, Tensor, Value, int_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine


def _dense_function(interp: Machine, ref: Ref, args: Args) -> Value:
    """`tf.layers.dense(h, 10, activation=tf.nn.softmax)`: a Dense layer applied on the spot."""
    spec = TF.DENSE_FUNCTIONS[ref.qualname]
    at = interp.where(args.node)
    activation = spec.default_activation
    activation_at, source = at, interp.source(args.node)
    if args.given(*spec.activation):
        activation = activation_name(args.get(*spec.activation))
        node = args.arg_node(*spec.activation)
        if node is not None:
            activation_at, source = interp.where(node), interp.source(node)
    elif args.starred:
        activation = None
    layer = Layer(
        ref.qualname,
        "dense",
        width=int_of(args.get(*spec.units)),
        activation=activation,
        at=at,
        activation_at=activation_at,
        source=source,
    )
    return apply_layer(interp, layer, args.get("inputs", 0))


def _shaped(interp: Machine, ref: Ref, args: Args) -> Value:
    """`tf.random_normal([H, K])`, `tf.get_variable("W", [H, K])`: a tensor whose last dimension is K."""
    shape = args.get(*TF.SHAPED_TENSORS[ref.qualname])
    last = shape.items[-1] if isinstance(shape, Seq) and shape.items else None
    width = int_of(last)
    if width is None:
        return UNKNOWN
    # where the width is written: `[1024, 10]` in a helper's call, or the NUM_CLASSES constant
    at = last.at if isinstance(last, Literal) else interp.where(args.node)
    return Tensor(Head(None, width, width_at=at))


def _variable(interp: Machine, ref: Ref, args: Args) -> Value:
    initial = args.get("initial_value", 0)
    return initial if isinstance(initial, Tensor) and initial.targets is None else UNKNOWN


def _product(interp: Machine, weights: Value, at: Where) -> Tensor:
    """`x @ W`: raw scores, as wide as W's last dimension when it is known (a shape written out)."""
    width = weights.head.width if isinstance(weights, Tensor) and weights.marker is None else None
    width_at = weights.head.width_at if width is not None and isinstance(weights, Tensor) else at
    return Tensor(Head(LINEAR, width, width_at=width_at, activation_at=at))


def _matmul(interp: Machine, ref: Ref, args: Args) -> Value:
    if args.starred or any(interp.truth(args.kw[flag]) is not False for flag in TF.MATMUL_FLAGS if flag in args.kw):
        return UNKNOWN  # a transposed product: the width is another dimension
    if len(args.pos) > 2:
        return UNKNOWN
    return _product(interp, args.get("b", 1, UNKNOWN), interp.where(args.node))


def _add(interp: Machine, ref: Ref, args: Args) -> Value:
    if args.starred or len(args.pos) != 2:
        return UNKNOWN
    return interp.dispatch.binop(interp, ast.Add(), args.pos[0], args.pos[1])


def _xw_plus_b(interp: Machine, ref: Ref, args: Args) -> Value:
    if args.starred:
        return UNKNOWN
    scores = _product(interp, args.get("weights", 1, UNKNOWN), interp.where(args.node))
    return interp.dispatch.binop(interp, ast.Add(), scores, args.get("biases", 2, UNKNOWN))


def _dense_class(interp: Machine, ref: Ref, args: Args) -> Value:
    return make_layer(interp, ref, TF.DENSE_CLASS, args)


ADAPTER = Adapter(
    name="tf",
    calls={
        **for_names(_dense_function, TF.DENSE_FUNCTIONS),
        **for_names(_dense_class, TF.DENSE_CLASSES),
        **for_names(loss_named, TF_LOSSES),
        **partial_of(TF_LOSSES),
        **for_names(activation_named, TF_ACTIVATIONS),
        **transform_calls(TF.TRANSFORMS),
        **for_names(_shaped, TF.SHAPED_TENSORS),
        **for_names(_variable, TF.VARIABLES),
        **for_names(_matmul, TF.MATMULS),
        **for_names(_add, TF.ADDS),
        **for_names(_xw_plus_b, TF.XW_PLUS_B),
    },
    traced_by=TF.TRACING_DECORATORS,
)
