"""Small phrases shared by rule messages, and the related locations they point at."""

from __future__ import annotations

from typing import Optional, Tuple

from celint.facts import Head, Where


def line_of(where: Optional[Where], relative_to: str = "") -> str:
    return where.label(relative_to) if where is not None else "unknown line"


def head_phrase(head: Head, relative_to: str = "") -> str:
    width = f"{head.width}-unit " if head.width is not None else ""
    return f"the {width}{head.activation} head ({line_of(head.at, relative_to)})"


def head_related(head: Head) -> Tuple[Where, ...]:
    """The head's place, as a finding's related location (none when unknown)."""
    return (head.at,) if head.at else ()
