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


BEFORE = """import keras

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
"""
AFTER = BEFORE.replace("from_logits=True", "from_logits=False").replace("activation='softmax'", "activation='sigmoid'")
# the linear head gets the activation its probability loss expects: predict() returns probabilities
AFTER = AFTER.replace("keras.layers.Dense(10)])", 'keras.layers.Dense(10, activation="softmax")])')

TORCH = """import torch
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
"""


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

    models = (
        "import torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n\n"
        "    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n"
    )
    train = (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom models import Net\n\n"
        "model = Net()\nloss = nn.CrossEntropyLoss()(model(torch.randn(8, 4)), torch.randint(0, 3, (8,)))\n\n\n"
        "def probabilities(z):\n    return 1 * F.softmax(z, dim=1)\n"
    )
    (tmp_path / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "train.py").write_text(train, encoding="utf-8")
    report = json.loads(celint("check", "--format", "json", "--no-respect-gitignore", ".", cwd=tmp_path).stdout)
    [finding] = [f for f in report["findings"] if f["code"] == "CE101"]
    assert finding["path"].endswith("train.py") and finding["fix"] is None
    celint("check", "--fix", "--unsafe-fixes", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert (tmp_path / "train.py").read_text(encoding="utf-8") == train


def test_after_fix_the_report_still_follows_imports_between_the_checked_files(tmp_path: Path) -> None:
    models = (
        "import torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.fc = nn.Linear(4, 3)\n\n    def forward(self, x):\n        return self.fc(x).softmax(dim=1)\n"
    )
    train = (
        "import keras\nimport torch\nimport torch.nn as nn\nfrom models import Net\n\n"
        "model = Net()\nloss = nn.CrossEntropyLoss()(model(torch.randn(8, 4)), torch.randint(0, 3, (8,)))\n"
        'head = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\n'
        "head.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"
    )
    (tmp_path / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "train.py").write_text(train, encoding="utf-8")
    done = celint("check", "-q", "--fix", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert "from_logits=False" in (tmp_path / "train.py").read_text(encoding="utf-8")
    assert done.returncode == 1, done.stdout
    assert [line.split(" ")[:2] for line in done.stdout.splitlines()] == [["train.py:7:8:", "CE101"]], done.stdout


def _statement_lines(tree: ast.Module, line: int) -> range:
    """The lines of the innermost simple statement holding `line` (a multi-line call is one statement)."""
    best = range(line, line + 1)
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not hasattr(node, "body") and node.lineno <= line <= node.end_lineno:
            best = range(node.lineno, node.end_lineno + 1)
    return best


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_fix_is_a_local_edit_that_creates_no_new_finding(program: Path) -> None:
    """The fix-safety property: the fixed program parses, checking it again finds no code more often
    than before, and it differs from the original only inside the statements the fix's edits touch."""
    import difflib
    from collections import Counter

    source = program.read_text(encoding="utf-8")
    tree = ast.parse(source)
    before = Counter(f.code for f in check_source(source, str(program)).findings)
    for finding in _fixable(source, str(program)):
        fixed, applied = apply(source, [finding.hit.fix])
        assert applied == 1
        ast.parse(fixed)
        after = Counter(f.code for f in check_source(fixed, str(program)).findings)
        assert not after - before, f"the {finding.code} fix at line {finding.line} adds {after - before}"
        allowed = set()
        for edit in finding.hit.fix.edits:
            allowed.update(_statement_lines(tree, edit.at.line))
        matcher = difflib.SequenceMatcher(None, source.splitlines(), fixed.splitlines(), autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag != "equal":
                changed = set(range(i1 + 1, max(i2, i1 + 1) + 1))
                assert changed <= allowed, f"the {finding.code} fix changes lines {sorted(changed - allowed)}"


# --- Shared definitions: a fix edits only code that serves its own finding --------------------------------
SHARED_LOSS = """import keras

loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

soft = keras.Sequential([keras.Input((8,)), keras.layers.Dense(5, activation="softmax")])
soft.compile(loss=loss_fn, optimizer="adam")

lin = keras.Sequential([keras.Input((8,)), keras.layers.Dense(5)])
lin.compile(loss=loss_fn, optimizer="adam")
"""
HEAD_FACTORY = """import keras


def make_head(n):
    return keras.layers.Dense(n, activation="softmax")


one = keras.Sequential([keras.Input((8,)), make_head(1)])
one.compile(loss="binary_crossentropy", optimizer="adam")

five = keras.Sequential([keras.Input((8,)), make_head(5)])
five.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
"""
LINEAR_FACTORY = """import keras


def make_head(n):
    return keras.layers.Dense(n)


one = keras.Sequential([keras.Input((8,)), make_head(1)])
one.compile(loss=keras.losses.BinaryCrossentropy(), optimizer="adam", metrics=["accuracy", keras.metrics.AUC()])

five = keras.Sequential([keras.Input((8,)), make_head(5)])
five.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam")
"""


@pytest.mark.parametrize("program", [SHARED_LOSS, HEAD_FACTORY], ids=["shared-loss", "head-factory"])
def test_a_definition_other_models_use_gets_no_fix(program: str) -> None:
    findings = check_source(program, "train.py").findings
    assert findings and all(f.hit.fix is None for f in findings), [(f.code, f.hit.fix) for f in findings]


def test_keras_ce102_safe_fix_adds_the_activation_and_the_unsafe_one_moves_the_metrics() -> None:
    [safe] = _fixable(
        BEFORE.split("linear =")[0] + "linear = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])\n"
        "linear.compile(loss=keras.losses.BinaryCrossentropy(), metrics=['accuracy'])\n",
        "t.py",
    )[2:]
    assert safe.code == "CE102" and safe.hit.fix.safe and safe.hit.fix.edits[0].keyword == "activation"
    [unsafe] = [f for f in _fixable(LINEAR_FACTORY, "t.py") if f.code == "CE102"]
    assert not unsafe.hit.fix.safe  # the Dense serves a 5-unit head too: from_logits=True instead
    fixed, applied = apply(LINEAR_FACTORY, [unsafe.hit.fix])
    assert applied == 1
    assert (
        'loss=keras.losses.BinaryCrossentropy(from_logits=True), optimizer="adam", '
        "metrics=[keras.metrics.BinaryAccuracy(threshold=0.0), keras.metrics.AUC(from_logits=True)])"
    ) in fixed
    assert [f.code for f in check_source(fixed, "t.py").findings] == []


def test_a_from_logits_constant_is_only_rewritten_as_an_unsafe_fix() -> None:
    program = (
        "import keras\n\nFROM_LOGITS = True\nm = keras.Sequential([keras.Input((8,)), "
        'keras.layers.Dense(3, activation="softmax")])\n'
        "m.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=FROM_LOGITS))\n"
    )
    [finding] = _fixable(program, "t.py")
    assert finding.code == "CE101" and not finding.hit.fix.safe


SEQUENTIAL = """import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(20, 5),  # scores
    nn.Softmax(dim=1),  # probabilities
)
criterion = nn.CrossEntropyLoss()
loss = criterion(model(torch.randn(8, 20)), torch.randint(0, 5, (8,)))
"""


def test_removing_the_last_sequential_element_keeps_the_layout_and_says_no_forward() -> None:
    [finding] = _fixable(SEQUENTIAL, "t.py")
    assert "forward" not in finding.message and "remove the nn.Softmax(dim=1) layer" in finding.message
    fixed, _ = apply(SEQUENTIAL, [finding.hit.fix])
    assert "model = nn.Sequential(\n    nn.Linear(20, 5),  # scores\n)\ncriterion" in fixed


ONE_PER_LINE = """import keras

model = keras.Sequential([
    keras.Input((8,)),
    keras.layers.Dense(
        1,
        name="score",  # one logit
    ),
])
model.compile(loss=keras.losses.BinaryCrossentropy(label_smoothing=0.1), optimizer="adam")
"""


def test_a_new_keyword_gets_its_own_line_in_a_call_written_one_argument_per_line() -> None:
    [finding] = _fixable(ONE_PER_LINE, "t.py")
    fixed, _ = apply(ONE_PER_LINE, [finding.hit.fix])
    assert ('        name="score",  # one logit\n        activation="sigmoid",\n    ),\n') in fixed


def test_a_fix_that_would_cause_a_new_finding_is_dropped_as_unsafe() -> None:
    """Re-checking the fixed text is the last word: here a hand-made fix would reveal CE204."""
    from celint.facts import Edit, EditKind, Fix
    from celint.fix import _harmless
    from celint.records import replace
    from celint.runner import CheckedFile

    program = (CORPUS / "keras" / "multilabel_sigmoid_head_cce_from_logits_true.py").read_text(encoding="utf-8")
    [finding] = check_source(program, "t.py").findings
    edit = Edit(kind=EditKind.SET_ARGUMENT, at=finding.hit.use.from_logits_at, value="False")
    finding = replace(finding, hit=replace(finding.hit, fix=Fix("from_logits=False", edits=(edit,))))
    dropped: list = []
    assert _harmless(CheckedFile("t.py", [finding], source=program), [finding], [], dropped) == []
    assert dropped == [("t.py", finding.line, "CE101", "it would cause t.py: CE204")]
