"""Soft-label (mixup) training that writes cross-entropy by hand on clamped
probabilities: -(targets * torch.log(probs.clamp(min=1e-7))).sum(dim=1).mean().

CORRECT (no finding): the probabilities are clipped before the log, which the rule
treats as deliberate (say nothing).
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_in=64, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU())
        self.out = nn.Linear(256, n_classes)

    def forward(self, x):
        return self.out(self.body(x))


def mixup(x, y_onehot, alpha=0.4):
    lam = np.random.beta(alpha, alpha)
    idx = torch.randperm(x.size(0))
    return lam * x + (1 - lam) * x[idx], lam * y_onehot + (1 - lam) * y_onehot[idx]


def soft_cross_entropy(logits, targets, eps=1e-7):
    probs = F.softmax(logits, dim=1)
    return -(targets * torch.log(probs.clamp(min=eps))).sum(dim=1).mean()


model = Classifier()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for step in range(500):
    x = torch.randn(128, 64)
    y = F.one_hot(torch.randint(0, 10, (128,)), num_classes=10).float()
    xm, ym = mixup(x, y)
    loss = soft_cross_entropy(model(xm), ym)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 100 == 0:
        print(step, loss.item())
