"""Binary tabular classifier (credit default) whose forward applies torch.sigmoid,
trained with nn.BCEWithLogitsLoss.

BUG (CE101): BCEWithLogitsLoss applies the sigmoid itself; feeding it sigmoid
output squashes the predictions into (0.5, 0.73) and the model cannot fit.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class CreditNet(nn.Module):
    def __init__(self, n_features, hidden=64):
        super().__init__()
        self.hidden = nn.Sequential(
            nn.Linear(n_features, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(hidden, hidden // 2),
            nn.ReLU(),
        )
        self.out = nn.Linear(hidden // 2, 1)

    def forward(self, x):
        h = self.hidden(x)
        return torch.sigmoid(self.out(h))


def load(path):
    df = pd.read_csv(path)
    y = df.pop("default").values.astype(np.float32)
    X = df.values.astype(np.float32)
    X = (X - X.mean(0)) / (X.std(0) + 1e-6)
    return TensorDataset(torch.from_numpy(X), torch.from_numpy(y).unsqueeze(1))


def main():
    ds = load("credit.csv")
    loader = DataLoader(ds, batch_size=256, shuffle=True)
    model = CreditNet(ds.tensors[0].shape[1])
    pos_weight = torch.tensor([3.0])
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)

    for epoch in range(20):
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = criterion(model(xb), yb)  # error: CE101
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        print(epoch, total / len(ds))


if __name__ == "__main__":
    main()
