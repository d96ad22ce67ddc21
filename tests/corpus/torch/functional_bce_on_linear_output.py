"""Siamese duplicate-question detector: the head returns self.classifier(features)
(raw scores) and the training step uses F.binary_cross_entropy.

BUG (CE102): F.binary_cross_entropy needs probabilities; use
F.binary_cross_entropy_with_logits for raw scores.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SiameseEncoder(nn.Module):
    def __init__(self, vocab_size, dim=200):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.encoder = nn.LSTM(dim, dim, batch_first=True)
        self.classifier = nn.Linear(4 * dim, 1)

    def encode(self, tokens):
        _, (h, _) = self.encoder(self.embed(tokens))
        return h[-1]

    def forward(self, q1, q2):
        a, b = self.encode(q1), self.encode(q2)
        features = torch.cat([a, b, torch.abs(a - b), a * b], dim=1)
        return self.classifier(features).squeeze(1)


def training_step(model, optimizer, q1, q2, is_duplicate):
    model.train()
    optimizer.zero_grad()
    scores = model(q1, q2)
    loss = F.binary_cross_entropy(scores, is_duplicate.float())  # error: CE102
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    model = SiameseEncoder(vocab_size=30000)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(100):
        q1 = torch.randint(1, 30000, (32, 25))
        q2 = torch.randint(1, 30000, (32, 25))
        y = torch.randint(0, 2, (32,))
        if step % 10 == 0:
            print(step, training_step(model, optimizer, q1, q2, y))
