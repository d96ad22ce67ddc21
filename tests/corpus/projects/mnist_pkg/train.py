"""Training entry point: `python -m mnist_pkg.train`.

BUG (CE101): Net (from .models) returns softmax probabilities, and both the
training and the evaluation nn.CrossEntropyLoss calls receive them.
"""
import torch
import torch.nn as nn

from .data import get_loaders
from .models import Net


def train_epoch(model, loader, criterion, optimizer):
    model.train()
    for data, target in loader:
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, target)  # error: CE101
        loss.backward()
        optimizer.step()
    return loss.item()


def evaluate(model, loader, criterion):
    model.eval()
    total, correct = 0.0, 0
    with torch.no_grad():
        for data, target in loader:
            output = model(data)
            total += criterion(output, target).item() * len(target)  # error: CE101
            correct += (output.argmax(dim=1) == target).sum().item()
    return total / len(loader.dataset), correct / len(loader.dataset)


def main():
    train_loader, test_loader = get_loaders()
    model = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0)
    for epoch in range(1, 15):
        train_loss = train_epoch(model, train_loader, criterion, optimizer)
        test_loss, acc = evaluate(model, test_loader, criterion)
        print(f"epoch {epoch}: train={train_loss:.4f} test={test_loss:.4f} acc={acc:.3f}")


if __name__ == "__main__":
    main()
