"""Generic helpers: fit one epoch, score a loader. CORRECT (no finding): main.py
passes TabularMLP, whose forward returns logits, with nn.CrossEntropyLoss."""
import torch


def fit(model, loss_fn, loader, optimizer, device="cpu"):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        outputs = model(xb)
        loss = loss_fn(outputs, yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


def accuracy(model, loader, device="cpu"):
    hits, n = 0, 0
    for xb, yb in loader:
        pred = model.predict(xb.to(device))
        hits += (pred.cpu() == yb).sum().item()
        n += len(yb)
    return hits / n
