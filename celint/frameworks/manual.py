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
from typing import TYPE_CHECKING, Optional

from celint.facts import LINEAR, LOG_SOFTMAX, SIGMOID, SOFTMAX, Framework, Head, LogOfProbabilities, Where
from celint.frameworks.adapter import Adapter, for_names
from celint.frameworks.losses import call_site_of
from celint.frameworks.tensors import UNKNOWN_HEAD, activation_named, first_tensor_arg, head_of, is_constant, reshaped
from celint.knowledge import arrays as A
from celint.knowledge.activations import SCIPY_ACTIVATIONS
from celint.records import replace
from celint.values import UNKNOWN, BoundMethod, Ref, Seq, Tensor, Value, const_of, int_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

EXP_FUNCTIONS = (
    "numpy.exp",
    "jax.numpy.exp",
    "torch.exp",
    "tensorflow.exp",
    "tensorflow.math.exp",
    "keras.ops.exp",
    "math.exp",
)
LOGSUMEXP_FUNCTIONS = (
    "torch.logsumexp",
    "tensorflow.reduce_logsumexp",
    "tensorflow.math.reduce_logsumexp",
    "jax.nn.logsumexp",
    "jax.scipy.special.logsumexp",
    "scipy.special.logsumexp",
    "keras.ops.logsumexp",
)
SUM_FUNCTIONS = ("numpy.sum", "jax.numpy.sum", "torch.sum", "tensorflow.reduce_sum", "keras.ops.sum")
# log() functions whose argument, when it is a softmax / sigmoid output, makes a hand-written
# cross-entropy that overflows to -inf instead of using the fused, stable op (CE103). Only the autodiff
# frameworks' own: `np.log` / `math.log` make NumPy values no framework differentiates (a cost printed
# next to a gradient written by hand, a validation metric), where -inf is a printed number, not nan weights.
LOG_FUNCTIONS = (
    "tensorflow.log",
    "tensorflow.compat.v1.log",
    "tensorflow.compat.v1.math.log",
    "torch.log",
    "jax.numpy.log",
    "keras.ops.log",
    "keras.backend.log",
)

EXP = "~exp"  # exp(z)
EXP_NEG = "~exp(-z)"  # exp(-z)
ONE_PLUS_EXP = "~1+exp(z)"
ONE_PLUS_EXP_NEG = "~1+exp(-z)"
SUM_EXP = "~sum(exp(z))"
LOGSUMEXP = "~logsumexp(z)"


def _marker(marker: str, at: Optional[Where], width: Optional[int] = None, constant: bool = False) -> Tensor:
    return Tensor(Head(None, width, activation_at=at), marker=marker, constant=constant)


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
    x = first_tensor_arg(args)
    return _marker(EXP_NEG if negated else EXP, interp.where(args.node), head_of(x).width, is_constant(x))


def _logsumexp(interp: Machine, ref: Ref, args: Args) -> Value:
    return _marker(LOGSUMEXP, interp.where(args.node))


def _sum_of(x: Value) -> Optional[Value]:
    if isinstance(x, Tensor) and x.marker == EXP:
        return _marker(SUM_EXP, x.head.activation_at, constant=x.constant)
    return None


def _sum_function(interp: Machine, ref: Ref, args: Args) -> Value:
    result = _sum_of(first_tensor_arg(args))
    return UNKNOWN if result is None else result


def _cast(interp: Machine, ref: Ref, args: Args) -> Value:
    """`tf.cast(probs, tf.float32)`: the same tensor, in another dtype."""
    x = first_tensor_arg(args)
    return x if isinstance(x, Tensor) else UNKNOWN


def _reshape(interp: Machine, ref: Ref, args: Args) -> Value:
    """`tf.reshape(p, [-1])`, `torch.gather(p, 1, y)`, `jnp.take_along_axis(p, y, 1)`: the values survive."""
    x = first_tensor_arg(args)
    if not isinstance(x, Tensor):
        return UNKNOWN
    width: Optional[int] = None
    if ref.qualname.rsplit(".", 1)[-1] in A.RESHAPE_NAMES:
        shape = args.get("shape", 1, UNKNOWN)
        last = int_of(shape.items[-1]) if isinstance(shape, Seq) and shape.items else None
        width = last if last is not None and last > 0 else None
    return reshaped(x, width)


def _log_of(interp: Machine, p: Value, node: ast.AST, framework: Optional[Framework] = None) -> None:
    """`log(p)`: recorded when `p` is a softmax / sigmoid output (or an element of one) that something
    trainable flows through; a formula over constants (a plotted curve) trains nothing. `framework`:
    whose log it is (None for numpy / math)."""
    if not isinstance(p, Tensor) or p.constant:
        return
    head = p.head
    if head.activation is not None and head.activation in (SOFTMAX, SIGMOID):
        interp.events.logs.append(
            LogOfProbabilities(
                head.activation, interp.where(node), head.activation_at, call_site_of(interp, p), framework
            )
        )


