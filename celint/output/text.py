"""The default, human-readable report: position, code, message, and the source line with a caret."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, TextIO, Tuple

from celint.output.common import ReportOptions, fixable, message, position, source_line, statistics
from celint.rules import RULES_BY_CODE

if TYPE_CHECKING:
    from celint.runner import CheckedFile

BOLD, RED, CYAN, DIM, RESET = "\033[1m", "\033[31m", "\033[36m", "\033[2m", "\033[0m"


def write(results: List[CheckedFile], out: TextIO, options: ReportOptions) -> None:
    paint = _painter(options.color)
    for result in results:
        if result.error:
            where = f"{printable(result.path)}:{result.error_line}:{result.error_col + 1}:"
            out.write(
                f"{paint(where, BOLD)} {paint('CE000', RED)} could not analyse this file: {printable(result.error)}\n"
            )
    for result in results:
        lines = result.lines if result.findings and not options.quiet else []  # split once per file
        for finding in result.findings:
            # ruff's fixable marker; -q keeps flake8's one-line form exactly
            marker = (
                " [*]" if fixable(finding, options.unsafe_fixes) and result.cells is None and not options.quiet else ""
            )
            out.write(
                f"{paint(printable(position(result, finding.line, finding.col)) + ':', BOLD)} "
                f"{paint(finding.code, RED)}{marker} {printable(message(result, finding))}\n"
            )
            if not options.quiet:
                out.write(_excerpt(source_line(result, lines, finding.line, finding.col), paint))
            fix = finding.hit.fix if finding.hit is not None else None
            if options.show_fixes and fix is not None:
                out.write(
                    f"      = fix ({'safe' if fix.safe else 'unsafe, needs --unsafe-fixes'}): "
                    f"{printable(fix.description)}\n"
                )
    if options.statistics:
        for code, count in statistics(results).items():
            out.write(f"{count:<5} {code}  {RULES_BY_CODE[code].name if code in RULES_BY_CODE else ''}\n")
    if not options.quiet:
        total = sum(len(r.findings) for r in results)
        errors = sum(1 for r in results if r.error)
        files = sum(1 for r in results if r.findings or r.error)  # files with something to report
        if total or errors:
            out.write(
                f"Found {total} finding{'s' if total != 1 else ''}"
                f"{f' and {errors} unanalysable file' + ('s' if errors != 1 else '') if errors else ''}"
                f" in {files} file{'s' if files != 1 else ''}.\n"
            )
        out.write(_fixable_hint(results, options.unsafe_fixes))


def _fixable_hint(results: List[CheckedFile], unsafe: bool) -> str:
    """ruff's `[*] N fixable with the --fix option.`, and how many more --unsafe-fixes would fix."""
    found = [f.hit.fix for r in results if r.cells is None for f in r.findings if f.hit is not None and f.hit.fix]
    safe = sum(1 for fix in found if fix is not None and (fix.safe or unsafe))
    hidden = len(found) - safe
    if not found:
        return ""
    more = f" ({hidden} hidden fix{'es' if hidden != 1 else ''} can be enabled with the `--unsafe-fixes` option)"
    if not safe:
        return f"No fixes available{more if hidden else ''}.\n"
    return f"[*] {safe} fixable with the `--fix` option{more if hidden else ''}.\n"


def _excerpt(shown: Optional[Tuple[int, str, int]], paint) -> str:  # type: ignore[no-untyped-def]
    if shown is None:
        return ""
    line, text, col = shown
    text = text.expandtabs(1)  # one column per character, so the caret lines up
    visible = printable(text)
    caret = len(printable(text[:col]))  # escapes widen the line: the caret moves with them
    gutter = f"{line:>5} | "
    return (
        f"{paint(gutter, CYAN)}{visible}\n"
        f"{paint(' ' * (len(gutter) - 2) + '| ', CYAN)}{' ' * min(caret, len(visible))}{paint('^', RED)}\n"
    )


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every character a terminal would act on instead of showing (escape sequences, other
    controls, bidi overrides, lone surrogates from undecodable file names) written as a Python escape:
    a checked file's name or source must not move the cursor, retitle the window or hide code."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _NAMED_ESCAPES.get(c) or _escape(ord(c)) for c in text)


def _escape(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _painter(color: bool):  # type: ignore[no-untyped-def]
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    return paint
