"""Cross-module analysis: each multi-file project in tests/corpus/projects gives exactly its annotations."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import pytest
from annotations import expected_findings

from celint.config import Settings
from celint.engine import check_source
from celint.project import Project, project_groups
from celint.runner import CheckOptions, check_files

PROJECTS = Path(__file__).resolve().parent / "corpus" / "projects"
PROJECT_DIRS = sorted(p for p in PROJECTS.iterdir() if p.is_dir())


def _files(directory: Path) -> List[str]:
    return [str(p) for p in sorted(directory.rglob("*.py"))]


@pytest.mark.parametrize("directory", PROJECT_DIRS, ids=lambda p: p.name)
def test_project_gives_exactly_its_annotated_findings(directory: Path) -> None:
    # as `celint check DIR` runs: a loss applied in engine.py with what train.py passed it is found while
    # checking train.py and handed to engine.py (celint.runner.hand_over)
    for result in check_files(_files(directory), CheckOptions(), jobs=1):
        assert result.error is None, result.path
        got = {(f.line, f.code) for f in result.findings}
        assert got == expected_findings(result.source), (result.path, [f.message for f in result.findings])


def test_the_whole_projects_tree_at_once_gives_the_same_findings() -> None:
    for result in check_files(_files(PROJECTS), CheckOptions(), jobs=1):
        got = {(f.line, f.code) for f in result.findings}
        assert got == expected_findings(result.source), result.path


def test_finding_at_the_loss_names_the_head_in_the_other_file() -> None:
    train = PROJECTS / "mnist_pkg" / "train.py"
    models = PROJECTS / "mnist_pkg" / "models.py"
    project = Project(_files(PROJECTS / "mnist_pkg"))
    result = check_source(train.read_text(encoding="utf-8"), str(train), project=project)
    finding = result.findings[0]
    assert finding.path == str(train) and finding.line == 18
    assert f"{models}:26" in finding.message
    assert any(r.path == str(models) and r.line == 26 for r in finding.related)


def test_without_a_project_each_file_stands_alone() -> None:
    train = PROJECTS / "mnist_pkg" / "train.py"
    assert check_source(train.read_text(encoding="utf-8"), str(train)).findings == []


def _write(root: Path, files: dict) -> List[str]:
    paths = []
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return sorted(paths)


MODEL = """\
import torch.nn as nn
import torch.nn.functional as F
from {other} import criterion

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        return F.softmax(self.fc(x))
"""

TRAIN = """\
import torch.nn as nn
import models

model = models.Net()
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    loss = criterion(model(x), y)
"""


def test_import_cycle_and_findings_inside_the_imported_file_stay_with_that_file(tmp_path: Path) -> None:
    paths = _write(tmp_path, {"models.py": MODEL.format(other="train"), "train.py": TRAIN})
    project = Project(paths)
    by_file = {}
    for path in paths:
        result = check_source(Path(path).read_text(encoding="utf-8"), path, project=project)
        assert result.error is None
        by_file[Path(path).name] = sorted((f.line, f.code) for f in result.findings)
    # the softmax without dim is reported once, in models.py; the loss once, in train.py
    assert by_file == {"models.py": [(11, "CE104")], "train.py": [(7, "CE101")]}


def test_an_unparsable_imported_module_is_unknown(tmp_path: Path) -> None:
    paths = _write(tmp_path, {"models.py": "def broken(:\n", "train.py": TRAIN})
    project = Project(paths)
    train = str(tmp_path / "train.py")
    result = check_source(TRAIN, train, project=project)
    assert result.error is None and result.findings == []


def test_groups_put_a_package_with_its_parent_and_scripts_with_their_directory(tmp_path: Path) -> None:
    paths = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/models.py": "",
            "pkg/sub/__init__.py": "",
            "pkg/sub/x.py": "",
            "scripts/a.py": "",
            "scripts/b.py": "",
        },
    )
    groups = sorted(sorted(Path(p).relative_to(tmp_path).as_posix() for p in g) for g in project_groups(paths))
    assert groups == [
        ["pkg/__init__.py", "pkg/models.py", "pkg/sub/__init__.py", "pkg/sub/x.py"],
        ["scripts/a.py", "scripts/b.py"],
    ]


PACKAGE_MODEL = """\
import torch.nn as nn

def build(n=4):
    return nn.Sequential(nn.Linear(8, n), nn.Softmax(dim=1))
