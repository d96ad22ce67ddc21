"""Framework-agnostic facts: the contract between the extractor, the rules and the evaluator.

Standard library only. `None` in any field means "the code does not say"; rules stay silent on it.
Categories are enums whose members are also their string values (`Activation.SOFTMAX == "softmax"`),
so messages and JSON read as before while a missing member is a type error, not a `KeyError`.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Optional, Protocol, Sequence, Tuple, Union

from celint.records import field, record


class Category(str, Enum):
    """An enum whose members print, format and serialise as their values."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    def __hash__(self) -> int:  # as the plain string's: `"softmax" in {Activation.SOFTMAX}` holds
        return hash(str(self.value))


class Framework(Category):
    """Who defines the loss: each has its own evaluator backends and its own fix wording."""

    KERAS = "keras"
    PYTORCH = "pytorch"
    TF = "tf"  # low-level TensorFlow: tf.nn, tf.compat.v1.losses
    OPTAX = "optax"


class Activation(Category):
    """A head's final activation. Everything but the first three outputs unnormalised scores."""

    SOFTMAX = "softmax"
    SIGMOID = "sigmoid"
    LOG_SOFTMAX = "log_softmax"
    LINEAR = "linear"
    RELU = "relu"
    ELU = "elu"
    SELU = "selu"
    GELU = "gelu"
    TANH = "tanh"
    SWISH = "swish"
    SOFTPLUS = "softplus"
    SOFTSIGN = "softsign"
    EXPONENTIAL = "exponential"
    MISH = "mish"

    @property
    def is_probability(self) -> bool:
        return self in (Activation.SOFTMAX, Activation.SIGMOID)

    @property
    def is_raw(self) -> bool:
        """Unnormalised scores (linear, relu, tanh...): neither probabilities nor log-probabilities."""
        return self not in (Activation.SOFTMAX, Activation.SIGMOID, Activation.LOG_SOFTMAX)


class LossKind(Category):
    BINARY = "binary"
    CATEGORICAL = "categorical"
    SPARSE = "sparse"  # class-index targets, softmax over classes (Keras SCCE, torch CrossEntropyLoss)
    NLL = "nll"  # negative log-likelihood over log-probabilities, no log inside (torch NLLLoss)


class Expects(Category):
    """What a loss expects to receive."""

    PROBS = "probabilities"
    LOGITS = "logits"
    LOG_PROBS = "log-probabilities"


class Encoding(Category):
    """How targets are encoded."""

    ONE_HOT = "one-hot"
    INTEGER = "integer"
    MULTI_HOT = "multi-hot"


class AxisKind(Category):
    """Which axis an activation normalises."""

    LAST = "last"  # the default or -1: certainly the class axis
    CLASS = "class"  # torch's dim=1
    OTHER = "other"  # anything else (attention over time steps): says nothing about the head


class KerasApi(Category):
    """Which Keras a compiled model comes from (metrics such as 'accuracy' differ between them)."""

    KERAS = "keras"
    TF_KERAS = "tf.keras"
    TF_COMPAT_V1 = "tf.compat.v1"


class Via(Category):
    """How targets reach a loss when not passed at the loss call."""

    FIT = "fit"
    FEED_DICT = "feed_dict"


class EditKind(Category):
    SET_KEYWORD = "set-keyword"  # the call at `at` gets `keyword=value` (replaced, or appended)
    SET_ARGUMENT = "set-argument"  # the argument at `at` (keyword or positional) gets `value`
    REPLACE_STRING = "replace-string"  # the string literal (or `kw="..."` argument) at `at` gets `value`
    UNWRAP_CALL = "unwrap-call"  # the call at `at` becomes its first positional argument (or receiver)
    # the string literal at `at` becomes the call `value` (`metrics.BinaryAccuracy(threshold=0.0)`), spelled
    # with the module path of the `keras...losses.X(...)` call at `like`
    REPLACE_WITH_CALL = "replace-with-call"


