"""PyTorch and Flax modules that shape a model's head, keyed by canonical name."""

from __future__ import annotations

from typing import Dict

from celint.knowledge.keras import LayerSpec

_PRESERVE = LayerSpec("preserve")
_LINEAR = "linear"  # a Linear / Dense module has no activation of its own: its outputs are raw scores

MODULE_LAYERS: Dict[str, LayerSpec] = {
    "torch.nn.Linear": LayerSpec("dense", width_arg=("out_features", 1), fixed_activation=_LINEAR),
    "torch.nn.LazyLinear": LayerSpec("dense", width_arg=("out_features", 0), fixed_activation=_LINEAR),
    "torch.nn.Bilinear": LayerSpec("dense", width_arg=("out_features", 2), fixed_activation=_LINEAR),
    "torch.nn.Softmax": LayerSpec("activation", fixed_activation="softmax", axis_arg=("dim", 0), guesses_axis=True),
    "torch.nn.LogSoftmax": LayerSpec("activation", fixed_activation="log_softmax", axis_arg=("dim", 0), guesses_axis=True),
    "torch.nn.Sigmoid": LayerSpec("activation", fixed_activation="sigmoid"),
    "torch.nn.ReLU": LayerSpec("activation", fixed_activation="relu"),
    "torch.nn.LeakyReLU": LayerSpec("activation", fixed_activation="relu"),
    "torch.nn.GELU": LayerSpec("activation", fixed_activation="gelu"),
    "torch.nn.Tanh": LayerSpec("activation", fixed_activation="tanh"),
    "torch.nn.ELU": LayerSpec("activation", fixed_activation="elu"),
    "torch.nn.Dropout": _PRESERVE,
    "torch.nn.Identity": _PRESERVE,
    "torch.nn.Flatten": _PRESERVE,
    # Flax linen / nnx
    "flax.linen.Dense": LayerSpec("dense", width_arg=("features", 0), fixed_activation=_LINEAR),
    "flax.linen.Dropout": _PRESERVE,
    "flax.nnx.Linear": LayerSpec("dense", width_arg=("out_features", 1), fixed_activation=_LINEAR),
}

TORCH_SEQUENTIAL = "torch.nn.Sequential"
TORCH_MODULE_BASES = ("torch.nn.Module", "pytorch_lightning.LightningModule", "lightning.LightningModule",
                      "lightning.pytorch.LightningModule", "torch.nn.modules.module.Module")
FLAX_MODULE_BASES = ("flax.linen.Module", "flax.nnx.Module")

# Tensor methods that keep what the last axis holds (dtype casts, reshapes that keep the class axis).
PRESERVING_METHODS = frozenset(
    {"float", "double", "half", "to", "cpu", "cuda", "contiguous", "clone", "detach", "view", "reshape",
     "squeeze", "unsqueeze", "type", "numpy", "astype"}
)