LOG_FRAMEWORKS = (("torch.", Framework.PYTORCH), ("tensorflow.", Framework.TF), ("jax.", Framework.OPTAX))


def _log(interp: Machine, ref: Ref, args: Args) -> Value:
    framework = next((f for prefix, f in LOG_FRAMEWORKS if ref.qualname.startswith(prefix)), None)
    _log_of(interp, first_tensor_arg(args), args.node, framework)
    return UNKNOWN


def _constant_grid(interp: Machine, ref: Ref, args: Args) -> Value:
    """`torch.linspace(-10, 10, 200)`: a tensor of constants."""
    return Tensor(UNKNOWN_HEAD, constant=True)


def _literal_tensor(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`torch.tensor([[2.0, 1.0, 0.1]])`: constants; `torch.tensor(x)` of anything else is not ours."""
    return Tensor(UNKNOWN_HEAD, constant=True) if args.pos and _literal(args.pos[0]) else None


def _literal(value: Value) -> bool:
    if isinstance(value, Seq):
        return all(_literal(item) for item in value.items)
    return is_constant(value)


def _product(interp: Machine, ref: Ref, args: Args) -> Value:
    """`torch.matmul(x, W)`: a tensor nothing is known about yet, whose methods (`.exp()`) can be followed."""
    return Tensor(UNKNOWN_HEAD, constant=all(is_constant(a) for a in args.pos) and bool(args.pos))


def _methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    """`e.sum(axis=-1, keepdims=True)` on an exp; `z.exp()`; `p.log()` on probabilities."""
    if method.name == "sum":
        return _sum_of(method.receiver)
    receiver = method.receiver
    if method.name == "exp" and isinstance(receiver, Tensor):
        return _marker(EXP, interp.where(args.node), receiver.head.width, receiver.constant)
    if method.name == "log" and isinstance(receiver, Tensor) and receiver.head.activation in (SOFTMAX, SIGMOID):
        _log_of(interp, receiver, args.node, Framework.PYTORCH)  # only a torch tensor has .log()
        return UNKNOWN
    return None


def _index(interp: Machine, owner: Value, index: Value, node: ast.Subscript) -> Optional[Value]:
    """`p[range(n), y]`, `scores[..., 0]`: elements of a tensor hold what it holds, in an unknown shape."""
    if isinstance(owner, Tensor) and owner.targets is None:
        return reshaped(owner, None)
    return None


def _binop(interp: Machine, op: ast.operator, left: Value, right: Value) -> Optional[Value]:
    result = _binop_steps(op, left, right)
    if result is None and _plain_tensor_arithmetic(op, left, right):
        result = Tensor(UNKNOWN_HEAD)  # `x @ W + b`: a tensor, of which nothing more is known
    if isinstance(result, Tensor) and result.constant != (is_constant(left) and is_constant(right)):
        result = replace(result, constant=not result.constant)
    return result


def _plain_tensor_arithmetic(op: ast.operator, left: Value, right: Value) -> bool:
    """Arithmetic on a tensor nothing is known about (no activation, no hand-written step) with another
    such tensor, a number or an unknown value."""
    if not isinstance(op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.MatMult)):
        return False
    tensors = [v for v in (left, right) if isinstance(v, Tensor)]
    if not tensors:
        return False
    plain = all(t.head.activation is None and t.marker is None and t.targets is None for t in tensors)
    others = [v for v in (left, right) if not isinstance(v, Tensor)]
    return plain and all(v is UNKNOWN or is_constant(v) for v in others)


def _binop_steps(op: ast.operator, left: Value, right: Value) -> Optional[Value]:
    a, b = _step(left), _step(right)
    if isinstance(op, ast.Add):
        for one, other, step in ((left, right, b), (right, left, a)):
            if _is_one(one) and isinstance(other, Tensor) and step in (EXP, EXP_NEG):
                return _marker(
                    ONE_PLUS_EXP if step == EXP else ONE_PLUS_EXP_NEG, other.head.activation_at, other.head.width
                )
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
        **for_names(_cast, A.CASTS),
        **for_names(_reshape, A.RESHAPES),
        **for_names(_constant_grid, A.CONSTANT_GRIDS),
        **for_names(_literal_tensor, A.LITERAL_CONVERSIONS),
        **for_names(_product, A.PRODUCTS),
        **for_names(activation_named, SCIPY_ACTIVATIONS),
    },
    methods=(_methods,),
    subscripts=(_index,),
    binops=(_binop,),
)
