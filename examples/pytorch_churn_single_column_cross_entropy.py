"""Customer churn (yes/no) in PyTorch with one output column and nn.CrossEntropyLoss.

log_softmax over a single column is 0: with float targets of shape (N, 1) the loss is exactly
0.0 for every batch and no weight ever changes; with class indices it raises
"IndexError: Target 1 is out of bounds."
"""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class ChurnModel(nn.Module):
    def __init__(self, n_features, n_outputs=1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_features, 64),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(64, n_outputs),
        )

    def forward(self, x):
        return self.net(x)


rng = np.random.default_rng(1)
features = torch.tensor(rng.normal(size=(7000, 19)), dtype=torch.float32)
churned = torch.tensor(rng.integers(0, 2, size=(7000, 1)), dtype=torch.float32)
loader = DataLoader(TensorDataset(features, churned), batch_size=128, shuffle=True)

model = ChurnModel(n_features=19)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(20):
    for xb, yb in loader:
        optimizer.zero_grad()
        logits = model(xb)
        loss = loss_fn(logits, yb)  # error: CE202
        loss.backward()
        optimizer.step()
    print(epoch, loss.item())
