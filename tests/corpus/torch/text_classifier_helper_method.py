"""GRU text classifier: forward() returns self._classify(h) and _classify applies
F.softmax(..., dim=1). Training happens in train_one_epoch(model, loader, criterion)
with the criterion passed in from main().

BUG (CE101): the criterion passed in is nn.CrossEntropyLoss, and it receives the
softmax output produced through the helper method.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GRUClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim=128, hidden=256, num_labels=5):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.gru = nn.GRU(embed_dim, hidden, batch_first=True, bidirectional=True)
        self.dropout = nn.Dropout(0.3)
        self.fc = nn.Linear(2 * hidden, num_labels)

    def _classify(self, h):
        return F.softmax(self.fc(self.dropout(h)), dim=1)

    def forward(self, input_ids):
        emb = self.embedding(input_ids)
        _, h_n = self.gru(emb)
        h = torch.cat([h_n[-2], h_n[-1]], dim=1)
        return self._classify(h)


def train_one_epoch(model, loader, criterion, optimizer):
    model.train()
    total = 0.0
    for input_ids, labels in loader:
        optimizer.zero_grad()
        outputs = model(input_ids)
        loss = criterion(outputs, labels)  # error: CE101
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item()
    return total / len(loader)


def main():
    vocab_size = 20000
    loader = [(torch.randint(1, vocab_size, (32, 64)), torch.randint(0, 5, (32,))) for _ in range(100)]
    model = GRUClassifier(vocab_size)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(5):
        print(epoch, train_one_epoch(model, loader, criterion, optimizer))


if __name__ == "__main__":
    main()
