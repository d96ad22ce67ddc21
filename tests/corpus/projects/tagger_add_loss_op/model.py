"""A BiLSTM part-of-speech tagger that carries its own training loop (a course-project
style `Model` with add_loss_op / add_optimizer / fit).

BUG (CE102): forward returns raw tag scores, but train.py installs nn.NLLLoss,
which expects log-probabilities. Reported in fit(), where the loss is applied.
"""
import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self, vocab_size, n_tags, emb_dim=100, hidden=128):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.lstm = nn.LSTM(emb_dim, hidden, batch_first=True, bidirectional=True)
        self.proj = nn.Linear(2 * hidden, n_tags)
        self.loss_op = None
        self.optimizer = None

    def add_loss_op(self, loss_op):
        self.loss_op = loss_op

    def add_optimizer(self, lr):
        self.optimizer = torch.optim.Adam(self.parameters(), lr=lr)

    def forward(self, tokens):
        states, _ = self.lstm(self.embed(tokens))
        return self.proj(states)

    def fit(self, batches, n_epochs=10):
        for epoch in range(n_epochs):
            total = 0.0
            for tokens, tags in batches:
                self.optimizer.zero_grad()
                scores = self(tokens)
                loss = self.loss_op(scores.view(-1, scores.size(-1)), tags.view(-1))  # error: CE102
                loss.backward()
                self.optimizer.step()
                total += loss.item()
            print(f"epoch {epoch}: {total / len(batches):.3f}")
