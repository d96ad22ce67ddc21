"""Framework-agnostic facts: the contract between extractors, rules and the evaluator.

`None` in any field means "the code does not say"; rules stay silent on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

# Final activations, as strings so the tables stay readable.
SOFTMAX = "softmax"
SIGMOID = "sigmoid"
LOG_SOFTMAX = "log_softmax"
LINEAR = "linear"  # raw scores: no activation, or one that does not make probabilities
PROBABILITY_ACTIVATIONS = frozenset({SOFTMAX, SIGMOID})

# Loss kinds.
BINARY = "binary"
CATEGORICAL = "categorical"
SPARSE = "sparse"  # class-index targets, softmax over classes (Keras SCCE, torch CrossEntropyLoss)
NLL = "nll"  # negative log-likelihood over log-probabilities, no log inside (torch NLLLoss)

# What a loss expects to receive.
PROBS = "probabilities"
LOGITS = "logits"
LOG_PROBS = "log-probabilities"

# Target encodings.
ONE_HOT = "one-hot"
INTEGER = "integer"
MULTI_HOT = "multi-hot"


@dataclass(frozen=True)
class Where:
    """A source position: 1-based line, 0-based column in code points."""

    line: int
    col: int = 0
    path: str = ""

    def label(self, relative_to: str = "") -> str:
        if self.path and self.path != relative_to:
            return f"{self.path}:{self.line}"
        return f"line {self.line}"


@dataclass(frozen=True)
class Head:
    """One output of a model: what its last layer does and how wide it is."""

    activation: Optional[str]  # one of the activation constants, or None when unknown
    width: Optional[int]  # units in the last axis, or None when unknown
    name: Optional[str] = None
    activation_at: Optional[Where] = None  # where the final activation is applied
    width_at: Optional[Where] = None  # where the width is set (the Dense / Linear layer)
    activation_source: str = ""  # how the code spells it, e.g. "activation='softmax'"

    @property
    def at(self) -> Optional[Where]:
        return self.activation_at or self.width_at


@dataclass(frozen=True)
class Targets:
    encoding: Optional[str]  # ONE_HOT / INTEGER / MULTI_HOT, or None when unknown
    classes: Optional[int] = None
    encoded_at: Optional[Where] = None
    how: str = ""  # e.g. "to_categorical(y, 5)"
    dtype_float: Optional[bool] = None  # torch one_hot(...).float()
    reached_at: Optional[Where] = None  # where they reach the loss when not at the loss call (fit, feed_dict)
    via: str = ""  # "fit" / "feed_dict": how they reach it
    binary_as_one_column: bool = False  # one-hot except that two classes are one 0/1 column (LabelBinarizer)


@dataclass(frozen=True)
class LossUse:
    """A cross-entropy loss applied to (or compiled against) one head."""

    framework: str  # "keras", "pytorch", "tf", "optax"
    kind: str  # BINARY / CATEGORICAL / SPARSE / NLL
    expects: str  # PROBS / LOGITS / LOG_PROBS
    name: str  # the call as written, e.g. "SparseCategoricalCrossentropy(from_logits=True)"
    at: Where  # the loss: string, constructor, or the call applying it to the predictions
    head: Optional[Head] = None
    from_logits_at: Optional[Where] = None  # the from_logits argument, when written
    targets: Optional[Targets] = None
    api_version: str = ""  # "keras", "tf.keras", "tf.compat.v1", ...
    metrics: Tuple["Metric", ...] = ()


@dataclass(frozen=True)
class Metric:
    name: str
    at: Where
    threshold_at_half: bool  # thresholds probabilities at 0.5 (accuracy, BinaryAccuracy, AUC...)


@dataclass(frozen=True)
class Scenario:
    """The configuration a finding describes, replayed by the evaluator."""

    framework: str  # "keras" | "pytorch" | "tf" | "optax"
    activation: str  # SOFTMAX / SIGMOID / LINEAR / LOG_SOFTMAX
    width: int
    loss: str  # BINARY / CATEGORICAL / SPARSE / NLL
    expects: str  # PROBS / LOGITS / LOG_PROBS
    targets: str = INTEGER  # ONE_HOT / INTEGER / MULTI_HOT
    classes: int = 2


@dataclass(frozen=True)
class Edit:
    """One change to the source, located by the node that starts at `at` (celint/fix.py applies it).

    kind: "set-keyword"    the call at `at` gets `keyword=value` (replaced, or appended)
          "set-argument"   the argument at `at` (keyword or positional) gets `value`
          "replace-string" the string literal (or `kw="..."` argument) at `at` gets the text `value`
          "unwrap-call"    the call at `at` becomes its first positional argument (or its receiver)
    """

    kind: str
    at: Where
    value: str = ""
    keyword: str = ""


@dataclass(frozen=True)
class Fix:
    """A fix as data; the autofix front end turns it into an edit."""

    description: str
    safe: bool = True
    edits: Tuple[Edit, ...] = ()


@dataclass(frozen=True)
class Hit:
    code: str
    at: Where
    message: str
    related: Tuple[Where, ...] = ()
    scenario: Optional[Scenario] = None
    fixed: Optional[Scenario] = None
    fix: Optional[Fix] = None  # an unambiguous repair, when one exists
