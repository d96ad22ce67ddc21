"""Character-level LSTM language model: torch.log_softmax(logits, dim=-1) followed by
F.nll_loss over the flattened sequence.

CORRECT (no finding).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CharLM(nn.Module):
    def __init__(self, n_chars, emb=64, hidden=512, layers=2):
        super().__init__()
        self.emb = nn.Embedding(n_chars, emb)
        self.rnn = nn.LSTM(emb, hidden, num_layers=layers, batch_first=True, dropout=0.2)
        self.decoder = nn.Linear(hidden, n_chars)

    def forward(self, x, state=None):
        out, state = self.rnn(self.emb(x), state)
        return self.decoder(out), state


def train(text_ids, n_chars, seq_len=100, batch=32, steps=1000):
    model = CharLM(n_chars)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    for step in range(steps):
        starts = torch.randint(0, len(text_ids) - seq_len - 1, (batch,))
        x = torch.stack([text_ids[s:s + seq_len] for s in starts])
        y = torch.stack([text_ids[s + 1:s + seq_len + 1] for s in starts])
        logits, _ = model(x)
        log_probs = torch.log_softmax(logits, dim=-1)
        loss = F.nll_loss(log_probs.reshape(-1, n_chars), y.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        if step % 100 == 0:
            print(f"step {step}: bpc {loss.item() / 0.6931:.3f}")
    return model


if __name__ == "__main__":
    corpus = open("input.txt").read()
    vocab = sorted(set(corpus))
    ids = torch.tensor([vocab.index(c) for c in corpus])
    train(ids, len(vocab))
