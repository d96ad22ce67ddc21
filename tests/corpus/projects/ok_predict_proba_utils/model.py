"""Tabular MLP. forward() returns logits; probabilities only come out of predict_proba()."""
import torch
import torch.nn as nn


class TabularMLP(nn.Module):
    def __init__(self, n_features, n_classes, hidden=(256, 128), p_drop=0.2):
        super().__init__()
        layers, width = [], n_features
        for h in hidden:
            layers += [nn.Linear(width, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p_drop)]
            width = h
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.head(self.body(x))

    @torch.no_grad()
    def predict_proba(self, x):
        self.eval()
        return torch.softmax(self.forward(x), dim=-1)

    def predict(self, x):
        return self.predict_proba(x).argmax(dim=-1)
