"""Everything nested inside main(): a training step with logits into CrossEntropyLoss, and a nested
`report` helper (never called in this file) that takes a softmax for a confusion report. Correct.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def main():
    model = nn.Sequential(nn.Linear(100, 64), nn.ReLU(), nn.Linear(64, 5))
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    def step(x, y):
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    def report(x):
        with torch.no_grad():
            return F.softmax(model(x), dim=1).max(dim=1)

    return step, report
