"""The rule registry: one place that names every code, used by flake8, the CLI, SARIF and the docs tests."""

from __future__ import annotations

from typing import Dict, NamedTuple, Tuple


class Rule(NamedTuple):
    code: str
    name: str  # reads well as "allow <name>"
    summary: str


ALL_RULES: Tuple[Rule, ...] = (
    Rule("CE000", "unanalysable-file", "the file could not be analysed (syntax error, encoding, size)"),
    Rule("CE101", "probabilities-into-logits-loss", "a loss that expects logits receives softmax / sigmoid output"),
    Rule("CE102", "scores-into-probability-loss",
         "a loss that expects probabilities or log-probabilities receives raw scores or probabilities"),
    Rule("CE103", "hand-written-log-of-probabilities",
         "log of a softmax / sigmoid written by hand instead of the fused, stable op"),
    Rule("CE104", "softmax-without-dim", "PyTorch softmax / log_softmax without an explicit dim"),
    Rule("CE105", "threshold-metric-on-logits",
         "a metric that thresholds at 0.5 on a single-logit head trained with from_logits=True"),
    Rule("CE201", "single-unit-softmax", "softmax over a single unit: the output is constantly 1.0"),
    Rule("CE202", "categorical-loss-on-one-unit", "categorical or sparse loss on a single-unit head: the loss is constant"),
    Rule("CE203", "binary-loss-on-exclusive-classes",
         "binary cross-entropy on exclusive classes (a softmax head of more than two units)"),
    Rule("CE204", "categorical-loss-on-sigmoid", "categorical cross-entropy on a sigmoid head of several units"),
    Rule("CE301", "one-hot-into-sparse-loss", "one-hot targets into a loss that expects class indices"),
    Rule("CE302", "indices-into-one-hot-loss", "integer class indices into a loss that expects one-hot targets"),
    Rule("CE303", "class-count-mismatch", "head width differs from the number of classes the targets carry"),
    Rule("CE304", "multi-hot-into-softmax", "multi-hot (multi-label) targets trained with softmax + categorical cross-entropy"),
)

RULES_BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
