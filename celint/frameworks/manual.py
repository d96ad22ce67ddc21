"""Arithmetic on tensors. Activations written by hand: `1 / (1 + exp(-z))` is a sigmoid,
`exp(z) / sum(exp(z))` a softmax; and raw scores shifted or scaled (`wide + self.fc(x)`, `z / T`)
stay raw scores.

Users who write their own `sigmoid` / `softmax` usually also write their own log-loss on top of it
(CE103). The intermediate steps are tracked as tensors whose head carries a private marker
activation; the rules never look at markers, so a half-recognised expression stays silent.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from celint.facts import LINEAR, LOG_SOFTMAX, SIGMOID, SOFTMAX, Head, Where
from celint.frameworks import BINOP_HOOKS, METHOD_HANDLERS, register
from celint.frameworks.tensors import first_tensor_arg, head_of
from celint.values import UNKNOWN, BoundMethod, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter

EXP_FUNCTIONS = ("numpy.exp", "jax.numpy.exp", "torch.exp", "tensorflow.exp", "tensorflow.math.exp",
                 "keras.ops.exp", "math.exp")
LOGSUMEXP_FUNCTIONS = ("torch.logsumexp", "tensorflow.reduce_logsumexp", "tensorflow.math.reduce_logsumexp",
                       "jax.nn.logsumexp", "jax.scipy.special.logsumexp", "scipy.special.logsumexp",
                       "keras.ops.logsumexp")
SUM_FUNCTIONS = ("numpy.sum", "jax.numpy.sum", "torch.sum", "tensorflow.reduce_sum", "keras.ops.sum")

EXP = "~exp"  # exp(z)
EXP_NEG = "~exp(-z)"  # exp(-z)
ONE_PLUS_EXP = "~1+exp(z)"
ONE_PLUS_EXP_NEG = "~1+exp(-z)"
SUM_EXP = "~sum(exp(z))"
LOGSUMEXP = "~logsumexp(z)"


def _marker(activation: str, at: Optional[Where], width: Optional[int] = None) -> Tensor:
    return Tensor(Head(activation, width, activation_at=at))


def _is_one(value: Value) -> bool:
    raw = const_of(value)
    return isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw == 1


def _activation(value: Value) -> Optional[str]:
    return value.head.activation if isinstance(value, Tensor) else None


def _exp(interp: "Interpreter", ref: object, args: "Args") -> Value:
    node = args.arg_node("x", 0)
    negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
    return _marker(EXP_NEG if negated else EXP, interp.where(args.node), head_of(first_tensor_arg(args)).width)


def _logsumexp(interp: "Interpreter", ref: object, args: "Args") -> Value:
    return _marker(LOGSUMEXP, interp.where(args.node))


def _sum_of(x: Value) -> Optional[Value]:
    return _marker(SUM_EXP, x.head.activation_at) if isinstance(x, Tensor) and x.head.activation == EXP else None


def _sum_function(interp: "Interpreter", ref: object, args: "Args") -> Value:
    result = _sum_of(first_tensor_arg(args))
    return UNKNOWN if result is None else result


def _sum_method(interp: "Interpreter", method: BoundMethod, args: "Args") -> Optional[Value]:
    """`e.sum(axis=-1, keepdims=True)` on an exp."""
    return _sum_of(method.receiver) if method.name == "sum" else None


def _binop(interp: "Interpreter", op: ast.operator, left: Value, right: Value) -> Optional[Value]:
    a, b = _activation(left), _activation(right)
    if isinstance(op, ast.Add):
        for one, other, act in ((left, right, b), (right, left, a)):
            if _is_one(one) and act in (EXP, EXP_NEG):
                return _marker(ONE_PLUS_EXP if act == EXP else ONE_PLUS_EXP_NEG, other.head.activation_at, other.head.width)
    elif isinstance(op, ast.Div):
        if _is_one(left) and b == ONE_PLUS_EXP_NEG:
            return Tensor(replace(right.head, activation=SIGMOID))
        if a == EXP and b == ONE_PLUS_EXP:
            return Tensor(replace(left.head, activation=SIGMOID))
        if a == EXP and b == SUM_EXP:
            return Tensor(Head(SOFTMAX, None, activation_at=left.head.activation_at))
    elif isinstance(op, ast.Sub) and _is_one(left) and b == SIGMOID:
        return right  # 1 - sigmoid(z) is sigmoid(-z): still a probability, log() of it still underflows
    elif isinstance(op, ast.Sub) and b == LOGSUMEXP:
        # z - logsumexp(z) is log_softmax(z), written by hand
        head = left.head if isinstance(left, Tensor) else Head(None, None)
        return Tensor(replace(head, activation=LOG_SOFTMAX, activation_at=right.head.activation_at))
    return _shifted_scores(op, left, right, a, b)


def _shifted_scores(op: ast.operator, left: Value, right: Value, a: Optional[str], b: Optional[str]) -> Optional[Value]:
    """Raw scores plus anything, or scaled by a number, are still unbounded raw scores."""
    if isinstance(op, (ast.Add, ast.Sub)) and LINEAR in (a, b):
        scores, other = (left, right) if a == LINEAR else (right, left)
        if isinstance(other, Tensor) and other.head.activation not in (LINEAR, None):
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


register(_exp, EXP_FUNCTIONS)
register(_logsumexp, LOGSUMEXP_FUNCTIONS)
register(_sum_function, SUM_FUNCTIONS)
METHOD_HANDLERS.append(_sum_method)
BINOP_HOOKS.append(_binop)
