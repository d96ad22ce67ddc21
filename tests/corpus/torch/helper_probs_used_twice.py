"""A helper predict_proba(model, x) returns F.softmax(model(x), dim=1) and is used by
both the training loop and the validation loop as the input to F.cross_entropy.

BUG (CE101) reported once per loss call site (train and validation), not at the
helper and not per model call.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, d_in=32, d_hidden=128, n_out=6):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, d_hidden), nn.GELU(),
            nn.Linear(d_hidden, d_hidden), nn.GELU(),
            nn.Linear(d_hidden, n_out),
        )

    def forward(self, x):
        return self.net(x)


def predict_proba(model, x):
    return F.softmax(model(x), dim=1)


def fit(model, train_loader, val_loader, epochs=20):
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-4)
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            optimizer.zero_grad()
            loss = F.cross_entropy(predict_proba(model, x), y)  # error: CE101
            loss.backward()
            optimizer.step()

        model.eval()
        val_loss, n = 0.0, 0
        with torch.no_grad():
            for xv, yv in val_loader:
                val_loss += F.cross_entropy(predict_proba(model, xv), yv, reduction="sum").item()  # error: CE101
                n += len(yv)
        print(f"epoch {epoch}: val_loss={val_loss / n:.4f}")


if __name__ == "__main__":
    train = [(torch.randn(64, 32), torch.randint(0, 6, (64,))) for _ in range(10)]
    val = [(torch.randn(64, 32), torch.randint(0, 6, (64,))) for _ in range(2)]
    fit(MLP(), train, val)
