"""Pima diabetes binary classifier: forward returns torch.sigmoid(self.out(x)) and the
loss is nn.BCELoss.

CORRECT (no finding): BCELoss on sigmoid probabilities is a valid (if slightly less
stable) pairing.
"""
import numpy as np
import torch
import torch.nn as nn


class DiabetesNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden1 = nn.Linear(8, 12)
        self.hidden2 = nn.Linear(12, 8)
        self.out = nn.Linear(8, 1)
        self.act = nn.ReLU()

    def forward(self, x):
        x = self.act(self.hidden1(x))
        x = self.act(self.hidden2(x))
        return torch.sigmoid(self.out(x))


dataset = np.loadtxt("pima-indians-diabetes.csv", delimiter=",")
X = torch.tensor(dataset[:, 0:8], dtype=torch.float32)
y = torch.tensor(dataset[:, 8], dtype=torch.float32).reshape(-1, 1)

model = DiabetesNet()
loss_fn = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

n_epochs, batch_size = 100, 10
for epoch in range(n_epochs):
    for i in range(0, len(X), batch_size):
        Xbatch = X[i:i + batch_size]
        ybatch = y[i:i + batch_size]
        y_pred = model(Xbatch)
        loss = loss_fn(y_pred, ybatch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"Finished epoch {epoch}, latest loss {loss}")

with torch.no_grad():
    y_pred = model(X)
accuracy = (y_pred.round() == y).float().mean()
print(f"Accuracy {accuracy}")
