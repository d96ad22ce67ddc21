import sys

import torch
import torch.nn as nn

from models import get_model

model = get_model(sys.argv[1] if len(sys.argv) > 1 else "resnet_tiny")
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
for images, labels in torch.load("plants_loader.pt"):
    optimizer.zero_grad()
    loss = criterion(model(images), labels)
    loss.backward()
    optimizer.step()
