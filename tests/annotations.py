"""The `# error: CE101, CE105` convention shared by the corpus, the examples and the rule documents."""

from __future__ import annotations

import io
import re
import tokenize
from typing import Set, Tuple

_ERROR = re.compile(r"#\s*error:\s*(CE\d{3}(?:\s*,\s*CE\d{3})*)")


def expected_findings(source: str) -> Set[Tuple[int, str]]:
    """{(line, code)} from `# error:` comments (real comments only, not text inside strings)."""
    expected = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            match = _ERROR.search(token.string)
            if match:
                for code in match.group(1).split(","):
                    expected.add((token.start[0], code.strip()))
    return expected
