"""PyTorch adapter: `nn.Module` subclasses, `nn.Sequential` and its layers, torch losses and activations,
tensor methods (`x.softmax(dim=1)`, casts that keep a head), and `torch.compile` / `torch.func`.

Its loss and activation rows are the PyTorch groups of `celint.knowledge.losses` / `.activations`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.facts import Framework
from celint.frameworks.adapter import Adapter, ModelFamily, for_names
from celint.frameworks.layers import make_layer
from celint.frameworks.losses import loss_named, partial_of
from celint.frameworks.models import is_model, model_output
from celint.frameworks.tensors import (
    activation_named,
    activation_over_axis,
    carry_constant,
    reshaped,
    reshaped_width,
)
from celint.frameworks.transforms import transform_calls
from celint.knowledge import torch as T
from celint.knowledge.activations import TENSOR_METHODS, TORCH_ACTIVATIONS
from celint.knowledge.losses import TORCH_LOSSES
from celint.values import BoundMethod, ModelVal, Ref, Tensor, Value

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

TORCH_MODULE = ModelFamily("torch-module", forward=("forward",))


def _layer(interp: Machine, ref: Ref, args: Args) -> Value:
    return make_layer(interp, ref, T.MODULE_LAYERS[ref.qualname], args)


def _sequential(interp: Machine, ref: Ref, args: Args) -> Value:
    """`nn.Sequential(nn.Linear(4, 8), nn.ReLU(), ...)`: the layers are the positional arguments."""
    model = ModelVal(Framework.PYTORCH, interp.where(args.node), depth=interp.cond_depth)
    model.layers = list(args.pos)
    model.uncertain = args.starred
    interp.events.models.append(model)
    return model


def _tensor_methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    """`logits.softmax(dim=1)`, `out.sigmoid()`; `logits.float()` keeps the head, `self.fc(x).squeeze(-1)` keeps
    what it holds but not its width."""
    receiver = method.receiver
    if not isinstance(receiver, Tensor):
        return None
    fn = TENSOR_METHODS.get(method.name)
    if fn is not None:
        return carry_constant(receiver, activation_over_axis(interp, fn, receiver.head, args))
    if method.name in T.PRESERVING_METHODS:
        return receiver
    if method.name in T.RESHAPING_METHODS:
        return reshaped(receiver, reshaped_width(method.name, receiver, args))
    return None


def _module_methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    """`model.to(device)`, `model.eval()` return the model; `model.forward(x)` its output."""
    model = method.receiver
    if not is_model(model):
        return None
    if method.name in T.SELF_RETURNING_METHODS:
        return model
    if method.name in ("__call__", "forward"):
        return model_output(interp, model)
    return None


ADAPTER = Adapter(
    name="torch",
    calls={
        **for_names(_layer, T.MODULE_LAYERS),
        T.TORCH_SEQUENTIAL: _sequential,
        **for_names(loss_named, TORCH_LOSSES),
        **partial_of(TORCH_LOSSES),
        **for_names(activation_named, TORCH_ACTIVATIONS),
        **transform_calls(T.TRANSFORMS),
    },
    methods=(_module_methods, _tensor_methods),
    families=dict.fromkeys(T.TORCH_MODULE_BASES, TORCH_MODULE),
)
