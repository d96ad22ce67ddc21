"""Array functions of every library that keep the values a tensor holds: casts keep its head whole,
reshapes and gathers keep what it holds (scores, probabilities) but not the width of its last axis."""

from __future__ import annotations

from typing import Tuple


def _in(modules: Tuple[str, ...], names: Tuple[str, ...]) -> Tuple[str, ...]:
    return tuple(f"{module}.{name}" for module in modules for name in names)


_TF = ("tensorflow", "tensorflow.compat.v1")
_NUMPY_LIKE = ("numpy", "jax.numpy", "keras.ops")

# dtype casts and identities: a probability cast to float32 is still a probability (mixed precision)
CASTS = (
    *_in(_TF, ("cast", "identity", "dtypes.cast", "stop_gradient")),
    "keras.ops.cast",
    "keras.backend.cast",
    "jax.lax.convert_element_type",
    "jax.lax.stop_gradient",
)

# (function, position of the tensor argument): the values survive, the shape changes
RESHAPES = (
    *_in(
        _TF,
        (
            "reshape",
            "squeeze",
            "transpose",
            "expand_dims",
            "gather",
            "gather_nd",
            "boolean_mask",
            "math.reduce_max",
            "reduce_max",
        ),
    ),
    *_in(
        ("torch",),
        (
            "reshape",
            "squeeze",
            "flatten",
            "transpose",
            "permute",
            "gather",
            "index_select",
            "take_along_dim",
            "masked_select",
            "amax",
        ),
    ),
    *_in(
        _NUMPY_LIKE,
        ("reshape", "squeeze", "ravel", "transpose", "take", "take_along_axis", "expand_dims", "max", "amax"),
    ),
)
RESHAPE_NAMES = ("reshape",)  # whose `shape` argument (second) names the new last width

# Tensors made from constants only: grids, and literal values (`torch.tensor([[2.0, 1.0, 0.1]])`).
CONSTANT_GRIDS = (
    *_in(("torch",), ("linspace", "arange", "logspace")),
    *_in(_TF, ("linspace", "range", "lin_space")),
    *_in(("jax.numpy",), ("linspace", "arange", "logspace")),
)
LITERAL_CONVERSIONS = (
    "torch.tensor",
    "torch.as_tensor",
    "torch.Tensor",
    "torch.FloatTensor",
    "tensorflow.constant",
    "tensorflow.convert_to_tensor",
    "jax.numpy.array",
    "jax.numpy.asarray",
)
# Products of a tensor by weights: what a layer written by hand computes (`x @ W + b`)
PRODUCTS = (
    *_in(("torch",), ("matmul", "mm", "bmm", "einsum")),
    *_in(_TF, ("matmul", "linalg.matmul", "tensordot", "einsum")),
    *_in(("jax.numpy",), ("dot", "matmul", "einsum")),
)
