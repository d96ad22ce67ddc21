"""Calibration study: a NumPy helper named `softmax(z, T)` (temperature scaling, not
torch's) is used on detached logits to compute expected calibration error; the
training loss is F.cross_entropy on raw logits.

CORRECT (no finding): the local softmax is not torch's (no CE104 for its missing
dim) and never feeds the loss.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def softmax(z, T=1.0):
    z = z / T
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def expected_calibration_error(probs, labels, n_bins=15):
    conf, pred = probs.max(1), probs.argmax(1)
    bins = np.linspace(0, 1, n_bins + 1)
    ece = 0.0
    for lo, hi in zip(bins[:-1], bins[1:]):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            ece += mask.mean() * abs((pred[mask] == labels[mask]).mean() - conf[mask].mean())
    return ece


model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
X, y = torch.randn(2000, 20), torch.randint(0, 3, (2000,))

for epoch in range(30):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()

with torch.no_grad():
    val_logits = model(X).numpy()
for T in (0.5, 1.0, 1.5, 2.0):
    probs = softmax(val_logits, T)
    print(f"T={T}: ECE={expected_calibration_error(probs, y.numpy()):.4f}")
