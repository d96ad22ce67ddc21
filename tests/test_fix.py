"""Autofix: fixes are data on the hits; libcst applies them keeping formatting; every fix converges."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import List

import pytest
from clitools import REPO, celint

from celint.engine import check_source
from celint.fix import apply

pytest.importorskip("libcst")
CORPUS = REPO / "tests" / "corpus"
PROGRAMS = sorted(p for p in CORPUS.rglob("*.py") if "projects" not in p.relative_to(CORPUS).parts)


def _fixable(source: str, path: str) -> List:
    return [f for f in check_source(source, path).findings if f.hit is not None and f.hit.fix is not None]


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_fix_converges_on_the_corpus(program: Path) -> None:
    source = program.read_text(encoding="utf-8")
    for finding in _fixable(source, str(program)):
        fixed, applied = apply(source, [finding.hit.fix])
        assert applied == 1, f"{finding.code} at line {finding.line}: fix did not apply"
        ast.parse(fixed)
        assert fixed != source
        if finding.hit.fix.safe:  # safe fixes edit inside lines: the positions stay comparable
            assert len(fixed.splitlines()) == len(source.splitlines())
            after = {(f.line, f.code) for f in check_source(fixed, str(program)).findings}
            assert (finding.line, finding.code) not in after, f"{finding.code} at line {finding.line} survived"
        before = [f.code for f in check_source(source, str(program)).findings].count(finding.code)
        left = [f.code for f in check_source(fixed, str(program)).findings].count(finding.code)
        assert left < before, f"{finding.code} at line {finding.line} survived its fix"


def test_the_corpus_holds_safe_and_unsafe_fixes_of_each_kind() -> None:
    kinds = set()
    for program in PROGRAMS:
        for finding in _fixable(program.read_text(encoding="utf-8"), str(program)):
            kinds.add((finding.code, finding.hit.fix.safe, finding.hit.fix.edits[0].kind))
    assert {("CE101", True, "set-argument"), ("CE201", True, "replace-string")} <= kinds
    assert any(not safe for _, safe, _ in kinds), kinds


BEFORE = '''import keras

# a comment the fix must keep
model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10, activation="softmax")])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam")  # keep

single = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation='softmax')])
single.compile(loss="binary_crossentropy", optimizer="adam")

linear = keras.Sequential([keras.Input((8,)), keras.layers.Dense(10)])
linear.compile(
    loss=keras.losses.CategoricalCrossentropy(
        label_smoothing=0.1,
    ),
    optimizer="adam",
)
'''
AFTER = BEFORE.replace("from_logits=True", "from_logits=False").replace("activation='softmax'", "activation='sigmoid'")
AFTER = AFTER.replace("label_smoothing=0.1,\n", "label_smoothing=0.1, from_logits=True,\n")

TORCH = '''import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(20, 5)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)  # probabilities


model = Net()
criterion = nn.CrossEntropyLoss()
x, y = torch.randn(8, 20), torch.randint(0, 5, (8,))
loss = criterion(model(x), y)
'''


def test_fix_rewrites_exactly_the_unambiguous_cases_keeping_formatting(tmp_path: Path) -> None:
    path = tmp_path / "train.py"
    path.write_text(BEFORE, encoding="utf-8")
    diff = celint("check", "--diff", "train.py", cwd=tmp_path)
    assert diff.returncode == 1 and diff.stdout.startswith("--- a/train.py\n+++ b/train.py\n")
    assert path.read_text(encoding="utf-8") == BEFORE  # --diff changes nothing
    done = celint("check", "--fix", "train.py", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == AFTER
    assert done.returncode == 0, done.stdout
    assert celint("check", "--diff", "train.py", cwd=tmp_path).returncode == 0


def test_removing_a_softmax_from_forward_needs_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "net.py"
    path.write_text(TORCH, encoding="utf-8")
    assert celint("check", "-q", "net.py", cwd=tmp_path).returncode == 1
    safe = celint("check", "--fix", "net.py", cwd=tmp_path)
    assert safe.returncode == 1 and path.read_text(encoding="utf-8") == TORCH
    unsafe = celint("check", "--fix", "--unsafe-fixes", "net.py", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == TORCH.replace("F.softmax(self.fc(x), dim=1)", "self.fc(x)")
    assert unsafe.returncode == 0, unsafe.stdout


def test_json_report_describes_the_fix(tmp_path: Path) -> None:
    import json

    (tmp_path / "train.py").write_text(BEFORE, encoding="utf-8")
    report = json.loads(celint("check", "--format", "json", "train.py", cwd=tmp_path).stdout)
    assert {f["code"]: f["fix"]["safe"] for f in report["findings"]} == {"CE101": True, "CE201": True, "CE102": True}


def test_a_finding_whose_head_is_in_another_module_offers_no_fix(tmp_path: Path) -> None:
    """The edit would belong to models.py; applied to train.py by position it would rewrite unrelated code."""
    import json

    models = ("import torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass Net(nn.Module):\n"
              "    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n\n"
              "    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n")
    train = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom models import Net\n\n"
             "model = Net()\nloss = nn.CrossEntropyLoss()(model(torch.randn(8, 4)), torch.randint(0, 3, (8,)))\n\n\n"
             "def probabilities(z):\n    return 1 * F.softmax(z, dim=1)\n")
    (tmp_path / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "train.py").write_text(train, encoding="utf-8")
    report = json.loads(celint("check", "--format", "json", "--no-respect-gitignore", ".", cwd=tmp_path).stdout)
    [finding] = [f for f in report["findings"] if f["code"] == "CE101"]
    assert finding["path"].endswith("train.py") and finding["fix"] is None
    celint("check", "--fix", "--unsafe-fixes", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert (tmp_path / "train.py").read_text(encoding="utf-8") == train


def test_after_fix_the_report_still_follows_imports_between_the_checked_files(tmp_path: Path) -> None:
    models = ("import torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        self.fc = nn.Linear(4, 3)\n\n    def forward(self, x):\n        return self.fc(x).softmax(dim=1)\n")
    train = ("import keras\nimport torch\nimport torch.nn as nn\nfrom models import Net\n\n"
             "model = Net()\nloss = nn.CrossEntropyLoss()(model(torch.randn(8, 4)), torch.randint(0, 3, (8,)))\n"
             "head = keras.Sequential([keras.layers.Dense(3, activation=\"softmax\")])\n"
             "head.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n")
    (tmp_path / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "train.py").write_text(train, encoding="utf-8")
    done = celint("check", "-q", "--fix", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert "from_logits=False" in (tmp_path / "train.py").read_text(encoding="utf-8")
    assert done.returncode == 1, done.stdout
    assert [line.split(" ")[:2] for line in done.stdout.splitlines()] == [["train.py:7:8:", "CE101"]], done.stdout