# Short names kept for tables and rules that read better with them.
SOFTMAX, SIGMOID, LOG_SOFTMAX, LINEAR = (
    Activation.SOFTMAX,
    Activation.SIGMOID,
    Activation.LOG_SOFTMAX,
    Activation.LINEAR,
)
PROBABILITY_ACTIVATIONS = frozenset({SOFTMAX, SIGMOID})
BINARY, CATEGORICAL, SPARSE, NLL = LossKind.BINARY, LossKind.CATEGORICAL, LossKind.SPARSE, LossKind.NLL
PROBS, LOGITS, LOG_PROBS = Expects.PROBS, Expects.LOGITS, Expects.LOG_PROBS
ONE_HOT, INTEGER, MULTI_HOT = Encoding.ONE_HOT, Encoding.INTEGER, Encoding.MULTI_HOT


def is_raw(activation: Optional[Activation]) -> bool:
    """True for a known activation whose outputs are unnormalised scores; False when unknown."""
    return activation is not None and activation.is_raw


@record(frozen=True)
class Where:
    """A source position: 1-based line, 0-based column in code points."""

    line: int
    col: int = 0
    path: str = ""

    def label(self, relative_to: str = "") -> str:
        if self.path and self.path != relative_to:
            return f"{self.path}:{self.line}"
        return f"line {self.line}"


@record(frozen=True)
class Head:
    """One output of a model: what its last layer does and how wide it is."""

    activation: Optional[Activation]  # None when unknown
    width: Optional[int]  # units in the last axis, or None when unknown
    name: Optional[str] = None
    activation_at: Optional[Where] = None  # where the final activation is applied
    width_at: Optional[Where] = None  # where the width is set (the Dense / Linear layer)
    activation_source: str = ""  # how the code spells it, e.g. "activation='softmax'"
    # The activation's axis as written when it is the batch axis ("dim=0"), not the classes: only a
    # loss that expects logits is given such a head (the values are probabilities all the same).
    activation_axis: str = ""
    # how many different model outputs the code defining this head (its activation, its layer) serves in
    # this module: a head factory called for a 1-unit and a 5-unit head serves 2, and a fix there edits both
    serves: int = field(default=1, compare=False)

    @property
    def at(self) -> Optional[Where]:
        return self.activation_at or self.width_at


@record(frozen=True)
class Targets:
    encoding: Optional[Encoding]  # None when unknown
    classes: Optional[int] = None
    encoded_at: Optional[Where] = None
    how: str = ""  # e.g. "to_categorical(y, 5)"
    dtype_float: Optional[bool] = None  # torch one_hot(...).float()
    reached_at: Optional[Where] = None  # where they reach the loss when not at the loss call (fit, feed_dict)
    via: Optional[Via] = None  # how they reach it
    binary_as_one_column: bool = False  # one-hot except that two classes are one 0/1 column (LabelBinarizer)


@record(frozen=True)
class Metric:
    name: str
    at: Where
    threshold_at_half: bool  # thresholds probabilities at 0.5 (accuracy, BinaryAccuracy, AUC...)
    by_name: str = ""  # a metric compiled by its string ("accuracy"), as compile got it


# A constant an option is set to: a number, a string, a flag, None, a list of numbers (`weight=[1, 3]`) or a
# dict of class -> weight (`class_weight={0: 1, 1: 3}`) as (class, weight) pairs in the order written.
OptionValue = Union[None, bool, int, float, str, Tuple[float, ...], Tuple[Tuple[int, float], ...]]


@record(frozen=True)
class LossOption:
    """An option the code sets on a loss, or on the `fit` that trains with it."""

    name: str  # "label_smoothing", "weight", "class_weight"...
    written: str  # as the code spells it: "label_smoothing=0.1"
    value: OptionValue = None
    known: bool = False  # `value` is the constant the code gives (else the value is not known statically)


