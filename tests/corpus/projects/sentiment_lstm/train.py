"""Sentiment training script. CORRECT (no finding): build_model() returns raw
two-column logits, nn.CrossEntropyLoss gets them; F.softmax(..., dim=1) is used only
in evaluate() to report the mean positive-class probability.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from models import build_model


def evaluate(model, batches):
    model.eval()
    correct, n, pos_prob = 0, 0, 0.0
    with torch.no_grad():
        for ids, labels in batches:
            logits = model(ids)
            probs = F.softmax(logits, dim=1)
            pos_prob += probs[:, 1].sum().item()
            correct += (logits.argmax(dim=1) == labels).sum().item()
            n += len(labels)
    return correct / n, pos_prob / n


def main():
    model = build_model()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = [(torch.randint(1, 25000, (32, 100)), torch.randint(0, 2, (32,))) for _ in range(50)]
    for epoch in range(5):
        model.train()
        for ids, labels in batches:
            optimizer.zero_grad()
            loss = criterion(model(ids), labels)
            loss.backward()
            optimizer.step()
        acc, mean_pos = evaluate(model, batches[:5])
        print(f"epoch {epoch}: loss={loss.item():.4f} acc={acc:.3f} p(pos)={mean_pos:.3f}")


if __name__ == "__main__":
    main()
