"""What every formatter shares: options, positions (notebook cells included) and counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Dict, Iterator, List, Optional, Tuple

if TYPE_CHECKING:  # types only: building the CLI's parser (FORMATS) must not load the engine
    from celint.engine import Finding
    from celint.runner import CheckedFile


@dataclass(frozen=True)
class ReportOptions:
    quiet: bool = False  # findings only: no source excerpt, no summary
    statistics: bool = False  # a count per code at the end
    color: bool = False


def findings(results: List[CheckedFile]) -> Iterator[Tuple[CheckedFile, Finding]]:
    for result in results:
        for finding in result.findings:
            yield result, finding


def position(result: CheckedFile, line: int, col: int) -> str:
    """`path:line:col` (1-based column) or, in a notebook, `path:cell 4:line 3:col 5`."""
    if result.cells is not None:
        cell, cell_line = result.cells.locate(line)
        return f"{result.path}:cell {cell}:line {cell_line}:col {col + 1}"
    return f"{result.path}:{line}:{col + 1}"


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
