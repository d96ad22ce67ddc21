"""The rule documents (rules/CExxx.md) are specifications: every python block in them is linted.

A block is a whole file. A block with `# error: CExxx` comments must give exactly those (line, code)
pairs; a block without them must give nothing. The text block under "## Why is this bad?" is what
`celint demo CExxx` prints now; refresh it with `CELINT_UPDATE_DOCS=1 pytest tests/test_rule_docs.py`.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import List, NamedTuple, Optional, Tuple

import pytest
from annotations import expected_findings

from celint.engine import check_source
from celint.rules import ALL_RULES, RULES_BY_CODE

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
DOCS = sorted(RULES_DIR.glob("CE[0-9][0-9][0-9].md"))
DOCUMENTED = sorted(rule.code for rule in ALL_RULES)
# CE000 (a file celint could not analyse) shows its example as text: a python block must parse
LINTED_EXAMPLES = [doc for doc in DOCS if doc.stem != "CE000"]
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Known limitations", "## References")
UPDATE = os.environ.get("CELINT_UPDATE_DOCS") == "1"
_FENCE = re.compile(r"^```(\w*)\s*$")


class Block(NamedTuple):
    doc: str
    lang: str
    code: str
    first_line: int  # line of the document holding the block's first line of code
    section: str  # the "## ..." heading it sits under
    lead: str  # the last line of prose before the block ("Use instead:")

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.first_line}"


def blocks_of(doc: Path) -> List[Block]:
    """Every fenced block of a document, with the heading and the prose line it follows."""
    blocks: List[Block] = []
    section, lead = "", ""
    lang: Optional[str] = None
    body: List[str] = []
    start = 0
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), start=1):
        fence = _FENCE.match(line)
        if lang is None and fence:
            lang, body, start = fence.group(1), [], number + 1
        elif lang is not None and line.strip() == "```":
            blocks.append(Block(doc.name, lang, "\n".join(body) + "\n", start, section, lead))
            lang = None
        elif lang is not None:
            body.append(line)
        elif line.startswith("## "):
            section, lead = line.strip(), ""
        elif line.strip():
            lead = line.strip()
    assert lang is None, f"{doc.name}: unclosed code block starting at line {start - 1}"
    return blocks


def python_blocks(doc: Path) -> List[Block]:
    return [b for b in blocks_of(doc) if b.lang == "python"]


ALL_PYTHON_BLOCKS = [block for doc in DOCS for block in python_blocks(doc)]


def _lint(block: Block, prefilter: bool = True) -> Tuple[Optional[str], set, str]:
    result = check_source(block.code, path=block.where, prefilter=prefilter)
    got = {(f.line, f.code) for f in result.findings}
    listing = "\n".join(f"  {f.line}: {f.code} {f.message}" for f in result.findings) or "  (no findings)"
    return result.error, got, listing


# --- examples -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("block", ALL_PYTHON_BLOCKS, ids=lambda b: b.where)
def test_block_gives_exactly_its_annotated_findings(block: Block) -> None:
    error, got, listing = _lint(block)
    assert error is None, f"{block.where}: {error}"
    assert got == expected_findings(block.code), f"{block.where}\n{listing}"


@pytest.mark.parametrize("block", ALL_PYTHON_BLOCKS, ids=lambda b: b.where)
def test_block_findings_do_not_depend_on_the_prefilter(block: Block) -> None:
    # The prefilter may only skip files that cannot hold a finding.
    assert _lint(block, prefilter=False)[1] == _lint(block)[1], block.where


@pytest.mark.parametrize("block", ALL_PYTHON_BLOCKS, ids=lambda b: b.where)
def test_block_is_a_whole_python_file(block: Block) -> None:
    ast.parse(block.code, filename=block.where)
    assert "import " in block.code, f"{block.where}: a block is a whole file, imports included"


@pytest.mark.parametrize("block", ALL_PYTHON_BLOCKS, ids=lambda b: b.where)
def test_annotations_name_registered_codes(block: Block) -> None:
    for _, code in expected_findings(block.code):
        assert code in RULES_BY_CODE, f"{block.where}: unknown code {code}"


# --- document shape -----------------------------------------------------------------------------------


def test_every_rule_has_one_document() -> None:
    assert [p.stem for p in DOCS] == DOCUMENTED


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_title_is_code_and_registered_name(doc: Path) -> None:
    first = doc.read_text(encoding="utf-8").splitlines()[0]
    rule = RULES_BY_CODE[doc.stem]
    assert first == f"# {rule.code}: {rule.name}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_document_has_the_sections_in_order(doc: Path) -> None:
    headings = [line.strip() for line in doc.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    present = [h for h in headings if h in SECTIONS]
    assert present == list(SECTIONS), f"{doc.name}: sections {headings}"


@pytest.mark.parametrize("doc", LINTED_EXAMPLES, ids=lambda p: p.stem)
def test_example_section_shows_the_rule_firing_and_the_fix(doc: Path) -> None:
    example = [b for b in python_blocks(doc) if b.section == "## Example"]
    flagged = [b for b in example if expected_findings(b.code)]
    assert flagged, f"{doc.name}: no annotated bad example"
    assert any(code == doc.stem for b in flagged for _, code in expected_findings(b.code)), doc.name
    assert any(b.lead.startswith("Use instead") for b in example), f"{doc.name}: no 'Use instead:' block"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_use_instead_blocks_carry_no_annotations(doc: Path) -> None:
    for block in python_blocks(doc):
        if block.lead.startswith("Use instead"):
            assert not expected_findings(block.code), f"{block.where}: a fix must be clean"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_autofix_line_and_fix_safety_follow_the_fix_table(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    if RULES_BY_CODE[doc.stem].fix is not None:
        assert "Autofix: none" not in text and "\n## Fix safety\n" in text, f"{doc.name}: document the fix"
    else:
        assert "Autofix: none" in text and "## Fix safety" not in text, f"{doc.name}: no fix exists"


# --- the evaluator's demonstration ----------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_demonstration_matches_the_evaluator(doc: Path) -> None:
    evaluator = pytest.importorskip("celint.evaluator")
    from celint.demo import CODES, demonstrate

    if doc.stem not in CODES:
        pytest.skip(f"the evaluator has no demonstration for {doc.stem}")
    expected = evaluator.render_text(demonstrate(doc.stem)).rstrip("\n")
    text = doc.read_text(encoding="utf-8")
    demos = [b for b in blocks_of(doc) if b.lang == "text" and b.section == "## Why is this bad?"]
    assert len(demos) == 1, f"{doc.name}: expected one ```text block under '## Why is this bad?'"
    current = demos[0].code.rstrip("\n")
    if current != expected and UPDATE:
        lines = text.splitlines(keepends=True)
        start, end = demos[0].first_line - 1, demos[0].first_line - 1 + len(current.splitlines())
        lines[start:end] = [line + "\n" for line in expected.splitlines()]
        doc.write_text("".join(lines), encoding="utf-8")
        return
    assert current == expected, f"{doc.name}: demonstration drifted; refresh with CELINT_UPDATE_DOCS=1"


# --- the index ------------------------------------------------------------------------------------------

_ROW = re.compile(r"^\|\s*\[?(CE\d{3})\]?(?:\(([^)]*)\))?\s*\|\s*`?([\w-]+)`?\s*\|\s*(.+?)\s*\|\s*$")


def _index_rows() -> List[Tuple[str, Optional[str], str, str]]:
    rows = []
    for line in (RULES_DIR / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            rows.append((match.group(1), match.group(2), match.group(3), match.group(4)))
    return rows


def test_index_lists_exactly_the_registry_in_order() -> None:
    assert [row[0] for row in _index_rows()] == [rule.code for rule in ALL_RULES]


def test_index_names_and_summaries_match_the_registry() -> None:
    for code, _, name, summary in _index_rows():
        rule = RULES_BY_CODE[code]
        assert name == rule.name, code
        assert summary.replace("`", "") == rule.summary, code


def test_index_links_every_document() -> None:
    links = {code: link for code, link, _, _ in _index_rows()}
    for code in DOCUMENTED:
        assert links[code] == f"{code}.md", code
        assert (RULES_DIR / links[code]).is_file(), code
