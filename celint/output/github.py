"""GitHub Actions workflow commands: one `::error` annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, TextIO

from celint.output.common import ReportOptions, cell_phrase, findings, message
from celint.rules import RULES_BY_CODE

if TYPE_CHECKING:
    from celint.runner import CheckedFile


def write(results: List[CheckedFile], out: TextIO, options: ReportOptions) -> None:
    for result in results:
        if result.error:
            out.write(
                f"::error file={_prop(result.path)},line={result.error_line},col={result.error_col + 1},title=CE000::"
                f"{_data('could not analyse this file: ' + result.error)}\n"
            )
    for result, finding in findings(results):
        rule = RULES_BY_CODE.get(finding.code)
        title = f"{finding.code} {rule.name}" if rule else finding.code
        text = message(result, finding)
        if result.cells is not None:  # annotate the notebook's JSON line; say the cell in the text
            place = f"line={result.cells.raw_line(finding.line) or 1}"
            text = f"{cell_phrase(result, finding.line, finding.col)}: {text}"
        else:
            place = f"line={finding.line},col={finding.col + 1}"
        out.write(f"::error file={_prop(result.path)},{place},title={_prop(title)}::{_data(text)}\n")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
