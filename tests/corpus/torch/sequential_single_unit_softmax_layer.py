"""Fraud detector: nn.Sequential ending in nn.Linear(64, 1) followed by
nn.Softmax(dim=1), trained with nn.BCELoss.

BUG (CE201): a softmax over one unit is constantly 1.0. BCELoss does get values in
[0, 1], so only CE201 is expected (at the nn.Softmax layer line).
"""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

N_FEATURES = 30

model = nn.Sequential(
    nn.Linear(N_FEATURES, 128),
    nn.ReLU(),
    nn.Dropout(0.3),
    nn.Linear(128, 64),
    nn.ReLU(),
    nn.Linear(64, 1),
    nn.Softmax(dim=1),  # error: CE201
)


def main():
    X = torch.randn(20000, N_FEATURES)
    y = (torch.rand(20000) < 0.02).float().unsqueeze(1)
    loader = DataLoader(TensorDataset(X, y), batch_size=512, shuffle=True)
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(15):
        tp = fp = 0
        for xb, yb in loader:
            optimizer.zero_grad()
            prob = model(xb)
            loss = criterion(prob, yb)
            loss.backward()
            optimizer.step()
            pred = prob > 0.5
            tp += (pred & (yb > 0.5)).sum().item()
            fp += (pred & (yb < 0.5)).sum().item()
        print(f"epoch {epoch} loss={loss.item():.4f} precision={tp / max(tp + fp, 1):.3f}")


if __name__ == "__main__":
    main()
