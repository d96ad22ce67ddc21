"""Part-of-speech tagger (embedding + BiLSTM) in PyTorch.

The scores have shape (batch, time, tags). F.log_softmax without dim= makes PyTorch guess, and for
a 3-D input it picks dim 0: the batch axis. Each "distribution" mixes different sentences.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, EMBED, HIDDEN, TAGS, PAD = 20000, 100, 128, 17, 0


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, EMBED, padding_idx=PAD)
        self.lstm = nn.LSTM(EMBED, HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, TAGS)

    def forward(self, tokens):
        h, _ = self.lstm(self.embed(tokens))
        return F.log_softmax(self.out(h))  # error: CE104


model = Tagger()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(500):
    tokens = torch.randint(1, VOCAB, (32, 40))
    tags = torch.randint(0, TAGS, (32, 40))
    log_probs = model(tokens)
    loss = F.nll_loss(log_probs.reshape(-1, TAGS), tags.reshape(-1), ignore_index=-100)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
