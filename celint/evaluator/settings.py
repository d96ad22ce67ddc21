"""The loss options a scenario sets, read as its framework applies them.

A scenario carries every option the code sets to a constant (`Scenario.options`). This module keeps the
ones the evaluator replays for that framework and loss, checks their values the way the framework would
need them here, and words a note for each one it leaves out, so a demonstration never drops an option
silently. The objectives (`objectives.py`, `lowlevel.py`) apply what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Tuple

import numpy as np

from celint.facts import BINARY, CATEGORICAL, NLL, SPARSE, Framework, LossKind, OptionValue, Scenario

TORCH_IGNORE_INDEX = -100  # CrossEntropyLoss / NLLLoss default: rows with this label are left out

# What each framework's loss accepts and the evaluator replays, by loss kind. `axis` is replayed only
# where it names the class axis of the (samples, classes) outputs (-1 or 1), which changes nothing.
_KERAS = frozenset({"label_smoothing", "reduction", "axis", "class_weight"})
MODELLED: Dict[Tuple[Framework, LossKind], FrozenSet[str]] = {
    (Framework.KERAS, BINARY): _KERAS,
    (Framework.KERAS, CATEGORICAL): _KERAS,
    (Framework.KERAS, SPARSE): frozenset({"ignore_class", "reduction", "axis", "class_weight"}),
    (Framework.PYTORCH, SPARSE): frozenset({"weight", "ignore_index", "reduction", "label_smoothing"}),
    (Framework.PYTORCH, CATEGORICAL): frozenset({"weight", "reduction", "label_smoothing"}),
    (Framework.PYTORCH, NLL): frozenset({"weight", "ignore_index", "reduction"}),
    (Framework.PYTORCH, BINARY): frozenset({"weight", "reduction", "pos_weight"}),
    (Framework.TF, BINARY): frozenset({"label_smoothing", "axis"}),
    (Framework.TF, CATEGORICAL): frozenset({"label_smoothing", "axis", "dim"}),
    (Framework.TF, SPARSE): frozenset(),
    (Framework.OPTAX, CATEGORICAL): frozenset({"axis"}),
    (Framework.OPTAX, SPARSE): frozenset({"axis"}),
    (Framework.OPTAX, BINARY): frozenset(),
}
# Reductions by what divides the summed losses: the count (the frameworks' default), the sample weights,
# nothing (a sum), or the user's own reduction of unreduced losses.
MEAN_REDUCTIONS = {"mean", "sum_over_batch_size", "auto"}
BY_WEIGHT_REDUCTIONS = {"mean_with_sample_weight"}  # Keras: divided by the sum of the sample weights
SUM_REDUCTIONS = {"sum"}
UNREDUCED = {None, "none"}


@dataclass(frozen=True)
class Settings:
    label_smoothing: float = 0.0
    weight: Optional[np.ndarray] = None  # torch `weight=`: per class, or per column for the binary losses
    pos_weight: Optional[np.ndarray] = None  # torch BCEWithLogitsLoss, per column
    ignore_index: Optional[int] = None  # a label whose rows are left out (torch ignore_index, Keras ignore_class)
    # "mean" (the default), "sum", "by_weight" (Keras: the sum of the sample weights divides), or "none"
    # (torch: followed by the user's .mean(); Keras: replayed as the mean, and said)
    reduction: str = "mean"
    class_weight: Optional[Dict[int, float]] = None  # Keras fit(class_weight=): a weight per sample's class
    notes: Tuple[str, ...] = ()  # what is replayed, what is left out (with why), what the replay assumes


def read(sc: Scenario) -> Settings:
    """The scenario's options as its framework applies them; a note for each option left out."""
    accepted = MODELLED.get((sc.framework, sc.loss), frozenset())
    notes: List[str] = []
    found: Dict[str, object] = {}
    for name, value in sc.options:
        why = _unusable(name, value, sc) if name in accepted else f"not replayed for {sc.framework} {sc.loss} losses"
        if why:
            notes.append(f"not modelled (the replay leaves it out): {name}={value!r}: {why}")
        else:
            found[name] = value
            notes.append(f"replayed as the code sets it: {name}={value!r}")
    reduction = found.get("reduction", "mean")
    if reduction in UNREDUCED and sc.framework == Framework.PYTORCH:
        notes.append(f"assumed (not read from the code): reduction={reduction!r} is followed by a .mean()")
    elif reduction in UNREDUCED:  # what compile / fit make of unreduced losses is not modelled
        notes.append(f"not modelled (the replay leaves it out): reduction={reduction!r}: replayed as the mean")
    ignore = found.get("ignore_index", found.get("ignore_class"))
    if ignore is None and sc.framework == Framework.PYTORCH and sc.loss in (SPARSE, NLL):
        ignore = TORCH_IGNORE_INDEX
    return Settings(
        label_smoothing=float(found.get("label_smoothing") or 0.0),  # type: ignore[arg-type]
        weight=_array(found.get("weight")),
        pos_weight=_array(found.get("pos_weight")),
        ignore_index=ignore if isinstance(ignore, int) else None,
        reduction=_effect(reduction),
        class_weight=dict(found["class_weight"]) if "class_weight" in found else None,  # type: ignore[call-overload]
        notes=tuple(notes),
    )


def _effect(reduction: object) -> str:
    if reduction in SUM_REDUCTIONS:
        return "sum"
    if reduction in UNREDUCED:
        return "none"
    return "by_weight" if reduction in BY_WEIGHT_REDUCTIONS else "mean"


def _unusable(name: str, value: OptionValue, sc: Scenario) -> str:
    """Why this value cannot be replayed here, or "" when it can."""
    if name in ("axis", "dim"):
        return "" if value in (-1, 1) else "only the class axis (-1) of 2-D outputs is replayed"
    if name == "label_smoothing":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1
        return "" if ok else "not a number in [0, 1]"
    if name == "reduction":
        ok = value in MEAN_REDUCTIONS | BY_WEIGHT_REDUCTIONS | SUM_REDUCTIONS | UNREDUCED
        return "" if ok else "not a reduction this framework names"
    if name in ("ignore_index", "ignore_class"):
        return "" if value is None or (isinstance(value, int) and not isinstance(value, bool)) else "not an integer"
    if name in ("weight", "pos_weight"):
        per_class = name == "weight" and sc.loss != BINARY  # CrossEntropyLoss / NLLLoss: one per class
        sizes = (sc.width,) if per_class else (1, sc.width)
        ok = isinstance(value, tuple) and len(value) in sizes and all(isinstance(v, float) for v in value)
        what = f"{sc.width} numbers, one per class" if per_class else f"1 or {sc.width} numbers, one per column"
        return "" if ok else f"not a list of {what}"
    if name == "class_weight":
        ok = isinstance(value, tuple) and all(isinstance(pair, tuple) for pair in value)
        return "" if ok else "not a dict of class -> weight"
    return "not replayed"


def _array(value: object) -> Optional[np.ndarray]:
    return np.asarray(value, dtype=np.float64) if isinstance(value, tuple) else None
