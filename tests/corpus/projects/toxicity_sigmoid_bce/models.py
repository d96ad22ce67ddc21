"""Model for the toxicity package: returns per-label probabilities via torch.sigmoid."""
import torch
import torch.nn as nn


class ToxicityModel(nn.Module):
    def __init__(self, vocab_size=30000, dim=200, n_labels=6):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.conv = nn.Conv1d(dim, 256, kernel_size=3, padding=1)
        self.classifier = nn.Linear(256, n_labels)

    def features(self, ids):
        x = self.embed(ids).transpose(1, 2)
        return torch.relu(self.conv(x)).max(dim=2).values

    def forward(self, ids):
        return torch.sigmoid(self.classifier(self.features(ids)))
