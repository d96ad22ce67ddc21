"""Every realistic program in tests/corpus gives exactly the findings its `# error:` comments name."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotations import expected_findings

from celint.engine import check_source

CORPUS = Path(__file__).resolve().parent / "corpus"
SINGLE_FILES = sorted(p for p in CORPUS.rglob("*.py") if "projects" not in p.relative_to(CORPUS).parts)


def _id(path: Path) -> str:
    return str(path.relative_to(CORPUS))


@pytest.mark.parametrize("path", SINGLE_FILES, ids=_id)
def test_program_gives_exactly_its_annotated_findings(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = check_source(source, str(path))
    assert result.error is None
    got = {(f.line, f.code) for f in result.findings}
    assert got == expected_findings(source), "\n".join(f"{f.line}: {f.code} {f.message}" for f in result.findings)


def test_corpus_is_large_and_balanced() -> None:
    silent = [p for p in SINGLE_FILES if not expected_findings(p.read_text(encoding="utf-8"))]
    assert len(SINGLE_FILES) >= 150
    assert 0.35 <= len(silent) / len(SINGLE_FILES) <= 0.65