@record(frozen=True)
class LossUse:
    """A cross-entropy loss applied to (or compiled against) one head."""

    framework: Framework
    kind: LossKind
    expects: Expects
    name: str  # the call as written, e.g. "SparseCategoricalCrossentropy(from_logits=True)"
    at: Where  # the loss: string, constructor, or the call applying it to the predictions
    head: Optional[Head] = None
    from_logits_at: Optional[Where] = None  # the from_logits argument, when written
    targets: Optional[Targets] = None
    api_version: Optional[KerasApi] = None  # for compiled Keras models
    metrics: Tuple[Metric, ...] = ()
    call_site: Optional[Where] = None  # the call of the helper that applies the loss, when predictions came through it
    options: Tuple[LossOption, ...] = ()  # options written at the loss (and at fit: class_weight, sample_weight)
    serves: int = 1  # how many different heads this loss object is used with in this module
    from_logits_literal: bool = True  # from_logits is written as True / False (not a name such as FROM_LOGITS)
    # cross-module: the loss is applied in another module's code, which the checked file's call at
    # `reached_from` ran with its own model / loss (celint.engine hands such a finding to that module)
    reached_from: Optional[Where] = None
    # a class-index loss that also takes float rows of class probabilities (torch CrossEntropyLoss)
    probability_targets: bool = False
    mixed_precision: bool = False  # a Keras mixed_float16 / mixed_bfloat16 policy is set in this module
    # Keras on TensorFlow: the loss runs in a traced graph (model.fit, a @tf.function) where an untagged
    # softmax / sigmoid op is read back too; False: eagerly (compile(run_eagerly=True)); None: not known
    traced: Optional[bool] = None


@record(frozen=True)
class ActivationApplied:
    """A softmax / log-softmax applied somewhere, with what is known of the tensor it applies to."""

    head: Head  # the resulting head (activation and width of the tensor after it)
    guessed_axis: bool  # torch softmax without dim
    at: Where
    axis_kind: AxisKind = AxisKind.LAST
    rank: Optional[int] = None  # dimensions of the input, when known (torch's implicit dim depends on it)


@record(frozen=True)
class LogOfProbabilities:
    """`log(softmax(z))`, `log(sigmoid(z))` or `log(p)` of probabilities without clipping (CE103)."""

    activation: Activation
    at: Where
    source_at: Optional[Where]
    call_site: Optional[Where] = None  # the call of the helper taking the log, when the probabilities came through it
    framework: Optional[Framework] = None  # whose log: tf.math.log, torch.log (None: numpy, math)


@record(frozen=True)
class FileFacts:
    """Everything the rules may read about one module."""

    uses: Tuple[LossUse, ...] = ()
    heads: Tuple[Head, ...] = ()  # every model output, compiled or not
    activations: Tuple[ActivationApplied, ...] = ()
    logs: Tuple[LogOfProbabilities, ...] = ()


@record(frozen=True)
class Scenario:
    """The configuration a finding describes, replayed by the evaluator."""

    framework: Framework
    activation: Activation  # SOFTMAX / SIGMOID / LINEAR / LOG_SOFTMAX
    width: int
    loss: LossKind
    expects: Expects
    targets: Encoding = Encoding.INTEGER
    classes: int = 2
    target_float: Optional[bool] = None  # the targets' dtype when the code says; None: the encoding's usual
    tagged: bool = True  # Keras: a Keras activation, whose output the TF backend reads `_keras_logits` from
    # Keras: the loss sees the activation's op in a traced graph (model.fit, @tf.function), from which the TF
    # backend also reads the logits of an untagged softmax / sigmoid; eagerly (or behind a mixed-precision
    # cast) it does not, and only the tag counts
    traced: bool = True
    # the loss options the code sets to constants, as (name, value): the evaluator replays those it models
    # for this loss and names the others in the demonstration's notes
    options: Tuple[Tuple[str, OptionValue], ...] = ()
    metrics: Tuple[str, ...] = ()  # Keras metrics compiled by name ("accuracy"): reported as Keras computes them
    assumed: Tuple[str, ...] = ()  # what the code does not say, each with the default the replay takes
    not_modelled: Tuple[str, ...] = ()  # what the code sets that the replay leaves out, with why


@record(frozen=True)
class ReplayOptions:
    """Knobs a Scenario cannot express, used by a few demonstrations."""

    naive_log: bool = False  # CE103: log(softmax(z)), or BCE from log(sigmoid(z)), written by hand in float32
    batch_axis_groups: int = 0  # CE104: softmax over axis 0 of z.reshape(groups, -1, width)
    threshold: Optional[float] = None  # CE105: the threshold the reported accuracy uses
    input_scale: float = 1.0  # CE103: unnormalised inputs make confident logits


@record(frozen=True)
class Case:
    """One flagged / fixed pair a rule is demonstrated with."""

    flagged: Scenario
    fixed: Scenario
    flagged_opts: ReplayOptions = ReplayOptions()
    fixed_opts: ReplayOptions = ReplayOptions()
    label: str = ""  # says what the case shows when a code has several


