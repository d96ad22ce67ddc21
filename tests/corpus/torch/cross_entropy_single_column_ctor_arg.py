"""Tumour benign/malignant classifier constructed as Net(num_classes=1) and trained
with nn.CrossEntropyLoss.

BUG (CE202): cross-entropy over a single output column is log_softmax of one value,
which is always 0; the loss is constant and nothing is learned. Use two classes with
CrossEntropyLoss, or one column with BCEWithLogitsLoss.
"""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler


class Net(nn.Module):
    def __init__(self, in_features, num_classes):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(in_features, 32),
            nn.ReLU(),
            nn.Linear(32, 16),
            nn.ReLU(),
        )
        self.head = nn.Linear(16, num_classes)

    def forward(self, x):
        return self.head(self.body(x))


data = load_breast_cancer()
X = StandardScaler().fit_transform(data.data)
ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(data.target, dtype=torch.long))
loader = DataLoader(ds, batch_size=32, shuffle=True)

model = Net(in_features=X.shape[1], num_classes=1)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(50):
    model.train()
    epoch_loss = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        outputs = model(xb)
        loss = criterion(outputs, yb)  # error: CE202
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    if epoch % 10 == 0:
        print(f"epoch {epoch}: loss {epoch_loss / len(loader):.4f}")
