"""Results are a function of the tree alone: not of the order of the files, nor of how workers share them.

The tree is a research repo: `models.py` builds a torch module and a Keras backbone at import time, and
several scripts import them; some scripts change the shared model before using it (`net.head = ...`,
`backbone.add(...)`). Each checked file must see `models.py` as that file's own imports leave it: one
script's change never reaches another, whichever was checked first, in this process or in a worker.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

from clitools import celint

from celint.engine import check_source
from celint.project import Project
from celint.runner import PARALLEL_THRESHOLD

MODELS = '''"""Shared models for the experiments."""
import keras
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(128, 10)
        self.head = nn.Identity()

    def forward(self, x):
        return self.head(self.fc(x))


net = Net()
backbone = keras.Sequential([keras.Input((784,)), keras.layers.Dense(64, activation="relu")])
'''
# probabilities for a dashboard, then the same module trained with CrossEntropyLoss: CE101 here
DASHBOARD = """import torch
import torch.nn as nn
from models import net

net.head = nn.Softmax(dim=1)  # probabilities for the dashboard
criterion = nn.CrossEntropyLoss()
x, y = torch.randn(8, 128), torch.randint(0, 10, (8,))
loss = criterion(net(x), y)
"""
# the module as models.py builds it: logits, right for CrossEntropyLoss
TRAIN = """import torch
import torch.nn as nn
from models import net

criterion = nn.CrossEntropyLoss()
x, y = torch.randn(8, 128), torch.randint(0, 10, (8,))
loss = criterion(net(x), y)
"""
# a softmax head added to the backbone, compiled with from_logits=True: CE101 here
FINETUNE = """import keras
from models import backbone

backbone.add(keras.layers.Dense(10, activation="softmax"))
backbone.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))
"""
# the backbone as models.py builds it (a relu head): nothing to say
PROBE = """import keras
from models import backbone

backbone.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))
"""
PATHS = """import os


def checkpoint_path(run, step):
    return os.path.join("checkpoints", run, f"step_{step:06d}.pt")
"""
SCRIPTS = {"dashboard": DASHBOARD, "train": TRAIN, "finetune": FINETUNE, "probe": PROBE, "paths": PATHS}
FLAGGED = {"dashboard": 8, "finetune": 5}  # the line of each script's one CE101


def _tree(root: Path, copies: int = 4) -> List[str]:
    files = {"models.py": MODELS}
    for i in range(copies):
        for name, text in SCRIPTS.items():
            files[f"{name}_{i}.py"] = text
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return sorted(files)


def _orders(names: List[str]) -> List[List[str]]:
    """Sorted, reversed, and interleaved (every script kind next to the others, models.py last)."""
    interleaved = sorted(names, key=lambda n: (n.rsplit("_", 1)[-1], n))
    return [names, names[::-1], interleaved]


def _normalised(report: Dict[str, Any]) -> Dict[str, Any]:
    """The report with findings and errors in path order: the listing follows the order files were given."""
    report = dict(report)
    report["findings"] = sorted(report["findings"], key=lambda f: (f["path"], f["line"], f["column"], f["code"]))
    report["errors"] = sorted(report["errors"], key=lambda e: e["path"])
    return report


def test_the_same_tree_gives_the_same_json_in_any_order_and_with_any_number_of_workers(tmp_path: Path) -> None:
    names = _tree(tmp_path)
    assert len(names) >= PARALLEL_THRESHOLD  # so -j2 and -j4 really share the files among workers
    reports = {}
    for order in _orders(names):
        for jobs in ("1", "2", "4"):
            done = celint("check", "--no-respect-gitignore", "--format", "json", "-j", jobs, *order, cwd=tmp_path)
            assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
            reports[(order[0], jobs)] = _normalised(json.loads(done.stdout))
    first = next(iter(reports.values()))
    for key, report in reports.items():
        assert report == first, key
    found = [(f["path"], f["line"], f["code"]) for f in first["findings"]]
    expected = sorted((f"{name}_{i}.py", line, "CE101") for name, line in FLAGGED.items() for i in range(4))
    assert found == expected


def test_one_project_checks_each_file_as_if_it_were_the_first(tmp_path: Path) -> None:
    """In one process: a script that changes the shared model, checked first, changes nothing for the next."""
    names = _tree(tmp_path, copies=1)
    paths = [str(tmp_path / name) for name in names]
    alone = {}
    for path in paths:
        result = check_source(Path(path).read_text(encoding="utf-8"), path, project=Project(paths))
        alone[path] = [(f.line, f.code) for f in result.findings]
    for order in (paths, paths[::-1]):
        project = Project(paths)  # shared by every file, as a worker's is
        for path in order:
            result = check_source(Path(path).read_text(encoding="utf-8"), path, project=project)
            assert [(f.line, f.code) for f in result.findings] == alone[path], path
    assert alone[str(tmp_path / "dashboard_0.py")] == [(8, "CE101")]
    assert alone[str(tmp_path / "probe_0.py")] == []


def test_a_module_nobody_can_change_is_run_once_and_one_with_objects_once_per_file(tmp_path: Path) -> None:
    """`config.py` leaves constants and a builder function: every file would rebuild exactly it, so it is
    run once; `models.py` leaves a model object a file may change, so each file runs its own."""
    (tmp_path / "config.py").write_text(
        "import torch.nn as nn\n\nNUM_CLASSES = 10\nHIDDEN = 128\n\n\ndef build_head():\n"
        "    return nn.Sequential(nn.Linear(HIDDEN, NUM_CLASSES), nn.Softmax(dim=1))\n",
        encoding="utf-8",
    )
    names = _tree(tmp_path, copies=1)
    script = (
        "import torch\nimport torch.nn as nn\nfrom config import build_head, NUM_CLASSES\n\n"
        "head = build_head()\nloss = nn.CrossEntropyLoss()(head(torch.randn(4, 128)), "
        "torch.randint(0, NUM_CLASSES, (4,)))\n"
    )
    for i in range(2):
        (tmp_path / f"head_{i}.py").write_text(script, encoding="utf-8")
    paths = [str(tmp_path / name) for name in [*names, "config.py", "head_0.py", "head_1.py"]]
    project = Project(paths)
    runs = {"config.py": 0, "models.py": 0}
    run_import = project._run_import

    def counting(module: Any) -> Any:
        runs[Path(module.path).name] += 1
        return run_import(module)

    project._run_import = counting  # type: ignore[method-assign]
    for path in paths:
        result = check_source(Path(path).read_text(encoding="utf-8"), path, project=project)
        if Path(path).name.startswith("head_"):
            assert [(f.line, f.code) for f in result.findings] == [(6, "CE101")], path
    importers_of_models = len([n for n in names if n.startswith(("dashboard", "train", "finetune", "probe"))])
    assert runs == {"config.py": 1, "models.py": importers_of_models}
