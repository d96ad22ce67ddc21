"""Run every rule over a file's facts. Rules are pure functions of facts; one root cause, one finding."""

from __future__ import annotations

from typing import Callable, Iterator, List, Optional, Sequence

from celint.checks import expects, targets, width
from celint.extract import FileFacts
from celint.facts import Hit, LossUse
from celint.fixes import with_fix

UseCheck = Callable[[LossUse], Optional[Hit]]

# Head against loss: the first that fires is the root cause; later ones would repeat it.
HEAD_CHECKS: Sequence[UseCheck] = (
    width.categorical_loss_on_one_unit,
    expects.probabilities_into_logits_loss,
    expects.raw_scores_into_probability_loss,
    width.binary_loss_on_softmax,
    width.categorical_loss_on_sigmoid,
)
# Targets against loss: a separate root cause, reported alongside head problems. The encoding is
# checked before the class count: a sparse loss fed to_categorical(y, 5) is one finding, not two.
TARGET_CHECKS: List[UseCheck] = [
    targets.multi_hot_into_softmax,
    targets.one_hot_into_sparse_loss,
    targets.indices_into_one_hot_loss,
    targets.binary_loss_on_single_label_one_hot,
    targets.class_count_mismatch,
]


def run_checks(facts: FileFacts) -> List[Hit]:
    hits: List[Hit] = list(_file_checks(facts))
    for use in facts.uses:
        hits.extend(with_fix(hit, use) for hit in _use_checks(use))  # autofix data: celint/fixes
    return _dedupe(hits)


def _file_checks(facts: FileFacts) -> Iterator[Hit]:
    yield from width.single_unit_softmax_anywhere(facts)
    yield from expects.log_of_probabilities(facts)
    yield from expects.softmax_without_dim(facts)


def _use_checks(use: LossUse) -> Iterator[Hit]:
    # a softmax over one unit makes every other head/loss mismatch moot: it is the root cause
    single_unit = width.single_unit_softmax_head(use.head, use.at) if use.head is not None else None
    for hit in (single_unit or _first(HEAD_CHECKS, use), _first(TARGET_CHECKS, use)):
        if hit is not None:
            yield hit
    yield from expects.threshold_metric_on_logits(use)


def _first(checks: Sequence[UseCheck], use: LossUse) -> Optional[Hit]:
    for check in checks:
        hit = check(use)
        if hit is not None:
            return hit
    return None


def _dedupe(hits: List[Hit]) -> List[Hit]:
    """The same code at the same place once (a model compiled twice, a head seen as event and head)."""
    seen = {}
    for hit in hits:
        key = (hit.code, hit.at.path, hit.at.line, hit.at.col)
        if key not in seen or (len(hit.related) > len(seen[key].related)):
            seen[key] = hit
    return sorted(seen.values(), key=lambda h: (h.at.path, h.at.line, h.at.col, h.code))