@record(frozen=True)
class Edit:
    """One change to the source, located by the node that starts at `at` (celint/fix.py applies it)."""

    kind: EditKind
    at: Where
    value: str = ""
    keyword: str = ""
    like: Optional[Where] = None  # REPLACE_WITH_CALL: the call whose module path the new call borrows


@record(frozen=True)
class Fix:
    """A fix as data; the autofix front end turns it into an edit."""

    description: str
    safe: bool = True
    edits: Tuple[Edit, ...] = ()


@record(frozen=True)
class Hit:
    code: str
    at: Where
    message: str
    related: Tuple[Where, ...] = ()
    scenario: Optional[Scenario] = None
    fixed: Optional[Scenario] = None
    fix: Optional[Fix] = None  # an unambiguous repair, when one exists (attached by the engine)
    use: Optional[LossUse] = field(default=None, compare=False, repr=False)  # the loss use it was found on


# --- What a rule's demonstration numbers read ------------------------------------------------------------
# The evaluator replays a rule's cases with NumPy and hands the rule's `numbers` function a kit: the runs
# and the evaluator's primitives. Rules never import numpy; they use the arrays' operators and methods.

Array = Any  # a numpy array


class DemoOutcome(Protocol):
    """One configuration trained on one backend; a number is None when it raised."""

    @property
    def loss_start(self) -> Optional[float]: ...
    @property
    def loss_end(self) -> Optional[float]: ...
    @property
    def grad_norm_start(self) -> Optional[float]: ...
    @property
    def grad_norm_end(self) -> Optional[float]: ...
    @property
    def grad_norms(self) -> Tuple[float, ...]: ...  # one per step
    @property
    def loss_curve(self) -> Tuple[float, ...]: ...  # one per step, then the end
    @property
    def accuracy_start(self) -> Optional[float]: ...
    @property
    def accuracy_end(self) -> Optional[float]: ...
    @property
    def final(self) -> Optional[Array]: ...  # the outputs after training, (samples, width)
    @property
    def chaotic(self) -> bool: ...  # float rounding steers the run: its end figures are not reproducible


class DemoVariant(Protocol):
    """A case's flagged and fixed configuration on one backend."""

    @property
    def backend(self) -> str: ...  # as shown: "keras-tensorflow", "keras-torch/jax", "pytorch", ...
    @property
    def flagged(self) -> DemoOutcome: ...
    @property
    def fixed(self) -> DemoOutcome: ...
    @property
    def flagged_scenario(self) -> Scenario: ...


class DemoData(Protocol):
    """The synthetic task a demonstration trains on."""

    @property
    def x(self) -> Array: ...  # (samples, features)
    @property
    def labels(self) -> Array: ...  # class ids, or (samples, classes) 0/1 for multi-label


class DemoKit(Protocol):
    """What a rule's numbers function gets from the evaluator."""

    @property
    def variants(self) -> Sequence[DemoVariant]: ...  # every case on every backend, in order

    def pick(self, backend: str, index: int = 0) -> DemoVariant:
        """The index-th variant on `backend`, or the first variant when there is none."""
        ...

    def dataset(self, classes: int, multilabel: bool = False) -> DemoData: ...
    def initial_weights(self, width: int) -> Tuple[Array, Array]: ...  # (w, b), as every run starts
    def array(self, rows: Sequence[Sequence[float]]) -> Array: ...  # float64
    def softmax(self, z: Array) -> Array: ...  # over the last axis
    def softmax_float32(self, z: Array) -> Array: ...  # evaluated in float32, as the frameworks do
    def log_softmax(self, z: Array) -> Array: ...
    def log(self, x: Array) -> Array: ...  # -inf at 0, without a warning
    def exp(self, x: Array) -> Array: ...
    def one_hot(self, labels: Array, classes: int) -> Array: ...
    def cce_clipped(self, y: Array, p: Array) -> Tuple[Array, Array]: ...  # Keras CCE on probabilities

    @property
    def clip_low(self) -> float: ...  # Keras clips probabilities to [clip_low, clip_high]
    @property
    def clip_high(self) -> float: ...  # 1 - 2**-23 in float32
    @property
    def torch_log_floor(self) -> float: ...  # torch clamps log at -100
