"""What a rule is: its code and name, the checks that find it, its fix, its demonstration, its document.

Checks and fixes are pure functions of facts (`celint.facts`); a rule module imports nothing else.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, Optional, Tuple, Union

from celint.facts import Case, DemoKit, FileFacts, Fix, Hit, LossUse, ReplayOptions, Scenario
from celint.records import record, replace

UseCheck = Callable[[LossUse], Optional[Hit]]  # one loss use; in a priority list, the first hit wins
UseChecks = Callable[[LossUse], Iterator[Hit]]  # one loss use; every hit is reported
FileCheck = Callable[[FileFacts], Iterator[Hit]]  # the whole module
Check = Union[UseCheck, UseChecks, FileCheck]
FixFor = Callable[[Hit, LossUse], Optional[Fix]]  # the repair of a hit found on that loss use, if unambiguous
Numbers = Callable[[DemoKit], Dict[str, float]]


@record(frozen=True)
class Demo:
    """How `celint demo` replays the rule: the cases, and a headline filled with numbers from the runs."""

    cases: Tuple[Case, ...]
    headline: Optional[str] = None  # a str.format template; None: the evaluator's generic before/after line
    numbers: Optional[Numbers] = None  # the template's values, computed from the replayed cases


_NO_OPTIONS = ReplayOptions()


def case(
    flagged: Scenario,
    label: str,
    flagged_opts: ReplayOptions = _NO_OPTIONS,
    fixed_opts: ReplayOptions = _NO_OPTIONS,
    **fix: Any,
) -> Case:
    """A demonstration case whose fixed side is the flagged one with `fix` applied (`activation=SIGMOID`)."""
    return Case(
        flagged=flagged, fixed=replace(flagged, **fix), flagged_opts=flagged_opts, fixed_opts=fixed_opts, label=label
    )


@record(frozen=True)
class Rule:
    code: str
    name: str  # reads well as "allow <name>"
    summary: str
    checks: Tuple[Check, ...] = ()  # run in the order celint/rules/__init__.py gives them
    fix: Optional[FixFor] = None
    demo: Optional[Demo] = None
    doc: str = ""  # the rule's document, relative to the repository root
