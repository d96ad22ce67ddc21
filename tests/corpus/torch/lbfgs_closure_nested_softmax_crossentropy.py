"""Full-batch training with L-BFGS: the loss is computed in a closure nested in `train()` that only
the optimizer calls.

BUG (CE101): the model ends in softmax and the closure gives its output to CrossEntropyLoss.
"""
import torch
import torch.nn as nn


class SoftmaxRegression(nn.Module):
    def __init__(self, n_features, n_classes):
        super().__init__()
        self.linear = nn.Linear(n_features, n_classes)

    def forward(self, x):
        return torch.softmax(self.linear(x), dim=1)


def train(X, y, n_classes=3, steps=50):
    model = SoftmaxRegression(X.shape[1], n_classes)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.LBFGS(model.parameters(), lr=0.5)

    def closure():
        optimizer.zero_grad()
        loss = criterion(model(X), y)  # error: CE101
        loss.backward()
        return loss

    for _ in range(steps):
        optimizer.step(closure)
    return model
