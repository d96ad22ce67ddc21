"""A small PyTorch research project on disk: the model in one module, the training loop in another."""

from __future__ import annotations

from pathlib import Path
from typing import Dict

MODELS = """\
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, n_classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        return F.softmax(self.fc2(x), dim=1)
"""
HEAD_LINE = 13
LOGITS = MODELS.replace("return F.softmax(self.fc2(x), dim=1)", "return self.fc2(x)")

TRAIN = """\
import torch
import torch.nn as nn

from {module} import Net

model = Net()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for step in range(100):
    x, y = torch.randn(32, 784), torch.randint(0, 10, (32,))
    loss = criterion(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
"""
LOSS_LINE = 11


def write_tree(root: Path, files: Dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def research_repo(root: Path, models: str = MODELS) -> Path:
    return write_tree(
        root,
        {
            "pyproject.toml": "[project]\nname = 'mnist'\n",
            "models.py": models,
            "train.py": TRAIN.format(module="models"),
        },
    )


# A research repository whose code is one package, run as `python -m mnist.train` from the top: its
# absolute imports name the package itself, whose parent (the repository) is on the implicit sys.path.
def package_repo(root: Path, models: str = MODELS, imports: str = "from mnist.nets.models import Net") -> Path:
    train = TRAIN.replace("from {module} import Net", imports)
    if " as m" in imports:
        train = train.replace("model = Net()", "model = m.Net()")
    return write_tree(
        root,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "mnist/__init__.py": "",
            "mnist/nets/__init__.py": "",
            "mnist/nets/models.py": models,
            "mnist/data.py": "import torch\n\nBATCH = 32\n",
            "mnist/train.py": train,
        },
    )
