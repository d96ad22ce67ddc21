"""Label values: the framework objects that carry encoded labels, and reading `Targets` out of them.

The labels adapter (`celint.frameworks.labels`) makes these values; `celint.extract` reads what reaches
a loss.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from celint.events import FitEvent, Moment
from celint.facts import Targets, Via, Where
from celint.knowledge import targets as T
from celint.records import field, record, replace
from celint.values import UNKNOWN, BoundMethod, Seq, Tensor, Value


@record(frozen=True)
class Dataset(Value):
    """A tf.data dataset of (x, y) elements; `labels` is what y holds."""

    labels: Tensor


@record(frozen=True)
class Encoder(Value):
    """An sklearn label encoder before it transforms anything."""

    producer: T.Producer


@record(frozen=True)
class Eye(Value):
    """`np.eye(K)` (floating point): indexing it with class ids gives one-hot rows."""

    classes: Optional[int]


@record(frozen=True)
class MnistSets(Value):
    """TF1 `read_data_sets(...)`: `.train.next_batch(n)` and `.test.labels` hold `labels`."""

    labels: Tensor


@record(frozen=True)
class Bunch(Value):
    """sklearn `load_iris()`: `.target` / `["target"]` hold `labels`."""

    labels: Tensor


@record(frozen=True)
class ImageGenerator(Value):
    """Keras `ImageDataGenerator(...)`: its `flow_from_directory` / `flow(x, y)` yield labelled batches."""


@record(eq=False)
class Placeholder(Value):
    """A TF1 placeholder: its targets are whatever `feed_dict` feeds it."""

    at: Where
    feeds: List[Tuple[Optional[Targets], Where]] = field(default_factory=list)


def labels_of(value: Optional[Value]) -> Optional[Tensor]:
    """The label tensor a value holds (through `.values`, `mnist.test.labels`), or None."""
    if isinstance(value, Tensor) and value.targets is not None:
        return value
    if isinstance(value, BoundMethod):
        if value.name in T.SAME_DATA_ATTRIBUTES:
            return labels_of(value.receiver)
        owner = value.receiver
        if value.name == T.BUNCH_TARGET and isinstance(owner, Bunch):
            return owner.labels
        if (
            value.name == "labels"
            and isinstance(owner, BoundMethod)
            and owner.name in T.MNIST_SPLITS
            and isinstance(owner.receiver, MnistSets)
        ):
            return owner.receiver.labels
    return None


def targets_of(value: Optional[Value]) -> Optional[Targets]:
    """What reaches a loss as targets: labels, a dataset's labels, or what a placeholder is fed. None: unknown."""
    if isinstance(value, Dataset):
        return value.labels.targets
    if isinstance(value, Placeholder):
        return join(replace(t, reached_at=at, via=Via.FEED_DICT) for t, at in value.feeds if t is not None)
    found = labels_of(value)
    return found.targets if found is not None else None


def join(candidates: Iterable[Targets]) -> Optional[Targets]:
    """Targets seen at several places: known ones must agree on the encoding (else unknown)."""
    result: Optional[Targets] = None
    for t in candidates:
        if t.encoding is None:
            continue
        if result is None:
            result = t
        elif result.encoding != t.encoding:
            return None
        elif result.classes != t.classes:
            result = replace(result, classes=None)
    return result


def fit_targets(fits: Iterable[FitEvent], model: Value, compiled: Optional[Moment] = None) -> Optional[Targets]:
    """The targets every `fit` of `model` passes: y (or a dataset given as x) and validation_data.

    With `compiled` (when the model was compiled), only the fits that can run after that compile count:
    a compile after the last fit trains nothing."""
    seen: List[Targets] = []
    for fit in fits:
        if fit.model is not model or (compiled is not None and not compiled.precedes(fit.when)):
            continue
        values = fit.targets
        candidates = [values[0] if values else UNKNOWN]
        if len(values) > 1:
            val = values[1]
            candidates.append(val.items[1] if isinstance(val, Seq) and len(val.items) >= 2 else val)
        if len(values) > 2 and isinstance(values[2], Dataset):
            candidates.append(values[2])
        for candidate in candidates:
            found = targets_of(candidate)
            if found is not None:
                seen.append(replace(found, reached_at=fit.at, via=Via.FIT))
    return join(seen)
