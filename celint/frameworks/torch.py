"""PyTorch and Flax adapter: module base classes, module methods that return the module."""

from __future__ import annotations

from celint.frameworks import CLASS_FAMILIES
from celint.knowledge.torch import FLAX_MODULE_BASES, TORCH_MODULE_BASES

for _name in TORCH_MODULE_BASES:
    CLASS_FAMILIES[_name] = "torch-module"
for _name in FLAX_MODULE_BASES:
    CLASS_FAMILIES[_name] = "flax-module"
