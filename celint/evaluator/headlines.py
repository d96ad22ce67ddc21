"""A demonstration's one-sentence headline: a rule's template filled with numbers from the runs, or, for
a finding's own scenarios, a generic before / after line."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Mapping, Optional, Sequence

if TYPE_CHECKING:
    from .demos import Variant
    from .training import Outcome


def _f(x: Optional[float]) -> str:
    if x is None:
        return "n/a"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.4f}" if x == 0 or abs(x) >= 1e-3 else f"{x:.3e}"


def fill(template: str, numbers: Mapping[str, float]) -> str:
    """The template with floats to four decimals (ints as they are); a number it lacks raises KeyError."""
    return template.format(**{k: _f(v) if isinstance(v, float) else v for k, v in numbers.items()})


def _side(o: Outcome) -> str:
    if o.error:
        return f"raises {o.error}"
    if o.spread is not None:
        (loss_lo, loss_hi), (acc_lo, acc_hi) = o.spread.loss_end, o.spread.accuracy_end
        return (
            f"loss {_f(o.loss_start)} -> somewhere in {_f(loss_lo)}..{_f(loss_hi)}, accuracy"
            f" {_f(acc_lo)}..{_f(acc_hi)} (chaotic: float rounding decides)"
        )
    return f"loss {_f(o.loss_start)} -> {_f(o.loss_end)}, accuracy {_f(o.accuracy_end)}"


def generic(variants: Sequence[Variant]) -> str:
    """True of every backend shown: one clause for what they share, one per backend otherwise."""
    prior = f" (prior {_f(variants[0].prior)})"
    fixed = {_side(v.fixed) for v in variants}
    if all(v.flagged.error for v in variants):
        where = "on every backend shown" if len(variants) > 1 else f"on {variants[0].backend}"
        said = (
            f": {variants[0].flagged.error}"
            if len({v.flagged.error for v in variants}) == 1
            else " (each backend's own text below)"
        )
        if len(fixed) == 1:
            return f"The flagged configuration raises {where}{said}; the fixed one: {fixed.pop()}{prior}"
        return (
            f"The flagged configuration raises {where}{said}; fixed: "
            + " | ".join(f"{v.backend}: {_side(v.fixed)}" for v in variants)
            + prior
        )
    clauses = [_clause(v) for v in variants]
    return " | ".join(clauses) + prior


def _clause(v: Variant) -> str:
    flagged, fixed = _side(v.flagged), _side(v.fixed)
    if flagged == fixed and not v.flagged.warnings:
        return f"{v.backend}: flagged trains exactly as fixed ({fixed}): this backend does not show the failure"
    if flagged == fixed:  # the Keras TF backend undoing a tagged activation, and warning about it
        return f"{v.backend}: flagged trains exactly as fixed ({fixed}), with a warning: {v.flagged.warnings[0]}"
    return f"{v.backend}: flagged {flagged}; fixed {fixed}"
