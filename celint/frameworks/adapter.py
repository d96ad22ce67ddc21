"""What an adapter is: the handler tables one framework (or one concern, such as labels) declares.

An adapter is plain data, built once when its module is imported and never changed. The interpreter
is given an ordered tuple of adapters; `celint.frameworks.dispatch` merges their tables.

A call handler, method handler or hook returns None for "not mine": the next adapter in the tuple
is asked, and when none answers the result is UNKNOWN.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, Dict, Iterable, Mapping, Optional, Tuple

from celint.records import field, record
from celint.values import BoundMethod, Ref, Value

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

CallHandler = Callable[["Machine", Ref, "Args"], Optional[Value]]  # a call of a canonical name
MethodHandler = Callable[["Machine", BoundMethod, "Args"], Optional[Value]]  # `receiver.name(...)`
SubscriptHook = Callable[["Machine", Value, Value, ast.Subscript], Optional[Value]]  # owner[index]
BinopHook = Callable[["Machine", ast.operator, Value, Value], Optional[Value]]  # left op right
ElementHook = Callable[["Machine", Value], Optional[Value]]  # what `for x in iterable` binds
CallObserver = Callable[["Machine", "Args"], None]  # sees the arguments of every framework call
ImportObserver = Callable[["Machine", str], None]  # sees every imported module name


@record(frozen=True)
class ModelFamily:
    """The model classes deriving from a framework's base class (`nn.Module`, `keras.Model`)."""

    name: str
    forward: Tuple[str, ...]  # the methods calling a model runs, the first one defined
    dataclass_fields: bool = False  # without __init__, instance fields are the class's annotated names (Flax)


@record(frozen=True, eq=False)
class Adapter:
    """One framework's handler tables. Build it with keywords; every table may be left empty."""

    name: str
    calls: Mapping[str, CallHandler] = field(default_factory=dict)  # by canonical name
    methods: Tuple[MethodHandler, ...] = ()
    subscripts: Tuple[SubscriptHook, ...] = ()
    binops: Tuple[BinopHook, ...] = ()
    elements: Tuple[ElementHook, ...] = ()
    families: Mapping[str, ModelFamily] = field(default_factory=dict)  # by canonical base class name
    # Observers see what no handler is asked about: TF1 `sess.run(..., feed_dict=...)` runs through
    # objects the interpreter cannot name; the Keras flavour is in the imports.
    call_observers: Tuple[CallObserver, ...] = ()
    import_observers: Tuple[ImportObserver, ...] = ()
    # decorators (canonical names) under which a function runs as a traced graph: `@tf.function`
    traced_by: Tuple[str, ...] = ()


def for_names(handler: CallHandler, *names: Iterable[str]) -> Dict[str, CallHandler]:
    """A calls table: `handler` for every name of every table or tuple in `names`."""
    return {name: handler for group in names for name in group}
