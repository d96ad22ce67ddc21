"""Reading files: bytes to text the way Python does (PEP 263 cookies, BOM), with clear errors."""

from __future__ import annotations

import ast
import io
import os
import re
import stat
import tokenize
from typing import Dict, List, Optional, Tuple


class SourceError(Exception):
    """The file cannot be read as Python source; the message is one line for the user."""


def decode(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise SourceError(f"cannot determine the encoding: {exc.msg}") from None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(f"cannot decode as {encoding}: {exc}") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_bytes(path: str) -> bytes:
    """A regular file's bytes. A FIFO or device named `x.py` is refused rather than read: reading a FIFO
    with no writer would block the whole run forever, so it is opened non-blocking and checked first."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SourceError("cannot read: not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_source(path: str) -> Tuple[str, int]:
    """The decoded text of a file and its size in bytes."""
    data = read_bytes(path)
    return decode(data), len(data)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> List[str]:
    """Lines as Python numbers them: only \\n, \\r\\n and \\r end a line.

    `str.splitlines` also breaks at form feeds, \\x1c-\\x1e, \\x85 and U+2028, which would shift every later
    line against the `ast` line numbers.
    """
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


class Positions:
    """`ast` positions (UTF-8 byte columns) to code-point columns and source text, in time linear per line.

    A file may be one 5 MB line with thousands of nodes on it, so each line is encoded at most once,
    and ASCII lines (where bytes and code points agree) never.
    """

    def __init__(self, lines: List[str]) -> None:
        self.lines = lines
        self._encoded: Dict[int, Optional[bytes]] = {}

    def _bytes(self, index: int) -> Optional[bytes]:
        if index not in self._encoded:
            text = self.lines[index]
            self._encoded[index] = None if text.isascii() else text.encode("utf-8", "surrogatepass")
        return self._encoded[index]

    def column(self, line: int, byte_col: int) -> int:
        """The code-point column of a byte offset on 1-based `line` (unchanged when the line is unknown)."""
        if not 0 < line <= len(self.lines):
            return byte_col
        data = self._bytes(line - 1)
        if data is None:
            return byte_col
        return len(data[:byte_col].decode("utf-8", "replace"))

    def _slice(self, index: int, start: Optional[int], end: Optional[int]) -> str:
        data = self._bytes(index)
        if data is None:
            return self.lines[index][start:end]
        return data[start:end].decode("utf-8", "replace")

    def segment(self, node: ast.AST) -> str:
        """The source text of `node`, or "" when its position is missing or outside the lines."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[attr-defined, operator]
            start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            return ""
        if not (0 <= first <= last < len(self.lines)) or start is None or end is None:
            return ""
        if first == last:
            return self._slice(first, start, end)
        middle = self.lines[first + 1:last]
        return "\n".join([self._slice(first, start, None), *middle, self._slice(last, None, end)])
