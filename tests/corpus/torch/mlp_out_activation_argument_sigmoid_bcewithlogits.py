"""A reusable MLP whose output activation is a constructor argument. The churn script passes
out_activation=torch.sigmoid "to get probabilities" and trains with BCEWithLogitsLoss.

BUG (CE101): BCEWithLogitsLoss applies the sigmoid itself.
"""
import pandas as pd
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


df = pd.read_csv("churn.csv")
X = torch.tensor(df.drop(columns=["churned"]).values, dtype=torch.float32)
y = torch.tensor(df["churned"].values, dtype=torch.float32).unsqueeze(1)

model = MLP(X.shape[1], 64, 1, out_activation=torch.sigmoid)
loss_fn = nn.BCEWithLogitsLoss()
opt = torch.optim.Adam(model.parameters(), lr=3e-3)

for step in range(2000):
    opt.zero_grad()
    loss = loss_fn(model(X), y)  # error: CE101
    loss.backward()
    opt.step()
