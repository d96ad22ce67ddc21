"""A 50-line PyTorch training script: what an editor sends flake8 on every save (benchmarks/bench.py)."""

import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


class Net(nn.Module):
    def __init__(self, features: int, hidden: int, classes: int) -> None:
        super().__init__()
        self.fc1 = nn.Linear(features, hidden)
        self.drop = nn.Dropout(0.2)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.fc1(x))
        return self.fc2(self.drop(x))


def train(epochs: int, lr: float) -> None:
    x = torch.randn(512, 20)
    y = torch.randint(0, 4, (512,))
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True)
    model = Net(20, 64, 4)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        total = 0.0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch}: {total / len(loader):.4f}")
    with torch.no_grad():
        probs = F.softmax(model(x), dim=1)
        print("accuracy", (probs.argmax(dim=1) == y).float().mean().item())


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    train(args.epochs, args.lr)
