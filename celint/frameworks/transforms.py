"""Shared semantics of function transforms (`jax.grad`, `jax.jit`, `torch.compile`, `tf.function`).

`jax.value_and_grad(loss_fn)(params)` is how a Flax train step calls its loss: the loss function is
usually nested in the step and called nowhere else, so the transform must run it for its evidence.
Each adapter lists its transforms in its knowledge table and registers `transform_calls(table)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Mapping

from celint.frameworks.adapter import CallHandler, for_names
from celint.knowledge.rows import Transform
from celint.records import record
from celint.values import UNKNOWN, BoundMethod, FuncVal, Instance, Ref, Value

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine


@record(frozen=True)
class Gradient(Value):
    """`jax.grad(f)`: calling it runs `f` (for its events); what it returns is gradients, not f's result."""

    function: Value


def transform_calls(table: Mapping[str, Transform]) -> Dict[str, CallHandler]:
    """A calls table for the transforms in `table`: each returns the wrapped function, or its Gradient."""

    def transform(interp: Machine, ref: Ref, args: Args) -> Value:
        row = table[ref.qualname]
        wrapped = args.get(row.wrapped_kw, 0, UNKNOWN)
        if not isinstance(wrapped, (FuncVal, Instance, BoundMethod, Gradient)):
            return UNKNOWN
        return Gradient(wrapped) if row.returns_gradients else wrapped

    return for_names(transform, table)
