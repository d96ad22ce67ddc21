"""Report formatters: text (default), json, sarif, github. Formatters only format; they never decide
what is reported."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, List, TextIO

from celint.output.common import ReportOptions

if TYPE_CHECKING:
    from celint.runner import CheckedFile

Formatter = Callable[[List["CheckedFile"], TextIO, ReportOptions], None]


def formatter(name: str) -> Formatter:
    # imported on demand: a text run never loads the SARIF code
    if name == "text":
        from celint.output.text import write
    elif name == "json":
        from celint.output.json_report import write
    elif name == "sarif":
        from celint.output.sarif import write
    elif name == "github":
        from celint.output.github import write
    else:
        raise ValueError(f"unknown format {name!r}")
    return write


FORMATS = ("text", "json", "sarif", "github")
__all__ = ["FORMATS", "ReportOptions", "formatter"]
