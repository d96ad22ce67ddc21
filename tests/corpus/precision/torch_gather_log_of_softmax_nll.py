"""Research-repo training step: the model returns probabilities (used for calibration plots), and
the loss picks the true class's probability with gather and takes its log.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, classes=100):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(512, 256), nn.ReLU())
        self.head = nn.Linear(256, classes)

    def forward(self, x):
        return F.softmax(self.head(self.body(x)), dim=1)


model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

for step in range(1000):
    x, y = torch.randn(64, 512), torch.randint(0, 100, (64,))
    p = model(x)
    loss = -torch.log(p.gather(1, y.view(-1, 1))).mean()  # error: CE103
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
