"""Exact error and warning texts of the frameworks (framework-semantics.md, verified).

Texts are ``"<ExceptionType>: <message>"`` as Python prints the last line of a
traceback, so a user can grep their log for them.
"""

from __future__ import annotations

from typing import Sequence


class FrameworkError(Exception):
    """The framework raises instead of computing a loss; ``str()`` is the exact text."""


def shape(dims: Sequence[int], backend: str) -> str:
    """How a backend prints a shape: ``(256, 4)``, or ``torch.Size([256, 4])``."""
    dims = tuple(int(d) for d in dims)
    if backend in ("torch", "pytorch"):
        return f"torch.Size([{', '.join(str(d) for d in dims)}])"
    return str(dims)


def _received(target: Sequence[int], output: Sequence[int], backend: str) -> str:
    return f"target.shape={shape(target, backend)}, output.shape={shape(output, backend)}"


def keras_same_shape(target: Sequence[int], output: Sequence[int], backend: str) -> str:
    what = "rank (ndim)" if backend == "tensorflow" and len(target) != len(output) else "shape"
    return (
        f"ValueError: Arguments `target` and `output` must have the same {what}. "
        f"Received: {_received(target, output, backend)}"
    )


def keras_sparse_shape(target: Sequence[int], output: Sequence[int], backend: str) -> str:
    if backend == "tensorflow":
        return (
            "ValueError: Argument `output` must have rank (ndim) `target.ndim - 1`. "
            f"Received: {_received(target, output, backend)}"
        )
    return (
        "ValueError: Arguments `target` and `output` must have the same shape up until the "
        f"last dimension: {_received(target, output, backend)}"
    )


def label_out_of_range(label: int, width: int, backend: str) -> str:
    if backend == "numpy":
        return f"IndexError: index {label} is out of bounds for axis 1 with size {width}"
    if backend in ("tensorflow", "tf"):
        # The full text starts with a {{function_node ...}} prefix that names the device.
        return (
            f"InvalidArgumentError: Received a label value of {label} which is outside the valid range of [0, {width})."
        )
    return f"IndexError: Target {label} is out of bounds."


TORCH_BCE_RANGE = "RuntimeError: all elements of input should be between 0 and 1"
TORCH_LONG_ONE_HOT = "RuntimeError: Expected floating point type for target with class probabilities, got Long"
TORCH_MULTI_TARGET = "RuntimeError: 0D or 1D target tensor expected, multi-target not supported"
TORCH_FLOAT_INDEX = "RuntimeError: expected target dtype to be Long or Byte, but got Float"
OPTAX_INTEGER_DTYPE = (
    "TypeError: Expected the input to have a dtype that is a subdtype of <class 'numpy.integer'>, got float32 instead"
)
# optax does not squeeze: integer labels (N,1), or an integer one-hot (N,K), reach take_along_axis
OPTAX_INDEX_RANK = "ValueError: indices and arr must have the same number of dimensions; 3 vs. 2"


def torch_bce_size(target: Sequence[int], output: Sequence[int], logits: bool) -> str:
    t, o = shape(target, "torch"), shape(output, "torch")
    if logits:
        return f"ValueError: Target size ({t}) must be the same as input size ({o})"
    return (
        f"ValueError: Using a target size ({t}) that is different to the input size ({o}) "
        "is deprecated. Please ensure they have the same size."
    )


def optax_broadcast(labels: Sequence[int], logits: Sequence[int]) -> str:
    return f"ValueError: Incompatible shapes for broadcasting: shapes=[{tuple(labels)}, {tuple(logits)}]"


def tf_logits_labels_shape(logits: Sequence[int], labels: Sequence[int]) -> str:
    return f"ValueError: `logits` and `labels` must have the same shape, received ({tuple(logits)} vs {tuple(labels)})."


def tf_not_broadcastable(logits: Sequence[int], labels: Sequence[int]) -> str:
    """tf.nn.softmax_cross_entropy_with_logits; the kernel sees (N,) labels as [1, N]. The full text has a
    {{function_node ...}} prefix and an [Op:...] suffix."""
    dims = (1, *labels) if len(labels) == 1 else tuple(labels)
    return (
        "InvalidArgumentError: logits and labels must be broadcastable: "
        f"logits_size=[{','.join(str(d) for d in logits)}] labels_size=[{','.join(str(d) for d in dims)}]"
    )


def tf_reshape(values: int, requested: int) -> str:
    """The gradient of a softmax cross-entropy whose labels broadcast the logits; prefix and suffix as above."""
    return f"InvalidArgumentError: Input to reshape is a tensor with {values} values, but the requested shape has {requested}"


def tf_sparse_labels_rank(labels: Sequence[int], logits: Sequence[int]) -> str:
    """tf.nn.sparse_softmax_cross_entropy_with_logits (and tf.compat.v1.losses') given one-hot labels."""
    return (
        "ValueError: `labels.shape.rank` must equal `logits.shape.rank - 1`. Received: "
        f"labels.shape={tuple(labels)} of rank {len(labels)} and logits.shape={tuple(logits)} of rank {len(logits)}"
    )


def torch_implicit_dim(function: str) -> str:
    return (
        f"UserWarning: Implicit dimension choice for {function} has been deprecated. "
        "Change the call to include dim=X as an argument."
    )


def keras_softmax_size_one(n: int, backend: str) -> str:
    return (
        "UserWarning: You are using a softmax over axis -1 of a tensor of shape "
        f"{shape((n, 1), backend)}. This axis has size 1. The softmax operation will always "
        "return the value 1, which is likely not what you intended. Did you mean to use a "
        "sigmoid instead?"
    )


def keras_cce_one_column(n: int, backend: str) -> str:
    return (
        "SyntaxWarning: In loss categorical_crossentropy, expected y_pred.shape to be "
        "(batch_size, num_classes) with num_classes > 1. Received: "
        f"y_pred.shape={shape((n, 1), backend)}. Consider using 'binary_crossentropy' if you "
        "only have 2 classes."
    )


def keras_tf_logits_warning(loss: str) -> str:
    op = "Sigmoid" if loss == "binary_crossentropy" else "Softmax"
    # The stray leading double quote is in Keras' own message.
    return (
        f'UserWarning: "`{loss}` received `from_logits=True`, but the `output` argument was '
        f"produced by a {op} activation and thus does not represent logits. Was this intended?"
    )
