"""Correct (look-alike): mixup training in PyTorch. The targets start as
F.one_hot(labels, 10), which is Long, but they are mixed with a float
coefficient (lam * y_a + (1 - lam) * y_b), which yields float soft targets
before they reach nn.CrossEntropyLoss. Soft float targets are valid class
probabilities, so this must not be reported as CE301. No finding.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision import transforms

NUM_CLASSES = 10
ALPHA = 0.2

train = torchvision.datasets.CIFAR10("./data", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(train, batch_size=128, shuffle=True, drop_last=True)

model = torchvision.models.resnet18(num_classes=NUM_CLASSES)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)

for epoch in range(200):
    model.train()
    for inputs, labels in loader:
        lam = float(np.random.beta(ALPHA, ALPHA))
        index = torch.randperm(inputs.size(0))
        mixed_x = lam * inputs + (1 - lam) * inputs[index]
        y_a = F.one_hot(labels, NUM_CLASSES)
        y_b = y_a[index]
        soft_targets = lam * y_a + (1 - lam) * y_b

        outputs = model(mixed_x)
        loss = criterion(outputs, soft_targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch} loss {loss.item():.3f}")
