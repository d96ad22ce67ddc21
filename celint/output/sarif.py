"""SARIF 2.1.0 for code-scanning upload: rule metadata with help links, one result per finding,
`relatedLocations` for the other half of a mismatch, CE000 as tool notifications."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, TextIO
from urllib.parse import quote

from celint import __version__
from celint.output.common import DemoOf, ReportOptions, cell_of, cell_phrase, column, findings, fix_edits, message
from celint.ruledocs import help_url, read_doc
from celint.rules import ALL_RULES

if TYPE_CHECKING:
    from celint.engine import Finding
    from celint.runner import CheckedFile

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT = "%SRCROOT%"


def write(results: List[CheckedFile], out: TextIO, options: ReportOptions) -> None:
    json.dump(report(results, options.demo), out, indent=2, ensure_ascii=False)
    out.write("\n")


def report(results: List[CheckedFile], demo: Optional[DemoOf] = None) -> Dict[str, Any]:
    """With `demo` (--demo), each result's `properties.demo` is the finding's demonstration."""
    index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "celint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": help_url("README"),
                        "rules": [_rule(rule.code, rule.name, rule.summary) for rule in ALL_RULES],
                    }
                },
                "originalUriBaseIds": {ROOT: {"uri": _dir_uri(os.getcwd())}},
                "columnKind": "unicodeCodePoints",  # Finding.col counts code points
                "invocations": [
                    {
                        "executionSuccessful": not any(r.error for r in results),
                        "toolExecutionNotifications": [_notification(r, index) for r in results if r.error],
                    }
                ],
                "results": [_with_demo(_result(r, f, index), f, demo) for r, f in findings(results)],
            }
        ],
    }


def _rule(code: str, name: str, summary: str) -> Dict[str, Any]:
    rule: Dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "helpUri": help_url(code),
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["correctness", "machine-learning"]},
    }
    doc = read_doc(code)
    rule["help"] = {"text": doc or f"{summary}. See {help_url(code)}", **({"markdown": doc} if doc else {})}
    return rule


def _result(result: CheckedFile, finding: Finding, index: Dict[str, int]) -> Dict[str, Any]:
    entry: Dict[str, Any] = {
        "ruleId": finding.code,
        "level": "error",
        "message": {"text": _text(result, finding)},
        "locations": [_location(result, result.path, finding.line, finding.col)],
    }
    if finding.code in index:
        entry["ruleIndex"] = index[finding.code]
    related = [
        _location(result, r.path or result.path, r.line, r.col, i) for i, r in enumerate(finding.related, start=1)
    ]
    if related:
        entry["relatedLocations"] = related
    edits = fix_edits(result, finding)
    fix = finding.hit.fix if finding.hit is not None else None
    if edits and fix is not None:
        entry["fixes"] = [
            {
                "description": {"text": f"{fix.description} ({'safe' if fix.safe else 'unsafe'})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(result.path), "uriBaseId": ROOT},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": line,
                                    "startColumn": col,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                },
                                "insertedContent": {"text": text},
                            }
                            for line, col, end_line, end_col, text in edits
                        ],
                    }
                ],
            }
        ]
    return entry


def _with_demo(entry: Dict[str, Any], finding: Finding, demo: Optional[DemoOf]) -> Dict[str, Any]:
    if demo is not None:
        entry["properties"] = {"demo": demo(finding)}
    return entry


def _location(result: CheckedFile, path: str, line: int, col: int, ident: Optional[int] = None) -> Dict[str, Any]:
    physical: Dict[str, Any] = {"artifactLocation": {"uri": _uri(path), "uriBaseId": ROOT}}
    location: Dict[str, Any] = {"physicalLocation": physical}
    cell = cell_of(result, line, path)
    if cell is None:
        physical["region"] = {"startLine": max(1, line), "startColumn": col + 1}
    else:
        # viewers show the notebook's JSON text: point at the line holding this source line there
        raw = result.cells.raw_line(line)  # type: ignore[union-attr]  # a cell implies a cell map
        if raw is not None:
            physical["region"] = {"startLine": raw}
        location["message"] = {"text": cell_phrase(result, line, col)}
        location["properties"] = {"cell": cell[0], "cellLine": cell[1], "cellColumn": column(result, line, col) + 1}
    if ident is not None:
        location["id"] = ident
    return location


def _text(result: CheckedFile, finding: Finding) -> str:
    """The message; in a notebook it starts with the cell position, as the region is a line of the JSON."""
    text = message(result, finding)
    return text if result.cells is None else f"{cell_phrase(result, finding.line, finding.col)}: {text}"


def _notification(result: CheckedFile, index: Dict[str, int]) -> Dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"could not analyse this file: {result.error}"},
        "associatedRule": {"id": "CE000", "index": index.get("CE000", 0)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.path), "uriBaseId": ROOT},
                    "region": {"startLine": result.error_line, "startColumn": result.error_col + 1},
                }
            }
        ],
    }


def _uri(path: str) -> str:
    """Relative to the working directory when below it (what code scanning expects), else file:."""
    full = os.path.abspath(path)
    cwd = os.getcwd()
    if full.startswith(cwd + os.sep):
        return quote(os.path.relpath(full, cwd).replace(os.sep, "/"))
    return Path(full).as_uri()


def _dir_uri(path: str) -> str:
    return Path(os.path.abspath(path)).as_uri().rstrip("/") + "/"
