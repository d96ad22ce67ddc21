"""Records: the part of `@dataclass` celint uses, without generating code at import time.

`dataclasses` compiles four to six functions from source for every class it makes: about 0.3 ms a
class, 15 ms for the fifty classes an editor save loads before reading a single line. A record gets the
same behaviour from a few shared functions that read the class's field list: an `__init__` taking the
fields by position or keyword (defaults and `field(default_factory=...)` as in dataclasses), equality
and hashing over the compared fields when `eq`, a `repr`, and immutability when `frozen`.

Type checkers see `dataclasses.dataclass`, `field` and `replace` (the `TYPE_CHECKING` branch), so
constructors and `replace` calls are checked exactly as for dataclasses. Standard library only.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple

_MISSING: Any = object()
_FIELDS = "__record_fields__"  # the class's fields in order, its own after its bases'


class Field:
    """What `field(...)` says about one field."""

    __slots__ = ("compare", "default", "default_factory", "repr")

    def __init__(self, default: Any, default_factory: Any, compare: bool, repr: bool) -> None:
        self.default, self.default_factory, self.compare, self.repr = default, default_factory, compare, repr


def _field(*, default: Any = _MISSING, default_factory: Any = _MISSING, compare: bool = True, repr: bool = True) -> Any:
    """As `dataclasses.field`, for the options celint uses."""
    return Field(default, default_factory, compare, repr)


def _record(cls: Optional[type] = None, *, frozen: bool = False, eq: bool = True) -> Any:
    """As `@dataclass`, `@dataclass(frozen=True)`, `@dataclass(eq=False)`."""
    if cls is None:
        return lambda c: _make(c, frozen, eq)
    return _make(cls, frozen, eq)


def _replace(obj: Any, **changes: Any) -> Any:
    """A copy of the record `obj` with some fields changed, as `dataclasses.replace`."""
    fields = getattr(obj.__class__, _FIELDS)
    unknown = changes.keys() - fields.keys()
    if unknown:
        raise TypeError(f"{obj.__class__.__name__} has no field {sorted(unknown)[0]!r}")
    new = object.__new__(obj.__class__)
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


def field_names(obj: Any) -> Tuple[str, ...]:
    """The field names of a record (or of its class), in order; () for anything else."""
    return tuple(getattr(obj, _FIELDS, ()))


def is_frozen(obj: Any) -> bool:
    """Whether `obj` is an instance of a frozen record (its fields can never change)."""
    return bool(getattr(type(obj), "__record_frozen__", False))


if TYPE_CHECKING:
    from dataclasses import dataclass as record
    from dataclasses import field, replace
else:
    record, field, replace = _record, _field, _replace


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record."""


def _own_annotations(cls: type) -> Dict[str, Any]:
    found = cls.__dict__.get("__annotations__")  # noqa: RUF063 - the class's own, not inherited (3.9)
    if found is None and sys.version_info >= (3, 10):  # 3.14 creates class annotations on first access
        found = getattr(cls, "__annotations__", {})
    return dict(found or {})


def _make(cls: Any, frozen: bool, eq: bool) -> Any:
    fields: Dict[str, Any] = {}  # name -> Field
    for base in reversed(cls.__mro__[1:]):
        fields.update(getattr(base, _FIELDS, {}))
    for name, annotation in _own_annotations(cls).items():
        if "ClassVar" in str(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        spec = value if isinstance(value, Field) else Field(value, _MISSING, True, True)
        if spec.default is _MISSING and name in cls.__dict__:
            delattr(cls, name)  # a field(...) without default: no class attribute left behind
        elif spec.default is not _MISSING:
            setattr(cls, name, spec.default)
        fields[name] = spec
    setattr(cls, _FIELDS, fields)
    cls.__record_frozen__ = frozen
    names = tuple(fields)
    compared = tuple(n for n in names if fields[n].compare)
    cls.__init__ = _init(cls.__name__, names, fields)
    cls.__repr__ = _repr(tuple(n for n in names if fields[n].repr))
    if eq:
        cls.__eq__ = _eq(compared, compared == names)
        cls.__hash__ = _hash(compared) if frozen else None
    if frozen:
        cls.__setattr__ = cls.__delattr__ = _refuse
    return cls


def _init(class_name: str, names: Tuple[str, ...], fields: Dict[str, Any]) -> Callable[..., None]:
    index = frozenset(names)
    later = [(n, fields[n].default, fields[n].default_factory) for n in names]

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{class_name}() takes {len(names)} positional arguments but {len(args)} were given")
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in index or key in values:
                raise TypeError(f"{class_name}() got an unexpected or repeated argument {key!r}")
            values[key] = value
        if len(values) < len(names):
            for name, default, factory in later[len(args) :]:
                if name in values:
                    continue
                if default is not _MISSING:
                    values[name] = default
                elif factory is not _MISSING:
                    values[name] = factory()
                else:
                    raise TypeError(f"{class_name}() missing required argument {name!r}")
        self.__dict__.update(values)  # not through __setattr__: frozen records are built here

    return __init__


def _repr(shown: Tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={self.__dict__[name]!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _eq(compared: Tuple[str, ...], all_fields: bool) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        if all_fields:
            return self.__dict__ == other.__dict__
        return all(self.__dict__[n] == other.__dict__[n] for n in compared)

    return __eq__


def _hash(compared: Tuple[str, ...]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        values = self.__dict__
        return hash(tuple(values[n] for n in compared))

    return __hash__


def _refuse(self: Any, name: str, value: Any = None) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r} of a frozen {self.__class__.__name__}")


__all__ = ["FrozenInstanceError", "field", "field_names", "is_frozen", "record", "replace"]
