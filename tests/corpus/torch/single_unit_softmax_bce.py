"""Spam detector: last layer nn.Linear(hidden, 1) followed by F.softmax(..., dim=1),
trained with nn.BCELoss.

BUG (CE201): softmax over a single unit always outputs 1.0, so the model predicts
"spam" for everything and the loss gradient is zero. A single unit needs a sigmoid.
(BCELoss does receive probabilities, so there is no CE102.)
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SpamClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim=100, hidden=128):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden, batch_first=True)
        self.classifier = nn.Linear(hidden, 1)

    def forward(self, tokens):
        emb = self.embed(tokens)
        _, (h_n, _) = self.lstm(emb)
        score = self.classifier(h_n[-1])
        return F.softmax(score, dim=1)  # error: CE201


def run(train_batches, vocab_size, epochs=5):
    model = SpamClassifier(vocab_size)
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    for epoch in range(epochs):
        epoch_loss = 0.0
        for tokens, is_spam in train_batches:
            optimizer.zero_grad()
            probs = model(tokens)
            loss = criterion(probs, is_spam.float().unsqueeze(1))
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
        print(f"epoch {epoch}: {epoch_loss:.3f}")
    return model


if __name__ == "__main__":
    batches = [(torch.randint(1, 5000, (32, 40)), torch.randint(0, 2, (32,))) for _ in range(20)]
    run(batches, vocab_size=5000)
