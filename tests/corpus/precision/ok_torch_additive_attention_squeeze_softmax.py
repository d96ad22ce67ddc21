"""Bahdanau (additive) attention for a GRU encoder-decoder: one score per encoder step from a
one-unit layer, squeezed, then a softmax over the keys (the last axis after the squeeze).

CORRECT: `.squeeze(-1)` removes the one-unit axis; the softmax normalises over the source positions.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AdditiveAttention(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.query = nn.Linear(hidden, hidden, bias=False)
        self.key = nn.Linear(hidden, hidden, bias=False)
        self.energy = nn.Linear(hidden, 1, bias=False)

    def forward(self, decoder_state, encoder_outputs, mask):
        # decoder_state: (B, H), encoder_outputs: (B, T, H)
        features = torch.tanh(self.query(decoder_state).unsqueeze(1) + self.key(encoder_outputs))
        scores = self.energy(features).squeeze(-1)  # (B, T)
        weights = F.softmax(scores, dim=-1)
        weights = weights * mask / (weights * mask).sum(dim=-1, keepdim=True)
        context = torch.bmm(weights.unsqueeze(1), encoder_outputs).squeeze(1)
        return context, weights


class Decoder(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.attention = AdditiveAttention(hidden)
        self.cell = nn.GRUCell(2 * hidden, hidden)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, token, state, encoder_outputs, mask):
        context, weights = self.attention(state, encoder_outputs, mask)
        state = self.cell(torch.cat([self.embed(token), context], dim=-1), state)
        return self.out(state), state, weights


decoder = Decoder(8000, 256)
logits, state, weights = decoder(torch.zeros(4, dtype=torch.long), torch.zeros(4, 256),
                                 torch.randn(4, 30, 256), torch.ones(4, 30, dtype=torch.bool))
loss = F.cross_entropy(logits, torch.randint(0, 8000, (4,)))
loss.backward()
