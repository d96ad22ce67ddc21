"""Flax model definitions. The classifier head is a plain Dense layer (raw logits)."""
from typing import Sequence

import flax.linen as nn


class ResidualBlock(nn.Module):
    features: int

    @nn.compact
    def __call__(self, x, train: bool = True):
        residual = x
        y = nn.Conv(self.features, (3, 3), use_bias=False)(x)
        y = nn.BatchNorm(use_running_average=not train)(y)
        y = nn.relu(y)
        y = nn.Conv(self.features, (3, 3), use_bias=False)(y)
        y = nn.BatchNorm(use_running_average=not train)(y)
        if residual.shape != y.shape:
            residual = nn.Conv(self.features, (1, 1))(residual)
        return nn.relu(residual + y)


class ResNetLite(nn.Module):
    stage_features: Sequence[int] = (32, 64, 128)
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train: bool = True):
        for f in self.stage_features:
            x = ResidualBlock(f)(x, train=train)
            x = nn.avg_pool(x, (2, 2), strides=(2, 2))
        x = x.mean(axis=(1, 2))
        return nn.Dense(features=self.num_classes)(x)

