"""MNIST MLP ending in nn.LogSoftmax(dim=1), trained with nn.CrossEntropyLoss.

CORRECT (no finding): redundant but harmless -- log_softmax is idempotent, so
CrossEntropyLoss(log_softmax(x)) equals CrossEntropyLoss(x).
"""
import torch
import torch.nn as nn
from torchvision import datasets, transforms

model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Dropout(0.2),
    nn.Linear(256, 10),
    nn.LogSoftmax(dim=1),
)

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

train_loader = torch.utils.data.DataLoader(
    datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor()),
    batch_size=100,
    shuffle=True,
)

for epoch in range(5):
    model.train()
    running_loss = 0.0
    for images, labels in train_loader:
        optimizer.zero_grad()
        output = model(images)
        loss = criterion(output, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print(f"Epoch {epoch + 1}: training loss {running_loss / len(train_loader):.4f}")
