"""The adapters celint runs with, in precedence order."""

from __future__ import annotations

from typing import Tuple

from celint.frameworks import jax, keras, labels, manual, tf, torch
from celint.frameworks.adapter import Adapter

# Labels first: the others read a tensor as model output, and `y.float()` or `y[idx]` on label rows
# would lose the targets they hold. The framework adapters claim disjoint names, so their order only
# decides which of them sees a method call first.
DEFAULT_ADAPTERS: Tuple[Adapter, ...] = (
    labels.ADAPTER,
    keras.ADAPTER,
    torch.ADAPTER,
    jax.ADAPTER,
    tf.ADAPTER,
    manual.ADAPTER,
)
