"""Model zoo for the plant-disease project. CORRECT for training (no finding):
`resnet_tiny` returns logits; `legacy_cnn` (kept to reproduce last year's demo) ends in a
softmax. Which one train.py builds is only known at run time, so nothing is claimed."""
import torch.nn as nn


class ResNetTiny(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU())
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x):
        return self.fc(self.pool(self.stem(x)).flatten(1))


class LegacyCNN(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 16, 5), nn.ReLU(), nn.AdaptiveAvgPool2d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(64, num_classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.head(self.body(x))


def get_model(name, num_classes=38):
    if name == "resnet_tiny":
        return ResNetTiny(num_classes)
    if name == "legacy_cnn":
        return LegacyCNN(num_classes)
    raise ValueError(f"unknown model {name}")
