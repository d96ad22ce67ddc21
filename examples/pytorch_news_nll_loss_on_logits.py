"""AG News topic classifier (bag of embeddings) in PyTorch.

F.nll_loss expects log-probabilities, but the model returns raw scores. NLL has no log inside:
on raw scores the loss is -mean(z[target]), which goes negative and decreases without bound.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_class):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, mode="mean")
        self.fc = nn.Linear(embed_dim, num_class)
        self.init_weights()

    def init_weights(self):
        self.embedding.weight.data.uniform_(-0.5, 0.5)
        self.fc.weight.data.uniform_(-0.5, 0.5)
        self.fc.bias.data.zero_()

    def forward(self, text, offsets):
        return self.fc(self.embedding(text, offsets))


def train_epoch(model, batches, optimizer):
    model.train()
    for labels, text, offsets in batches:
        optimizer.zero_grad()
        logits = model(text, offsets)
        loss = F.nll_loss(logits, labels)  # error: CE102
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
    return loss.item()


if __name__ == "__main__":
    model = TextClassifier(vocab_size=95811, embed_dim=64, num_class=4)
    optimizer = torch.optim.SGD(model.parameters(), lr=5.0)
    batches = [(torch.randint(0, 4, (8,)), torch.randint(0, 95811, (80,)), torch.arange(0, 80, 10))]
    for epoch in range(10):
        print(epoch, train_epoch(model, batches, optimizer))
