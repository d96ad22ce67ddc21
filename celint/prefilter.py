"""A cheap text search that rules out files which cannot hold a finding."""

from __future__ import annotations

import re

from celint.knowledge.names import TRIGGER_WORDS

_TRIGGER = re.compile("|".join(map(re.escape, TRIGGER_WORDS)), re.IGNORECASE)


def may_contain_finding(source: str) -> bool:
    """Sound: False only when no loss or softmax/sigmoid can be named in `source`."""
    return _TRIGGER.search(source) is not None
