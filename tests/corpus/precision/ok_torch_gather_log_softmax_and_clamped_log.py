"""The stable versions of the same training step: log_softmax then gather, and (for a model that
must output probabilities) a clamped log of the gathered probability.

CORRECT: no log of an unclipped softmax.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

model = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 100))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(1000):
    x, y = torch.randn(64, 512), torch.randint(0, 100, (64,))
    logits = model(x)
    nll = -F.log_softmax(logits, dim=1).gather(1, y.view(-1, 1)).mean()
    p = F.softmax(logits, dim=1)
    calibrated = -torch.log(p.gather(1, y.view(-1, 1)).clamp(min=1e-7)).mean()
    loss = nll + 0.1 * calibrated
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
