"""Transfer-learning head on frozen features; the head ends in nn.Softmax(dim=1)."""
import torch.nn as nn


class FlowerHead(nn.Module):
    def __init__(self, in_features=1280, n_classes=102):
        super().__init__()
        self.classifier = nn.Sequential(
            nn.Dropout(0.2),
            nn.Linear(in_features, 512),
            nn.ReLU(),
            nn.Linear(512, n_classes),
            nn.Softmax(dim=1),
        )

    def forward(self, features):
        return self.classifier(features)
