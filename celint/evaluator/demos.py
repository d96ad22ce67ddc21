"""Run a flagged / fixed pair on every backend whose semantics differ."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np

from celint.facts import MULTI_HOT, Scenario

from .cases import CASES, Case
from .data import Dataset, make_dataset
from .errors import FrameworkError
from .headlines import facts_for, headline_for
from .objectives import Options, build
from .training import Outcome, train

# (backend used internally, name shown to users)
BACKENDS: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "keras": (("keras-tensorflow", "keras-tensorflow"), ("keras-torch", "keras-torch/jax"),
              ("keras-numpy", "keras-numpy")),
    "pytorch": (("pytorch", "pytorch"),),
    "optax": (("optax", "optax"),),
    "tf": (("tf", "tf"),),
}


@dataclass(frozen=True)
class Variant:
    backend: str
    flagged: Outcome
    fixed: Outcome
    flagged_scenario: Scenario
    fixed_scenario: Scenario
    label: str = ""
    prior: float = 0.0


@dataclass(frozen=True)
class Demonstration:
    code: str
    headline: str
    prior: float
    variants: Tuple[Variant, ...]
    facts: Dict[str, float] = field(default_factory=dict)


def dataset_for(case: Case) -> Dataset:
    multilabel = MULTI_HOT in (case.flagged.targets, case.fixed.targets)
    scale = case.flagged_opts.input_scale
    return make_dataset(max(case.flagged.classes, 2), multilabel, scale)


def run_one(sc: Scenario, backend: str, data: Dataset, opts: Options) -> Outcome:
    try:
        built = build(sc, backend, data, opts)
    except FrameworkError as exc:
        return Outcome(error=str(exc), error_step=0)
    return train(built.objective, sc, data, opts, built.warnings)


def _fixed_backend(fixed: Scenario, flagged_backend: str) -> str:
    if fixed.framework == "keras":
        return flagged_backend if flagged_backend.startswith("keras-") else "keras-torch"
    return BACKENDS[fixed.framework][0][0]


def _same(a: Outcome, b: Outcome) -> bool:
    if (a.error is None) != (b.error is None) or a.accuracy_end != b.accuracy_end:
        return False
    return len(a.loss_curve) == len(b.loss_curve) and bool(
        np.allclose(a.loss_curve, b.loss_curve, rtol=1e-6, atol=1e-9, equal_nan=True)
    )


def run_case(case: Case) -> List[Variant]:
    data = dataset_for(case)
    fixed_data = data if case.fixed_opts.input_scale == case.flagged_opts.input_scale else make_dataset(
        max(case.fixed.classes, 2), data.multilabel, case.fixed_opts.input_scale)
    variants: List[Variant] = []
    for backend, shown in BACKENDS[case.flagged.framework]:
        flagged = run_one(case.flagged, backend, data, case.flagged_opts)
        fixed = run_one(case.fixed, _fixed_backend(case.fixed, backend), fixed_data, case.fixed_opts)
        variant = Variant(shown, flagged, fixed, case.flagged, case.fixed, case.label, data.prior)
        # keras-numpy is listed only where it differs from torch/jax.
        if backend == "keras-numpy" and variants and _same(flagged, variants[-1].flagged) and _same(
            fixed, variants[-1].fixed
        ):
            continue
        variants.append(variant)
    return variants


def demonstrate(code: str, flagged: Optional[Scenario] = None, fixed: Optional[Scenario] = None) -> Demonstration:
    """Train the flagged and the fixed configuration of a rule code on every backend.

    With no scenarios the code's canonical cases are used. With only one of them
    given, the other comes from the first canonical case. Unknown codes raise KeyError.
    """
    cases = CASES[code]  # KeyError for an unknown code, as documented
    canonical = flagged is None and fixed is None
    if not canonical:
        base = cases[0]
        cases = (Case(flagged or base.flagged, fixed or base.fixed, base.flagged_opts, base.fixed_opts, base.label),)
    variants = tuple(v for case in cases for v in run_case(case))
    facts = facts_for(code, variants) if canonical else {}  # the numbers describe the canonical cases
    return Demonstration(code, headline_for(code, variants, facts), variants[0].prior, variants, facts)
