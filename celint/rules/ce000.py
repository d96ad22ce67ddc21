"""CE000: the file could not be analysed. Reported by the engine, not by a check."""

from __future__ import annotations

from .rule import Rule

RULE = Rule(
    code="CE000",
    name="unanalysable-file",
    summary="the file could not be analysed (syntax error, encoding, size)",
    doc="rules/CE000.md",
)
