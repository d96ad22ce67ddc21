"""Run a rule's flagged / fixed pairs on every backend whose semantics differ."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from celint.facts import MULTI_HOT, Case, DemoKit, Framework, ReplayOptions, Scenario

from . import settings
from .data import Dataset, make_dataset
from .errors import FrameworkError
from .headlines import fill, generic
from .kit import Kit
from .objectives import build
from .training import Outcome, train_robustly

Numbers = Callable[[DemoKit], Dict[str, float]]


class Backend(NamedTuple):
    name: str  # what objectives.build takes
    shown: str  # what users see


# Every framework needs at least one (a test checks); Keras 3 is run on each of its backends, and backends
# whose runs agree in every number, error and warning text are shown as one ("keras-torch/jax").
BACKENDS: Dict[Framework, Tuple[Backend, ...]] = {
    Framework.KERAS: (
        Backend(name="keras-tensorflow", shown="keras-tensorflow"),
        Backend(name="keras-torch", shown="keras-torch"),
        Backend(name="keras-jax", shown="keras-jax"),
        Backend(name="keras-numpy", shown="keras-numpy"),
    ),
    Framework.PYTORCH: (Backend(name="pytorch", shown="pytorch"),),
    Framework.OPTAX: (Backend(name="optax", shown="optax"),),
    Framework.TF: (Backend(name="tf", shown="tf"),),
}
NO_BACKEND = "no demonstration for this framework"


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
    facts: Dict[str, float] = field(default_factory=dict)  # the numbers the headline was filled with
    notes: Tuple[str, ...] = ()  # defaults taken for what the code does not say; options not replayed


def notes_of(cases: Sequence[Case]) -> Tuple[str, ...]:
    """Each scenario's assumptions and unreplayed options, once, in order."""
    seen: List[str] = []
    for case in cases:
        for sc in (case.flagged, case.fixed):
            for text in [
                *(f"assumed (not read from the code): {a}" for a in sc.assumed),
                *(f"not modelled (the replay leaves it out): {o}" for o in sc.not_modelled),
                *settings.read(sc).notes,
            ]:
                if text not in seen:
                    seen.append(text)
    return tuple(seen)


def dataset_for(case: Case) -> Dataset:
    multilabel = MULTI_HOT in (case.flagged.targets, case.fixed.targets)
    scale = case.flagged_opts.input_scale
    return make_dataset(max(case.flagged.classes, 2), multilabel, scale)


def run_one(sc: Scenario, backend: str, data: Dataset, opts: ReplayOptions) -> Outcome:
    try:
        built = build(sc, backend, data, opts)
    except FrameworkError as exc:
        return Outcome(error=str(exc), error_step=0)
    return train_robustly(built.objective, sc, data, opts, built.warnings)


def _fixed_backend(fixed: Scenario, flagged_backend: str) -> str:
    """The flagged side's backend when the fixed side can run on it, else the framework's first."""
    if fixed.framework == Framework.KERAS:
        return flagged_backend if flagged_backend.startswith("keras-") else "keras-torch"
    return BACKENDS[fixed.framework][0].name


def _same(a: Outcome, b: Outcome) -> bool:
    """What a user sees is the same: numbers, error and warning texts, outputs."""
    if (a.error, a.error_step, a.warnings, a.outputs) != (b.error, b.error_step, b.warnings, b.outputs):
        return False
    if (a.accuracy_start, a.accuracy_end, a.spread, a.metric_start, a.metric_end) != (
        b.accuracy_start,
        b.accuracy_end,
        b.spread,
        b.metric_start,
        b.metric_end,
    ):
        return False
    return (
        len(a.loss_curve) == len(b.loss_curve)
        and bool(np.allclose(a.loss_curve, b.loss_curve, rtol=1e-6, atol=1e-9, equal_nan=True))
        and bool(np.allclose(a.grad_norms, b.grad_norms, rtol=1e-6, atol=1e-12, equal_nan=True))
    )


def joined(first: str, second: str) -> str:
    """ "keras-torch" and "keras-jax" are shown as "keras-torch/jax"."""
    return f"{first}/{second.partition('-')[2] or second}"


def run_case(case: Case) -> List[Variant]:
    """One variant per backend of the flagged side's framework; none when a side's framework has none."""
    if not (BACKENDS.get(case.flagged.framework) and BACKENDS.get(case.fixed.framework)):
        return []
    data = dataset_for(case)
    fixed_data = (
        data
        if case.fixed_opts.input_scale == case.flagged_opts.input_scale
        else make_dataset(max(case.fixed.classes, 2), data.multilabel, case.fixed_opts.input_scale)
    )
    variants: List[Variant] = []
    for backend in BACKENDS[case.flagged.framework]:
        flagged = run_one(case.flagged, backend.name, data, case.flagged_opts)
        fixed = run_one(case.fixed, _fixed_backend(case.fixed, backend.name), fixed_data, case.fixed_opts)
        variant = Variant(
            backend=backend.shown,
            flagged=flagged,
            fixed=fixed,
            flagged_scenario=case.flagged,
            fixed_scenario=case.fixed,
            label=case.label,
            prior=data.prior,
        )
        # a backend is listed apart only where it differs from one already listed (TF is always first)
        twin = next(
            (i for i, v in enumerate(variants) if i and _same(flagged, v.flagged) and _same(fixed, v.fixed)), None
        )
        if twin is not None:
            variants[twin] = replace(variants[twin], backend=joined(variants[twin].backend, backend.shown))
            continue
        variants.append(variant)
    return variants


def demonstrate_cases(
    code: str, cases: Sequence[Case], headline: Optional[str] = None, numbers: Optional[Numbers] = None
) -> Demonstration:
    """Train every case's flagged and fixed configuration on each backend of its framework.

    `headline` is a `str.format` template filled with what `numbers` computes from the runs; a number
    the template names and `numbers` does not give raises KeyError. Without a template (a finding's own
    scenarios) the headline is a generic before / after line.
    """
    variants = tuple(v for case in cases for v in run_case(case))
    notes = notes_of(cases)
    if not variants:
        return Demonstration(
            code=code, headline=NO_BACKEND, prior=dataset_for(cases[0]).prior, variants=(), notes=notes
        )
    found = dict(numbers(Kit(variants))) if numbers is not None else {}
    text = fill(headline, found) if headline is not None else generic(variants)
    return Demonstration(code=code, headline=text, prior=variants[0].prior, variants=variants, facts=found, notes=notes)
