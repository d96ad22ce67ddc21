"""The same reusable MLP, used the right way: no output activation while training with
BCEWithLogitsLoss; torch.sigmoid is applied only when scoring. Correct.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, n_in, n_hidden, n_out, out_activation=None):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)
        self.out_activation = out_activation

    def forward(self, x):
        x = self.fc2(F.relu(self.fc1(x)))
        if self.out_activation is not None:
            x = self.out_activation(x)
        return x


model = MLP(20, 64, 1)
loss_fn = nn.BCEWithLogitsLoss()
opt = torch.optim.Adam(model.parameters(), lr=3e-3)


def fit(loader, epochs=5):
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()


def score(xb):
    with torch.no_grad():
        return torch.sigmoid(model(xb))
