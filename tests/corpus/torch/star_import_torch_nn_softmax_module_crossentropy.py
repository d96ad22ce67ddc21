"""A student's CIFAR-10 CNN with `from torch.nn import *`: every module name is bare.

BUG (CE101): the forward ends in Softmax(dim=1) and CrossEntropyLoss applies log_softmax again.
"""
import torch
from torch.nn import *
from torch.optim import SGD


class Net(Module):
    def __init__(self):
        super().__init__()
        self.conv = Sequential(Conv2d(3, 32, 3), ReLU(), MaxPool2d(2), Conv2d(32, 64, 3), ReLU(), MaxPool2d(2))
        self.classifier = Sequential(
            Linear(64 * 6 * 6, 256),
            ReLU(),
            Linear(256, 10),
            Softmax(dim=1),
        )

    def forward(self, x):
        return self.classifier(self.conv(x).flatten(1))


net = Net()
criterion = CrossEntropyLoss()
optimizer = SGD(net.parameters(), lr=0.01, momentum=0.9)

for epoch in range(20):
    for inputs, labels in trainloader:
        optimizer.zero_grad()
        loss = criterion(net(inputs), labels)  # error: CE101
        loss.backward()
        optimizer.step()
