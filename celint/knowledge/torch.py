"""PyTorch modules, module bases and tensor methods that shape a model's head, keyed by canonical name."""

from __future__ import annotations

from typing import Dict

from celint.facts import LINEAR, LOG_SOFTMAX, SIGMOID, SOFTMAX, Activation
from celint.knowledge.rows import PRESERVE, RESHAPE, LayerSpec, Transform


def _linear(width_kw: str, width_pos: int) -> LayerSpec:
    # a Linear module has no activation of its own: its outputs are raw scores
    return LayerSpec(effect="dense", width_arg=(width_kw, width_pos), fixed_activation=LINEAR)


def _activation(activation: Activation) -> LayerSpec:
    return LayerSpec(effect="activation", fixed_activation=activation)


def _over_dim(activation: Activation) -> LayerSpec:
    return LayerSpec(effect="activation", fixed_activation=activation, axis_arg=("dim", 0), guesses_axis=True)


MODULE_LAYERS: Dict[str, LayerSpec] = {
    "torch.nn.Linear": _linear("out_features", 1),
    "torch.nn.LazyLinear": _linear("out_features", 0),
    "torch.nn.Bilinear": _linear("out_features", 2),
    "torch.nn.Softmax": _over_dim(SOFTMAX),
    "torch.nn.LogSoftmax": _over_dim(LOG_SOFTMAX),
    "torch.nn.Sigmoid": _activation(SIGMOID),
    "torch.nn.ReLU": _activation(Activation.RELU),
    "torch.nn.LeakyReLU": _activation(Activation.RELU),
    "torch.nn.GELU": _activation(Activation.GELU),
    "torch.nn.Tanh": _activation(Activation.TANH),
    "torch.nn.ELU": _activation(Activation.ELU),
    "torch.nn.Dropout": PRESERVE,
    "torch.nn.Identity": PRESERVE,
    "torch.nn.Flatten": RESHAPE,
}

TORCH_SEQUENTIAL = "torch.nn.Sequential"
TORCH_MODULE_BASES = (
    "torch.nn.Module",
    "pytorch_lightning.LightningModule",
    "lightning.LightningModule",
    "lightning.pytorch.LightningModule",
    "torch.nn.modules.module.Module",
)

# Tensor methods that keep what the last axis holds: dtype and device casts, copies.
PRESERVING_METHODS = frozenset(
    {
        "float",
        "double",
        "half",
        "bfloat16",
        "to",
        "cpu",
        "cuda",
        "contiguous",
        "clone",
        "detach",
        "type",
        "numpy",
        "astype",
    }
)
# Tensor methods that keep the values (a softmax output stays probabilities) but may move or remove the last
# axis: afterwards its width is what the call provably makes it (`celint.frameworks.tensors.reshaped_width`),
# else unknown. `scores.squeeze(-1)` of a one-unit layer is a vector of scores, not a one-unit head.
RESHAPING_METHODS = frozenset(
    {
        "view",
        "reshape",
        "squeeze",
        "unsqueeze",
        "flatten",
        "ravel",
        "transpose",
        "permute",
        "t",
        "swapaxes",
        "movedim",
        "gather",
        "index_select",
        "take",
        "take_along_dim",
        "narrow",
        "select",
        "expand",
        "repeat",
        "view_as",
        "reshape_as",
        "expand_as",
        "masked_select",
    }
)
# Methods of a module that return the module itself.
SELF_RETURNING_METHODS = frozenset({"to", "cuda", "cpu", "train", "eval", "double", "float", "half", "requires_grad_"})

TRANSFORMS: Dict[str, Transform] = {
    "torch.compile": Transform(wrapped_kw="model", returns_gradients=False),
    "torch.func.grad": Transform(wrapped_kw="fun", returns_gradients=True),
    "torch.func.vmap": Transform(wrapped_kw="fun", returns_gradients=False),
}
