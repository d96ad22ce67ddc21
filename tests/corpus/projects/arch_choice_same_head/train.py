"""python train.py --arch cnn

BUG (CE101): whichever architecture --arch picks, the model returns softmax
probabilities of the same 10 classes, and nn.CrossEntropyLoss expects logits.
"""
import argparse

import torch
import torch.nn as nn

from nets import MLP, SmallCNN

parser = argparse.ArgumentParser()
parser.add_argument("--arch", choices=["cnn", "mlp"], default="cnn")
parser.add_argument("--epochs", type=int, default=15)
args = parser.parse_args()

model = SmallCNN(num_classes=10) if args.arch == "cnn" else MLP(num_classes=10)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = torch.load("signs_loader.pt")

for epoch in range(args.epochs):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)  # error: CE101
        loss.backward()
        optimizer.step()
