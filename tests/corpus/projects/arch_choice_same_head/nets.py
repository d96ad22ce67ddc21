"""Two backbones for the sign-language digits task. Both end in the same head:
a 10-unit linear layer followed by a softmax (the demo app reads probabilities)."""
import torch.nn as nn
import torch.nn.functional as F


class SmallCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.ReLU(),
                                  nn.AdaptiveAvgPool2d(4), nn.Flatten())
        self.fc = nn.Linear(32 * 16, num_classes)

    def forward(self, x):
        return F.softmax(self.fc(self.conv(x)), dim=1)


class MLP(nn.Module):
    def __init__(self, num_classes=10, hidden=256):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(64 * 64, hidden), nn.ReLU(), nn.Linear(hidden, num_classes))

    def forward(self, x):
        return F.softmax(self.net(x), dim=1)
