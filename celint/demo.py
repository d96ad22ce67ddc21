"""`celint demo CODE` and `celint check --demo/--plot`: the rule registry's demonstrations, replayed by the
NumPy evaluator. The evaluator is imported lazily, so numpy never loads on the lint path."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from typing import TYPE_CHECKING, Any, Dict, List, Optional, TextIO, Tuple

from celint.engine import Finding
from celint.facts import Scenario
from celint.records import replace
from celint.rules import ALL_RULES, RULES_BY_CODE
from celint.runner import CheckedFile

if TYPE_CHECKING:
    from celint.evaluator import Demonstration

CODES: Tuple[str, ...] = tuple(rule.code for rule in ALL_RULES if rule.demo is not None)


def demonstrate(code: str, flagged: Optional[Scenario] = None, fixed: Optional[Scenario] = None) -> Demonstration:
    """Train the flagged and the fixed configuration of a rule code on every backend.

    With no scenarios the rule's canonical cases are used, and the headline is the rule's. With only one
    of them given, the other comes from the first canonical case. Codes without a demonstration raise
    KeyError.
    """
    from celint.evaluator import demonstrate_cases

    demo = RULES_BY_CODE[code].demo
    if demo is None:
        raise KeyError(code)
    if flagged is None and fixed is None:
        return demonstrate_cases(code, demo.cases, demo.headline, demo.numbers)
    base = demo.cases[0]  # the rule's numbers describe its canonical cases, not these
    return demonstrate_cases(code, (replace(base, flagged=flagged or base.flagged, fixed=fixed or base.fixed),))


def demonstrate_finding(finding: Finding) -> Optional[Demonstration]:
    """The finding's own flagged and fixed scenario (its rule's replay options, e.g. CE105's threshold),
    or, when the rule builds none for it, the rule's canonical cases, saying so. None: no demonstration."""
    from celint.evaluator import demonstrate_cases

    rule = RULES_BY_CODE.get(finding.code)
    demo, hit = (rule.demo if rule else None), finding.hit
    if demo is None or hit is None:
        return None
    if hit.scenario is None:
        canonical = demonstrate(finding.code)
        note = "this finding's configuration is not replayed: the rule's canonical cases are shown"
        return dataclasses.replace(canonical, notes=(note, *canonical.notes))  # the evaluator's dataclass
    # the replay options of the canonical case most like this finding (CE103: a softmax's or a sigmoid's log)
    scenario = hit.scenario
    base = max(demo.cases, key=lambda c: _likeness(c.flagged, scenario))
    label = f"your code: {hit.use.name}" if hit.use is not None else f"your code, line {hit.at.line}"
    case = replace(base, flagged=hit.scenario, fixed=hit.fixed or hit.scenario, label=label)
    return demonstrate_cases(finding.code, (case,))


def _likeness(canonical: Scenario, finding: Scenario) -> Tuple[bool, bool]:
    return (canonical.activation == finding.activation, canonical.framework == finding.framework)


def finding_demo_json(finding: Finding) -> Optional[Dict[str, Any]]:
    """What `celint demo CODE --format json` prints, for this finding (None without a demonstration)."""
    from celint.evaluator import to_json

    demo = demonstrate_finding(finding)
    return to_json(demo) if demo is not None else None


def print_demo(code: str, fmt: str, plot_dir: Optional[str]) -> int:
    try:
        from celint.evaluator import plot, render_text, to_json
    except ImportError as exc:  # numpy (or the evaluator) missing
        print(f"celint: demonstrations need numpy: {exc}", file=sys.stderr)
        return 2
    if code not in CODES:
        print(f"celint: no demonstration for {code!r}; available: {', '.join(CODES)}", file=sys.stderr)
        return 2
    demo = demonstrate(code)
    if fmt == "json":
        print(json.dumps(to_json(demo), indent=2))
    else:
        print(render_text(demo))
    if plot_dir:
        os.makedirs(plot_dir, exist_ok=True)
        plot(demo, os.path.join(plot_dir, f"{code}.png"))
    return 0


def append_demos(results: List[CheckedFile], out: Optional[TextIO], plot_dir: Optional[str]) -> None:
    """One demonstration per finding, replaying that finding's own flagged and fixed scenario; without
    `out` (the demonstrations are in the JSON report) only the plots are written."""
    from celint.evaluator import plot, render_text

    for result in results:
        for number, finding in enumerate(result.findings, start=1):
            demo = demonstrate_finding(finding)
            if demo is None:
                continue
            if out is not None:
                out.write(f"\n{result.path}:{finding.line}: {finding.code} demonstration\n{render_text(demo)}\n")
            if plot_dir:
                os.makedirs(plot_dir, exist_ok=True)
                name = f"{os.path.basename(result.path)}-{finding.line}-{finding.code}-{number}.png"
                plot(demo, os.path.join(plot_dir, name))
