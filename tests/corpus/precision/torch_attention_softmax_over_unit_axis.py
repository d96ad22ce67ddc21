"""Attention pooling for a sentence classifier where the one-unit score is never squeezed: the
softmax over dim=-1 runs over the single unit, so every weight is 1.0 and the "attention" is a sum.
The `.float()` cast for mixed precision keeps the unit axis.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AttentionPool(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.score = nn.Linear(hidden, 1)

    def forward(self, h):
        # h: (B, T, H); scores: (B, T, 1)
        scores = self.score(h).float()
        weights = F.softmax(scores, dim=-1)  # error: CE201
        return (weights * h).sum(dim=1)


class Classifier(nn.Module):
    def __init__(self, vocab=30000, hidden=128, classes=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.rnn = nn.LSTM(hidden, hidden, batch_first=True)
        self.pool = AttentionPool(hidden)
        self.fc = nn.Linear(hidden, classes)

    def forward(self, tokens):
        h, _ = self.rnn(self.embed(tokens))
        return self.fc(self.pool(h))


model = Classifier()
criterion = nn.CrossEntropyLoss()
loss = criterion(model(torch.randint(0, 30000, (16, 50))), torch.randint(0, 4, (16,)))
loss.backward()
