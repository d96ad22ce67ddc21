"""Multi-label toxic-comment tagger (6 labels): raw logits go to nn.BCEWithLogitsLoss;
torch.sigmoid is applied afterwards only to threshold predictions for F1.

CORRECT (no finding).
"""
import torch
import torch.nn as nn

LABELS = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]


class ToxicTagger(nn.Module):
    def __init__(self, vocab_size, dim=300, hidden=128):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dim)
        self.lstm = nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(4 * hidden, len(LABELS))

    def forward(self, ids):
        h, _ = self.lstm(self.embedding(ids))
        pooled = torch.cat([h.mean(dim=1), h.max(dim=1).values], dim=1)
        return self.out(pooled)


def evaluate_f1(logits, targets, threshold=0.5):
    preds = (torch.sigmoid(logits) > threshold).float()
    tp = (preds * targets).sum(0)
    precision = tp / preds.sum(0).clamp(min=1)
    recall = tp / targets.sum(0).clamp(min=1)
    return (2 * precision * recall / (precision + recall).clamp(min=1e-8)).mean().item()


model = ToxicTagger(vocab_size=50000)
criterion = nn.BCEWithLogitsLoss(pos_weight=torch.full((len(LABELS),), 5.0))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(4):
    for _ in range(50):
        ids = torch.randint(0, 50000, (32, 150))
        targets = torch.randint(0, 2, (32, len(LABELS))).float()
        logits = model(ids)
        loss = criterion(logits, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: loss {loss.item():.4f} f1 {evaluate_f1(logits.detach(), targets):.3f}")
