"""Wide & Deep click model for the ranker project (flat layout, imported as
`from models import WideAndDeep`). forward() returns a raw score: no sigmoid.
"""
import torch
import torch.nn as nn


class WideAndDeep(nn.Module):
    def __init__(self, n_sparse, n_dense, emb_dim=16, hidden=(256, 128)):
        super().__init__()
        self.wide = nn.EmbeddingBag(n_sparse, 1, mode="sum")
        self.emb = nn.EmbeddingBag(n_sparse, emb_dim, mode="mean")
        layers, prev = [], emb_dim + n_dense
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.ReLU()]
            prev = h
        self.deep = nn.Sequential(*layers)
        self.deep_out = nn.Linear(prev, 1)

    def forward(self, sparse_ids, offsets, dense):
        wide = self.wide(sparse_ids, offsets)
        deep = self.deep(torch.cat([self.emb(sparse_ids, offsets), dense], dim=1))
        return (wide + self.deep_out(deep)).squeeze(1)
