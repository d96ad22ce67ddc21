"""A demonstration's one-sentence headline: a rule's template filled with numbers from the runs, or, for
a finding's own scenarios, a generic before / after line."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Mapping, Optional, Sequence

if TYPE_CHECKING:
    from .demos import Variant


def _f(x: Optional[float]) -> str:
    if x is None:
        return "n/a"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.4f}" if x == 0 or abs(x) >= 1e-3 else f"{x:.3e}"


def fill(template: str, numbers: Mapping[str, float]) -> str:
    """The template with floats to four decimals (ints as they are); a number it lacks raises KeyError."""
    return template.format(**{k: _f(v) if isinstance(v, float) else v for k, v in numbers.items()})


def generic(variants: Sequence[Variant]) -> str:
    error = next((v.flagged.error for v in variants if v.flagged.error), "")
    if error:
        return f"The flagged configuration raises instead of training: {error}"
    v = variants[0]
    return (f"Flagged: loss {_f(v.flagged.loss_start)} -> {_f(v.flagged.loss_end)}, accuracy "
            f"{_f(v.flagged.accuracy_end)}; fixed: loss {_f(v.fixed.loss_start)} -> {_f(v.fixed.loss_end)}, "
            f"accuracy {_f(v.fixed.accuracy_end)} (prior {_f(v.prior)})")
