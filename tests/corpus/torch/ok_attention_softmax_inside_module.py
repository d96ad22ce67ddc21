"""Tiny transformer text classifier with hand-written self-attention: the attention
weights use torch.softmax(scores, dim=-1) inside the block; the classifier head returns
raw logits to F.cross_entropy.

CORRECT (no finding): the softmax is internal, not the model's output.
"""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class SelfAttention(nn.Module):
    def __init__(self, dim, heads=4):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.heads)
        attn = torch.softmax(scores, dim=-1)
        out = (attn @ v).transpose(1, 2).reshape(b, t, d)
        return self.proj(out)


class TransformerClassifier(nn.Module):
    def __init__(self, vocab, dim=128, n_classes=4, max_len=256):
        super().__init__()
        self.tok = nn.Embedding(vocab, dim)
        self.pos = nn.Parameter(torch.zeros(1, max_len, dim))
        self.attn = SelfAttention(dim)
        self.norm1 = nn.LayerNorm(dim)
        self.ff = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.norm2 = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, ids):
        x = self.tok(ids) + self.pos[:, : ids.size(1)]
        x = self.norm1(x + self.attn(x))
        x = self.norm2(x + self.ff(x))
        return self.head(x.mean(dim=1))


model = TransformerClassifier(vocab=30522)
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
for step in range(200):
    ids = torch.randint(0, 30522, (16, 128))
    labels = torch.randint(0, 4, (16,))
    logits = model(ids)
    loss = F.cross_entropy(logits, labels, label_smoothing=0.05)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 50 == 0:
        print(step, loss.item())
