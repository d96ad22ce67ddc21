"""Anchor-free detection head returning a dict. In training mode the class scores are
raw logits; only in eval mode are they turned into probabilities for the decoder."""
import torch.nn as nn


class CenterHead(nn.Module):
    def __init__(self, in_channels=256, num_classes=20):
        super().__init__()
        self.cls = nn.Linear(in_channels, num_classes)
        self.box = nn.Linear(in_channels, 4)

    def forward(self, feats):
        logits = self.cls(feats)
        boxes = self.box(feats).relu()
        if self.training:
            return {"cls": logits, "box": boxes}
        return {"cls": logits.softmax(dim=-1), "box": boxes}
