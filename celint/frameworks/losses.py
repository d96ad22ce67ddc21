"""Shared loss semantics: loss names, strings and objects become `LossObj` values, applied to predictions.

Every framework adapter registers `loss_named` for its own rows of `celint.knowledge.losses`, and
`partial_of(its rows)` for `functools.partial(loss_fn, from_logits=True)`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, AbstractSet, Dict, Mapping, Optional, Tuple

from celint.events import LossApplication
from celint.facts import LOGITS, PROBS, Expects, LossOption, OptionValue, Where
from celint.frameworks.adapter import CallHandler
from celint.knowledge.losses import LOSS_OPTIONS, LOSS_STRINGS, LOSSES, LossSpec
from celint.knowledge.torch import PRESERVING_METHODS
from celint.values import UNKNOWN, Literal, LossObj, Ref, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

PARTIAL = "functools.partial"


def from_logits_value(spec: LossSpec, args: Args) -> Optional[Expects]:
    """What the loss expects given its call's `from_logits` argument; None when it cannot be known."""
    position = spec.from_logits_pos if spec.from_logits_pos is not None else -1
    given = spec.has_from_logits and args.given(spec.from_logits_kw, position)
    return expects_with(spec, args.get(spec.from_logits_kw, position) if given else None)


def expects_with(spec: LossSpec, from_logits: Optional[Value]) -> Optional[Expects]:
    """What the loss expects with `from_logits` set to this value (None: not set); None when unknown."""
    if not spec.has_from_logits or from_logits is None:
        return spec.expects
    raw = const_of(from_logits)
    if raw is True:
        return LOGITS
    if raw is False:
        return PROBS
    return None


def loss_named(interp: Machine, ref: Ref, args: Args) -> Value:
    """The call handler for every row of the loss tables: a loss class constructed, or a loss function applied."""
    spec = LOSSES[ref.qualname]
    if spec.is_class:
        return construct(interp, ref, spec, args)
    return call_loss_function(interp, ref, spec, args)


def construct(interp: Machine, ref: Ref, spec: LossSpec, args: Args) -> Value:
    """`keras.losses.BinaryCrossentropy(from_logits=True)`, `nn.CrossEntropyLoss()`."""
    expects = from_logits_value(spec, args)
    if expects is None:
        return UNKNOWN
    keyword: Optional[ast.AST] = args.keyword_node(spec.from_logits_kw)
    if keyword is None and spec.from_logits_pos is not None and len(args.node.args) > spec.from_logits_pos:
        keyword = args.node.args[spec.from_logits_pos]
    return configured(interp, ref.qualname, spec, expects, args, keyword, options=options_written(interp, args))


def configured(
    interp: Machine,
    qualname: str,
    spec: LossSpec,
    expects: Expects,
    args: Args,
    from_logits: Optional[ast.AST],
    callable_style: bool = True,
    options: Tuple[LossOption, ...] = (),
) -> LossObj:
    """The loss a call configures (a constructor, `partial`, a loss function applied), located at the call."""
    return LossObj(
        qualname,
        spec.kind,
        expects,
        spec.framework,
        interp.where(args.node),
        interp.source(args.node) or qualname,
        callable_style=callable_style,
        from_logits_at=interp.where(from_logits) if from_logits is not None else None,
        options=options,
    )


def options_written(interp: Machine, args: Args, names: AbstractSet[str] = LOSS_OPTIONS) -> Tuple[LossOption, ...]:
    """`label_smoothing=0.1`, `weight=w`...: the options a call sets, as written, with their constant values."""
    found = []
    for keyword in args.node.keywords:
        if keyword.arg is None or keyword.arg not in names:
            continue
        known, value = option_value(args.kw.get(keyword.arg, UNKNOWN), keyword.value)
        found.append(LossOption(keyword.arg, f"{keyword.arg}={interp.source(keyword.value)}", value, known))
    return tuple(found)


# the calls that make a weight tensor from a written list: `torch.tensor([1.0, 3.0])`, `np.array([...])`
TENSOR_FROM_LIST = ("tensor", "FloatTensor", "Tensor", "as_tensor", "array", "asarray", "constant", "convert_to_tensor")
MAX_OPTION_ITEMS = 1024  # a longer written list is not read


def option_value(value: Value, node: ast.expr) -> Tuple[bool, OptionValue]:
    """(known, value): a constant, a list of numbers, or a dict of class -> weight; (False, None) otherwise."""
    raw = const_of(value)
    if raw is None or isinstance(raw, (bool, int, float, str)):
        return True, raw
    node = _written_list(node)
    if isinstance(node, (ast.List, ast.Tuple)) and 0 < len(node.elts) <= MAX_OPTION_ITEMS:
        numbers = [_number(e) for e in node.elts]
        if all(n is not None for n in numbers):
            return True, tuple(float(n) for n in numbers if n is not None)
    if isinstance(node, ast.Dict) and 0 < len(node.keys) <= MAX_OPTION_ITEMS:
        keys = [_number(k) if k is not None else None for k in node.keys]
        weights = [_number(v) for v in node.values]
        if all(isinstance(k, int) for k in keys) and all(w is not None for w in weights):
            return True, tuple((int(k), float(w)) for k, w in zip(keys, weights) if k is not None and w is not None)
    return False, None


