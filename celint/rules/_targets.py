"""What the target rules (CE203's sigmoid half, CE301-CE304) share: where the targets come from, the
scenario a finding is replayed with, and the one-unit guard."""

from __future__ import annotations

from typing import Optional, Tuple

from celint.facts import (
    Activation,
    Encoding,
    LossKind,
    LossUse,
    Scenario,
    Targets,
    Where,
)

from . import _scenario
from ._text import line_of


def source(targets: Targets, use: LossUse) -> str:
    """`to_categorical(y, 5) (line 20; fit line 37)`: where the targets are made and reach the loss."""
    path = use.at.path
    where = line_of(targets.encoded_at, path)
    if targets.reached_at is not None and targets.reached_at.line != use.at.line:
        where += f"; {targets.via or 'fit'} {line_of(targets.reached_at, path)}"
    return f"{targets.how} ({where})"


def related(use: LossUse) -> Tuple[Where, ...]:
    targets = use.targets
    places = [
        targets.encoded_at if targets else None,
        targets.reached_at if targets else None,
        use.head.at if use.head else None,
    ]
    return tuple(p for p in places if p is not None)


def single_unit(use: LossUse) -> bool:
    """A one-unit head under a categorical loss is CE201 / CE202's root cause; the labels follow from it."""
    return use.head is not None and use.head.width == 1


def scenario(
    use: LossUse,
    targets: Targets,
    kind: Optional[LossKind] = None,
    encoding: Optional[Encoding] = None,
    width: int = 0,
    activation: Optional[Activation] = None,
) -> Scenario:
    """The use's configuration with the targets' encoding and class count; the keywords override."""
    return _scenario.from_use(use, kind=kind, encoding=encoding, width=width, activation=activation)
