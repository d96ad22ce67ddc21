"""Churn predictor: `from torch.nn import CrossEntropyLoss`; the model's constructor
defaults out_features to 1 and the script never overrides it.

BUG (CE202): CrossEntropyLoss over a single output column is identically zero.
"""
import torch
from torch import nn
from torch.nn import CrossEntropyLoss


class ChurnModel(nn.Module):
    def __init__(self, n_features, hidden=48, out_features=1):
        super().__init__()
        self.fc1 = nn.Linear(n_features, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(in_features=hidden, out_features=out_features)
        self.act = nn.LeakyReLU(0.1)

    def forward(self, x):
        x = self.act(self.fc1(x))
        x = self.act(self.fc2(x))
        logits = self.out(x)
        return logits


def train(features, churned, epochs=100):
    model = ChurnModel(features.shape[1])
    loss_fn = CrossEntropyLoss()
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        perm = torch.randperm(len(features))
        for i in range(0, len(features), 128):
            idx = perm[i:i + 128]
            opt.zero_grad()
            logits = model(features[idx])
            loss = loss_fn(logits, churned[idx])  # error: CE202
            loss.backward()
            opt.step()
        if epoch % 10 == 0:
            print(epoch, loss.item())
    return model


if __name__ == "__main__":
    X = torch.randn(5000, 19)
    y = torch.randint(0, 2, (5000,))
    train(X, y)
