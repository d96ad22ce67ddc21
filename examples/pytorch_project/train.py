"""Training loop for FlowerNet (models.py).

The model returns softmax probabilities and the loss here is nn.CrossEntropyLoss: the softmax is
applied twice. flake8 sees one file at a time and stays silent; `celint check` follows the import.
"""
import torch
import torch.nn as nn
from torchvision import datasets, transforms

from models import FlowerNet

transform = transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()])
dataset = datasets.Flowers102("data", split="train", download=True, transform=transform)
loader = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=True)

model = FlowerNet()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)

for epoch in range(10):
    model.train()
    for images, labels in loader:
        optimizer.zero_grad()
        loss = criterion(model(images), labels)  # error: CE101
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")
