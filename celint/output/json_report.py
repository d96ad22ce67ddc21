"""A stable JSON report (schema version 1, documented in the README). Columns are 1-based."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, List, Optional, TextIO

from celint import __version__
from celint.output.common import DemoOf, ReportOptions, cell_of, column, findings, fix_edits, message, statistics
from celint.ruledocs import help_url
from celint.rules import RULES_BY_CODE

if TYPE_CHECKING:
    from celint.engine import Finding
    from celint.facts import Fix
    from celint.runner import CheckedFile

SCHEMA_VERSION = 1


def write(results: List[CheckedFile], out: TextIO, options: ReportOptions) -> None:
    json.dump(report(results, options.demo), out, indent=2, ensure_ascii=False)
    out.write("\n")


def report(results: List[CheckedFile], demo: Optional[DemoOf] = None) -> Dict[str, Any]:
    """With `demo` (--demo), each finding carries `demo`: what `celint demo CODE --format json` prints, for
    that finding (null when its rule has no demonstration)."""
    listed = [_finding(result, f) for result, f in findings(results)]
    if demo is not None:
        for entry, (_, f) in zip(listed, findings(results)):
            entry["demo"] = demo(f)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "celint", "version": __version__},
        "files_checked": len(results),
        "findings": listed,
        "errors": [
            {
                "path": r.path,
                "code": "CE000",
                "message": r.error,
                "line": r.error_line,
                "column": r.error_col + 1,
                "url": help_url("CE000"),
            }
            for r in results
            if r.error
        ],
        "statistics": statistics(results),
    }


def _finding(result: CheckedFile, finding: Finding) -> Dict[str, Any]:
    rule = RULES_BY_CODE.get(finding.code)
    fix = finding.hit.fix if finding.hit is not None else None
    return {
        "path": result.path,
        "line": finding.line,  # in a notebook, a line of the joined program; `cell` says where it is
        "column": column(result, finding.line, finding.col) + 1,
        "cell": _cell(result, finding.line),
        "code": finding.code,
        "name": rule.name if rule else None,
        "message": message(result, finding),
        "related": [
            {
                "path": r.path or result.path,
                "line": r.line,
                "column": (column(result, r.line, r.col) if cell_of(result, r.line, r.path) else r.col) + 1,
                "cell": _cell(result, r.line, r.path),
            }
            for r in finding.related
        ],
        "url": help_url(finding.code),
        "fix": _fix(result, finding, fix) if fix else None,
    }


def _fix(result: CheckedFile, finding: Finding, fix: Fix) -> Dict[str, Any]:
    """As ruff emits it (`applicability`, `message`, `edits` with 1-based rows and columns), plus
    `description` and `safe`."""
    return {
        "description": fix.description,
        "safe": fix.safe,
        "message": fix.description,
        "applicability": "safe" if fix.safe else "unsafe",
        "edits": [
            {
                "content": text,
                "location": {"row": line, "column": col},
                "end_location": {"row": end_line, "column": end_col},
            }
            for line, col, end_line, end_col, text in fix_edits(result, finding)
        ],
    }


def _cell(result: CheckedFile, line: int, path: str = "") -> Optional[Dict[str, int]]:
    where = cell_of(result, line, path)
    return {"index": where[0], "line": where[1]} if where else None
