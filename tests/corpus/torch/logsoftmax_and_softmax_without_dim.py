"""Speech-command classifier (MFCC input) with nn.LogSoftmax() + nn.NLLLoss, and a
predict() that calls F.softmax(logp) -- both without an explicit dim.

BUG (CE104) x2: nn.LogSoftmax() and F.softmax() without dim rely on the deprecated
implicit dimension. The loss pairing itself (NLLLoss on LogSoftmax) is correct.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class KeywordSpotter(nn.Module):
    def __init__(self, n_mfcc=40, n_keywords=12):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(n_mfcc, 64, kernel_size=5, padding=2),
            nn.BatchNorm1d(64),
            nn.ReLU(),
            nn.Conv1d(64, 64, kernel_size=5, padding=2),
            nn.ReLU(),
            nn.AdaptiveMaxPool1d(1),
        )
        self.fc = nn.Linear(64, n_keywords)
        self.log_softmax = nn.LogSoftmax()  # error: CE104

    def forward(self, mfcc):
        h = self.conv(mfcc).squeeze(-1)
        return self.log_softmax(self.fc(h))

    @torch.no_grad()
    def predict(self, mfcc):
        self.eval()
        logp = self.forward(mfcc)
        return F.softmax(logp)  # error: CE104


def main():
    model = KeywordSpotter()
    criterion = nn.NLLLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = [(torch.randn(16, 40, 101), torch.randint(0, 12, (16,))) for _ in range(30)]
    for epoch in range(5):
        model.train()
        for mfcc, target in batches:
            optimizer.zero_grad()
            loss = criterion(model(mfcc), target)
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())
    print(model.predict(batches[0][0]).max(dim=1))


if __name__ == "__main__":
    main()
