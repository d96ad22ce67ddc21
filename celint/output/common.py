"""What every formatter shares: options, positions (notebook cells included) and counts.

A notebook position is a cell (counted from 1, markdown cells included, as viewers number them), a line
in that cell and a column in that line. Positions read `path:cell 4:line 3:col 5`; in prose (messages,
SARIF and GitHub texts) `cell 4, line 3`. A message's `line N` (a line of the program the cells are
joined into) is rewritten to that form here, for every format.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Tuple

if TYPE_CHECKING:  # types only: building the CLI's parser (FORMATS) must not load the engine
    from celint.engine import Finding
    from celint.runner import CheckedFile


# A finding's demonstration as JSON (celint.demo.finding_demo_json), given with --demo; the formatters
# never import the evaluator themselves
DemoOf = Callable[["Finding"], Optional[Dict[str, Any]]]


@dataclass(frozen=True)
class ReportOptions:
    quiet: bool = False  # findings only: no source excerpt, no summary
    statistics: bool = False  # a count per code at the end
    color: bool = False
    demo: Optional[DemoOf] = None  # JSON and SARIF embed each finding's demonstration
    unsafe_fixes: bool = False  # unsafe fixes count as fixable (the run was given --unsafe-fixes)
    show_fixes: bool = False  # each finding's fix under it


def fixable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.hit.fix if finding.hit is not None else None
    return fix is not None and (fix.safe or unsafe)


def findings(results: List[CheckedFile]) -> Iterator[Tuple[CheckedFile, Finding]]:
    for result in results:
        for finding in result.findings:
            yield result, finding


def position(result: CheckedFile, line: int, col: int) -> str:
    """`path:line:col` (1-based column) or, in a notebook, `path:cell 4:line 3:col 5`."""
    if result.cells is not None:
        cell, cell_line = result.cells.locate(line)
        return f"{result.path}:cell {cell}:line {cell_line}:col {result.cells.column(line, col) + 1}"
    return f"{result.path}:{line}:{col + 1}"


def column(result: CheckedFile, line: int, col: int) -> int:
    """The 0-based column of a position: in a notebook, in the cell's own line (a dedented cell's lines
    keep their indentation)."""
    return result.cells.column(line, col) if result.cells is not None else col


def cell_phrase(result: CheckedFile, line: int, col: Optional[int] = None) -> str:
    """`cell 4, line 3` (with `, column 5` when a column is given) for a line of `result`'s notebook."""
    cell, cell_line = result.cells.locate(line) if result.cells is not None else (0, line)
    return f"cell {cell}, line {cell_line}" + (f", column {column(result, line, col) + 1}" if col is not None else "")


_LINE = re.compile(r"(cell \d+, )?\bline (\d+)\b")


def message(result: CheckedFile, finding: Finding) -> str:
    """The finding's message; in a notebook, its `line N` (a line of the joined program, as rules name
    the other half of a mismatch) becomes `cell C, line M`."""
    cells = result.cells
    if cells is None:
        return finding.message

    def rewrite(match: re.Match[str]) -> str:
        line = int(match.group(2))
        known = not match.group(1) and 1 <= line <= len(cells.positions)  # not already a cell position
        return cell_phrase(result, line) if known else match.group(0)

    return _LINE.sub(rewrite, finding.message)


def source_line(result: CheckedFile, lines: List[str], line: int, col: int) -> Optional[Tuple[int, str, int]]:
    """What an excerpt shows of a position: (line number, text, 0-based column). In a notebook, the
    cell's own line as written, numbered in its cell."""
    if result.cells is not None:
        text = result.cells.text(line)
        return None if text is None else (result.cells.locate(line)[1], text, column(result, line, col))
    return (line, lines[line - 1], col) if 1 <= line <= len(lines) else None


def cell_of(result: CheckedFile, line: int, path: str = "") -> Optional[Tuple[int, int]]:
    """(cell, line in cell) of a line of `result`'s notebook; None for a plain file, or when `path` names
    another file (a related location elsewhere)."""
    if result.cells is None or path not in ("", result.path):
        return None
    return result.cells.locate(line)


def statistics(results: List[CheckedFile]) -> Dict[str, int]:
    counts = Counter(f.code for _, f in findings(results))
    counts.update("CE000" for r in results if r.error)
    return dict(sorted(counts.items()))


def fix_edits(result: CheckedFile, finding: Finding) -> List[Tuple[int, int, int, int, str]]:
    """The finding's fix as text replacements of the checked file (none for a notebook, whose cells
    are not rewritten): (line, column, end line, end column, new text), 1-based, end exclusive."""
    fix = finding.hit.fix if finding.hit is not None else None
    if fix is None or result.cells is not None or not result.source:
        return []
    from celint.fix import text_edits  # libcst loads only when a report shows a fix

    return text_edits(result.source, fix)
