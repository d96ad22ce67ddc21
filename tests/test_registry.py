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


def test_every_check_runs_once_in_the_priorities_and_belongs_to_its_rule() -> None:
    from celint.rules import EVERY_FILE, EVERY_USE, HEAD_ORDER, TARGET_ORDER

    ordered = [*HEAD_ORDER, *TARGET_ORDER, *EVERY_USE, *EVERY_FILE]
    assert len(ordered) == len(set(ordered))
    assert set(ordered) == {check for rule in ALL_RULES for check in rule.checks}
    for rule in ALL_RULES:
        for check in rule.checks:
            assert check.__module__ == f"celint.rules.{rule.code.lower()}", (rule.code, check.__name__)


def test_every_rule_but_ce000_has_checks_a_document_and_a_demonstration() -> None:
    for rule in ALL_RULES:
        if rule.code == "CE000":  # reported by the engine when a file cannot be analysed
            assert not rule.checks and rule.demo is None and rule.fix is None
            assert rule.doc == "rules/CE000.md"
            continue
        assert rule.checks and rule.demo is not None and rule.demo.cases, rule.code
        assert rule.doc == f"rules/{rule.code}.md", rule.code
        assert (rule.demo.headline is None) == (rule.demo.numbers is None), rule.code
