"""A shared `run` helper takes an optional post-processing function. Training calls it without one
(logits into CrossEntropyLoss); evaluation passes a softmax to report probabilities. Correct.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(40, 128), nn.ReLU(), nn.Linear(128, 12))

    def forward(self, x):
        return self.body(x)


def run(model, batch, post=None):
    out = model(batch)
    return post(out) if post else out


model = Classifier()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)

for features, target in train_loader:
    optimizer.zero_grad()
    loss = criterion(run(model, features), target)
    loss.backward()
    optimizer.step()

model.eval()
with torch.no_grad():
    probs = run(model, val_features, post=lambda z: F.softmax(z, dim=1))
print(probs.max(dim=1))
