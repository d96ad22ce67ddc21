"""flake8's `# noqa` grammar, for the CLI (under flake8, flake8 itself applies it).

Mirrors flake8 7: the same regular expressions, case-sensitive code prefixes, and a comment anywhere
in a multi-line statement covers every line of it (flake8 maps noqa over logical lines).
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import Dict, List, Optional, Sequence, Tuple

# flake8.defaults.NOQA_INLINE_REGEXP and NOQA_FILE
_NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)


class NoqaMap:
    """Which codes `# noqa` comments silence on each line of one file."""

    def __init__(self, lines: Sequence[str]):
        self.file_wide = any(_NOQA_FILE.match(line) for line in lines)
        self._by_line: Dict[int, Optional[Tuple[str, ...]]] = {}  # None: every code
        if self.file_wide or not any("noqa" in line.lower() for line in lines):
            return
        for first, last in _statement_ranges(lines):
            text = "\n".join(lines[first - 1 : last])
            match = _NOQA_INLINE.search(text)
            if match:
                codes = match.group("codes")
                parsed = tuple(c for c in re.split(r"[,\s]+", codes) if c) if codes else None
                for number in range(first, last + 1):
                    self._by_line[number] = parsed

    def silences(self, line: int, code: str) -> bool:
        if self.file_wide:
            return True
        if line not in self._by_line:
            return False
        codes = self._by_line[line]
        return codes is None or code.startswith(codes)


def _statement_ranges(lines: Sequence[str]) -> List[Tuple[int, int]]:
    """(first, last) physical lines of each statement; one range per line if tokenizing fails."""
    ranges: List[Tuple[int, int]] = []
    try:
        start: Optional[int] = None
        for token in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
            if start is None and token.type not in (tokenize.NL, tokenize.INDENT, tokenize.DEDENT):
                start = token.start[0]
            if token.type in (tokenize.NEWLINE, tokenize.NL) and start is not None:
                ranges.append((start, token.end[0]))
                start = None
    except (tokenize.TokenError, SyntaxError):
        ranges = []
    covered = {n for first, last in ranges for n in range(first, last + 1)}
    ranges.extend((n, n) for n in range(1, len(lines) + 1) if n not in covered)
    return ranges
