"""NumPy evaluator: replays a finding's flagged and fixed configuration and shows the difference.

This package is the only part of celint that imports numpy; the lint path never imports it.

Public API::

    demonstrate(code, flagged=None, fixed=None) -> Demonstration
    to_json(demo) -> dict
    render_text(demo) -> str
    plot(demo, path) -> None
"""

from __future__ import annotations

from .cases import CASES
from .demos import Demonstration, Variant, demonstrate
from .report import plot, render_text, to_json
from .training import Outcome

CODES = tuple(sorted(CASES))

__all__ = ["CODES", "Demonstration", "Outcome", "Variant", "demonstrate", "plot", "render_text", "to_json"]
