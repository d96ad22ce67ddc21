"""Manual-ops adapter: math written by hand, in any array library (NumPy, SciPy, `math`, and each
framework's own exp / log / sum).

Arithmetic on tensors: activations written by hand (`1 / (1 + exp(-z))` is a sigmoid,
`exp(z) / sum(exp(z))` a softmax), raw scores shifted or scaled (`wide + self.fc(x)`, `z / T`) stay raw
scores, and `log(p)` of probabilities is recorded (CE103: the stable fused op was not used).

Users who write their own `sigmoid` / `softmax` usually also write their own log-loss on top of it.
The intermediate steps are tracked as tensors carrying a private marker (`Tensor.marker`) and no
activation, so a half-recognised expression stays silent.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from celint.facts import LINEAR, LOG_SOFTMAX, SIGMOID, SOFTMAX, Framework, Head, LogOfProbabilities, Where
from celint.frameworks.adapter import Adapter, for_names
from celint.frameworks.tensors import activation_named, first_tensor_arg, head_of
from celint.knowledge.activations import SCIPY_ACTIVATIONS
from celint.values import UNKNOWN, BoundMethod, Ref, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

EXP_FUNCTIONS = ("numpy.exp", "jax.numpy.exp", "torch.exp", "tensorflow.exp", "tensorflow.math.exp",
                 "keras.ops.exp", "math.exp")
LOGSUMEXP_FUNCTIONS = ("torch.logsumexp", "tensorflow.reduce_logsumexp", "tensorflow.math.reduce_logsumexp",
                       "jax.nn.logsumexp", "jax.scipy.special.logsumexp", "scipy.special.logsumexp",
                       "keras.ops.logsumexp")
SUM_FUNCTIONS = ("numpy.sum", "jax.numpy.sum", "torch.sum", "tensorflow.reduce_sum", "keras.ops.sum")
# log() functions whose argument, when it is a softmax / sigmoid output, makes a hand-written
# cross-entropy that overflows to -inf instead of using the fused, stable op (CE103).
LOG_FUNCTIONS = (
    "tensorflow.log", "tensorflow.compat.v1.log", "tensorflow.compat.v1.math.log", "torch.log",
    "numpy.log", "jax.numpy.log", "keras.ops.log", "keras.backend.log", "math.log",
)

EXP = "~exp"  # exp(z)
EXP_NEG = "~exp(-z)"  # exp(-z)
ONE_PLUS_EXP = "~1+exp(z)"
ONE_PLUS_EXP_NEG = "~1+exp(-z)"
SUM_EXP = "~sum(exp(z))"
LOGSUMEXP = "~logsumexp(z)"


def _marker(marker: str, at: Optional[Where], width: Optional[int] = None) -> Tensor:
    return Tensor(Head(None, width, activation_at=at), marker=marker)


def _is_one(value: Value) -> bool:
    raw = const_of(value)
    return isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw == 1


def _step(value: Value) -> Optional[str]:
    """A tensor's marker, else its activation; None for anything else."""
    if not isinstance(value, Tensor):
        return None
    return value.marker if value.marker is not None else value.head.activation


def _exp(interp: Machine, ref: Ref, args: Args) -> Value:
    node = args.arg_node("x", 0)
    negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
    return _marker(EXP_NEG if negated else EXP, interp.where(args.node), head_of(first_tensor_arg(args)).width)


def _logsumexp(interp: Machine, ref: Ref, args: Args) -> Value:
    return _marker(LOGSUMEXP, interp.where(args.node))


def _sum_of(x: Value) -> Optional[Value]:
    return _marker(SUM_EXP, x.head.activation_at) if isinstance(x, Tensor) and x.marker == EXP else None


def _sum_function(interp: Machine, ref: Ref, args: Args) -> Value:
    result = _sum_of(first_tensor_arg(args))
    return UNKNOWN if result is None else result


def _log_of(interp: Machine, head: Head, node: ast.AST, framework: Optional[Framework] = None) -> None:
    """`log(p)`: recorded when `p` is a softmax / sigmoid output."""
    activation = head.activation
    if activation is not None and activation in (SOFTMAX, SIGMOID):
        interp.events.logs.append(LogOfProbabilities(activation, interp.where(node), head.activation_at,
                                                     framework))


LOG_FRAMEWORKS = (("torch.", Framework.PYTORCH), ("tensorflow.", Framework.TF), ("jax.", Framework.OPTAX))


