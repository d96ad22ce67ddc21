"""Research-code style text classifier: the output "head" is a lambda stored on the module so it
can be swapped in experiments. It is left as a softmax while training with cross_entropy.

BUG (CE101): F.cross_entropy expects logits and gets the softmax output.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TextCNN(nn.Module):
    def __init__(self, vocab, dim=128, n_classes=4, head=None):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, dim)
        self.proj = nn.Linear(dim, n_classes)
        self.head = head if head is not None else (lambda z: z)

    def forward(self, tokens, offsets):
        return self.head(self.proj(self.embed(tokens, offsets)))


model = TextCNN(vocab=50000, head=lambda z: F.softmax(z, dim=-1))
optimizer = torch.optim.SGD(model.parameters(), lr=4.0)

for label, tokens, offsets in train_iter:
    optimizer.zero_grad()
    predicted = model(tokens, offsets)
    loss = F.cross_entropy(predicted, label)  # error: CE101
    loss.backward()
    optimizer.step()
