"""PyTorch and Flax adapter: module base classes, and tensor methods that keep what a head holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.frameworks import CLASS_FAMILIES, METHOD_HANDLERS
from celint.knowledge.torch import FLAX_MODULE_BASES, PRESERVING_METHODS, TORCH_MODULE_BASES
from celint.values import BoundMethod, Tensor, Value

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter


def _preserving_methods(interp: "Interpreter", method: BoundMethod, args: "Args") -> Optional[Value]:
    """`self.fc(x).squeeze(-1)`, `logits.float()`: casts and reshapes keep the head's activation and width."""
    if isinstance(method.receiver, Tensor) and method.name in PRESERVING_METHODS:
        return method.receiver
    return None


CLASS_FAMILIES.update(dict.fromkeys(TORCH_MODULE_BASES, "torch-module"))
CLASS_FAMILIES.update(dict.fromkeys(FLAX_MODULE_BASES, "flax-module"))
METHOD_HANDLERS.append(_preserving_methods)
