"""--format sarif validates against the official SARIF 2.1.0 schema (vendored: tests/data, OASIS
errata01 text) and carries rule metadata, help links and related locations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest
from clitools import BUGGY, BUGGY_COL, BUGGY_LINE, celint

from celint.rules import ALL_RULES

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _validate(report: Dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _sarif(tmp_path: Path, *names: str) -> Dict[str, Any]:
    done = celint("check", "--format", "sarif", *names, cwd=tmp_path)
    assert done.returncode in (0, 1, 2), done.stderr
    return json.loads(done.stdout)


def test_the_vendored_schema_is_the_official_one() -> None:
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft4Validator.check_schema(SCHEMA)


def test_sarif_with_findings_validates_and_carries_rules_help_and_related_locations(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(BUGGY, encoding="utf-8")
    report = _sarif(tmp_path, "train.py")
    _validate(report)
    run = report["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in ALL_RULES]
    assert all(r["helpUri"].endswith(f"rules/{r['id']}.md") for r in rules)
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    (result,) = run["results"]
    assert result["ruleId"] == "CE101" and rules[result["ruleIndex"]]["id"] == "CE101"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "train.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": BUGGY_LINE, "startColumn": BUGGY_COL}
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_clean_and_error_runs_validate(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("import torch\n", encoding="utf-8")
    (tmp_path / "bad.py").write_bytes(b"import torch\nsoftmax(\x00\n")
    clean = _sarif(tmp_path, "ok.py")
    _validate(clean)
    assert clean["runs"][0]["results"] == []
    broken = _sarif(tmp_path, "ok.py", "bad.py")
    _validate(broken)
    invocation = broken["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["associatedRule"]["id"] == "CE000"


def test_sarif_for_a_notebook_points_at_the_json_line_and_names_the_cell(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Train"), nbformat.v4.new_code_cell(BUGGY)]
    nbformat.write(notebook, str(tmp_path / "train.ipynb"))
    report = _sarif(tmp_path, "train.ipynb")
    _validate(report)
    (result,) = report["runs"][0]["results"]
    location = result["locations"][0]
    raw = (tmp_path / "train.ipynb").read_text(encoding="utf-8").splitlines()
    line = location["physicalLocation"]["region"]["startLine"]
    assert "from_logits=True" in raw[line - 1]
    assert location["properties"] == {"cell": 2, "cellLine": BUGGY_LINE, "cellColumn": BUGGY_COL}