"""


@pytest.mark.parametrize(
    "importer, text",
    [
        ("pkg/train.py", "from . import models\nmodel = models.build()\n"),
        ("pkg/sub/train.py", "from ..models import build\nmodel = build()\n"),
        ("run.py", "import pkg.models\nmodel = pkg.models.build()\n"),
        ("run.py", "from pkg.models import build as make\nmodel = make()\n"),
    ],
)
def test_every_import_spelling_reaches_the_package_module(tmp_path: Path, importer: str, text: str) -> None:
    loop = "import torch.nn as nn\n" + text + "loss = nn.CrossEntropyLoss()(model(x), y)  # error: CE101\n"
    paths = _write(
        tmp_path, {"pkg/__init__.py": "", "pkg/sub/__init__.py": "", "pkg/models.py": PACKAGE_MODEL, importer: loop}
    )
    project = Project(paths)
    result = check_source(loop, str(tmp_path / importer), project=project)
    assert {(f.line, f.code) for f in result.findings} == expected_findings(loop)
    assert "models.py:4" in result.findings[0].message


_TRAIN_WITH_IMPORTED_NET = """
import torch
import torch.nn as nn
from models import Net

model = Net()
criterion = nn.CrossEntropyLoss()
x, y = torch.randn(8, 4), torch.randint(0, 3, (8,))
loss = criterion(model(x), y)
"""


def test_imports_are_followed_only_when_the_name_is_used(tmp_path: Path) -> None:
    files = _write(
        tmp_path,
        {
            "models.py": "import torch.nn as nn\nimport helpers\n\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n"
            "    def forward(self, x):\n        return self.fc(x).softmax(dim=1)\n",
            "helpers.py": "def unused():\n    return 1\n",
            "train.py": _TRAIN_WITH_IMPORTED_NET,
        },
    )
    project = Project(files)
    train = str(tmp_path / "train.py")
    result = check_source(_TRAIN_WITH_IMPORTED_NET, train, project=project)
    assert [f.code for f in result.findings] == ["CE101"]
    states = {Path(m.path).name: m.state for m in project.modules.values()}
    assert states["models.py"] == "done" and states["helpers.py"] == "new"  # never needed, never run


def test_other_modules_code_is_followed_two_levels_deep_and_no_further(tmp_path: Path) -> None:
    """A bound, not a goal: a package whose modules all call each other must not be run whole per file."""

    def project_with_head_at(depth: int) -> List[str]:
        chain = {
            f"m{i}.py": f"from m{i + 1} import make{i + 1}\n\ndef make{i}():\n    return make{i + 1}()\n"
            for i in range(1, depth)
        }
        chain[f"m{depth}.py"] = (
            f"import torch.nn as nn\n\ndef make{depth}():\n"
            "    return nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\n"
        )
        train = (
            "import torch\nimport torch.nn as nn\nfrom m1 import make1\n\nmodel = make1()\n"
            "loss = nn.CrossEntropyLoss()(model(torch.randn(8, 4)), torch.randint(0, 3, (8,)))\n"
        )
        root = tmp_path / f"depth{depth}"
        root.mkdir()
        return _write(root, {**chain, "train.py": train})

    for depth, expected in ((2, ["CE101"]), (3, [])):
        files = project_with_head_at(depth)
        train = next(f for f in files if f.endswith("train.py"))
        result = check_source(Path(train).read_text(encoding="utf-8"), train, project=Project(files))
        assert [f.code for f in result.findings] == expected, depth


def test_re_export_cycles_and_long_re_export_chains_end(tmp_path: Path) -> None:
    """`a.thing` from b and `b.thing` from a; and 300 modules each re-exporting the next one's name."""
    use = "from {first} import thing\n\nmodel = thing()\nloss = 'categorical_crossentropy'\n"
    cycle = _write(
        tmp_path / "cycle",
        {
            "a.py": "from b import thing\n",
            "b.py": "from a import thing\n",
            "train.py": use.format(first="a"),
        },
    )
    chain_files = {f"m{i}.py": f"from m{i + 1} import thing\n" for i in range(300)}
    chain_files["m300.py"] = "def thing():\n    return None\n"
    chain = _write(tmp_path / "chain", {**chain_files, "train.py": use.format(first="m0")})
    for files in (cycle, chain):
        train = next(f for f in files if f.endswith("train.py"))
        result = check_source(Path(train).read_text(encoding="utf-8"), train, project=Project(files))
        assert result.error is None and result.findings == [], train


# ----- a loss applied in another module with what the checked file passed it (issue 11, items 9-11) -----
HEAD = """\
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        return self.fc(x).softmax(dim=1)
"""

ENGINE = """\
def train_one_epoch(model, criterion, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y){noqa}
        loss.backward()
        optimizer.step()
"""

CALLER = """\
import torch.nn as nn
from models import Net
from engine import train_one_epoch

model = Net()
train_one_epoch(model, nn.CrossEntropyLoss(), loader, optimizer)
"""


