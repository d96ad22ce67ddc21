"""The prefilter is a shortcut, never a filter on findings: every program we have gives the same findings
with it on and off, per file and across the modules of a project."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Tuple

import pytest

from celint.engine import check_source
from celint.knowledge.losses import LOSS_STRINGS, LOSSES
from celint.prefilter import may_contain_finding

REPO = Path(__file__).resolve().parents[1]
_FENCE = re.compile(r"^```python\s*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)

CORPUS = REPO / "tests" / "corpus"
SINGLE_FILES = sorted(p for p in CORPUS.rglob("*.py") if p.relative_to(CORPUS).parts[0] != "projects") + sorted(
    (REPO / "examples").glob("*.py")
)
DOC_BLOCKS: List[Tuple[str, str]] = [
    (f"{doc.name}#{index}", block)
    for doc in sorted((REPO / "rules").glob("*.md"))
    for index, block in enumerate(_FENCE.findall(doc.read_text(encoding="utf-8")))
]
PROJECTS = sorted(p for p in (REPO / "tests" / "corpus" / "projects").iterdir() if p.is_dir()) + sorted(
    p for p in (REPO / "examples").iterdir() if p.is_dir() and any(p.rglob("*.py"))
)


def _findings(source: str, name: str, prefilter: bool) -> List[Tuple[int, int, str, str]]:
    result = check_source(source, name, prefilter=prefilter)
    return [(f.line, f.col, f.code, f.message) for f in result.findings]


def test_there_is_something_to_compare() -> None:
    assert len(SINGLE_FILES) > 100 and len(PROJECTS) >= 6
    if (REPO / "rules").is_dir():
        assert DOC_BLOCKS


@pytest.mark.parametrize("path", SINGLE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_corpus_and_example_files_give_identical_findings_with_and_without_the_prefilter(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    with_it = _findings(source, str(path), prefilter=True)
    assert with_it == _findings(source, str(path), prefilter=False)
    if with_it:
        assert may_contain_finding(source)


@pytest.mark.parametrize("name, block", DOC_BLOCKS, ids=[name for name, _ in DOC_BLOCKS])
def test_rule_document_examples_give_identical_findings_with_and_without_the_prefilter(name: str, block: str) -> None:
    assert _findings(block, name, prefilter=True) == _findings(block, name, prefilter=False)


def _check_tree(root: Path, prefilter: bool) -> List[Tuple[str, int, int, str]]:
    from celint.runner import CheckOptions, check_files

    files = sorted(str(p) for p in root.rglob("*.py"))
    results = check_files(files, CheckOptions(prefilter=prefilter), jobs=1)
    return [(r.path, f.line, f.col, f.code) for r in results for f in r.findings]


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_projects_give_identical_findings_with_and_without_the_prefilter(root: Path) -> None:
    assert _check_tree(root, prefilter=True) == _check_tree(root, prefilter=False)


def test_a_file_naming_no_loss_still_gets_the_finding_its_imports_bring(tmp_path: Path) -> None:
    """train.py mentions neither a loss nor a softmax: both come from sibling modules."""
    (tmp_path / "losses.py").write_text("import torch.nn as nn\n\ncriterion = nn.CrossEntropyLoss()\n")
    (tmp_path / "net.py").write_text(
        "import torch\nimport torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.fc = nn.Linear(10, 3)\n\n    def forward(self, x):\n"
        "        return torch.softmax(self.fc(x), dim=1)\n"
    )
    (tmp_path / "train.py").write_text(
        "import torch\nfrom losses import criterion\nfrom net import Net\n\nmodel = Net()\n"
        "loss = criterion(model(torch.randn(4, 10)), torch.tensor([0, 1, 2, 0]))\n"
    )
    found = _check_tree(tmp_path, prefilter=True)
    assert [(Path(p).name, line, code) for p, line, _, code in found] == [("train.py", 6, "CE101")]
    assert found == _check_tree(tmp_path, prefilter=False)


@pytest.mark.parametrize("name", sorted(LOSSES) + sorted(LOSS_STRINGS))
def test_every_loss_the_tables_know_passes_the_prefilter(name: str) -> None:
    assert may_contain_finding(name.rsplit(".", 1)[-1])


def test_files_without_ml_names_are_ruled_out() -> None:
    assert not may_contain_finding("import os\n\nprint(os.getcwd())\n")


def test_identifiers_spelled_in_other_unicode_forms_pass_the_prefilter() -> None:
    """Python reads `F.ſoftmax` (long s) and fullwidth letters as `softmax` (NFKC)."""
    source = (
        "import torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n\n"
        "    def forward(self, x):\n        return F.\u017foftmax(self.fc(x), dim=1)\n\n\n"
        "loss = nn.\uff23rossEntropyLoss()(Net()(x), y)\n"
    )
    assert may_contain_finding(source)
    assert [f.code for f in check_source(source).findings] == ["CE101"]
    assert _findings(source, "u.py", prefilter=True) == _findings(source, "u.py", prefilter=False)
