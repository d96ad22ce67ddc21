"""--format json and github: stable, documented shapes."""

from __future__ import annotations

import json
from pathlib import Path

from clitools import BUGGY, BUGGY_COL, BUGGY_LINE, celint


def test_json_report_schema(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / "broken.py").write_text("import torch\nsoftmax(\n", encoding="utf-8")
    done = celint("check", "--format", "json", "train.py", "broken.py", cwd=tmp_path)
    assert done.returncode == 2
    report = json.loads(done.stdout)
    assert set(report) == {"schema_version", "tool", "files_checked", "findings", "errors", "statistics"}
    assert report["schema_version"] == 1 and report["files_checked"] == 2
    (finding,) = report["findings"]
    assert finding == {
        "path": "train.py",
        "line": BUGGY_LINE,
        "column": BUGGY_COL,
        "cell": None,
        "code": "CE101",
        "name": "probabilities-into-logits-loss",
        "message": finding["message"],
        "related": [{"path": "train.py", "line": 3, "column": finding["related"][0]["column"], "cell": None}],
        "url": "https://github.com/celint/celint/blob/main/rules/CE101.md",
        "fix": finding["fix"],
    }
    [error] = report["errors"]  # at the syntax error (its exact place differs between Python versions)
    assert error == {
        "path": "broken.py",
        "code": "CE000",
        "message": error["message"],
        "line": error["line"],
        "column": error["column"],
        "url": "https://github.com/celint/celint/blob/main/rules/CE000.md",
    }
    assert error["line"] >= 2 and error["column"] >= 1
    assert report["statistics"] == {"CE000": 1, "CE101": 1}


def test_json_report_when_clean(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("import torch\n", encoding="utf-8")
    done = celint("check", "--format", "json", "ok.py", cwd=tmp_path)
    assert done.returncode == 0
    assert json.loads(done.stdout)["findings"] == []


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(BUGGY, encoding="utf-8")
    done = celint("check", "--format", "github", "train.py", cwd=tmp_path)
    assert done.returncode == 1
    (line,) = done.stdout.splitlines()
    assert line.startswith(
        f"::error file=train.py,line={BUGGY_LINE},col={BUGGY_COL},"
        "title=CE101 probabilities-into-logits-loss::SparseCategoricalCrossentropy()"
    )


def test_github_escapes_workflow_command_characters(tmp_path: Path) -> None:
    from celint.output.github import _data, _prop

    assert _data("50%\nnext") == "50%25%0Anext"
    assert _prop("a:b,c") == "a%3Ab%2Cc"
