"""PyTorch defect classifier for 6 mutually exclusive defect types. The
class ids are one-hot encoded with F.one_hot(...).float() and trained with a
6-unit nn.Sigmoid head and nn.BCELoss, i.e. as six independent yes/no
problems although exactly one defect type applies per image.

Bug: CE203, reported where the BCE criterion is applied.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import datasets, transforms

NUM_DEFECTS = 6

tfm = transforms.Compose([transforms.Grayscale(), transforms.Resize((64, 64)), transforms.ToTensor()])
train_set = datasets.ImageFolder("neu_surface_defects/train", transform=tfm)
loader = torch.utils.data.DataLoader(train_set, batch_size=32, shuffle=True)

model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(32 * 16 * 16, 128), nn.ReLU(),
    nn.Linear(128, NUM_DEFECTS),
    nn.Sigmoid(),
)
criterion = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(20):
    for images, labels in loader:
        y = F.one_hot(labels, NUM_DEFECTS).float()
        probs = model(images)
        loss = criterion(probs, y)  # error: CE203
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch} last loss {loss.item():.4f}")
