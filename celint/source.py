"""Reading files: bytes to text the way Python does (PEP 263 cookies, BOM), with clear errors."""

from __future__ import annotations

import io
import tokenize
from typing import Tuple


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


def read_source(path: str) -> Tuple[str, int]:
    """The decoded text of a file and its size in bytes."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    return decode(data), len(data)
