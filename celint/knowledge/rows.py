"""Row types that several frameworks' tables share: layers and function transforms."""

from __future__ import annotations

from typing import Literal, NamedTuple, Optional, Tuple

from celint.facts import Activation

# What a layer does to a tensor's head. "dense": sets width and activation; "activation": applies one;
# "preserve": keeps both; "reshape": keeps the activation, sets the width to the layer's target shape's last
# dimension (`Reshape((10,))`) or forgets it (`Flatten()` of a (batch, steps, 1) tensor); "unknown": forgets both.
LayerEffect = Literal["dense", "activation", "preserve", "reshape", "unknown"]


class LayerSpec(NamedTuple):
    """A layer class, by how its arguments set the head it produces."""

    effect: LayerEffect
    width_arg: Optional[Tuple[str, int]] = None  # (keyword, position) of the output width
    activation_arg: Optional[Tuple[str, int]] = None  # (keyword, position) of the activation
    fixed_activation: Optional[Activation] = None  # Softmax(), Sigmoid layers, Linear modules
    axis_arg: Optional[Tuple[str, int]] = None
    guesses_axis: bool = False  # torch nn.Softmax() without dim


PRESERVE = LayerSpec(effect="preserve")
RESHAPE = LayerSpec(effect="reshape")


class Transform(NamedTuple):
    """A function transform (`jax.grad(f)`, `torch.compile(model)`): calling its result calls `f`."""

    wrapped_kw: str  # the keyword of the wrapped function (else it is the first argument)
    returns_gradients: bool  # the result is gradients (jax.grad), not what the function returns
