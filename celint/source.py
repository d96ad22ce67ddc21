"""Reading files: bytes to text the way Python does (PEP 263 cookies, BOM), with clear errors."""

from __future__ import annotations

import ast
import io
import os
import re
import stat
import tokenize
from typing import Dict, List, Optional, Tuple

from celint.limits import DEFAULT_MAX_FILE_SIZE


class SourceError(Exception):
    """The file cannot be read as Python source; the message is one line for the user."""


def decode(data: bytes) -> str:
    encoding = encoding_of(data)
    try:
        text = data.decode(encoding)
    except (UnicodeError, LookupError) as exc:  # LookupError: a cookie naming a bytes-to-bytes codec (rot13)
        raise SourceError(f"cannot decode as {encoding}: {exc}") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_bytes(path: str, max_size: Optional[int] = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """A regular file's bytes, refused when larger than `max_size` bytes (None: no limit).

    The size is checked on the open file before reading (a 3 GB file must not be read to learn it is too
    large), and the read stops one byte past the limit in case the file grows meanwhile. A FIFO or device
    named `x.py` is refused rather than read: reading a FIFO with no writer would block the whole run
    forever, so it is opened non-blocking and checked first."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise SourceError(f"cannot read: {_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("cannot read: not a regular file")
        if max_size is not None and info.st_size > max_size:
            raise SourceError(too_large(info.st_size, max_size))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read() if max_size is None else handle.read(max_size + 1)
    except OSError as exc:
        raise SourceError(f"cannot read: {_reason(exc)}") from None
    finally:
        os.close(fd)
    if max_size is not None and len(data) > max_size:
        raise SourceError(too_large(len(data), max_size))
    return data


def too_large(size: int, max_size: int) -> str:
    return f"skipped: {size:,} bytes exceeds the {max_size:,} limit (see --max-file-size)"


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "strerror", None) or exc)


def read_source(path: str, max_size: Optional[int] = DEFAULT_MAX_FILE_SIZE) -> Tuple[str, int]:
    """The decoded text of a file and its size in bytes; larger than `max_size` bytes: SourceError."""
    data = read_bytes(path, max_size)
    return decode(data), len(data)


def encoding_of(data: bytes) -> str:
    """The codec Python reads `data` with ("utf-8-sig" when it starts with a BOM, which that codec also
    writes back)."""
    try:
        return tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError as exc:
        raise SourceError(f"cannot determine the encoding: {exc.msg}") from None


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
            first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[attr-defined]
            start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            return ""
        if not (0 <= first <= last < len(self.lines)) or start is None or end is None:
            return ""
        if first == last:
            return self._slice(first, start, end)
        middle = self.lines[first + 1 : last]
        return "\n".join([self._slice(first, start, None), *middle, self._slice(last, None, end)])
