"""flake8's `# noqa` grammar, for the CLI (under flake8, flake8 itself applies it)."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence

# Same shape as flake8.defaults.NOQA_INLINE_REGEX and NOQA_FILE.
_NOQA_INLINE = re.compile(
    r"#\s*noqa(?::[\s]?(?P<codes>([A-Z][0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE
)
_NOQA_FILE = re.compile(r"#\s*flake8[:=]\s*noqa(?P<codes>:\s?([A-Z][0-9]+(?:[,\s]+)?)+)?", re.IGNORECASE)
_CODE = re.compile(r"[A-Z][0-9]+", re.IGNORECASE)


class NoqaMap:
    """Which codes `# noqa` comments silence on each line of one file."""

    def __init__(self, lines: Sequence[str]):
        self.file_wide = any(_file_noqa(line) for line in lines)
        self._by_line: Dict[int, Optional[List[str]]] = {}
        for number, line in enumerate(lines, start=1):
            if "noqa" not in line.lower():
                continue
            match = _NOQA_INLINE.search(line)
            if match:
                codes = match.group("codes")
                self._by_line[number] = _CODE.findall(codes) if codes else None

    def silences(self, line: int, code: str) -> bool:
        if self.file_wide:
            return True
        if line not in self._by_line:
            return False
        codes = self._by_line[line]
        return codes is None or any(code.upper().startswith(c.upper()) for c in codes)


def _file_noqa(line: str) -> bool:
    match = _NOQA_FILE.match(line.strip())
    # flake8 ignores `# flake8: noqa: CODES` (it warns instead); only the bare form disables the file
    return bool(match) and not match.group("codes")
