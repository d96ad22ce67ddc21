"""PyTorch character-level classifier with an explicit log_softmax output and
F.nll_loss. Before computing the loss the author one-hot encodes the target
characters with F.one_hot (int64). nll_loss only takes class indices, so the
Long one-hot matrix is the wrong target.

Bug: CE301, reported on the nll_loss call.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB = 96
EMB = 64
HIDDEN = 256


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, EMB)
        self.gru = nn.GRU(EMB, HIDDEN, batch_first=True)
        self.proj = nn.Linear(HIDDEN, VOCAB)

    def forward(self, x):
        h, _ = self.gru(self.embed(x))
        return F.log_softmax(self.proj(h[:, -1]), dim=-1)


text = open("shakespeare.txt").read()
ids = torch.tensor([min(ord(c) - 32, VOCAB - 1) for c in text if ord(c) >= 32])

model = CharRNN()
opt = torch.optim.Adam(model.parameters(), lr=2e-3)
SEQ = 50

for step in range(2000):
    starts = torch.randint(0, len(ids) - SEQ - 1, (32,))
    xb = torch.stack([ids[s:s + SEQ] for s in starts])
    next_char = torch.stack([ids[s + SEQ] for s in starts])
    target = F.one_hot(next_char, num_classes=VOCAB)

    log_probs = model(xb)
    loss = F.nll_loss(log_probs, target)  # error: CE301
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 200 == 0:
        print(step, loss.item())
