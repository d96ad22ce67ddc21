"""Low-level TensorFlow adapter: TF1 functional layers (`tf.layers.dense`) and layer classes, `tf.nn` /
`tf.compat.v1.losses` losses, `tf.nn` activations, and `tf.function`.

Its loss and activation rows are the TF groups of `celint.knowledge.losses` / `.activations`; the
`tf.keras` names are canonically `keras.` names, so the Keras adapter handles them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from celint.frameworks.adapter import Adapter, for_names
from celint.frameworks.layers import apply_layer, make_layer
from celint.frameworks.losses import loss_named, partial_of
from celint.frameworks.tensors import activation_name, activation_named
from celint.frameworks.transforms import transform_calls
from celint.knowledge import tf as TF
from celint.knowledge.activations import TF_ACTIVATIONS
from celint.knowledge.losses import TF_LOSSES
from celint.values import Layer, Ref, Value, int_of

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
    layer = Layer(ref.qualname, "dense", width=int_of(args.get(*spec.units)), activation=activation, at=at,
                  activation_at=activation_at, source=source)
    return apply_layer(interp, layer, args.get("inputs", 0))


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
    },
)
