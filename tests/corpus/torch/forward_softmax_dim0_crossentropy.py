"""Course homework: a 3-layer MLP for the 7-class forest cover-type data set. The student normalises
"over the outputs" with dim=0, which on a (batch, 7) tensor is the batch axis.

BUG (CE101): CrossEntropyLoss gets probabilities (normalised across the batch, not the classes).
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


class CoverTypeNet(nn.Module):
    def __init__(self, n_features=54, n_classes=7):
        super().__init__()
        self.fc1 = nn.Linear(n_features, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, n_classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return F.softmax(x, dim=0)


X = torch.tensor(np.load("covtype_X.npy"), dtype=torch.float32)
y = torch.tensor(np.load("covtype_y.npy"), dtype=torch.long)
loader = DataLoader(TensorDataset(X, y), batch_size=256, shuffle=True)

model = CoverTypeNet()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(15):
    total = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        out = model(xb)
        loss = criterion(out, yb)  # error: CE101
        loss.backward()
        optimizer.step()
        total += loss.item()
    print(f"epoch {epoch}: {total / len(loader):.4f}")
