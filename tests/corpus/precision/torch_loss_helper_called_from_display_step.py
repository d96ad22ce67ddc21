"""Training script with a `compute_loss` helper: training passes logits, but the periodic display
step passes the softmax probabilities (computed for the printout) to the same helper -- the
reported validation loss is a second softmax's. The finding is inside the helper; its related
locations name the softmax and the display call.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss()


def compute_loss(outputs, labels):
    return criterion(outputs, labels)  # error: CE101


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
            probs = F.softmax(model(x_val), dim=1)
            print(f"epoch {epoch}: val loss {compute_loss(probs, y_val).item():.3f}, "
                  f"confidence {probs.max(dim=1).values.mean():.2f}")
