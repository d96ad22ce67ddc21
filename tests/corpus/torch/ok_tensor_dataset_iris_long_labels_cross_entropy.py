# Iris in PyTorch: TensorDataset over float features and long class ids, three logits.
import torch
import torch.nn as nn
from sklearn.datasets import load_iris
from torch.utils.data import DataLoader, TensorDataset

X, y = load_iris(return_X_y=True)
ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.long))
dl = DataLoader(ds, batch_size=16, shuffle=True)

net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
ce = nn.CrossEntropyLoss()
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(100):
    for i, (xb, yb) in enumerate(dl):
        loss = ce(net(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
