"""GRU encoder-decoder for date normalisation ("3rd of May 2021" -> "2021-05-03").
The decoder returns log-probabilities over the output vocabulary (log_softmax)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Seq2Seq(nn.Module):
    def __init__(self, src_vocab, tgt_vocab, emb=64, hidden=128):
        super().__init__()
        self.src_emb = nn.Embedding(src_vocab, emb)
        self.tgt_emb = nn.Embedding(tgt_vocab, emb)
        self.encoder = nn.GRU(emb, hidden, batch_first=True)
        self.decoder = nn.GRU(emb, hidden, batch_first=True)
        self.out = nn.Linear(hidden, tgt_vocab)

    def forward(self, src, tgt_in):
        _, h = self.encoder(self.src_emb(src))
        dec, _ = self.decoder(self.tgt_emb(tgt_in), h)
        return F.log_softmax(self.out(dec), dim=-1)

    def greedy(self, src, bos, steps=10):
        _, h = self.encoder(self.src_emb(src))
        tok = torch.full((src.size(0), 1), bos, dtype=torch.long)
        outs = []
        for _ in range(steps):
            dec, h = self.decoder(self.tgt_emb(tok), h)
            tok = self.out(dec).argmax(-1)
            outs.append(tok)
        return torch.cat(outs, dim=1)
