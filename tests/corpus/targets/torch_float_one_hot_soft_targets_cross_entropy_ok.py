"""Correct: PyTorch CrossEntropyLoss with FLOAT one-hot targets
(F.one_hot(y, 10).float()), smoothed by hand. Since PyTorch 1.10
CrossEntropyLoss accepts class-probability targets of the logits' shape, so
float one-hot is valid and must not be reported as CE301. The Linear head has
10 outputs, matching the 10 classes. No finding.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import datasets, transforms

NUM_CLASSES = 10
SMOOTHING = 0.1

train = datasets.CIFAR10("./data", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(train, batch_size=128, shuffle=True, num_workers=2)

model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(64 * 8 * 8, 256), nn.ReLU(),
    nn.Linear(256, NUM_CLASSES),
)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)

for epoch in range(30):
    for images, labels in loader:
        target = F.one_hot(labels, NUM_CLASSES).float()
        target = target * (1 - SMOOTHING) + SMOOTHING / NUM_CLASSES
        logits = model(images)
        loss = criterion(logits, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: {loss.item():.3f}")
