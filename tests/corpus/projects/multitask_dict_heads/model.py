"""Face attributes, multi-task: one trunk, a dict of heads.

"gender": 2-way softmax probabilities; "age": 8 age-bucket logits; "glasses": one raw score.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiTaskNet(nn.Module):
    def __init__(self, feat_dim=512, n_age_buckets=8):
        super().__init__()
        self.trunk = nn.Sequential(nn.Flatten(), nn.Linear(3 * 64 * 64, feat_dim), nn.ReLU())
        self.gender = nn.Linear(feat_dim, 2)
        self.age = nn.Linear(feat_dim, n_age_buckets)
        self.glasses = nn.Linear(feat_dim, 1)

    def forward(self, x):
        h = self.trunk(x)
        return {
            "gender": F.softmax(self.gender(h), dim=1),
            "age": self.age(h),
            "glasses": self.glasses(h).squeeze(-1),
        }
