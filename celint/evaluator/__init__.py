"""NumPy evaluator: replays a finding's flagged and fixed configuration and shows the difference.

This package is the only part of celint that imports numpy; the lint path never imports it. It knows no
rule: the cases, the headline template and the numbers that fill it come from the caller (the front end
`celint/demo.py` takes them from the rule registry).

Public API::

    demonstrate_cases(code, cases, headline=None, numbers=None) -> Demonstration
    to_json(demo) -> dict
    render_text(demo) -> str
    plot(demo, path) -> None
"""

from __future__ import annotations

from .demos import BACKENDS, Demonstration, Variant, demonstrate_cases
from .report import plot, render_text, to_json
from .training import Outcome

__all__ = ["BACKENDS", "Demonstration", "Outcome", "Variant", "demonstrate_cases", "plot", "render_text", "to_json"]
