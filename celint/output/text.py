"""The default, human-readable report: position, code, message, and the source line with a caret."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, TextIO, Tuple

from celint.output.common import ReportOptions, message, position, source_line, statistics
from celint.rules import RULES_BY_CODE

if TYPE_CHECKING:
    from celint.runner import CheckedFile

BOLD, RED, CYAN, DIM, RESET = "\033[1m", "\033[31m", "\033[36m", "\033[2m", "\033[0m"


def write(results: List[CheckedFile], out: TextIO, options: ReportOptions) -> None:
    paint = _painter(options.color)
    for result in results:
        if result.error:
            out.write(f"{paint(result.path + ':1:1:', BOLD)} {paint('CE000', RED)} "
                      f"could not analyse this file: {result.error}\n")
    for result in results:
        lines = result.lines if result.findings and not options.quiet else []  # split once per file
        for finding in result.findings:
            out.write(f"{paint(position(result, finding.line, finding.col) + ':', BOLD)} "
                      f"{paint(finding.code, RED)} {message(result, finding)}\n")
            if not options.quiet:
                out.write(_excerpt(source_line(result, lines, finding.line, finding.col), paint))
    if options.statistics:
        for code, count in statistics(results).items():
            out.write(f"{count:<5} {code}  {RULES_BY_CODE[code].name if code in RULES_BY_CODE else ''}\n")
    if not options.quiet:
        total = sum(len(r.findings) for r in results)
        errors = sum(1 for r in results if r.error)
        if total or errors:
            out.write(f"Found {total} finding{'s' if total != 1 else ''}"
                      f"{f' and {errors} unanalysable file' + ('s' if errors != 1 else '') if errors else ''}"
                      f" in {len(results)} file{'s' if len(results) != 1 else ''}.\n")


def _excerpt(shown: Optional[Tuple[int, str, int]], paint) -> str:  # type: ignore[no-untyped-def]
    if shown is None:
        return ""
    line, text, col = shown
    text = text.expandtabs(1)  # one column per character, so the caret lines up
    gutter = f"{line:>5} | "
    return (f"{paint(gutter, CYAN)}{text}\n"
            f"{paint(' ' * (len(gutter) - 2) + '| ', CYAN)}{' ' * min(col, len(text))}{paint('^', RED)}\n")


def _painter(color: bool):  # type: ignore[no-untyped-def]
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text
    return paint
