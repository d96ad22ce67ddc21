"""Pointer network / span extraction heads: a one-unit layer scores each position, the unit axis
is removed with `.view(batch, -1)` or indexing, and the softmax runs over positions.

CORRECT: after `view(b, -1)`, `[..., 0]` and `.flatten(1)` the last axis holds positions, not units.
"""
import torch
from torch import nn


class SpanHead(nn.Module):
    def __init__(self, hidden=768):
        super().__init__()
        self.start = nn.Linear(hidden, 1)
        self.end = nn.Linear(hidden, 1)
        self.pointer = nn.Linear(hidden, 1)

    def forward(self, sequence_output):
        b = sequence_output.size(0)
        start_logits = self.start(sequence_output).view(b, -1)
        end_logits = self.end(sequence_output)[..., 0]
        pointer = self.pointer(sequence_output).flatten(1)
        return (torch.softmax(start_logits, dim=-1), torch.softmax(end_logits, dim=-1),
                torch.softmax(pointer, dim=-1))


head = SpanHead()
start, end, pointer = head(torch.randn(2, 384, 768))
loss = -(torch.log(start[:, 5] + 1e-9) + torch.log(end[:, 9] + 1e-9)).mean()
loss.backward()
