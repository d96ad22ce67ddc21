"""JAX / Flax / optax adapter: Flax modules and their layers, `jax.nn` / `flax.linen` activations, optax
losses, function transforms (`jax.value_and_grad(loss_fn)`) and Flax train states.

Its loss and activation rows are the optax and JAX groups of `celint.knowledge.losses` / `.activations`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.frameworks.adapter import Adapter, ModelFamily, for_names
from celint.frameworks.layers import make_layer
from celint.frameworks.losses import loss_named, partial_of
from celint.frameworks.models import is_model, model_output
from celint.frameworks.tensors import activation_named
from celint.frameworks.transforms import transform_calls
from celint.knowledge import jax as J
from celint.knowledge.activations import JAX_ACTIVATIONS
from celint.knowledge.losses import OPTAX_LOSSES
from celint.records import record
from celint.values import UNKNOWN, BoundMethod, Ref, Value

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

# Flax modules are dataclasses: `Model(num_classes=10)` sets the annotated fields, `__call__` is the forward.
FLAX_MODULE = ModelFamily("flax-module", forward=("__call__",), dataclass_fields=True)


@record(frozen=True)
class TrainState(Value):
    """A Flax `TrainState`: what matters is the `apply_fn` it was created with."""

    apply_fn: Value


def _layer(interp: Machine, ref: Ref, args: Args) -> Value:
    return make_layer(interp, ref, J.FLAX_LAYERS[ref.qualname], args)


def _create_train_state(interp: Machine, ref: Ref, args: Args) -> Value:
    apply_fn = args.get("apply_fn", -1, UNKNOWN)
    return TrainState(apply_fn) if apply_fn is not UNKNOWN else UNKNOWN


def _train_state_methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    receiver = method.receiver
    if not isinstance(receiver, TrainState):
        return None
    if method.name == "apply_fn":
        return interp.call(receiver.apply_fn, args)
    if method.name in J.TRAIN_STATE_UPDATES:
        return receiver
    return UNKNOWN


def _module_methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    """`model.apply(params, x)` (Flax) runs the model's forward."""
    if method.name in ("__call__", "apply") and is_model(method.receiver):
        return model_output(interp, method.receiver)
    return None


ADAPTER = Adapter(
    name="jax",
    calls={
        **for_names(_layer, J.FLAX_LAYERS),
        **for_names(loss_named, OPTAX_LOSSES),
        **partial_of(OPTAX_LOSSES),
        **for_names(activation_named, JAX_ACTIVATIONS),
        **transform_calls(J.TRANSFORMS),
        **for_names(_create_train_state, J.TRAIN_STATE_CREATE),
    },
    methods=(_module_methods, _train_state_methods),
    families=dict.fromkeys(J.FLAX_MODULE_BASES, FLAX_MODULE),
)
