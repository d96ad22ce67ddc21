"""JAX, Flax and optax names that shape a head or run a loss, keyed by canonical name."""

from __future__ import annotations

from typing import Dict

from celint.facts import LINEAR
from celint.knowledge.rows import PRESERVE, LayerSpec, Transform

FLAX_LAYERS: Dict[str, LayerSpec] = {
    # a Dense / Linear module has no activation of its own: its outputs are raw scores
    "flax.linen.Dense": LayerSpec(effect="dense", width_arg=("features", 0), fixed_activation=LINEAR),
    "flax.linen.Dropout": PRESERVE,
    "flax.nnx.Linear": LayerSpec(effect="dense", width_arg=("out_features", 1), fixed_activation=LINEAR),
}
FLAX_MODULE_BASES = ("flax.linen.Module", "flax.nnx.Module")

_SAME = Transform(wrapped_kw="fun", returns_gradients=False)
_GRAD = Transform(wrapped_kw="fun", returns_gradients=True)
TRANSFORMS: Dict[str, Transform] = {
    "jax.grad": _GRAD,
    "jax.value_and_grad": _GRAD,
    "jax.jit": _SAME,
    "jax.vmap": _SAME,
    "jax.pmap": _SAME,
    "jax.checkpoint": _SAME,
    "jax.remat": _SAME,
    "flax.linen.jit": _SAME,
}

TRAIN_STATE_CREATE = (
    "flax.training.train_state.TrainState.create",
    "flax.training.TrainState.create",
)
# Methods of a train state that return an updated train state (same apply_fn).
TRAIN_STATE_UPDATES = frozenset({"apply_gradients", "replace"})
