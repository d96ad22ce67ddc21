"""Low-level TensorFlow adapter: TF1 functional layers (`tf.layers.dense`) and layer classes.

The `tf.nn.*_with_logits`, `tf.compat.v1.losses.*` and `tf.keras.losses.*` rows live in the loss table;
activations (`tf.nn.softmax`, `tf.sigmoid`) in the activation table. What is left here is how TF1
graphs build a head without Keras.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from celint.frameworks import register
from celint.frameworks.keras import make_layer
from celint.frameworks.tensors import activation_name, apply_layer
from celint.knowledge import keras as K
from celint.knowledge.tf import DENSE_CLASSES, DENSE_FUNCTIONS
from celint.values import Layer, Ref, Value, int_of

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter


def _dense_function(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    """`tf.layers.dense(h, 10, activation=tf.nn.softmax)`: a Dense layer applied on the spot."""
    spec = DENSE_FUNCTIONS[ref.qualname]
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


def _dense_class(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    return make_layer(interp, ref, K.LAYERS["keras.layers.Dense"], args)


register(_dense_function, DENSE_FUNCTIONS)
register(_dense_class, DENSE_CLASSES)
