"""Iris classifier: nn.Sequential ending in nn.Softmax(dim=1), trained with nn.NLLLoss.

BUG (CE102): NLLLoss expects log-probabilities (LogSoftmax), not probabilities.
With probabilities the loss is -p[target], which is bounded and badly scaled.
"""
import torch
import torch.nn as nn
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train = torch.tensor(X_train, dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.long)
X_test = torch.tensor(X_test, dtype=torch.float32)
y_test = torch.tensor(y_test, dtype=torch.long)

model = nn.Sequential(
    nn.Linear(4, 16),
    nn.Tanh(),
    nn.Linear(16, 3),
    nn.Softmax(dim=1),
)
criterion = nn.NLLLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

for epoch in range(200):
    optimizer.zero_grad()
    out = model(X_train)
    loss = criterion(out, y_train)  # error: CE102
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        with torch.no_grad():
            acc = (model(X_test).argmax(dim=1) == y_test).float().mean()
        print(f"{epoch:3d} loss={loss.item():.4f} test_acc={acc:.3f}")
