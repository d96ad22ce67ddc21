"""A cheap text search that rules out files which cannot hold a finding."""

from __future__ import annotations

import unicodedata

from celint.knowledge.names import TRIGGER_WORDS


def may_contain_finding(source: str) -> bool:
    """Sound: False only when no loss or softmax/sigmoid can be named in `source`.

    `lower()` plus plain substring search is ~15x faster than one case-insensitive regex (0.007 against
    0.1 s per MB), which is most of what celint costs a flake8 run on code without ML. Python reads
    identifiers in NFKC form (`ｓｏｆｔｍａｘ` and `ſoftmax` name `softmax`), so non-ASCII text is
    normalised first.
    """
    text = source if source.isascii() else unicodedata.normalize("NFKC", source)
    text = text.lower()
    return any(word in text for word in TRIGGER_WORDS)
