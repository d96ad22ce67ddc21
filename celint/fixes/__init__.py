"""Fixes as data: for a hit and the loss use it was found on, the edit that repairs it, when there is
exactly one sensible repair. Applied by celint/fix.py; nothing here touches source text.

Safe fixes keep what the trained model outputs at inference time (a loss argument, the activation of a
one-unit head whose softmax output was constant anyway). Removing a softmax from a PyTorch model
changes its outputs for every caller, so that fix is unsafe (`--unsafe-fixes`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Dict, Optional

from celint.facts import BINARY, LINEAR, PROBS, SOFTMAX, Edit, Fix, Hit, LossUse

FixRule = Callable[[Hit, LossUse], Optional[Fix]]


def _from_logits_false(hit: Hit, use: LossUse) -> Optional[Fix]:
    """CE101: the head already outputs probabilities; tell the loss so (KerasHub derives from_logits
    from the activation the same way)."""
    head = use.head
    if use.framework == "keras" and use.from_logits_at is not None and head is not None:
        return Fix(f"set from_logits=False to match the {head.activation} head",
                   edits=(Edit("set-argument", use.from_logits_at, "False"),))
    if use.framework == "pytorch" and head is not None and head.activation_at is not None:
        return Fix(f"remove the {head.activation} so the model returns logits (changes inference outputs)",
                   safe=False, edits=(Edit("unwrap-call", head.activation_at),))
    return None


def _from_logits_true(hit: Hit, use: LossUse) -> Optional[Fix]:
    """CE102: a linear head into a Keras probability loss: the loss should take logits."""
    head = use.head
    if use.framework != "keras" or use.expects != PROBS or head is None or head.activation != LINEAR:
        return None
    if use.from_logits_at is not None:
        edit = Edit("set-argument", use.from_logits_at, "True")
    elif use.name.endswith(")"):  # a loss object constructed here; a string loss has no keyword to set
        edit = Edit("set-keyword", use.at, "True", "from_logits")
    else:
        return None
    return Fix("set from_logits=True: the head outputs raw scores", edits=(edit,))


def _sigmoid_for_one_unit(hit: Hit, use: LossUse) -> Optional[Fix]:
    """CE201 with a binary probability loss: sigmoid is the one-unit softmax that was meant."""
    head = use.head
    if use.kind != BINARY or use.expects != PROBS or head is None or head.activation != SOFTMAX:
        return None
    if use.framework != "keras" or head.width != 1 or head.activation_at is None:
        return None
    # only a literal "softmax" string is rewritten; a variable or a Softmax() layer is left to the user
    if not any(f"{q}softmax{q}" in head.activation_source for q in ("'", '"')):
        return None
    return Fix("use sigmoid for the single-unit head", edits=(Edit("replace-string", head.activation_at, "sigmoid"),))


FIXES: Dict[str, FixRule] = {
    "CE101": _from_logits_false,
    "CE102": _from_logits_true,
    "CE201": _sigmoid_for_one_unit,
}


def with_fix(hit: Hit, use: LossUse) -> Hit:
    """`hit` with its fix attached, when the rule for its code has one for this use. A fix must edit the
    file the finding is reported in: a cross-module finding's head lives in another module, where
    `--fix` on this file cannot reach, so such a finding offers none."""
    rule = FIXES.get(hit.code)
    fix = rule(hit, use) if rule is not None and hit.fix is None else None
    if fix is None or any(edit.at.path not in ("", hit.at.path) for edit in fix.edits):
        return hit
    return replace(hit, fix=fix)
