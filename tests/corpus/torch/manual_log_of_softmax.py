"""Sentence classifier (bag of embeddings) computing log-probabilities by hand as
torch.log(F.softmax(logits, dim=1)) before F.nll_loss.

BUG (CE103): log(softmax(x)) underflows to -inf for confident predictions; use
F.log_softmax(logits, dim=1) (or F.cross_entropy on the logits). The nll_loss
itself receives log-probabilities, so it is not a CE102.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BagOfEmbeddings(nn.Module):
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


def train_epoch(model, dataloader, optimizer):
    model.train()
    total_acc, total_count = 0, 0
    for label, text, offsets in dataloader:
        optimizer.zero_grad()
        logits = model(text, offsets)
        log_probs = torch.log(F.softmax(logits, dim=1))  # error: CE103
        loss = F.nll_loss(log_probs, label)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
        total_acc += (logits.argmax(1) == label).sum().item()
        total_count += label.size(0)
    return total_acc / total_count


if __name__ == "__main__":
    model = BagOfEmbeddings(vocab_size=95811, embed_dim=64, num_class=4)
    optimizer = torch.optim.SGD(model.parameters(), lr=5.0)
    fake = [(torch.randint(0, 4, (8,)), torch.randint(0, 95811, (80,)), torch.arange(0, 80, 10))]
    for epoch in range(1, 11):
        print(epoch, train_epoch(model, fake, optimizer))
