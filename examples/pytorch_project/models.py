"""Model definitions for the flower classifier (used by train.py)."""
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models


class FlowerNet(nn.Module):
    def __init__(self, num_classes=102):
        super().__init__()
        self.backbone = models.resnet18(weights="IMAGENET1K_V1")
        self.backbone.fc = nn.Identity()
        self.head = nn.Linear(512, num_classes)

    def forward(self, images):
        features = self.backbone(images)
        return F.softmax(self.head(features), dim=1)
