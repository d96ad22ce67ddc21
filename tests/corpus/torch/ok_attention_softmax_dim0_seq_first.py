"""GRU encoder with additive attention in the old sequence-first layout (time, batch, hidden):
the attention weights are a softmax over dim=0, the time axis, and are used inside the model only.
The classifier head is a plain Linear layer, so CrossEntropyLoss gets logits. Correct.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AttnClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim=128, hidden=256, n_classes=5):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.rnn = nn.GRU(embed_dim, hidden)
        self.score = nn.Linear(hidden, 1)
        self.out = nn.Linear(hidden, n_classes)

    def forward(self, tokens):  # tokens: (time, batch)
        states, _ = self.rnn(self.embed(tokens))  # (time, batch, hidden)
        weights = F.softmax(self.score(states), dim=0)  # over time steps
        context = (weights * states).sum(dim=0)  # (batch, hidden)
        return self.out(context)


model = AttnClassifier(vocab_size=20000)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=2e-4)


def train_epoch(loader):
    model.train()
    for tokens, labels in loader:
        optimizer.zero_grad()
        loss = criterion(model(tokens), labels)
        loss.backward()
        optimizer.step()
