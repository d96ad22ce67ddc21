"""Correct: tabular PyTorch classifier. String classes are mapped to integers
with sklearn's LabelEncoder and wrapped as a Long tensor, then fed to
nn.CrossEntropyLoss as class indices. A one-hot copy made with F.one_hot is
only used for a per-class count and never reaches the loss. No finding.
"""
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.preprocessing import LabelEncoder, StandardScaler

df = pd.read_csv("dry_beans.csv")
X = StandardScaler().fit_transform(df.drop(columns=["Class"]).values)
le = LabelEncoder()
y = le.fit_transform(df["Class"])

X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.long)
n_classes = len(le.classes_)

counts = F.one_hot(y, n_classes).sum(dim=0)
print(dict(zip(le.classes_, counts.tolist())))

model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, n_classes))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)

for epoch in range(300):
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(logits, y)
    loss.backward()
    optimizer.step()
    if epoch % 50 == 0:
        acc = (logits.argmax(1) == y).float().mean()
        print(epoch, round(loss.item(), 4), round(acc.item(), 3))