def _log(interp: Machine, ref: Ref, args: Args) -> Value:
    framework = next((f for prefix, f in LOG_FRAMEWORKS if ref.qualname.startswith(prefix)), None)
    _log_of(interp, head_of(first_tensor_arg(args)), args.node, framework)
    return UNKNOWN


def _methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    """`e.sum(axis=-1, keepdims=True)` on an exp; `p.log()` on probabilities."""
    if method.name == "sum":
        return _sum_of(method.receiver)
    receiver = method.receiver
    if method.name == "log" and isinstance(receiver, Tensor) and receiver.head.activation in (SOFTMAX, SIGMOID):
        _log_of(interp, receiver.head, args.node, Framework.PYTORCH)  # only a torch tensor has .log()
        return UNKNOWN
    return None


def _binop(interp: Machine, op: ast.operator, left: Value, right: Value) -> Optional[Value]:
    a, b = _step(left), _step(right)
    if isinstance(op, ast.Add):
        for one, other, step in ((left, right, b), (right, left, a)):
            if _is_one(one) and isinstance(other, Tensor) and step in (EXP, EXP_NEG):
                return _marker(ONE_PLUS_EXP if step == EXP else ONE_PLUS_EXP_NEG, other.head.activation_at,
                               other.head.width)
    elif isinstance(op, ast.Div):
        if _is_one(left) and isinstance(right, Tensor) and b == ONE_PLUS_EXP_NEG:
            return Tensor(replace(right.head, activation=SIGMOID))
        if isinstance(left, Tensor) and a == EXP and b == ONE_PLUS_EXP:
            return Tensor(replace(left.head, activation=SIGMOID))
        if isinstance(left, Tensor) and a == EXP and b == SUM_EXP:
            return Tensor(Head(SOFTMAX, None, activation_at=left.head.activation_at))
    elif isinstance(op, ast.Sub) and _is_one(left) and b == SIGMOID:
        return right  # 1 - sigmoid(z) is sigmoid(-z): still a probability, log() of it still underflows
    elif isinstance(op, ast.Sub) and isinstance(right, Tensor) and b == LOGSUMEXP:
        # z - logsumexp(z) is log_softmax(z), written by hand
        head = left.head if isinstance(left, Tensor) else Head(None, None)
        return Tensor(replace(head, activation=LOG_SOFTMAX, activation_at=right.head.activation_at))
    return _shifted_scores(op, left, right, a, b)


def _shifted_scores(op: ast.operator, left: Value, right: Value, a: Optional[str], b: Optional[str]) -> Optional[Value]:
    """Raw scores plus anything, or scaled by a number, are still unbounded raw scores."""
    if isinstance(op, (ast.Add, ast.Sub)) and LINEAR in (a, b):
        scores, other = (left, right) if a == LINEAR else (right, left)
        if not isinstance(scores, Tensor):
            return None  # never: only a tensor has an activation
        if isinstance(other, Tensor) and _step(other) not in (LINEAR, None):
            return None  # logits + log-probabilities, logits - softmax...: not obviously raw
        if isinstance(op, ast.Sub) and not isinstance(other, Tensor) and not isinstance(const_of(other), (int, float)):
            return None  # z - something unknown may be a normaliser (a log-softmax written by hand)
        width = scores.head.width
        if isinstance(other, Tensor) and other.head.width != width:
            width = None  # broadcasting: the wider operand sets the width
        elif not isinstance(other, Tensor) and const_of(other) is UNKNOWN:
            width = None
        return Tensor(replace(scores.head, width=width))
    if isinstance(op, (ast.Mult, ast.Div)) and a == LINEAR and isinstance(const_of(right), (int, float)):
        return left
    if isinstance(op, ast.Mult) and b == LINEAR and isinstance(const_of(left), (int, float)):
        return right
    return None


ADAPTER = Adapter(
    name="manual",
    calls={
        **for_names(_exp, EXP_FUNCTIONS),
        **for_names(_logsumexp, LOGSUMEXP_FUNCTIONS),
        **for_names(_sum_function, SUM_FUNCTIONS),
        **for_names(_log, LOG_FUNCTIONS),
        **for_names(activation_named, SCIPY_ACTIVATIONS),
    },
    methods=(_methods,),
    binops=(_binop,),
)
