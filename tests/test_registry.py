"""The rule registry is the single source of codes for every front end."""

from __future__ import annotations

import re

from celint.rules import ALL_RULES, RULES_BY_CODE


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"CE\d{3}", code) for code in codes)


def test_codes_are_numbered_by_family() -> None:
    families = {"CE0": "celint itself", "CE1": "expects", "CE2": "width", "CE3": "targets"}
    assert {code[:3] for code in RULES_BY_CODE} == set(families)


def test_every_rule_has_a_kebab_case_name_and_a_summary() -> None:
    for rule in ALL_RULES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rule.name), rule
        assert rule.summary and not rule.summary.endswith(".")