def _run(root: Path, files: dict, settings: Optional[Settings] = None) -> dict:
    results = check_files(_write(root, files), CheckOptions(settings or Settings()), jobs=1)
    return {Path(r.path).relative_to(root).as_posix(): r for r in results}


def test_a_loss_applied_in_engine_py_is_reported_there_once_naming_the_head_and_the_call(tmp_path: Path) -> None:
    by_file = _run(
        tmp_path, {"models.py": HEAD, "engine.py": ENGINE.format(noqa=""), "train.py": CALLER, "finetune.py": CALLER}
    )
    assert [(f.line, f.code) for f in by_file["engine.py"].findings] == [(4, "CE101")]  # two callers, one finding
    assert by_file["train.py"].findings == [] and by_file["finetune.py"].findings == []
    finding = by_file["engine.py"].findings[0]
    # the first file in the run's order that reached it names its call (finetune.py sorts before train.py)
    assert "models.py:9" in finding.message and "finetune.py:6" in finding.message
    assert {(Path(r.path).name, r.line) for r in finding.related} >= {("models.py", 9), ("finetune.py", 6)}
    assert finding.hit is not None and finding.hit.fix is None  # the head is in another file


def test_a_handed_over_finding_obeys_the_receiving_files_noqa_and_selection(tmp_path: Path) -> None:
    by_file = _run(
        tmp_path, {"models.py": HEAD, "engine.py": ENGINE.format(noqa="  # noqa: CE101"), "train.py": CALLER}
    )
    assert by_file["engine.py"].findings == []
    per_file = Settings(per_file_ignores=(("engine.py", ("CE101",)),))
    by_file = _run(
        tmp_path / "ignored", {"models.py": HEAD, "engine.py": ENGINE.format(noqa=""), "train.py": CALLER}, per_file
    )
    assert by_file["engine.py"].findings == []


def test_the_process_pool_hands_over_the_same_way(tmp_path: Path) -> None:
    files = {"models.py": HEAD, "engine.py": ENGINE.format(noqa=""), "train.py": CALLER}
    files.update({f"unrelated{i}.py": "x = 1\n" for i in range(20)})  # enough files for the pool
    paths = _write(tmp_path, files)
    results = check_files(paths, CheckOptions(), jobs=2)
    got = {Path(r.path).name: [(f.line, f.code) for f in r.findings] for r in results if r.findings}
    assert got == {"engine.py": [(4, "CE101")]}


def test_a_loss_installed_by_a_method_called_in_a_branch_is_not_known(tmp_path: Path) -> None:
    model = HEAD.replace("self.fc(x).softmax(dim=1)", "self.fc(x)") + (
        "\n    def add_loss_op(self, loss):\n        self.loss_op = loss\n\n"
        "    def fit(self, batches):\n        for x, y in batches:\n            self.loss_op(self(x), y)\n"
    )
    train = (
        "import sys\nimport torch.nn as nn\nfrom models import Net\n\nnet = Net()\n"
        "if sys.argv[1] == 'nll':\n    net.add_loss_op(nn.NLLLoss())\nelse:\n"
        "    net.add_loss_op(nn.CrossEntropyLoss())\nnet.fit(batches)\n"
    )
    by_file = _run(tmp_path, {"models.py": model, "train.py": train})
    assert all(r.findings == [] for r in by_file.values())
    always = train.replace("if sys.argv[1] == 'nll':\n    net.add_loss_op(nn.NLLLoss())\nelse:\n    ", "")
    by_file = _run(tmp_path / "always", {"models.py": model, "train.py": always.replace("CrossEntropyLoss", "NLLLoss")})
    assert [(f.line, f.code) for f in by_file["models.py"].findings] == [(16, "CE102")]


@pytest.mark.parametrize(
    "other_head, expected",
    [
        ("self.fc(x).softmax(dim=1)", [(8, "CE101")]),  # the same head: either model, same finding
        ("self.fc(x)", []),  # logits: the loss is right for one of them
        ("nn.Linear(8, 5)(x).softmax(dim=1)", []),  # another width
    ],
)
def test_a_model_chosen_in_a_branch_has_the_head_both_share(tmp_path: Path, other_head: str, expected: list) -> None:
    other = HEAD.replace("class Net", "class Other").replace("self.fc(x).softmax(dim=1)", other_head)
    train = (
        "import sys\nimport torch.nn as nn\nfrom models import Net\nfrom other import Other\n\n"
        "net = Net() if sys.argv[1] == 'a' else Other()\ncriterion = nn.CrossEntropyLoss()\n"
        "loss = criterion(net(x), y)\n"
    )
    by_file = _run(tmp_path, {"models.py": HEAD, "other.py": other, "train.py": train})
    assert [(f.line, f.code) for f in by_file["train.py"].findings] == expected
