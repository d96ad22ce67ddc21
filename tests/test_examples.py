"""Golden test for examples/: `celint check examples/` gives exactly the `# error:` comments there.

The examples are realistic buggy training scripts, one or more per rule; the README's first command
runs celint on them. They are checked the way the CLI checks a directory (imports between the files
followed), so `examples/pytorch_project/train.py` sees the model defined in `models.py`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Set, Tuple

import pytest
from annotations import expected_findings

from celint.cli import main
from celint.rules import ALL_RULES
from celint.runner import CheckOptions, check_files

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = sorted(EXAMPLES.rglob("*.py"))
_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<code>CE\d{3}) ")


def _annotations() -> Dict[str, Set[Tuple[int, str]]]:
    return {str(path): expected_findings(path.read_text(encoding="utf-8")) for path in FILES}


@pytest.fixture(scope="module")
def checked() -> Dict[str, Set[Tuple[int, str]]]:
    results = check_files([str(path) for path in FILES], CheckOptions(), jobs=1)
    for result in results:
        assert result.error is None, f"{result.path}: {result.error}"
    return {result.path: {(f.line, f.code) for f in result.findings} for result in results}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_gives_exactly_its_annotated_findings(path: Path, checked: Dict[str, Set[Tuple[int, str]]]) -> None:
    assert checked[str(path)] == _annotations()[str(path)]


def test_every_example_is_buggy() -> None:
    # The README promises that `celint check examples/` finds something in each script.
    assert [p.name for p in FILES if not _annotations()[str(p)] and p.name != "models.py"] == []


def test_every_rule_has_an_example() -> None:
    covered = {code for found in _annotations().values() for _, code in found}
    assert sorted(rule.code for rule in ALL_RULES if rule.code not in covered) == ["CE000"]


def test_cli_on_the_examples_folder_reports_the_annotations_and_exits_one(capsys: pytest.CaptureFixture) -> None:
    status = main(["check", str(EXAMPLES), "--quiet", "--isolated", "--color", "never", "--jobs", "1"])
    out = capsys.readouterr().out
    got = set()
    for line in out.splitlines():
        match = _LINE.match(line)
        assert match, f"unexpected output line: {line!r}"
        got.add((str(Path(match["path"]).resolve()), int(match["line"]), match["code"]))
    expected = {(path, line, code) for path, found in _annotations().items() for line, code in found}
    assert status == 1
    assert got == expected
