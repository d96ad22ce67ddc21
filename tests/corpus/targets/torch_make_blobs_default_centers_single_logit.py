# PyTorch warm-up exercise: blobs + logistic regression. make_blobs makes three
# blobs unless `centers` says otherwise, so the labels are 0, 1, 2 and one
# logit with BCEWithLogitsLoss cannot represent them.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.datasets import make_blobs

X, y = make_blobs(n_samples=600, n_features=2, random_state=7)
dataset = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
loader = DataLoader(dataset, batch_size=32, shuffle=True)

model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))  # error: CE303
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)

for epoch in range(20):
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = criterion(model(xb), yb.view(-1, 1))
        loss.backward()
        optimizer.step()
