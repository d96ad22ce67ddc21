"""Model factory for the sentiment project (flat scripts, imported as
`from models import build_model`). The classifier ends in nn.Linear(hidden, 2):
raw logits, two classes.
"""
import torch.nn as nn


class LSTMEncoder(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden, batch_first=True)

    def forward(self, ids):
        _, (h, _) = self.lstm(self.embedding(ids))
        return h[-1]


def build_model(vocab_size=25000, embed_dim=128, hidden=256):
    return nn.Sequential(
        LSTMEncoder(vocab_size, embed_dim, hidden),
        nn.Dropout(0.3),
        nn.Linear(hidden, 2),
    )
