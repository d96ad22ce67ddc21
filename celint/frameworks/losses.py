"""Turning loss names, strings and objects into `LossObj` values, and applying them."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Optional

from celint.events import LossApplication
from celint.facts import LOGITS, PROBS
from celint.knowledge.losses import LOSS_STRINGS, LOSSES, LossSpec
from celint.values import UNKNOWN, Literal, LossObj, Ref, Value, const_of

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter


def from_logits_value(spec: LossSpec, args: "Args") -> Optional[str]:
    """What the loss expects given its `from_logits` argument; None when it cannot be known."""
    position = spec.from_logits_pos if spec.from_logits_pos is not None else -1
    if not spec.has_from_logits or not args.given("from_logits", position):
        return spec.expects
    raw = const_of(args.get("from_logits", position))
    if raw is True:
        return LOGITS
    if raw is False:
        return PROBS
    return None


def construct(interp: "Interpreter", ref: Ref, spec: LossSpec, args: "Args") -> Value:
    """`keras.losses.BinaryCrossentropy(from_logits=True)`, `nn.CrossEntropyLoss()`."""
    expects = from_logits_value(spec, args)
    if expects is None:
        return UNKNOWN
    keyword: Optional[ast.AST] = args.keyword_node("from_logits")
    if keyword is None and spec.from_logits_pos is not None and len(args.node.args) > spec.from_logits_pos:
        keyword = args.node.args[spec.from_logits_pos]
    from_logits_at = interp.where(keyword) if keyword is not None else None
    return LossObj(ref.qualname, spec.kind, expects, spec.framework, interp.where(args.node), interp.source(args.node),
                   callable_style=True, from_logits_at=from_logits_at)


def as_loss(value: Value) -> Value:
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
        spec = LOSSES.get(value.qualname)
        if spec is None or spec.is_class or value.at is None:
            return UNKNOWN
        return LossObj(value.qualname, spec.kind, spec.expects, spec.framework, value.at, value.qualname.split(".")[-1])
    return UNKNOWN


def apply(interp: "Interpreter", loss: LossObj, args: "Args") -> Value:
    """A loss object or function applied to (targets, predictions): record it."""
    spec = LOSSES[loss.qualname]
    predictions = args.get(spec.pred_kw, spec.pred_pos, UNKNOWN)
    targets = args.get(spec.target_kw, spec.target_pos, UNKNOWN)
    interp.events.applications.append(LossApplication(loss, predictions, targets, interp.where(args.node)))
    return UNKNOWN


def call_loss_function(interp: "Interpreter", ref: Ref, spec: LossSpec, args: "Args") -> Value:
    """`F.cross_entropy(out, y)`, `tf.nn.softmax_cross_entropy_with_logits(labels=, logits=)`."""
    expects = from_logits_value(spec, args)
    if expects is None:
        return UNKNOWN
    keyword = args.keyword_node("from_logits")
    at = interp.where(args.node)
    loss = LossObj(ref.qualname, spec.kind, expects, spec.framework, at, interp.source(args.node) or ref.qualname,
                   from_logits_at=interp.where(keyword) if keyword is not None else None)
    return apply(interp, loss, args)
