"""`from torch.nn import *` in a small tabular model that does it right: the head is a Linear layer
and CrossEntropyLoss gets the logits. Correct.
"""
import torch
from torch.nn import *


class TabularNet(Module):
    def __init__(self, n_in, n_classes):
        super().__init__()
        self.layers = Sequential(Linear(n_in, 200), ReLU(), Dropout(0.1), Linear(200, 100), ReLU(),
                                 Linear(100, n_classes))

    def forward(self, x):
        return self.layers(x)


model = TabularNet(32, 3)
loss_fn = CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters())

for xb, yb in train_dl:
    loss = loss_fn(model(xb), yb)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
