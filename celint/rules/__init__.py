"""The rules: one module per code (`ce101.py` ...), each holding its checks, its fix, its demonstration
and its document link in one `Rule`. This module is the registry, and the order the checks run in.

Every front end reads the registry: `celint rules`, --select / --ignore, SARIF, autofix, `celint demo`.
Rules read facts only (`celint.facts`) and never import the extractor or numpy.
"""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from celint.facts import FileFacts, Hit, LossUse
from celint.records import replace

from . import (
    ce000,
    ce101,
    ce102,
    ce103,
    ce104,
    ce105,
    ce201,
    ce202,
    ce203,
    ce204,
    ce301,
    ce302,
    ce303,
    ce304,
)
from .rule import Demo, FileCheck, Rule, UseCheck, UseChecks

ALL_RULES: Tuple[Rule, ...] = (  # in code order
    ce000.RULE,
    ce101.RULE,
    ce102.RULE,
    ce103.RULE,
    ce104.RULE,
    ce105.RULE,
    ce201.RULE,
    ce202.RULE,
    ce203.RULE,
    ce204.RULE,
    ce301.RULE,
    ce302.RULE,
    ce303.RULE,
    ce304.RULE,
)
RULES_BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}

# --- Priorities: one root cause, one finding -----------------------------------------------------------
# Head against loss: the first check that fires is the root cause; later ones would repeat it. A softmax
# over one unit comes first: it makes every other head / loss mismatch moot.
HEAD_ORDER: Tuple[UseCheck, ...] = (
    ce201.single_unit_softmax_head,
    ce202.categorical_loss_on_one_unit,
    ce101.probabilities_into_logits_loss,
    ce102.raw_scores_into_probability_loss,
    ce203.binary_loss_on_softmax,
    ce204.categorical_loss_on_sigmoid,
)
# Targets against loss: a separate root cause, reported alongside a head problem. The encoding is checked
# before the class count: a sparse loss fed to_categorical(y, 5) is one finding, not two.
TARGET_ORDER: Tuple[UseCheck, ...] = (
    ce304.multi_hot_into_softmax,
    ce301.one_hot_into_sparse_loss,
    ce302.indices_into_one_hot_loss,
    ce203.binary_loss_on_single_label_one_hot,
    ce303.class_count_mismatch,
)
# Independent of the above, every hit counts: per loss use ...
EVERY_USE: Tuple[UseChecks, ...] = (ce105.threshold_metric_on_logits,)
# ... and per module. A one-unit softmax found here and on a loss's head is reported once, with the loss.
EVERY_FILE: Tuple[FileCheck, ...] = (
    ce201.single_unit_softmax_anywhere,
    ce103.log_of_probabilities,
    ce104.softmax_without_dim,
)


def run_checks(facts: FileFacts) -> List[Hit]:
    """Every rule over one module's facts, deduplicated and in source order. Fixes are not attached here
    (celint/engine.py does): a hit found on a loss use carries it in `Hit.use`."""
    hits: List[Hit] = [hit for check in EVERY_FILE for hit in check(facts)]
    for use in facts.uses:
        hits.extend(_use_hits(use))
    return _dedupe(hits)


def _use_hits(use: LossUse) -> Iterator[Hit]:
    for hit in (_first(HEAD_ORDER, use), _first(TARGET_ORDER, use)):
        if hit is not None:
            yield _with_call_site(hit, use)
    for check in EVERY_USE:
        for hit in check(use):
            yield _with_call_site(hit, use)


def _with_call_site(hit: Hit, use: LossUse) -> Hit:
    """A loss applied inside a helper names the call that handed it the predictions."""
    if use.call_site is None or use.call_site in hit.related:
        return hit
    return replace(hit, related=(*hit.related, use.call_site))


def _first(checks: Sequence[UseCheck], use: LossUse) -> Optional[Hit]:
    for check in checks:
        hit = check(use)
        if hit is not None:
            return hit
    return None


def _dedupe(hits: List[Hit]) -> List[Hit]:
    """The same code at the same place once (a model compiled twice, a head seen as event and head)."""
    seen: Dict[Tuple[str, str, int, int], Hit] = {}
    for hit in hits:
        key = (hit.code, hit.at.path, hit.at.line, hit.at.col)
        if key not in seen or (len(hit.related) > len(seen[key].related)):
            seen[key] = hit
    return sorted(seen.values(), key=lambda h: (h.at.path, h.at.line, h.at.col, h.code))


__all__ = ["ALL_RULES", "RULES_BY_CODE", "Demo", "Rule", "run_checks"]
