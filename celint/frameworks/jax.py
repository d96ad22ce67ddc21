"""JAX / Flax adapter: function transforms that run the function they wrap, and Flax train states.

`jax.value_and_grad(loss_fn)(params)` is how a Flax train step calls its loss: the loss function is
usually nested in the step and called nowhere else, so the transform must run it for its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from celint.frameworks import METHOD_HANDLERS, register
from celint.values import UNKNOWN, BoundMethod, FuncVal, Instance, Ref, Value

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter

# Transforms whose result, when called, calls the wrapped function with the same arguments.
# "grad": the result is gradients, not what the function returns; "same": the function's own result.
TRANSFORMS = {
    "jax.grad": "grad",
    "jax.value_and_grad": "grad",
    "jax.jit": "same",
    "jax.vmap": "same",
    "jax.pmap": "same",
    "jax.checkpoint": "same",
    "jax.remat": "same",
    "flax.linen.jit": "same",
    "tensorflow.function": "same",
    "torch.compile": "same",
    "torch.func.grad": "grad",
    "torch.func.vmap": "same",
}
_GRAD_CALL = "<grad-transform>"

TRAIN_STATE_CREATE = (
    "flax.training.train_state.TrainState.create",
    "flax.training.TrainState.create",
)
# Methods of a train state that return an updated train state (same apply_fn).
TRAIN_STATE_UPDATES = frozenset({"apply_gradients", "replace"})


@dataclass(frozen=True)
class TrainState:
    """A Flax `TrainState`: what matters is the `apply_fn` it was created with."""

    apply_fn: Value


def _transform(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    wrapped = args.get("fun", 0, UNKNOWN)
    if ref.qualname in ("tensorflow.function", "torch.compile"):
        wrapped = args.get("func" if ref.qualname == "tensorflow.function" else "model", 0, UNKNOWN)
    if not isinstance(wrapped, (FuncVal, Instance, BoundMethod)):
        return UNKNOWN
    if TRANSFORMS[ref.qualname] == "same":
        return wrapped
    return BoundMethod(wrapped, _GRAD_CALL)


def _create_train_state(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    apply_fn = args.get("apply_fn", -1, UNKNOWN)
    return TrainState(apply_fn) if apply_fn is not UNKNOWN else UNKNOWN


def _methods(interp: "Interpreter", method: BoundMethod, args: "Args") -> Optional[Value]:
    receiver = method.receiver
    if method.name == _GRAD_CALL:
        interp.call(receiver, args)  # run the function for its events; the result is gradients
        return UNKNOWN
    if not isinstance(receiver, TrainState):
        return None
    if method.name == "apply_fn":
        return interp.call(receiver.apply_fn, args)
    if method.name in TRAIN_STATE_UPDATES:
        return receiver
    return UNKNOWN


register(_transform, TRANSFORMS)
register(_create_train_state, TRAIN_STATE_CREATE)
METHOD_HANDLERS.append(_methods)
