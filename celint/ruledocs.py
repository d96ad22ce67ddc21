"""The rule documents (`rules/CExxx.md`): shipped in the wheel as `celint/_rules`, read from the
checkout's `rules/` in an editable install."""

from __future__ import annotations

import os
from typing import Optional

# Where the published documents live; SARIF help links and `celint rules` point here.
RULES_URL = "https://github.com/celint/celint/blob/main/rules/"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_CANDIDATES = (os.path.join(_PACKAGE, "_rules"), os.path.join(os.path.dirname(_PACKAGE), "rules"))


def rules_dir() -> Optional[str]:
    for candidate in _CANDIDATES:
        if os.path.isdir(candidate):
            return candidate
    return None


def doc_path(code: str) -> Optional[str]:
    directory = rules_dir()
    if directory is None:
        return None
    path = os.path.join(directory, f"{code}.md")
    return path if os.path.isfile(path) else None


def read_doc(code: str) -> Optional[str]:
    """The document's text, or None when this installation carries none for `code`."""
    path = doc_path(code)
    if path is None:
        return None
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def help_url(code: str) -> str:
    return f"{RULES_URL}{code}.md"
