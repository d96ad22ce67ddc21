"""The same helper used correctly: training and the display step both pass logits, and the
probabilities are computed only for the printout.

CORRECT: CrossEntropyLoss always receives raw scores.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss()


def compute_loss(outputs, labels):
    return criterion(outputs, labels)


model = nn.Sequential(nn.Linear(40, 64), nn.ReLU(), nn.Linear(64, 6))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x_val, y_val = torch.randn(200, 40), torch.randint(0, 6, (200,))

for epoch in range(20):
    x, y = torch.randn(128, 40), torch.randint(0, 6, (128,))
    loss = compute_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 5 == 0:
        with torch.no_grad():
            logits = model(x_val)
            probs = F.softmax(logits, dim=1)
            print(f"epoch {epoch}: val loss {compute_loss(logits, y_val).item():.3f}, "
                  f"confidence {probs.max(dim=1).values.mean():.2f}")