def _written_list(node: ast.expr) -> ast.expr:
    """The list inside `torch.tensor([1.0, 3.0], device=dev)`, `torch.FloatTensor([..]).to(device)`,
    `np.array([...])`; the node itself otherwise."""
    for _ in range(3):  # a call, then up to two casts
        if not isinstance(node, ast.Call):
            return node
        callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if callee in TENSOR_FROM_LIST and len(node.args) == 1:
            return node.args[0]
        if callee in PRESERVING_METHODS and isinstance(node.func, ast.Attribute):
            node = node.func.value
            continue
        return node
    return node


def _number(node: ast.expr) -> Optional[float]:
    """A written number (`3`, `-1.5`, `1e-3`), else None; bools are not numbers here."""
    sign = 1.0
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        sign = -1.0 if isinstance(node.op, ast.USub) else 1.0
        node = node.operand
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return int(sign * node.value) if isinstance(node.value, int) else sign * node.value
    return None


def as_loss(value: Optional[Value]) -> Value:
    """A compile-able loss from a string, a function reference or a loss object; else UNKNOWN."""
    if isinstance(value, LossObj):
        return value
    if isinstance(value, Literal) and isinstance(value.value, str):
        qualname = LOSS_STRINGS.get(value.value)
        if qualname is None:
            return UNKNOWN
        spec = LOSSES[qualname]
        return LossObj(qualname, spec.kind, spec.expects, spec.framework, value.at, repr(value.value))
    if isinstance(value, Ref):
        spec_or_none = LOSSES.get(value.qualname)
        if spec_or_none is None or spec_or_none.is_class or value.at is None:
            return UNKNOWN
        return LossObj(
            value.qualname,
            spec_or_none.kind,
            spec_or_none.expects,
            spec_or_none.framework,
            value.at,
            value.qualname.split(".")[-1],
        )
    return UNKNOWN


def apply(interp: Machine, loss: LossObj, args: Args) -> Value:
    """A loss object or function applied to (targets, predictions): record it."""
    spec = LOSSES[loss.qualname]
    predictions = args.get(spec.pred_kw, spec.pred_pos, UNKNOWN)
    targets = args.get(spec.target_kw, spec.target_pos, UNKNOWN)
    interp.events.applications.append(
        LossApplication(
            loss,
            predictions,
            targets,
            interp.where(args.node),
            call_site_of(interp, predictions),
            traced=interp.traced_depth > 0,
        )
    )
    return UNKNOWN


def call_site_of(interp: Machine, value: Value) -> Optional[Where]:
    """The innermost running user call that passed `value` (or a tensor with the same head) in."""
    if not isinstance(value, Tensor) or value.head.at is None:
        return None
    for site, arguments in reversed(interp.calls_running):
        if any(a is value or (isinstance(a, Tensor) and a.head.at == value.head.at) for a in arguments):
            return site
    return None


def call_loss_function(interp: Machine, ref: Ref, spec: LossSpec, args: Args) -> Value:
    """`F.cross_entropy(out, y)`, `tf.nn.softmax_cross_entropy_with_logits(labels=, logits=)`."""
    expects = from_logits_value(spec, args)
    if expects is None:
        return UNKNOWN
    keyword = args.keyword_node(spec.from_logits_kw)
    options = options_written(interp, args)
    loss = configured(interp, ref.qualname, spec, expects, args, keyword, callable_style=False, options=options)
    return apply(interp, loss, args)


def partial_of(table: Mapping[str, LossSpec]) -> Dict[str, CallHandler]:
    """A calls table for `functools.partial(loss_fn, from_logits=True)` of the loss functions in `table`.

    Several adapters register it: each answers None for a function that is not in its table.
    """

    def partial(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
        target = args.pos[0] if args.pos else None
        if not isinstance(target, Ref) or target.qualname not in table:
            return None
        spec = table[target.qualname]
        if spec.is_class:
            return UNKNOWN
        expects = expects_with(spec, args.kw.get(spec.from_logits_kw))  # only keywords configure the wrapped loss
        if expects is None:
            return UNKNOWN
        keyword = args.keyword_node(spec.from_logits_kw)
        return configured(interp, target.qualname, spec, expects, args, keyword, options=options_written(interp, args))

    return {PARTIAL: partial}
