"""Helpers for the numbers a rule's demonstration headline is filled with (see `facts.DemoKit`)."""

from __future__ import annotations

from typing import Dict, Optional

from celint.facts import Array, DemoKit, DemoOutcome, DemoVariant


def known(value: Optional[float]) -> float:
    """A number the headline needs: the canonical run must have produced it."""
    if value is None:
        raise ValueError("the demonstration raised where its headline needs a number")
    return value


def final(outcome: DemoOutcome) -> Array:
    """The outputs after training: the canonical run must have finished."""
    if outcome.final is None:
        raise ValueError("the demonstration raised where its headline needs the trained outputs")
    return outcome.final


def accuracies(v: DemoVariant) -> Dict[str, float]:
    return {"flagged_accuracy": known(v.flagged.accuracy_end), "fixed_accuracy": known(v.fixed.accuracy_end)}


def row_sums(sums: Array, v: DemoVariant) -> Dict[str, float]:
    """How far the flagged outputs' rows are from summing to 1, and both accuracies."""
    return {"row_sum_min": float(sums.min()), "row_sum_max": float(sums.max()), **accuracies(v)}


def positive_rate(kit: DemoKit) -> float:
    """P(y=1) in the binary task."""
    return float(kit.dataset(2).labels.mean())
