"""Binary churn model trained correctly with nn.BCEWithLogitsLoss on raw logits, but
the NumPy validation log-loss is written by hand as
-(y * np.log(sigmoid(z)) + (1 - y) * np.log(1 - sigmoid(z))) with a local sigmoid.

NOT FLAGGED: the np.log lines compute a NumPy metric no framework differentiates; for large |z| it
prints inf, but no gradient flows through it (CE103 is about losses autodiff trains through).
The training loss itself is correct.
"""
import numpy as np
import torch
import torch.nn as nn


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def validation_logloss(z, y):
    pos = y * np.log(sigmoid(z))
    neg = (1 - y) * np.log(1 - sigmoid(z))
    return float(-np.mean(pos + neg))


model = nn.Sequential(nn.Linear(12, 64), nn.ReLU(), nn.Linear(64, 1))
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

X_train = torch.randn(4000, 12)
y_train = (torch.rand(4000, 1) < 0.2).float()
X_val = torch.randn(1000, 12)
y_val = (np.random.rand(1000) < 0.2).astype(np.float64)

for epoch in range(25):
    model.train()
    for i in range(0, len(X_train), 128):
        optimizer.zero_grad()
        loss = criterion(model(X_train[i:i + 128]), y_train[i:i + 128])
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        z_val = model(X_val).squeeze(1).numpy()
    print(f"epoch {epoch}: train={loss.item():.4f} val_logloss={validation_logloss(z_val, y_val):.4f}")
