"""What flake8 and ruff users reach for: each convention through the real command line (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from clitools import BUGGY, CLEAN, REPO, celint, run

BROKEN = "import keras\nloss = keras.losses.BinaryCrossentropy()\nx = (1,\n     2 +)\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_output_format_is_an_alias_of_format(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    done = celint("check", "--output-format", "json", "train.py", cwd=tmp_path)
    assert done.returncode == 1 and json.loads(done.stdout)["findings"][0]["code"] == "CE101"


def test_select_all_selects_every_rule(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    done = celint("check", "-q", "--select", "ALL", "train.py", cwd=tmp_path)
    assert done.returncode == 1 and " CE101 " in done.stdout


def test_explain_takes_a_rule_name() -> None:
    done = celint("explain", "single-unit-softmax")
    assert done.returncode == 0 and done.stdout.startswith("# CE201: single-unit-softmax")


def test_ce000_has_a_document_that_explain_and_sarif_link() -> None:
    assert (REPO / "rules" / "CE000.md").is_file()
    assert celint("explain", "CE000").stdout.startswith("# CE000: unanalysable-file")
    assert celint("explain", "unanalysable-file").returncode == 0


def test_check_reads_standard_input_named_by_stdin_filename(tmp_path: Path) -> None:
    import sys

    done = run(["-m", "celint", "check", "-", "--stdin-filename", "models/train.py"], cwd=tmp_path, stdin=BUGGY)
    assert done.returncode == 1 and done.stdout.startswith("models/train.py:4:63: CE101"), done.stdout
    clean = run(["-m", "celint", "check", "-"], cwd=tmp_path, stdin=CLEAN)
    assert (clean.returncode, clean.stdout) == (0, ""), sys.executable
    refused = run(["-m", "celint", "check", "--fix", "-"], cwd=tmp_path, stdin=BUGGY)
    assert refused.returncode == 2 and refused.stderr.startswith("celint: --fix cannot rewrite standard input")


def test_fixable_marker_hint_and_show_fixes(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    done = celint("check", "--show-fixes", "train.py", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert " CE101 [*] " in lines[0]
    assert any(line.strip().startswith("= fix (safe): set from_logits=False") for line in lines)
    assert lines[-1] == "[*] 1 fixable with the `--fix` option."
    fixed = celint("check", "--fix", "--show-fixes", "train.py", cwd=tmp_path)
    assert "celint: fixed train.py:4: CE101 set from_logits=False" in fixed.stderr


def test_exit_non_zero_on_fix(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    assert celint("check", "--fix", "--exit-non-zero-on-fix", "train.py", cwd=tmp_path).returncode == 1
    assert celint("check", "--fix", "--exit-non-zero-on-fix", "train.py", cwd=tmp_path).returncode == 0  # nothing left


def test_json_findings_carry_a_docs_url_and_ruff_style_fix_edits(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    [finding] = json.loads(celint("check", "--format", "json", "train.py", cwd=tmp_path).stdout)["findings"]
    assert finding["url"].endswith("/rules/CE101.md")
    fix = finding["fix"]
    assert fix["applicability"] == "safe" and fix["edits"] == [
        {"content": "False", "location": {"row": 4, "column": 75}, "end_location": {"row": 4, "column": 79}}
    ]
    line = BUGGY.splitlines()[3]
    assert line[74:78] == "True"


def test_sarif_fixes_are_artifact_changes_and_validate(tmp_path: Path) -> None:
    import pytest

    jsonschema = pytest.importorskip("jsonschema")
    _write(tmp_path, "train.py", BUGGY)
    report = json.loads(celint("check", "--format", "sarif", "train.py", cwd=tmp_path).stdout)
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    [result] = report["runs"][0]["results"]
    [change] = result["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "train.py"
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 4, "startColumn": 75, "endLine": 4, "endColumn": 79},
            "insertedContent": {"text": "False"},
        }
    ]


def test_summary_counts_files_with_findings(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    for i in range(3):
        _write(tmp_path, f"ok{i}.py", CLEAN)
    done = celint("check", "train.py", "ok0.py", "ok1.py", "ok2.py", cwd=tmp_path)
    assert "Found 1 finding in 1 file." in done.stdout.splitlines()


# --- every output mode parses (item 4) ---------------------------------------------------------------------


def test_diff_with_a_machine_format_goes_to_stderr(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    for fmt in ("json", "sarif"):
        done = celint("check", "--diff", "--format", fmt, "train.py", cwd=tmp_path)
        json.loads(done.stdout)  # the document alone
        assert done.stderr.startswith("--- a/train.py"), done.stderr
    github = celint("check", "--diff", "--format", "github", "train.py", cwd=tmp_path)
    assert all(line.startswith("::") for line in github.stdout.splitlines())


def test_plot_without_matplotlib_is_one_line_and_exit_2(tmp_path: Path) -> None:
    _write(tmp_path, "train.py", BUGGY)
    driver = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import importlib.util\nimportlib.util.find_spec = lambda name, *a: None\n"
        "from celint.cli import main; sys.exit(main(sys.argv[1:]))\n"
    )
    _write(tmp_path, "driver.py", driver)
    for args in (["check", "--plot", "plots", "train.py"], ["demo", "CE101", "--plot", "plots"]):
        done = run(["driver.py", *args], cwd=tmp_path)
        assert done.returncode == 2 and done.stdout == "", done.stderr
        assert done.stderr.splitlines() == [
            "celint: --plot needs matplotlib, which is not installed: pip install 'celint[plot]'"
        ]


# --- CE000 (item 6) -------------------------------------------------------------------------------------------


def test_exit_zero_means_exit_0_even_with_unanalysable_files(tmp_path: Path) -> None:
    _write(tmp_path, "broken.py", BROKEN)
    assert celint("check", "broken.py", cwd=tmp_path).returncode == 2
    assert celint("check", "--exit-zero", "broken.py", cwd=tmp_path).returncode == 0


def test_ce000_survives_a_selection_and_only_an_explicit_ignore_drops_it(tmp_path: Path) -> None:
    _write(tmp_path, "broken.py", BROKEN)
    selected = celint("check", "-q", "--select", "CE1,CE2,CE3", "broken.py", cwd=tmp_path)
    assert selected.returncode == 2 and " CE000 " in selected.stdout
    _write(tmp_path, "pyproject.toml", '[tool.celint]\nselect = ["CE1", "CE2", "CE3"]\n')
    assert " CE000 " in celint("check", "-q", "broken.py", cwd=tmp_path).stdout
    ignored = celint("check", "-q", "--ignore", "CE000", "broken.py", cwd=tmp_path)
    assert (ignored.returncode, ignored.stdout) == (0, "")


def test_a_syntax_error_points_at_its_line_and_column(tmp_path: Path) -> None:
    _write(tmp_path, "broken.py", BROKEN)
    line = celint("check", "-q", "broken.py", cwd=tmp_path).stdout.splitlines()[0]
    assert line.startswith("broken.py:4:") and not line.startswith("broken.py:4:1:"), line
    github = celint("check", "--format", "github", "broken.py", cwd=tmp_path).stdout
    assert "line=4," in github


# --- the Python API (item 8) ---------------------------------------------------------------------------------


def test_python_api_check_source_and_check_paths(tmp_path: Path) -> None:
    import celint

    result = celint.check_source(BUGGY, "train.py")
    assert [f.code for f in result.findings] == ["CE101"] and result.error is None
    _write(tmp_path, "train.py", BUGGY)
    _write(tmp_path, "ok.py", CLEAN)
    checked = celint.check_paths([str(tmp_path)], config=None)
    assert sorted((Path(c.path).name, [f.code for f in c.findings]) for c in checked) == [
        ("ok.py", []),
        ("train.py", ["CE101"]),
    ]
    assert [c.findings for c in celint.check_paths([str(tmp_path / "train.py")], ignore=["CE1"])] == [[]]
    assert (REPO / "celint" / "py.typed").is_file() and (REPO / "LICENSE").read_text().startswith("MIT License")


def test_readme_python_api_snippet_runs(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("### Python API\n\n```python\n", 1)[1].split("```", 1)[0]
    _write(tmp_path, "train.py", BUGGY)
    (tmp_path / "src").mkdir()
    _write(tmp_path / "src", "model.py", BUGGY)
    _write(tmp_path, "snippet.py", snippet)
    done = run(["snippet.py"], cwd=tmp_path)
    assert done.returncode == 0 and "CE101" in done.stdout, done.stderr
