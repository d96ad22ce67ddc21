"""Tabular multi-class model with a predict_proba() method using F.softmax(..., dim=-1);
training uses nn.CrossEntropyLoss on forward()'s raw logits.

CORRECT (no finding): the softmax lives in the inference-only method.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ForestCoverNet(nn.Module):
    def __init__(self, n_features=54, n_classes=7, hidden=(256, 128)):
        super().__init__()
        layers, prev = [], n_features
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.SiLU()]
            prev = h
        self.backbone = nn.Sequential(*layers)
        self.classifier = nn.Linear(prev, n_classes)

    def forward(self, x):
        return self.classifier(self.backbone(x))

    @torch.no_grad()
    def predict_proba(self, x):
        self.eval()
        return F.softmax(self.forward(x), dim=-1)

    def predict(self, x):
        return self.predict_proba(x).argmax(dim=-1)


def main():
    X = torch.randn(10000, 54)
    y = torch.randint(0, 7, (10000,))
    model = ForestCoverNet()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    for epoch in range(10):
        model.train()
        for i in range(0, len(X), 256):
            optimizer.zero_grad()
            loss = criterion(model(X[i:i + 256]), y[i:i + 256])
            loss.backward()
            optimizer.step()
        acc = (model.predict(X) == y).float().mean().item()
        print(f"epoch {epoch}: loss={loss.item():.4f} acc={acc:.3f}")


if __name__ == "__main__":
    main()
